/**
 * The leadership side of the add-on in the playground, as `npm start` runs
 * it, in Debian's headless Chromium: goals typed into a sheet of one's own
 * are imported through the real Import page, the dashboard is built from the
 * menu and shows the teams' scores, and "Start next cycle" asks Yes/No (No
 * changes nothing), then archives the cycle. Screenshot:
 * artifacts/playground-dashboard.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, cell, menu, openTab, type } from './page';
import { ROOT, startPlaygroundProcess, type Running } from './process';

const HAVE_CHROMIUM = existsSync(CHROMIUM);
const MUST_RUN = process.env.CI === 'true';
const describeBrowser = HAVE_CHROMIUM || MUST_RUN ? describe : describe.skip;

const GOALS = [
  ['Objective', 'Key result', 'Start', 'Target', 'Current', 'Team'],
  ['Customers buy again', 'Repeat orders', '0', '10', '4', 'Sales'],
  ['The platform is boringly reliable', 'Incidents per month', '6', '2', '4', 'IT'],
];

describeBrowser('dashboard, import and next cycle in the playground', () => {
  let browser: Browser;
  let server: Running | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'okr-leadership-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing; CI=true requires the browser tests to run`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The cells of the row of `sheet` whose cell reads exactly `label`. */
  async function rowOf(page: Page, sheet: string, label: string): Promise<string[]> {
    const row = page.locator(`table.sheet[data-sheet="${sheet}"] tr`, { has: page.locator('td', { hasText: new RegExp(`^${label}$`) }) }).first();
    return row.locator('td').allTextContents();
  }

  it('imports goals from a sheet, shows them on the dashboard, and starts the next cycle only after Yes', async () => {
    server = await startPlaygroundProcess(['--state', join(dir, 'workbook.json'), '--today', '2026-11-24', '--empty']);
    const page = await browser.newPage({ viewport: { width: 1900, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await page.waitForSelector('table.sheet');

    // Someone's own goal sheet.
    for (const [r, line] of GOALS.entries()) for (const [c, value] of line.entries()) await type(page, `${'ABCDEF'[c]}${r + 1}`, value, value);

    await menu(page, 'menuSetUpCycle');
    await page.waitForSelector('#dialog[open]');
    await page.fill('#dialog-input', 'Q4 2026; Sales, IT');
    await page.click('#dialog-buttons button[value="OK"]');
    await page.waitForSelector('#tabs button[data-sheet="OKRs"]');

    // Import: select a cell of the goal sheet (its data is the source), then the real Import page in the sidebar.
    await openTab(page, 'Sheet1');
    await cell(page, 'A1').click();
    await menu(page, 'menuImportOkrs');
    const importPage = page.frameLocator('#sidebar-frame');
    await importPage.locator('#import').waitFor();
    await expect(importPage.locator('#import').textContent()).resolves.toBe('Import 2 key results');
    await importPage.locator('#import').click();
    await importPage.locator('p.ok').waitFor();
    await expect(importPage.locator('p.ok').textContent()).resolves.toContain('2 key results in 2 objectives');
    await openTab(page, 'OKRs');
    await expect(cell(page, 'G2').textContent()).resolves.toBe('Repeat orders');
    await expect(cell(page, 'A1').textContent()).resolves.not.toBe('');
    await openTab(page, 'Sheet1');
    await expect(cell(page, 'B3').textContent()).resolves.toBe('Incidents per month'); // the source is untouched

    // The dashboard, from the menu: one row per team with its score.
    await menu(page, 'menuRefreshDashboard');
    await page.waitForSelector('.toast >> text=is ready');
    await openTab(page, 'Dashboard');
    await expect(rowOf(page, 'Dashboard', 'Sales')).resolves.toEqual(expect.arrayContaining(['40%']));
    await expect(rowOf(page, 'Dashboard', 'IT')).resolves.toEqual(expect.arrayContaining(['50%']));
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'artifacts', 'playground-dashboard.png') });

    // Start next cycle asks Yes/No; No leaves everything as it is.
    const tabs = () => page.locator('#tabs button').allTextContents();
    const before = await tabs();
    await menu(page, 'menuStartNextCycle');
    await page.waitForSelector('#dialog[open]');
    await expect(page.locator('#dialog-text').textContent()).resolves.toContain('Start Q1 2027 (2027-01-01 to 2027-03-31) after Q4 2026?');
    await expect(page.locator('#dialog-buttons button').allTextContents()).resolves.toEqual(['Yes', 'No']);
    await page.click('#dialog-buttons button[value="NO"]');
    await page.waitForFunction(() => !document.querySelector('#dialog[open]') && document.getElementById('status')?.textContent === 'Saved');
    await expect(tabs()).resolves.toEqual(before);
    await menu(page, 'menuStartNextCycle');
    await page.waitForSelector('#dialog[open]');
    await page.click('#dialog-buttons button[value="YES"]');
    await page.waitForSelector('.toast >> text=Cycle Q1 2027 is set up');
    // The running cycle in front, then Sheet1 (it holds the goals), then the Archive list; the archived sheets are hidden behind it.
    await expect(tabs()).resolves.toEqual(['OKRs', 'Tactics', 'Settings', 'Sheet1', 'Archive']);
    await openTab(page, 'Archive');
    await expect(page.locator('table.sheet[data-sheet="Archive"]').textContent()).resolves.toEqual(
      expect.stringMatching(/OKRs \(Q4 2026\)[\s\S]*Dashboard \(Q4 2026\)[\s\S]*Settings \(Q4 2026\)/),
    );
    await openTab(page, 'OKRs');
    await expect(cell(page, 'G2').textContent()).resolves.toBe('Repeat orders'); // carried into the new cycle
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
