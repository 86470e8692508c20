/**
 * `npm start` (scripts/start.mjs) and `npm run export` (scripts/export.mjs)
 * run these, bundled for node by esbuild.
 *
 *   npm start -- [--port 8080] [--lang en|de] [--reset] [--empty] [--today YYYY-MM-DD] [--state FILE]
 *   npm run export -- out.xlsx [--state FILE] [--lang en|de]
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportWorkbook } from './export';
import { seedSample } from './sample';
import { startPlayground } from './server';
import { PlaygroundSession, type Lang } from './session';

export interface Paths {
  root: string;
  distDir: string;
  staticDir: string;
}

interface Args {
  port: number;
  lang: Lang;
  reset: boolean;
  empty: boolean;
  today?: string;
  state: string;
  host?: string;
  positional: string[];
}

export function parseArgs(argv: string[], root: string): Args {
  const args: Args = { port: 8080, lang: 'en', reset: false, empty: false, state: join(root, '.playground', 'workbook.json'), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') {
      args.port = Number(value());
      if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port wants a number from 0 to 65535 (0: any free port)');
    } else if (flag === '--lang') {
      const lang = value().toLowerCase();
      if (lang !== 'en' && lang !== 'de') throw new Error('--lang is en or de');
      args.lang = lang;
    } else if (flag === '--reset') args.reset = true;
    else if (flag === '--empty') args.empty = true;
    else if (flag === '--today') args.today = value();
    else if (flag === '--state') args.state = resolve(value());
    else if (flag === '--host') args.host = value();
    else if (flag.startsWith('--')) throw new Error(`unknown option ${flag}`);
    else args.positional.push(argv[i]);
  }
  return args;
}

export async function start(argv: string[], paths: Paths): Promise<void> {
  const args = parseArgs(argv, paths.root);
  const started = Date.now();
  const playground = await startPlayground({
    distDir: paths.distDir,
    staticDir: paths.staticDir,
    stateFile: args.state,
    lang: args.lang,
    port: args.port,
    host: args.host,
    reset: args.reset,
    empty: args.empty,
    today: args.today,
  });
  const { session } = playground;
  const how = session.restored
    ? `your workbook from ${args.state} (--reset starts over from the sample)`
    : args.empty
      ? 'an empty workbook'
      : `the sample cycle (${session.lang === 'de' ? 'German' : 'English'})`;
  console.log(`OKR for Sheets playground (dist/Code.js on an in-memory workbook) with ${how}, ready in ${Date.now() - started} ms.`);
  if (session.restored && session.lang !== args.lang && argv.some((a) => a.startsWith('--lang'))) {
    console.log(`The saved workbook is ${session.lang === 'de' ? 'German' : 'English'}; --lang applies to a new sample: add --reset.`);
  }
  console.log(`Open ${playground.url}`);
  const stop = () => void playground.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export async function exportCommand(argv: string[], paths: Paths): Promise<void> {
  const args = parseArgs(argv, paths.root);
  const out = args.positional[0];
  if (!out || !out.endsWith('.xlsx')) throw new Error('Usage: npm run export -- out.xlsx [--state FILE] [--lang en|de]');
  const session = new PlaygroundSession({ distDir: paths.distDir, stateFile: args.state, lang: args.lang, today: args.today });
  if (!session.restored) seedSample(session);
  writeFileSync(resolve(out), await exportWorkbook(session.spreadsheet));
  console.log(`Wrote ${resolve(out)} (${session.restored ? `the workbook of ${args.state}` : 'the sample cycle'}).`);
}

export { PlaygroundSession } from './session';
export { exportWorkbook } from './export';
export { seedSample } from './sample';
