/**
 * One list of entry points: what src/server/index.ts exports (read by the
 * build), what the build declared at the end of dist/Code.js, what the
 * playground registers as custom functions and lets google.script.run call,
 * what the browser tests' bridge exposes, and the README's table of custom
 * functions. Any drift between them fails here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { customFunctionNames, entryPointsOf, scriptRunNames } from '../../playground/entryPoints';
import { PlaygroundSession } from '../../playground/session';
import { createRealServer } from '../browser/realServer';
import { DIST } from './realistic';

const ROOT = join(__dirname, '../..');
const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
const declared = entryPointsOf(code);

/** The build's own reading of src/server/index.ts (scripts/build.mjs exposedFunctions). */
function exported(): { name: string; params: string[]; custom: boolean }[] {
  const script = "import('./scripts/build.mjs').then((m) => console.log(JSON.stringify(m.exposedFunctions().map(({ name, params, custom }) => ({ name, params, custom })))))";
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

describe('one list of entry points, from src/server/index.ts through the build', () => {
  it('dist/Code.js declares exactly the exports of src/server/index.ts, with their parameters and @customfunction', () => {
    expect(declared).toEqual(exported());
    expect(customFunctionNames(declared)).toEqual(expect.arrayContaining(['OKR_SCORE', 'OKR_CALIBRATION']));
  });

  it('the playground registers every custom function and lets google.script.run call every other entry point', () => {
    const session = new PlaygroundSession({ distDir: DIST, lang: 'en', today: '2026-11-24' });
    expect(session.customFunctions).toEqual(customFunctionNames(declared)); // the loader's list (emulator/loadAddon.ts)
    expect(Object.keys(session.harness.spreadsheet.host.customFunctions).sort()).toEqual(customFunctionNames(declared).sort());
    expect([...session.entryPoints].sort()).toEqual(declared.map((p) => p.name).sort());
    expect([...session.entryPoints].filter((n) => !session.customFunctions.includes(n)).sort()).toEqual(scriptRunNames(declared).sort());
    expect(() => session.call('OKR_SCORE', [0, 10, 5])).toThrow('Script function not found: OKR_SCORE');
    // Every custom function answers in a cell (no #NAME?), the fifth one included.
    const sheet = session.spreadsheet.sheets[0];
    session.edit(sheet.name, 1, 1, '=OKR_CALIBRATION({1,1})');
    session.edit(sheet.name, 1, 2, '=OKR_SCORE(0,10,5)');
    expect(session.grid(sheet.name).display[0].slice(0, 2)).toEqual(['set too low?', '0.5']);
  });

  it('the browser tests’ bridge exposes the same functions as the playground’s', () => {
    expect(Object.keys(createRealServer().functions).sort()).toEqual(scriptRunNames(declared).sort());
  });

  it('the README documents exactly the custom functions the bundle declares', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = [...readme.matchAll(/^\| `=([A-Z_]+)\(/gm)].map((m) => m[1]);
    expect(table.sort()).toEqual(customFunctionNames(declared).sort());
  });
});
