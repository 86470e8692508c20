/**
 * The playground (npm start): time from start to the first page, and time to
 * render a 300-KR register, each as a ratio to a static-file request
 * (/static/page.css) on the same server.
 * - start: spawning `node scripts/start.mjs` until GET / answers, on a new
 *   workbook (the sample cycle is made through the bundle) and on a saved one;
 * - 300 KRs: the register's grid from the server (GET /api/grid), and the
 *   whole page in headless Chromium until the grid is drawn (when
 *   /usr/bin/chromium exists).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlayground, paths } from '../scripts/playground.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'okr-bench-playground-'));
const TODAY = '2026-11-24';

function start(args) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--port', '0', '--today', TODAY, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = async (chunk) => {
      out += chunk;
      const m = /Open http:\/\/localhost:(\d+)/.exec(out);
      if (!m) return;
      child.stdout.off('data', onData);
      const url = `http://127.0.0.1:${m[1]}`;
      await (await fetch(`${url}/`)).text();
      resolve({ url, ms: performance.now() - t0, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => reject(new Error(`playground exited with ${code}: ${out}`)));
  });
}

async function median(fn, repeats = 15) {
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const staticRequest = (url) => median(async () => (await fetch(`${url}/static/page.css`)).text(), 30);

/** A saved workbook with 300 key results (25 objectives of 12), made through the bundle's sidebar functions. */
async function workbookWith300Krs(file) {
  const { PlaygroundSession } = await loadPlayground();
  const session = new PlaygroundSession({ distDir: paths.distDir, stateFile: file, lang: 'en', today: TODAY });
  session.runMenu('menuSetUpCycle', [{ text: 'Q4 2026; Sales, Marketing, IT, HR', button: 'OK' }]);
  for (let o = 0; o < 25; o++) {
    const result = session.call('sidebarSaveObjective', [
      {
        team: ['Sales', 'Marketing', 'IT', 'HR'][o % 4],
        title: `Objective ${o + 1}`,
        goalType: o % 2 ? 'moonshot' : 'roofshot',
        keyResults: Array.from({ length: 12 }, (_, k) => ({ title: `KR ${k + 1}`, kind: 'increase', start: 0, target: 100, current: (o * 7 + k * 13) % 101 })),
      },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
  session.save();
}

console.log('== Playground (npm start): ratios to a static-file request on the same server ==');
try {
  const state = join(dir, 'workbook.json');
  const fresh = await start(['--state', state]);
  const staticMs = await staticRequest(fresh.url);
  await fresh.stop();
  const again = await start(['--state', state]);
  await again.stop();
  console.log(`static file:          ${staticMs.toFixed(2)} ms (median of 30)`);
  console.log(`start to first page:  ${fresh.ms.toFixed(0)} ms with the new sample cycle (${(fresh.ms / staticMs).toFixed(0)}x), ${again.ms.toFixed(0)} ms from the saved workbook (${(again.ms / staticMs).toFixed(0)}x)`);

  const big = join(dir, 'big.json');
  const t0 = performance.now();
  await workbookWith300Krs(big);
  const made = performance.now() - t0;
  const server = await start(['--state', big]);
  const staticBig = await staticRequest(server.url);
  const gridMs = await median(async () => (await fetch(`${server.url}/api/grid?sheet=OKRs`)).text(), 7);
  const size = (await (await fetch(`${server.url}/api/grid?sheet=OKRs`)).text()).length;
  console.log(`300-KR register:      grid from the server ${gridMs.toFixed(0)} ms (${(gridMs / staticBig).toFixed(0)}x the static file), ${(size / 1024).toFixed(0)} KB JSON; workbook made through the bundle in ${(made / 1000).toFixed(1)} s`);
  if (existsSync('/usr/bin/chromium')) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const pageMs = await median(async () => {
      await page.goto(server.url);
      await page.waitForFunction(() => document.querySelectorAll('table.sheet tbody tr').length > 300);
    }, 5);
    const rows = await page.evaluate(() => document.querySelectorAll('table.sheet tbody tr').length);
    await browser.close();
    console.log(`                      whole page in Chromium until ${rows} rows are drawn: ${pageMs.toFixed(0)} ms (${(pageMs / staticBig).toFixed(0)}x the static file)`);
  } else console.log('                      (no /usr/bin/chromium: page render not measured)');
  await server.stop();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
