/**
 * The grid draws what Sheets draws, in headless Chromium, for a sheet with
 * everything a person can do to its look: a frozen row and column (they stay
 * in view when scrolled), merged cells (one cell across the merge, the
 * keyboard steps over it), a hidden row and column (not drawn, skipped by
 * the arrows), a taller row, wrapped text (the row grows), text running on
 * into empty cells (and stopping at a filled one), and a number format with
 * four sections. The workbook is made with the in-memory Sheets API and
 * given to `npm start` as its saved workbook.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PlaygroundSession } from '../../playground/session';
import { CHROMIUM, CHROMIUM_ARGS, cell, openTab } from './page';
import { startPlaygroundProcess, type Running } from './process';
import { DIST } from './realistic';

const HAVE_CHROMIUM = existsSync(CHROMIUM);
const MUST_RUN = process.env.CI === 'true';
const describeBrowser = HAVE_CHROMIUM || MUST_RUN ? describe : describe.skip;

describeBrowser('the grid draws a sheet as Sheets does', () => {
  let browser: Browser;
  let server: Running;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'okr-grid-'));

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing; CI=true requires the browser tests to run`);
    const state = join(dir, 'workbook.json');
    const session = new PlaygroundSession({ distDir: DIST, lang: 'en', stateFile: state, today: '2026-11-24' });
    const sheet = session.spreadsheet.insertSheet('Looks');
    sheet.getRange('A1:F1').setValues([['Frozen title row that is long', '', '', 'D1', '', '']]);
    sheet.getRange('A2:A30').setValues(Array.from({ length: 29 }, (_, i) => [`row ${i + 2}`]));
    sheet.getRange('B3:D3').merge().setValue('merged B3:D3');
    sheet.getRange('B5').setValue('Long text that runs on into the empty cells to its right');
    sheet.getRange('E5').setValue('stop');
    sheet.getRange('B7').setValue('Wrapped text that needs several lines in a narrow column').setWrap(true);
    sheet.getRange('C8:F8').setValues([[5, -5, 0, 'n/a']]).setNumberFormat('0.0" pts";(0.0" pts");"zero";"text: "@');
    sheet.setRowHeight(9, 42);
    sheet.getRange('B10').setValue('in hidden row 10');
    sheet.hideRows(10);
    sheet.getRange('G2').setValue('in hidden column G');
    sheet.hideColumns(7);
    sheet.setColumnWidth(2, 120);
    for (let c = 8; c <= 26; c++) sheet.getRange(2, c).setValue(`col ${c}`);
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(1);
    session.save();
    server = await startPlaygroundProcess(['--state', state, '--today', '2026-11-24']);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.waitForSelector('table.sheet');
    await openTab(page, 'Looks');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // boundingBox() is null while a redraw replaces the table: wait until the cell is on screen.
  const box = async (a1: string) => {
    await cell(page, a1).waitFor({ state: 'visible' });
    return (await cell(page, a1).boundingBox())!;
  };

  it('draws merged cells as one cell, and the arrows step over the merge', async () => {
    await expect(cell(page, 'B3').getAttribute('colspan')).resolves.toBe('3');
    expect(await cell(page, 'C3').count()).toBe(0);
    expect(Math.round((await box('B3')).width)).toBe(120 + 100 + 100);
    await cell(page, 'A3').click();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.body.dataset.active)).toBe('B3');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.body.dataset.active)).toBe('E3');
  });

  it('does not draw a hidden row or column, and the arrows skip them', async () => {
    expect(await cell(page, 'B10').count()).toBe(0);
    expect(await cell(page, 'G2').count()).toBe(0);
    await cell(page, 'B9').click();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.body.dataset.active)).toBe('B11');
    await cell(page, 'F2').click();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.body.dataset.active)).toBe('H2');
  });

  it('runs text on into empty cells up to a filled one, wraps text in its column, and keeps the sheet’s row height', async () => {
    const text = await page.locator('td[data-a1="B5"] span.spill').boundingBox();
    expect(Math.round(text!.width)).toBe(120 + 100 + 100 - 9); // B to D; E holds "stop"
    const wrapped = await box('B7');
    expect(wrapped.height).toBeGreaterThan(40); // several lines
    expect(Math.round((await box('B9')).height)).toBe(42);
    expect(Math.round((await box('B4')).height)).toBe(21);
  });

  it('shows every section of a number format', async () => {
    const shown = await Promise.all(['C8', 'D8', 'E8', 'F8'].map((a1) => cell(page, a1).textContent()));
    expect(shown).toEqual(['5.0 pts', '(5.0 pts)', 'zero', 'text: n/a']);
  });

  it('keeps the frozen row and column in view when scrolled', async () => {
    const [row, col] = [await box('D1'), await box('A20')];
    await page.locator('#grid-wrap').evaluate((e) => e.scrollTo({ left: 1500, top: 400 }));
    await page.waitForFunction(() => document.getElementById('grid-wrap')!.scrollLeft > 0 && document.getElementById('grid-wrap')!.scrollTop > 0);
    expect(Math.round((await box('D1')).y)).toBe(Math.round(row.y));
    expect(Math.round((await box('A20')).x)).toBe(Math.round(col.x));
    await page.locator('#grid-wrap').evaluate((e) => e.scrollTo({ left: 0, top: 0 }));
  });
});
