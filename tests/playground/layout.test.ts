/**
 * Layout facts of the playground's screenshot at 1366 x 768 (a common laptop
 * screen) with the 300 px sidebar open, in English and German, compared with
 * the sheets themselves: every column is as wide on screen as the sheet says
 * (not as wide as its longest text), the weekly's input columns are on screen
 * next to the sidebar, hidden columns are not drawn, the frozen header row
 * stays in view when scrolled, and rows are 21 px unless the sheet says
 * otherwise. Screenshots: artifacts/playground-1366-<lang>-<sheet>.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEEKLY_COLUMN } from '../../src/core/layout/weekly';
import type { GridView } from '../../playground/session';
import { CHROMIUM, CHROMIUM_ARGS, openTab } from './page';
import { ROOT, startPlaygroundProcess, type Running } from './process';

const HAVE_CHROMIUM = existsSync(CHROMIUM);
const MUST_RUN = process.env.CI === 'true';
const describeBrowser = HAVE_CHROMIUM || MUST_RUN ? describe : describe.skip;
const ARTIFACTS = join(ROOT, 'artifacts');

async function view(page: Page, sheet: string): Promise<GridView> {
  return (await page.evaluate(async (name) => (await fetch(`/api/grid?sheet=${encodeURIComponent(name)}`)).json(), sheet)) as GridView;
}

/** What the screen shows of each column: its letter, left and right edge (px), as the headers are drawn. */
async function columnsOnScreen(page: Page): Promise<{ col: number; left: number; right: number; width: number }[]> {
  return page.$$eval('table.sheet thead th[data-col]', (ths) =>
    ths.map((th) => {
      const box = th.getBoundingClientRect();
      return { col: Number((th as HTMLElement).dataset.col), left: box.left, right: box.right, width: box.width };
    }),
  );
}

describeBrowser.each(['en', 'de'] as const)('the playground at 1366 x 768 (%s)', (lang) => {
  let browser: Browser;
  let server: Running;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), `okr-layout-${lang}-`));

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing; CI=true requires the browser tests to run`);
    server = await startPlaygroundProcess(['--state', join(dir, 'workbook.json'), '--today', '2026-11-24', '--lang', lang]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.waitForSelector('table.sheet');
    await page.frameLocator('#sidebar-frame').locator('#save-btn').waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws every sheet’s columns as wide as the sheet says, and no hidden column', async () => {
    const names = await page.$$eval('#tabs button', (tabs) => tabs.map((t) => (t as HTMLElement).dataset.sheet!));
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) {
      await openTab(page, name);
      const sheet = await view(page, name);
      const shown = await columnsOnScreen(page);
      const hidden = new Set(sheet.hiddenCols);
      expect(shown.map((c) => c.col)).toEqual(Array.from({ length: sheet.cols }, (_, i) => i + 1).filter((c) => !hidden.has(c)));
      for (const c of shown) expect([name, c.col, Math.round(c.width)]).toEqual([name, c.col, sheet.widths[c.col - 1]]);
    }
  }, 90_000);

  it('shows the weekly’s input columns on screen next to the open sidebar, rows 21 px high unless the sheet says otherwise', async () => {
    const weekly = 'Weekly 2026-W47';
    await openTab(page, weekly);
    const sheet = await view(page, weekly);
    const wrap = await page.locator('#grid-wrap').boundingBox();
    const sidebar = await page.locator('#sidebar').boundingBox();
    expect(sidebar!.width).toBe(300);
    expect(wrap!.x + wrap!.width).toBeLessThanOrEqual(sidebar!.x + 1);
    const shown = await columnsOnScreen(page);
    for (const col of [WEEKLY_COLUMN.id, WEEKLY_COLUMN.title, WEEKLY_COLUMN.last, WEEKLY_COLUMN.input, WEEKLY_COLUMN.second, WEEKLY_COLUMN.note]) {
      const c = shown.find((x) => x.col === col)!;
      expect(c).toBeDefined();
      expect(c.left).toBeGreaterThanOrEqual(wrap!.x);
      expect(c.right).toBeLessThanOrEqual(wrap!.x + wrap!.width);
    }
    expect(shown.some((c) => c.col === WEEKLY_COLUMN.key)).toBe(false); // the hidden key column
    const heights = await page.$$eval('table.sheet tbody tr', (trs) => trs.map((tr) => ({ row: Number((tr.firstElementChild as HTMLElement).dataset.row), h: tr.getBoundingClientRect().height, wraps: !!tr.querySelector('td.wrap') })));
    for (const { row, h, wraps } of heights) {
      const set = sheet.rowHeights[row] ?? 21;
      if (wraps) expect(h).toBeGreaterThanOrEqual(set - 0.5); // wrapped text may make a row taller, as in Sheets
      else expect([row, Math.round(h)]).toEqual([row, set]);
    }
    await page.screenshot({ path: join(ARTIFACTS, `playground-1366-${lang}-weekly.png`) });
  }, 60_000);

  it('keeps the register’s frozen header row in view when scrolled down', async () => {
    await openTab(page, 'OKRs');
    const header = page.locator('td[data-a1="A1"]');
    const before = await header.boundingBox();
    await page.locator('#grid-wrap').evaluate((e) => e.scrollTo({ top: 2000 }));
    await page.waitForFunction(() => document.getElementById('grid-wrap')!.scrollTop > 0);
    const after = await header.boundingBox();
    expect(Math.round(after!.y)).toBe(Math.round(before!.y));
    await page.locator('#grid-wrap').evaluate((e) => e.scrollTo({ top: 0 }));
    await page.screenshot({ path: join(ARTIFACTS, `playground-1366-${lang}-register.png`) });
  }, 60_000);
});
