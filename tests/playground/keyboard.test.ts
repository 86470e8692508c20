/**
 * The playground's grid used like Sheets, in Debian's headless Chromium:
 * typing at human speed (120 ms per key, the speed at which the first cell
 * once got 0 and the second 7) and faster (30 ms, no delay at all), with
 * Tab, Enter and clicks between cells; the keyboard (arrows, Shift+arrows,
 * Ctrl+arrows, Escape, F2, Delete, Ctrl+C / Ctrl+V of a range with formulas
 * moving along); the sidebar closed and opened again; number formats with a
 * negative section. Every value is checked in the page and in the workbook
 * the server keeps.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEEKLY_COLUMN } from '../../src/core/layout/weekly';
import type { GridView } from '../../playground/session';
import { CHROMIUM, CHROMIUM_ARGS, cell, menu, openTab, settled, text, type } from './page';
import { startPlaygroundProcess, type Running } from './process';

const HAVE_CHROMIUM = existsSync(CHROMIUM);
const MUST_RUN = process.env.CI === 'true';
const describeBrowser = HAVE_CHROMIUM || MUST_RUN ? describe : describe.skip;

/** The sheet as the server keeps it (display values), not as the page shows it. */
async function stored(page: Page, sheet: string): Promise<string[][]> {
  const view = await page.evaluate(async (name) => (await fetch(`/api/grid?sheet=${encodeURIComponent(name)}`)).json(), sheet);
  return (view as GridView).display;
}
const at = (grid: string[][], a1: string) => {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return grid[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? "";
};
const active = (page: Page) => page.evaluate(() => document.body.dataset.active);

describeBrowser('the grid in headless Chromium, used like Sheets', () => {
  let browser: Browser;
  let server: Running;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'okr-keyboard-'));
  const errors: string[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing; CI=true requires the browser tests to run`);
    server = await startPlaygroundProcess(['--state', join(dir, 'workbook.json'), '--today', '2026-11-24']);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForSelector('table.sheet');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => expect(errors).toEqual([]));

  it('keeps every keystroke in its cell at 120 ms per key: 11, Enter, click another cell, 70', async () => {
    await openTab(page, 'OKRs');
    await type(page, 'K2', '11', undefined, 120);
    await type(page, 'K3', '70', undefined, 120);
    await settled(page);
    await expect(text(page, 'K2')).resolves.toBe('11');
    await expect(text(page, 'K3')).resolves.toBe('70');
    const grid = await stored(page, 'OKRs');
    expect([at(grid, 'K2'), at(grid, 'K3')]).toEqual(['11', '70']);
    expect(await active(page)).toBe('K4'); // Enter moved down, as in Sheets
  }, 60_000);

  it.each([0, 30])('fills a block typed with Tab and Enter at %i ms per key, Enter going back to the first column', async (delay) => {
    await openTab(page, 'Sheet1');
    const top = delay ? 11 : 1;
    await cell(page, `A${top}`).click();
    const expected: string[][] = [];
    for (let r = 0; r < 5; r++) {
      const line = ['', '', '', ''].map((_, c) => (c % 2 ? `${r * 4 + c + 0.5}` : `row ${r + 1} col ${c + 1}`));
      expected.push(line);
      for (let c = 0; c < line.length; c++) {
        await page.keyboard.type(line[c], { delay });
        await page.keyboard.press(c === line.length - 1 ? 'Enter' : 'Tab', { delay });
      }
    }
    expect(await active(page)).toBe(`A${top + 5}`);
    await settled(page);
    const grid = await stored(page, 'Sheet1');
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 4; c++) {
        const a1 = `${String.fromCharCode(65 + c)}${top + r}`;
        expect(at(grid, a1)).toBe(expected[r][c]);
        await expect(text(page, a1)).resolves.toBe(expected[r][c]);
      }
    }
  }, 90_000);

  it('keeps values typed into cells picked by clicks, with no delay between keys and clicks', async () => {
    await openTab(page, 'Sheet1');
    const cells = ['F2', 'G5', 'F3', 'H1', 'G2', 'F4'];
    for (const [i, a1] of cells.entries()) {
      await cell(page, a1).click();
      await page.keyboard.type(String(100 + i));
    }
    await cell(page, 'H8').click(); // the last edit ends with a click elsewhere
    await settled(page);
    const grid = await stored(page, 'Sheet1');
    expect(cells.map((a1) => at(grid, a1))).toEqual(cells.map((_, i) => String(100 + i)));
  }, 60_000);

  it('moves with arrows, Ctrl+arrows and Tab; Escape drops an edit; F2 edits the content; Delete clears a range', async () => {
    await openTab(page, 'Sheet1');
    await cell(page, 'A1').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await active(page)).toBe('C2');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowUp');
    expect(await active(page)).toBe('B1');
    await page.keyboard.press('Control+ArrowDown'); // to the end of the filled block
    expect(await active(page)).toBe('B5');
    await page.keyboard.press('Control+ArrowUp');
    expect(await active(page)).toBe('B1');

    await cell(page, 'B2').click();
    await page.keyboard.type('never saved');
    await page.keyboard.press('Escape');
    expect(await page.locator('#cell-editor.open').count()).toBe(0);
    await cell(page, 'A1').click();
    await page.keyboard.press('F2');
    await page.keyboard.type('!');
    await page.keyboard.press('Enter');
    await settled(page);
    let grid = await stored(page, 'Sheet1');
    expect(at(grid, 'B2')).toBe('5.5');
    expect(at(grid, 'A1')).toBe('row 1 col 1!');

    await cell(page, 'A3').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(page.locator('#cell-name').textContent()).resolves.toBe('A3:B4');
    await page.keyboard.press('Delete');
    await settled(page);
    grid = await stored(page, 'Sheet1');
    expect(['A3', 'B3', 'A4', 'B4'].map((a1) => at(grid, a1))).toEqual(['', '', '', '']);
    expect(at(grid, 'C3')).toBe('row 3 col 3');
  }, 60_000);

  it('copies a range with Ctrl+C and pastes it with Ctrl+V, formulas moving along as in Sheets', async () => {
    await openTab(page, 'Sheet1');
    await type(page, 'A20', '2');
    await type(page, 'B20', '3');
    await type(page, 'C20', '=A20*B20');
    await settled(page);
    await expect(text(page, 'C20')).resolves.toBe('6');
    await cell(page, 'A20').click();
    await cell(page, 'C20').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');
    await cell(page, 'B22').click();
    await page.keyboard.press('Control+v');
    await settled(page);
    const grid = await stored(page, 'Sheet1');
    expect(['B22', 'C22', 'D22'].map((a1) => at(grid, a1))).toEqual(['2', '3', '6']);
    await cell(page, 'D22').click();
    await expect(page.locator('#formula-input').inputValue()).resolves.toBe('=B22*C22');
  }, 60_000);

  it('closes the sidebar with its X, and the menu opens it again', async () => {
    expect(await page.locator('#sidebar').isVisible()).toBe(true);
    const before = await page.locator('#grid-wrap').evaluate((e) => e.clientWidth);
    await page.click('#sidebar-close');
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    expect(await page.locator('#grid-wrap').evaluate((e) => e.clientWidth)).toBeGreaterThanOrEqual(before + 300);
    await openTab(page, 'OKRs'); // a redraw keeps it closed
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    await menu(page, 'menuOpenSidebar');
    await page.waitForSelector('#sidebar:not([hidden])');
    await page.frameLocator('#sidebar-frame').locator('#save-btn').waitFor();
  }, 60_000);

  it('shows a number format’s negative section: a negative change in the weekly reads -0.4, never +-0.4', async () => {
    await openTab(page, 'Weekly 2026-W47');
    const column = String.fromCharCode(64 + WEEKLY_COLUMN.change);
    const changes = await page.locator(`td[data-a1^="${column}"]`).allTextContents();
    expect(changes.some((t) => /^-\d/.test(t))).toBe(true);
    expect(changes.some((t) => /^\+\d/.test(t))).toBe(true);
    expect(changes.filter((t) => t.includes('+-'))).toEqual([]);
  }, 30_000);
});

