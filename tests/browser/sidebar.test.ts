/**
 * Drives the built sidebar (dist/Sidebar.html) in Debian's headless Chromium
 * through playwright-core, with google.script.run shimmed onto a server in
 * node (see harness.ts).
 *
 * The server comes from `makeServer` below: today the in-memory dev server,
 * later the real functions of dist/Code.js over the in-memory workbook. The
 * assertions use only `TestServer.stored()` (what `sidebarLoadObjective`
 * returns for every stored objective) and the recorded calls, so swapping the
 * server means changing `makeServer` only.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findTemplate, TACTIC_TEMPLATES } from '../../src/core/templates';
import type { DevServerOptions, TestServer } from './devServer';
import { createRealServer, type RealServer } from './realServer';
import { startHarness, type Harness } from './harness';

/** The real server: dist/Code.js over the in-memory workbook, with a cycle set up from the menu. */
function makeServer(options: DevServerOptions = {}): TestServer {
  return createRealServer(options);
}

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const MUST_RUN = process.env.CI === 'true';
const ARTIFACTS = join(__dirname, '../../artifacts');

if (!HAVE_CHROMIUM && !MUST_RUN)
  console.warn(`Skipping the sidebar browser tests: ${CHROMIUM} is missing (apt-get install -y chromium). Under CI=true they fail instead.`);

const describeBrowser = HAVE_CHROMIUM || MUST_RUN ? describe : describe.skip;

const salesTemplate = findTemplate('sales')!;
/** The teams the real server's cycle is set up with. */
const TEAMS = ['Sales', 'IT', 'Customer Service'];

/** A valid objective to seed the server with. */
function seedObjective(overrides: Record<string, unknown> = {}) {
  return {
    team: 'Sales',
    title: 'Existing customers grow with us',
    goalType: 'roofshot',
    keyResults: [
      { title: 'Revenue per customer', kind: 'increase', start: 50000, target: 60000, unit: 'EUR' },
      { title: 'Churn', kind: 'decrease', start: 8, target: 5.5, unit: '%' },
    ],
    tactics: [{ principle: 'We always choose a call over an e-mail' }],
    ...overrides,
  };
}

