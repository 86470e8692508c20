/**
 * Screenshots of every sheet the add-on generates, in English and German, as
 * a person sees them in a 1366 x 768 laptop window with the 300-px sidebar
 * open: the playground (`npm start`, dist/Code.js on the in-memory workbook)
 * in Debian's headless Chromium. Written to docs/screenshots/<lang>-<sheet>.png
 * (linked from the README's user guide).
 *
 *   node scripts/build.mjs && node scripts/screenshots.mjs [--lang en|de] [--out DIR]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const OUT = option('--out', join(ROOT, 'docs', 'screenshots'));
const LANGS = option('--lang', 'en,de').split(',');
const VIEWPORT = { width: 1366, height: 768 };

/** Sheet names by language, in the order of the user guide, and the menu item that makes each (if any). */
const SHEETS = {
  en: [
    ['register', 'OKRs'],
    ['weekly', 'Weekly 2026-W47', 'menuNewWeekly'],
    ['dashboard', 'Dashboard', 'menuRefreshDashboard'],
    ['portfolio', 'Portfolio', 'menuOpenPortfolio'],
    ['review', 'Review Q4 2026', 'menuNewReview'],
    ['retrospective', 'Retrospective Q4 2026', 'menuNewRetrospective'],
    ['tactics', 'Tactics'],
    ['checkin-log', 'Check-in log'],
    ['settings', 'Settings'],
  ],
  de: [
    ['register', 'OKRs'],
    ['weekly', 'Weekly 2026-W47', 'menuNewWeekly'],
    ['dashboard', 'Dashboard', 'menuRefreshDashboard'],
    ['portfolio', 'Portfolio', 'menuOpenPortfolio'],
    ['review', 'Review Q4 2026', 'menuNewReview'],
    ['retrospective', 'Retrospektive Q4 2026', 'menuNewRetrospective'],
    ['tactics', 'Taktiken'],
    ['checkin-log', 'Check-in-Log'],
    ['settings', 'Einstellungen'],
  ],
};

function startPlayground(extra) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--port', '0', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL in 90 s:\n${out}`));
    }, 90_000);
    const onData = (chunk) => {
      out += chunk.toString();
      const m = /Open (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1].replace('localhost', '127.0.0.1'), stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill('SIGTERM')))) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the playground exited with ${code}:\n${out}`)));
  });
}

async function menu(page, fn) {
  await page.click('#addon-menu');
  await page.click(`[data-fn="${fn}"]`);
}

/** Closes a message the add-on showed (an alert), if any. */
async function dismiss(page) {
  const close = page.locator('#dialog[open] button').first();
  if (await close.count()) await close.click();
}

async function shoot(lang, browser) {
  const dir = mkdtempSync(join(tmpdir(), 'okr-shots-'));
  // The sample cycle: objectives from the sidebar and three applied weeklies; "today" in the weekly after them.
  const server = await startPlayground(['--state', join(dir, 'workbook.json'), '--lang', lang, '--reset', '--today', '2026-11-19']);
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(server.url);
    await page.waitForSelector('table.sheet');
    for (const [key, name, fn] of SHEETS[lang]) {
      if (fn && !(await page.locator(`#tabs button[data-sheet="${name}"]`).count())) {
        await menu(page, fn);
        await page.waitForSelector(`#tabs button[data-sheet="${name}"]`, { timeout: 120_000 });
        await page.waitForTimeout(500);
        await dismiss(page);
      }
      await page.click(`#tabs button[data-sheet="${name}"]`);
      await page.waitForSelector(`table.sheet[data-sheet="${name}"]`);
      // The sidebar open, as a team works: 300 px of the window.
      if (!(await page.locator('#sidebar:not([hidden])').count())) await menu(page, 'menuOpenSidebar');
      await page.waitForTimeout(300);
      await dismiss(page);
      const file = join(OUT, `${lang}-${key}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await page.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  for (const lang of LANGS) await shoot(lang, browser);
} finally {
  await browser.close();
}
