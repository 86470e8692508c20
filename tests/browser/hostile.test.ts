/**
 * The hostile corpus (tests/fixtures/hostile.ts) through the real sidebar in
 * headless Chromium, over the real server (dist/Code.js on the in-memory
 * workbook): objectives saved with hostile titles, key results and tactics
 * show them as text (textContent / input values), nothing is injected into the
 * DOM, no dialog opens, no page error; typing them into the fields saves them
 * as text or shows a field error.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { HOSTILE, HOSTILE_SHORT, stored } from '../fixtures/hostile';
import { createRealServer, type RealServer } from './realServer';
import { startHarness, type Harness } from './harness';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const describeBrowser = HAVE_CHROMIUM || process.env.CI === 'true' ? describe : describe.skip;

/** Strings a valid draft can carry (non-blank, at most 500 characters). */
const SEEDABLE = HOSTILE_SHORT.filter((h) => stored(h.text).trim());

const objective = (text: string) => ({
  team: 'Sales',
  title: text,
  goalType: 'roofshot',
  keyResults: [
    { title: text, kind: 'increase', start: 1, target: 5, unit: '' },
    { title: 'Second', kind: 'increase', start: 1, target: 3, unit: '' },
  ],
  tactics: [{ principle: text }],
});

describeBrowser('hostile text in the sidebar (headless Chromium)', () => {
  let browser: Browser;
  let harness: Harness;
  let server: RealServer;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing; CI=true requires the browser tests to run`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    server = createRealServer({ objectives: SEEDABLE.map((h) => objective(h.text)) });
    harness = await startHarness(server.functions);
    page = await (await browser.newContext({ viewport: { width: 300, height: 900 } })).newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(harness.url);
    await page.waitForSelector('#save-btn');
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const field = (path: string) => page.locator(`#f-${path.replace(/\./g, '-')}`);
  /** Elements that only injected markup would create. */
  const injected = () => page.evaluate(() => document.querySelectorAll('img, svg, iframe, object, embed, b, i').length);
  const scriptsAtStart = () => page.evaluate(() => document.querySelectorAll('script').length);

  it('lists and opens every saved hostile objective as text, injecting nothing', async () => {
    const scripts = await scriptsAtStart();
    expect(scripts).toBe(2); // the google.script.run shim and the sidebar's bundle
    const options = await page.locator('#open-select option').allTextContents();
    const stored_ = server.stored();
    expect(stored_).toHaveLength(SEEDABLE.length);
    for (const o of stored_) expect(options).toContain(o.title);
    for (const o of stored_) {
      await page.selectOption('#open-select', o.id);
      await page.click('#open-btn');
      // Opening is asynchronous (google.script.run): wait until this objective is in the form.
      await page.waitForFunction((title) => (document.getElementById('f-title') as HTMLInputElement | null)?.value === title, o.title, { timeout: 10_000 });
      await page.waitForSelector('#delete-btn');
      await expect(field('keyResults.0.title').inputValue()).resolves.toBe(o.keyResults[0].title);
      await expect(field('tactics.0.principle').inputValue()).resolves.toBe(o.tactics[0].principle);
      // The parent picker shows "team: title" as text.
      await expect(page.locator('#f-parentId option').allTextContents()).resolves.toEqual(expect.arrayContaining(stored_.filter((p) => p.id !== o.id).map((p) => `Sales: ${p.title}`)));
    }
    await page.waitForTimeout(100);
    expect(await injected()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(scripts);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it.each(HOSTILE.map((h) => [h.name, h.text]))('typing %s into the title saves it as text or shows a field error', async (_, text) => {
    await page.click('#new-btn');
    await field('title').fill(text);
    await field('keyResults.0.title').fill('Revenue');
    await field('keyResults.0.start').fill('1');
    await field('keyResults.0.target').fill('3');
    await field('keyResults.1.title').fill('Churn');
    await field('keyResults.1.start').fill('2');
    await field('keyResults.1.target').fill('5');
    const before = server.stored().length;
    await page.click('#save-btn');
    const expected = stored(text.replace(/\r\n?/g, '\n')).trim();
    if (!expected || expected.length > 500) {
      await expect(page.locator('[data-error-for="title"]').textContent()).resolves.toMatch(/Too long|Must not be empty/);
      expect(server.stored()).toHaveLength(before);
    } else {
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved.', undefined, { timeout: 5000 });
      const saved = server.stored().slice(-1)[0];
      expect(server.stored()).toHaveLength(before + 1);
      // An <input> holds one line: the browser drops line breaks when the text is typed, as it would for a person.
      expect(saved.title).toBe(stored(text.replace(/[\r\n]/g, '')).trim());
    }
    expect(await injected()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