describeBrowser('sidebar in headless Chromium', () => {
  let browser: Browser;
  let harness: Harness;
  let context: BrowserContext;
  let page: Page;
  let server: TestServer;
  let dialogs: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing; CI=true requires the browser tests to run`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    harness = await startHarness(makeServer().functions);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  /** Opens the sidebar at 300 px on a fresh server and waits for the bootstrap. */
  async function open(options: DevServerOptions = {}): Promise<void> {
    server = makeServer(options);
    harness.setServer(server.functions);
    harness.calls.length = 0;
    dialogs = [];
    pageErrors = [];
    context = await browser.newContext({ viewport: { width: 300, height: 900 } });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(harness.url);
    await page.waitForSelector('#save-btn');
  }

  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  const errorFor = (path: string) => page.locator(`[data-error-for="${path}"]`);
  const field = (path: string) => page.locator(`#f-${path.replace(/\./g, '-')}`);

  async function startFromTemplate(key: string, team = 'Sales') {
    await page.selectOption('#f-team', team);
    await page.selectOption('#template-select', key);
    await page.click('#template-btn');
  }

  /** Clicks Save and waits for the status line to say `expected`. */
  async function save(expected: string) {
    await page.click('#save-btn');
    await page.waitForFunction((wanted) => document.getElementById('status')?.textContent === wanted, expected, { timeout: 5000 });
  }

  it('creates an objective from the sales template with a changed KR and an added tactic, and updates it on a second save', async () => {
    await open();
    await startFromTemplate('sales');
    await expect(field('title').inputValue()).resolves.toBe(salesTemplate.title.en);
    await expect(page.locator('#kr-list > li').count()).resolves.toBe(3);
    // Change a KR: a German decimal comma is read as a number.
    await field('keyResults.1.target').fill('45,5');
    await field('keyResults.1.current').fill('30');
    // Add a tactic by hand and one from the tactic templates.
    await page.click('#add-tactic');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-tactics-2-principle');
    await page.keyboard.type('We always choose a pilot customer over a big launch');
    await page.selectOption('#tactic-template-select', '3');
    await page.click('#add-tactic-template');
    // "Depends on teams": the Settings teams but Sales itself, as checkboxes.
    await expect(page.locator('[data-path="keyResults.1.dependsOn"] label').allTextContents()).resolves.toEqual(
      TEAMS.filter((team) => team !== 'Sales'),
    );
    await page.check('#kr-1-depends-0');
    await save('Saved.');

    const stored = server.stored();
    expect(stored).toHaveLength(1);
    const [objective] = stored;
    expect(objective).toMatchObject({ team: 'Sales', title: salesTemplate.title.en, goalType: salesTemplate.goalType, parentId: '' });
    expect(objective.keyResults.map((kr) => [kr.title, kr.kind, kr.start, kr.target, kr.current, kr.unit, kr.weight])).toEqual([
      [salesTemplate.keyResults[0].title.en, 'increase', 50000, 60000, null, 'EUR', 1],
      [salesTemplate.keyResults[1].title.en, 'increase', 25, 45.5, 30, '%', 1],
      [salesTemplate.keyResults[2].title.en, 'decrease', 8, 5, null, '%', 1],
    ]);
    expect(objective.tactics.map((t) => t.principle)).toEqual([
      ...salesTemplate.tactics.map((t) => t.en),
      'We always choose a pilot customer over a big launch',
      TACTIC_TEMPLATES[3].en,
    ]);
    // Exactly those rows are in the register (one per KR, objective repeated) and in the Tactics sheet.
    const workbook = (server as RealServer).harness.spreadsheet;
    const registerRows = workbook.getSheetByName('OKRs')!.getDataRange().getValues().slice(1).filter((line) => line[0] !== '');
    expect(registerRows.map((line) => line.slice(0, 14))).toEqual(
      objective.keyResults.map((kr) => [
        objective.id, salesTemplate.title.en, 'Sales', 'Roofshot', '', kr.id, kr.title, kr.kind, kr.start, kr.target, kr.current ?? '', kr.unit, 1, '',
      ]),
    );
    expect(registerRows[1][15]).toBeCloseTo(5 / 20.5, 12); // KR score: (30 - 25) / (45.5 - 25)
    expect(registerRows.map((line) => line[14])).toEqual(['', TEAMS.filter((team) => team !== 'Sales')[0], '']); // Depends on teams
    const tacticRows = workbook.getSheetByName('Tactics')!.getDataRange().getValues().slice(1).filter((line) => line[0] !== '');
    expect(tacticRows.map((line) => [line[0], line[1], line[2], line[3]])).toEqual(
      objective.tactics.map((t) => [t.id, 'Sales', objective.id, t.principle]),
    );
    expect(harness.calls.filter((c) => c.fn === 'sidebarSaveObjective')).toHaveLength(1);
    // After the save the bootstrap is refreshed, so the objective can be opened.
    await expect(page.locator('#open-select option').allTextContents()).resolves.toContain(salesTemplate.title.en);

    // The returned ids are in the form: a second save updates, it does not duplicate.
    await expect(page.locator('#mode').textContent()).resolves.toBe('Editing a saved objective.');
    await field('keyResults.0.current').fill('52000');
    await save('Saved.');
    const again = server.stored();
    expect(again).toHaveLength(1);
    expect(again[0].id).toBe(objective.id);
    expect(again[0].keyResults.map((kr) => kr.id)).toEqual(objective.keyResults.map((kr) => kr.id));
    expect(again[0].keyResults[0].current).toBe(52000);
    const saveCalls = harness.calls.filter((c) => c.fn === 'sidebarSaveObjective');
    expect((saveCalls[1].args[0] as { id: string }).id).toBe(objective.id);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar.png'), fullPage: true });
  });

  it('shows the server’s errors next to the fields of an invalid KR and stores nothing', async () => {
    await open();
    await field('title').fill('Customers love our service');
    await field('keyResults.0.title').fill('Revenue');
    await field('keyResults.0.start').fill('10');
    await field('keyResults.1.title').fill('NPS');
    await field('keyResults.1.start').fill('zehn');
    await field('keyResults.1.target').fill('70');
    await save('Not saved: please correct the marked fields.');

    expect(server.stored()).toEqual([]);
    // The client sent the text as text: the server's schema rejected it.
    const sent = harness.calls.find((c) => c.fn === 'sidebarSaveObjective')!.args[0] as { keyResults: { start: unknown; target: unknown }[] };
    expect(sent.keyResults[1].start).toBe('zehn');
    expect(sent.keyResults[0].target).toBeNull();

    await expect(errorFor('keyResults.0.target').textContent()).resolves.toBe('A target is needed.');
    await expect(errorFor('keyResults.1.start').textContent()).resolves.toBe('Must be a number.');
    await expect(field('keyResults.0.target').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(field('keyResults.0.target').getAttribute('aria-describedby')).resolves.toBe('e-keyResults-0-target');
    // The error sits right after its field, inside the same box.
    await expect(
      page.evaluate(() => document.getElementById('f-keyResults-1-start')?.nextElementSibling?.getAttribute('data-error-for')),
    ).resolves.toBe('keyResults.1.start');
    // The first error has the focus.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-keyResults-0-target');
    // Typing fixes the field and removes its error; then saving works.
    await page.keyboard.type('20');
    await expect(errorFor('keyResults.0.target').count()).resolves.toBe(0);
    await field('keyResults.1.start').fill('50');
    await save('Saved.');
    expect(server.stored()).toHaveLength(1);
  });

  it('keeps a formula-like title as text', async () => {
    await open();
    await startFromTemplate('product');
    await field('title').fill('=HYPERLINK("x")');
    await save('Saved.');
    expect(server.stored().map((o) => o.title)).toEqual(['=HYPERLINK("x")']);
    await expect(page.locator('#open-select option').allTextContents()).resolves.toContain('=HYPERLINK("x")');
    await expect(page.locator('#f-parentId option').count()).resolves.toBe(1); // the objective itself is not its own parent
  });

  it('renders HTML in user text as text and runs nothing', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await open({ objectives: [seedObjective({ title: evil, tactics: [{ principle: evil }] })] });
    // The seeded objective shows up in the lists as text.
    await expect(page.locator('#f-parentId option').allTextContents()).resolves.toContain(`Sales: ${evil}`);
    await expect(page.locator('#open-select option').allTextContents()).resolves.toContain(evil);
    // Open it: title, tactic, hint (the title has a digit) and the delete confirmation all show it as text.
    const id = server.stored()[0].id;
    await page.selectOption('#open-select', id);
    await page.click('#open-btn');
    await page.waitForSelector('#delete-btn');
    await expect(field('title').inputValue()).resolves.toBe(evil);
    await expect(field('tactics.0.principle').inputValue()).resolves.toBe(evil);
    await expect(page.locator('[data-hint="number_in_objective"]').textContent()).resolves.toContain(evil);
    await page.click('#delete-btn');
    await expect(page.locator('#confirm-text').textContent()).resolves.toContain(evil);
    await page.click('#cancel-delete-btn');
    // A new objective with that title, saved through the sidebar, too.
    await page.click('#new-btn');
    await field('title').fill(evil);
    await field('keyResults.0.title').fill(evil);
    await field('keyResults.0.start').fill('1');
    await field('keyResults.0.target').fill('3');
    await field('keyResults.1.title').fill('Second');
    await field('keyResults.1.start').fill('1');
    await field('keyResults.1.target').fill('5');
    await save('Saved.');
    expect(server.stored().filter((o) => o.title === evil)).toHaveLength(2);
    await page.waitForTimeout(100);
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('speaks German when the bootstrap says so, with decimal commas', async () => {
    await open({ lang: 'de', objectives: [seedObjective()] });
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('de');
    await expect(page.locator('label[for="f-title"]').textContent()).resolves.toBe('Objective (qualitativ, ohne Zahlen)');
    await expect(page.locator('#save-btn').textContent()).resolves.toBe('Speichern');
    await expect(page.locator('#kr-h').textContent()).resolves.toBe('Key Results');
    await expect(page.locator('label[for="f-goalType"]').textContent()).resolves.toContain('Nur 100 % gelten als erreicht.');
    await page.selectOption('#open-select', server.stored()[0].id);
    await page.click('#open-btn');
    await page.waitForSelector('#delete-btn');
    await expect(field('keyResults.1.target').inputValue()).resolves.toBe('5,5');
    await expect(page.locator('#f-keyResults-1-kind option:checked').textContent()).resolves.toBe('senken');
    await page.selectOption('#template-select', 'cloud_partner');
    await page.click('#template-btn');
    await expect(field('title').inputValue()).resolves.toBe('Führende Wahrnehmung als Cloud-Transformationspartner im Mittelstand der Region');
    await field('keyResults.0.target').fill('');
    await save('Nicht gespeichert: Bitte korrigiere die markierten Felder.');
    await expect(errorFor('keyResults.0.target').textContent()).resolves.toBe('Ein Zielwert fehlt.');
  });

  it('shows quality hints while typing, and they do not block saving', async () => {
    const five = Array.from({ length: 5 }, (_, i) => seedObjective({ title: `Objective ${'ABCDE'[i]}` }));
    await open({ objectives: five });
    await field('title').fill('Double revenue by 2027');
    await expect(page.locator('[data-hint]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-hint')))).resolves.toEqual(
      expect.arrayContaining(['too_many_objectives', 'number_in_objective', 'no_measurable_target']),
    );
    await field('keyResults.0.title').fill('Launched');
    await page.selectOption('#f-keyResults-0-kind', 'milestone');
    await field('keyResults.0.start').fill('0');
    await field('keyResults.0.target').fill('1');
    await expect(page.locator('[data-hint="binary_kr"]').count()).resolves.toBe(1);
    await page.click('#kr-1-remove');
    await expect(page.locator('[data-hint="too_few_krs"]').count()).resolves.toBe(1);
    await save('Saved.');
    expect(server.stored()).toHaveLength(6);
    await expect(page.locator('[data-hint="too_many_objectives"]').count()).resolves.toBe(1);
  });

  it('is usable by keyboard with a visible focus, and every field has a label', async () => {
    await open();
    await startFromTemplate('cloud_partner');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let reached = false;
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.id)) === 'save-btn';
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline.style).not.toBe('none');
    expect(parseFloat(outline.width)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved.');
    const unlabeled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea'))
        .filter((node) => (node as HTMLInputElement).labels?.length === 0 && !node.getAttribute('aria-label'))
        .map((node) => node.id),
    );
    expect(unlabeled).toEqual([]);
  });

  it('fits 300 px without horizontal scrolling, also with errors and long text', async () => {
    await open();
    await startFromTemplate('cloud_partner');
    await field('title').fill('A'.repeat(300));
    await field('keyResults.0.start').fill('not a number at all, really not');
    await page.click('#save-btn');
    await page.waitForSelector('[data-error-for="keyResults.0.start"]');
    const widths = await page.evaluate(() => ({
      scroll: document.scrollingElement!.scrollWidth,
      client: document.scrollingElement!.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(300);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });

  it('reorders key results and tactics with the move buttons', async () => {
    await open();
    await startFromTemplate('sales');
    const titles = () => page.locator('#kr-list textarea[id$="-title"]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLTextAreaElement).value));
    const original = salesTemplate.keyResults.map((kr) => kr.title.en);
    await expect(page.locator('#kr-0-up').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#kr-0-down').getAttribute('aria-label')).resolves.toBe('Move Key result 1 down');
    await page.click('#kr-0-down');
    await expect(titles()).resolves.toEqual([original[1], original[0], original[2]]);
    // Focus follows the moved item, so pressing again keeps moving it.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('kr-1-down');
    await page.keyboard.press('Enter');
    await expect(titles()).resolves.toEqual([original[1], original[2], original[0]]);
    await page.click('#tactic-1-up');
    await save('Saved.');
    const [stored] = server.stored();
    expect(stored.keyResults.map((kr) => kr.title)).toEqual([original[1], original[2], original[0]]);
    expect(stored.tactics.map((t) => t.principle)).toEqual([salesTemplate.tactics[1].en, salesTemplate.tactics[0].en]);
  });

  it('reopens a saved objective, edits it and keeps its ids', async () => {
    await open({ objectives: [seedObjective()] });
    const [before] = server.stored();
    await page.selectOption('#open-select', before.id);
    await page.click('#open-btn');
    await page.waitForSelector('#delete-btn');
    await expect(field('title').inputValue()).resolves.toBe(before.title);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-title');
    await field('title').fill('Existing customers choose to grow with us');
    await field('keyResults.0.current').fill('55.000,5');
    await page.check('#f-goalType-moonshot');
    await save('Saved.');
    const after = server.stored();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before.id, title: 'Existing customers choose to grow with us', goalType: 'moonshot' });
    expect(after[0].keyResults.map((kr) => kr.id)).toEqual(before.keyResults.map((kr) => kr.id));
    expect(after[0].tactics.map((t) => t.id)).toEqual(before.tactics.map((t) => t.id));
    expect(after[0].keyResults[0].current).toBe(55000.5);
  });

  it('deletes only after an in-sidebar confirmation', async () => {
    await open({ objectives: [seedObjective()] });
    const [objective] = server.stored();
    await page.selectOption('#open-select', objective.id);
    await page.click('#open-btn');
    await page.click('#delete-btn');
    await expect(page.locator('#confirm-delete').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('cancel-delete-btn');
    await page.click('#cancel-delete-btn');
    await expect(page.locator('#confirm-delete').count()).resolves.toBe(0);
    expect(server.stored()).toHaveLength(1);
    await page.click('#delete-btn');
    await page.click('#confirm-delete-btn');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Deleted.');
    expect(server.stored()).toEqual([]);
    expect(harness.calls.filter((c) => c.fn === 'sidebarDeleteObjective').map((c) => c.args)).toEqual([[objective.id]]);
    await expect(page.locator('#open-select option').count()).resolves.toBe(1);
    await expect(page.locator('#delete-btn').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });
});
