/**
 * Drives the built Import page (dist/Import.html) in headless Chromium with
 * google.script.run shimmed onto the real server functions of dist/Code.js
 * over the in-memory workbook (see harness.ts and realServer.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createRealServer, type RealServer } from './realServer';
import { startHarness, type Harness } from './harness';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const MUST_RUN = process.env.CI === 'true';
const IMPORT_HTML = join(__dirname, '../../dist/Import.html');
const describeBrowser = HAVE_CHROMIUM || MUST_RUN ? describe : describe.skip;

const SOURCE = [
  ['Ziel', 'Schlüsselergebnis', 'Startwert', 'Zielwert', 'Ist', 'Abteilung', 'Notiz'],
  ['Bestandskunden kaufen mehr', 'Umsatz pro Kunde', '50.000', '60.000', '55.000', 'Sales', ''],
  ['', 'Abwanderung', '8,5', '5', '', '', ''],
  ['Tickets sind schnell gelöst', '<img src=x onerror="window.pwned=1">', 10, 2, 'viel', 'Customer Service', ''],
  ['Marketing macht Lärm', 'Leads', 10, 50, 20, 'Marketing', ''],
  ['Die Plattform läuft', 'Störungen pro Monat', 6, 2, 4, 'IT', ''],
];

describeBrowser('Import page in headless Chromium', () => {
  let browser: Browser;
  let harness: Harness;
  let context: BrowserContext;
  let page: Page;
  let server: RealServer;
  let pageErrors: string[];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing; CI=true requires the browser tests to run`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    harness = await startHarness({}, IMPORT_HTML);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  async function open(): Promise<void> {
    server = createRealServer({ lang: 'de' });
    const ss = server.harness.spreadsheet;
    ss.insertSheet('Unsere Ziele').getRange(1, 1, SOURCE.length, SOURCE[0].length).setValues(SOURCE.map((l) => l.map((v) => (typeof v === 'string' && v ? `'${v}` : v))) as never);
    ss.setSelection('Unsere Ziele', `A1:G${SOURCE.length}`);
    const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null));
    harness.setServer({
      importPreview: (...args: unknown[]) => json(server.bundle.importPreview(...json(args))),
      importRun: (...args: unknown[]) => json(server.bundle.importRun(...json(args))),
    });
    harness.calls.length = 0;
    pageErrors = [];
    context = await browser.newContext({ viewport: { width: 300, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(harness.url);
    await page.waitForSelector('#import');
  }

  it('shows the mapping, the preview and the unreadable rows, and imports the rest without touching the source', async () => {
    await open();
    const source = server.harness.spreadsheet.getSheetByName('Unsere Ziele')!;
    const before = { values: source.getDataRange().getValues(), formulas: source.getDataRange().getFormulas() };
    await expect(page.locator('.summary').textContent()).resolves.toBe(
      'Bereich Unsere Ziele!A1:G6: 3 lesbare Key Results in 2 Objectives, 2 Zeilen lassen sich nicht lesen.',
    );
    await expect(page.locator('select[data-column]').evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value))).resolves.toEqual([
      'objective', 'keyResult', 'start', 'target', 'current', 'team', 'ignore',
    ]);
    await expect(page.locator('label[for="col-0"]').textContent()).resolves.toBe('Ziel');
    await expect(page.locator('.problems li').allTextContents()).resolves.toEqual([
      'Zeile 4: Der aktuelle Wert „viel“ ist keine Zahl.',
      'Zeile 5: Team „Marketing“ steht nicht in den Einstellungen. Ergänze es in der Teamliste (Einstellungen, Spalte D) und importiere erneut.',
    ]);
    // Nothing is wider than the 300 px sidebar.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);

    // Ignoring the "Ist" column makes row 4 readable: its hostile title shows as text.
    await page.selectOption('#col-4', 'ignore');
    await page.waitForFunction(() => document.querySelectorAll('.problems li').length === 1);
    await expect(page.locator('.rows li[data-row="4"]').textContent()).resolves.toContain('<img src=x onerror="window.pwned=1">');
    await expect(page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
    await expect(page.locator('#import').textContent()).resolves.toBe('4 Key Results importieren');

    await page.click('#import');
    await page.waitForSelector('p.ok');
    await expect(page.locator('p.ok').textContent()).resolves.toContain('4 Key Results in 3 Objectives ins Register importiert');
    const run = harness.calls.find((c) => c.fn === 'importRun')!;
    expect(run.args[0]).toEqual({ sheetName: 'Unsere Ziele', a1: 'A1:G6', mapping: ['objective', 'keyResult', 'start', 'target', 'ignore', 'team', 'ignore'] });
    const stored = server.stored();
    expect(stored.map((o) => [o.id, o.team, o.title, o.keyResults.map((kr) => [kr.title, kr.start, kr.target, kr.current])])).toEqual([
      ['O-1', 'Sales', 'Bestandskunden kaufen mehr', [['Umsatz pro Kunde', 50000, 60000, null], ['Abwanderung', 8.5, 5, null]]],
      ['O-2', 'Customer Service', 'Tickets sind schnell gelöst', [['<img src=x onerror="window.pwned=1">', 10, 2, null]]],
      ['O-3', 'IT', 'Die Plattform läuft', [['Störungen pro Monat', 6, 2, null]]],
    ]);
    expect({ values: source.getDataRange().getValues(), formulas: source.getDataRange().getFormulas() }).toEqual(before);
    // After the import, the preview says those rows are in the register now.
    await page.waitForFunction(() => document.querySelectorAll('.problems li').length === 5);
    await expect(page.locator('#import').isDisabled()).resolves.toBe(true);
  });
});
