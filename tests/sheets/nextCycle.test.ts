import { createAppsScript, type AppsScriptHarness } from '../../emulator/appsScript';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS } from '../fixtures/realisticCycle';
import { setUpCycle } from '../../src/app/setup';
import { applyCheckIn, generateRetrospective, generateReview, generateWeekly } from '../../src/app/events';
import { startNextCycle, startNextCycleFromMenu } from '../../src/app/nextCycle';
import { WEEKLY_COLUMN } from '../../src/core/layout/weekly';
import { REGISTER_COLUMN, REGISTER_WIDTH, type RegisterRow } from '../../src/core/layout/register';
import { REVIEW_COLUMN } from '../../src/core/layout/review';
import { RETRO_KEY_COLUMN } from '../../src/core/layout/retrospective';

const TODAY = new Date(2026, 10, 24);
const QUICK_WINS = ['Check-ins start on time', 'One owner per KR', 'Tactics on the first page of the weekly'];

/** The realistic cycle at its end: a weekly applied, decisions in the review, quick wins in the retrospective. */
function endedCycle(options: { rows?: RegisterRow[]; locale?: string; decide?: boolean; weekly?: boolean } = {}) {
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), locale: options.locale ?? 'en_US' });
  const uninstall = h.installGlobals();
  const lang = (options.locale ?? 'en_US').startsWith('de') ? 'de' : 'en';
  const rows = options.rows ?? REGISTER_ROWS;
  setUpCycle(SETUP, lang, { rows, tactics: TACTIC_ROWS });
  if (options.weekly !== false) {
    generateWeekly(lang, TODAY);
    const weekly = h.spreadsheet.getSheetByName('Weekly 2026-W48')!;
    const keys = weekly.getRange(1, WEEKLY_COLUMN.key, weekly.getLastRow(), 1).getValues();
    const krRow = keys.findIndex((line) => line[0] === 'kr:KR-4') + 1;
    weekly.getRange(krRow, WEEKLY_COLUMN.input).setValue(6.5); // churn went from 7.4 to 6.5
    applyCheckIn(lang, TODAY);
  }
  generateReview(lang);
  generateRetrospective(lang);
  const cycleName = SETUP.cycle.name;
  const review = h.spreadsheet.getSheetByName(`Review ${cycleName}`)!;
  if (options.decide !== false) {
    const decisions: Record<string, string> = lang === 'de'
      ? { 'O-1': 'fortführen', 'O-2': 'ändern', 'O-3': 'streichen', 'O-10': 'streichen' }
      : { 'O-1': 'continue', 'O-2': 'change', 'O-3': 'drop', 'O-10': 'drop' };
    for (const id of ['O-4', 'O-5', 'O-6', 'O-7', 'O-8', 'O-9', 'O-11']) decisions[id] = lang === 'de' ? 'fortführen' : 'continue';
    const ids = review.getRange(1, 1, review.getLastRow(), 1).getValues();
    ids.forEach((line, i) => {
      const decision = decisions[String(line[0])];
      if (decision && i > 10) review.getRange(i + 1, REVIEW_COLUMN.decision).setValue(decision);
    });
  }
  const retro = h.spreadsheet.getSheetByName(lang === 'de' ? `Retrospektive ${cycleName}` : `Retrospective ${cycleName}`)!;
  const retroKeys = retro.getRange(1, RETRO_KEY_COLUMN, retro.getLastRow(), 1).getValues();
  QUICK_WINS.forEach((win, i) => {
    const row = retroKeys.findIndex((line) => line[0] === `quickwin:${i + 1}`) + 1;
    retro.getRange(row, 2).setValue(win);
  });
  h.spreadsheet.insertSheet('My notes').getRange('A1').setValue('=OKRs!B2');
  return { h, uninstall, lang: lang as 'en' | 'de' };
}

type Snapshot = Map<string, { values: unknown[][]; formulas: string[][] }>;
function snapshot(h: AppsScriptHarness): Snapshot {
  return new Map(
    h.spreadsheet.getSheets().map((sheet) => {
      const range = sheet.getRange(1, 1, Math.max(1, sheet.getLastRow()), Math.max(1, sheet.getLastColumn()));
      return [sheet.getName(), { values: range.getValues(), formulas: range.getFormulas() }];
    }),
  );
}

describe('start next cycle on the realistic cycle (English)', () => {
  // One ended cycle, carried once; the tests below read it in order (the second one also writes).
  let env: ReturnType<typeof endedCycle>;
  let before: Snapshot;
  let outcome: NonNullable<ReturnType<typeof startNextCycle>>;
  beforeAll(() => {
    env = endedCycle();
    before = snapshot(env.h);
    outcome = startNextCycle('en')!;
  });
  afterAll(() => env.uninstall());

  it('archives the old sheets (renamed, kept, warning-only protection) and deletes nothing', () => {
    const { h } = env;
    expect(outcome).toMatchObject({ cycle: 'Q1 2027', keyResults: 30, objectives: 10, flagged: 2 });
    const renames: Record<string, string> = {
      OKRs: 'OKRs (Q4 2026)',
      Settings: 'Settings (Q4 2026)',
      Tactics: 'Tactics (Q4 2026)',
      'Check-in log': 'Check-in log (Q4 2026)',
      'Weekly 2026-W48': 'Weekly 2026-W48 (Q4 2026)',
      'Review Q4 2026': 'Review Q4 2026',
      'Retrospective Q4 2026': 'Retrospective Q4 2026',
    };
    expect(outcome.archived).toEqual(expect.arrayContaining(Object.entries(renames).map(([from, to]) => ({ from, to }))));
    const names = h.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.slice(0, 3)).toEqual(['OKRs', 'Settings', 'Tactics']);
    expect(names).toHaveLength(before.size + 3);
    for (const archived of Object.values(renames)) {
      const sheet = h.spreadsheet.getSheetByName(archived)!;
      const [protection] = sheet.getProtections(h.globals.SpreadsheetApp.ProtectionType.SHEET);
      expect(protection.isWarningOnly()).toBe(true);
      expect(protection.getDescription()).toContain('Q4 2026');
    }
    for (const other of ['My notes', 'Sheet1']) expect(h.spreadsheet.getSheetByName(other)!.getProtections(h.globals.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(0);

    // Every old value is still there under the new name, and every formula still computes the same.
    const after = snapshot(h);
    for (const [name, old] of before) {
      const now = after.get(renames[name] ?? name)!;
      expect(now.values).toEqual(old.values);
      const renamed = old.formulas.map((line) =>
        line.map((f) => f.replace(/(^|[^\w'])(OKRs|Settings|Tactics)!/g, (_m, pre, sheet) => `${pre}'${renames[sheet]}'!`)),
      );
      expect(now.formulas).toEqual(renamed);
    }
    expect(h.spreadsheet.getSheetByName('My notes')!.getRange('A1').getFormula()).toBe("='OKRs (Q4 2026)'!B2");
    // The old register keeps its named ranges under archived names; the new one owns the plain names.
    expect(h.spreadsheet.getRangeByName('OKR_KR_IDS')!.getSheet().getName()).toBe('OKRs');
    expect(h.spreadsheet.getRangeByName('OKR_KR_IDS_Q4_2026')!.getSheet().getName()).toBe('OKRs (Q4 2026)');
  });

  it('carries by the review decisions, with current values reset and flags as notes', () => {
    const { h } = env;
    const settings = h.spreadsheet.getSheetByName('Settings')!;
    expect(settings.getRange('B2:B4').getDisplayValues().flat()).toEqual(['Q1 2027', '2027-01-01', '2027-03-31']);
    expect(settings.getRange('F2:F4').getValues().flat()).toEqual(QUICK_WINS);
    expect(settings.getRange('D2:D5').getValues().flat()).toEqual(SETUP.teams);

    const register = h.spreadsheet.getSheetByName('OKRs')!;
    const values = register.getRange(2, 1, 40, REGISTER_WIDTH).getValues().filter((line) => line[0] !== '');
    const objectives = [...new Set(values.map((line) => line[0]))];
    expect(objectives).toEqual(['O-1', 'O-2', 'O-4', 'O-5', 'O-6', 'O-7', 'O-8', 'O-9', 'O-11', 'O-12']);
    const at = (krId: string, key: keyof typeof REGISTER_COLUMN) => values.find((line) => line[REGISTER_COLUMN.krId - 1] === krId)![REGISTER_COLUMN[key] - 1];
    for (const line of values) {
      expect(line[REGISTER_COLUMN.current - 1]).toBe('');
      expect(line[REGISTER_COLUMN.confidence - 1]).toBe('');
    }
    expect(at('KR-1', 'start')).toBe(55000);
    expect(at('KR-4', 'start')).toBe(6.5); // the value applied in the last weekly
    expect(at('KR-2', 'start')).toBe(99.5);
    expect(at('KR-31', 'parentId')).toBe(''); // its parent O-10 was dropped
    expect(at('KR-4', 'parentId')).toBe('O-1');
    // Scores compute against the new Settings: blank until the first current value.
    expect(register.getRange(2, REGISTER_COLUMN.krScore).getValue()).toBe('');
    register.getRange(2, REGISTER_COLUMN.current).setValue(57500);
    expect(register.getRange(2, REGISTER_COLUMN.krScore).getValue()).toBeCloseTo(0.5);

    const rowOf = (krId: string) => values.findIndex((line) => line[REGISTER_COLUMN.krId - 1] === krId) + 2;
    expect(register.getRange(rowOf('KR-4'), REGISTER_COLUMN.objective).getNote()).toContain('the review decided "change"');
    expect(register.getRange(rowOf('KR-34'), REGISTER_COLUMN.objective).getNote()).toContain('continue?');
    expect(register.getRange(rowOf('KR-1'), REGISTER_COLUMN.objective).getNote()).toBe('');
    expect(register.getRange(rowOf('KR-6'), REGISTER_COLUMN.keyResult).getNote()).toContain('raise the target');

    const tactics = h.spreadsheet.getSheetByName('Tactics')!;
    const ids = tactics.getRange(2, 1, 20, 1).getValues().flat().filter(Boolean);
    expect(ids).toEqual(['T-1', 'T-2', 'T-4', 'T-5', 'T-6', 'T-7', 'T-8', 'T-9', 'T-10']);
    // The next cycle's events work on the new sheets.
    expect(generateWeekly('en', new Date(2027, 0, 5))).toMatchObject({ kind: 'created', name: 'Weekly 2027-W01', krs: 30 });
  });

});

describe('start next cycle, other cases', () => {
  let env: ReturnType<typeof endedCycle>;
  afterEach(() => env.uninstall());

  it('reads German decisions in a German spreadsheet and names the archive in German sheets', () => {
    env = endedCycle({ locale: 'de_DE' });
    const { h } = env;
    const outcome = startNextCycle('de')!;
    expect(outcome).toMatchObject({ cycle: 'Q1 2027', objectives: 10, flagged: 2 });
    const names = h.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(['OKRs', 'Einstellungen', 'Taktiken', 'OKRs (Q4 2026)', 'Einstellungen (Q4 2026)', 'Check-in-Log (Q4 2026)', 'Retrospektive Q4 2026']));
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    expect(register.getRange(2, REGISTER_COLUMN.objective, 40, 1).getNotes().flat().filter(Boolean)).toEqual([
      expect.stringContaining('das Review hat „ändern“ entschieden'),
      expect.stringContaining('ohne Entscheidung im Review'),
    ]);
  });

  it('asks first: NO changes nothing, YES shows what is carried and archived, then does it', () => {
    env = endedCycle({ decide: false });
    const { h } = env;
    const before = snapshot(h);
    h.ui.queueResponse('NO');
    startNextCycleFromMenu();
    expect(snapshot(h)).toEqual(before);
    const question = h.ui.dialogs.at(-1)!;
    expect(question.buttons).toBe('YES_NO');
    expect(question.prompt).toContain('Start Q1 2027 (2027-01-01 to 2027-03-31) after Q4 2026?');
    expect(question.prompt).toContain('no decision, carried as "continue?": O-1, O-2');
    expect(question.prompt).toContain('OKRs → OKRs (Q4 2026)');
    expect(question.prompt).toContain('Review Q4 2026 (name kept)');
    h.ui.queueResponse('YES');
    startNextCycleFromMenu();
    expect(h.ui.toasts.at(-1)!.message).toContain('Cycle Q1 2027 is set up: 36 key result(s) in 12 objective(s) carried, 12 flagged');
  });

  it('explains a spreadsheet without a cycle', () => {
    const h = createAppsScript({ locale: 'en_US' });
    const uninstall = h.installGlobals();
    env = { h, uninstall, lang: 'en' };
    expect(() => startNextCycle('en')).toThrow('There is no OKR cycle in this spreadsheet yet');
  });
});

describe('next cycle scale', () => {
  /** Register, tactics and settings of n key results (the review and retrospective are one block read each; bench/carryover.bench.mjs includes them). */
  function measure(n: number): number {
    const rows = Array.from({ length: n }, (_, i) => ({ ...REGISTER_ROWS[i % 36], objectiveId: `O-${Math.floor(i / 3) + 1}`, krId: `KR-${i + 1}`, parentId: '' }));
    const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), locale: 'en_US' });
    const uninstall = h.installGlobals();
    try {
      setUpCycle(SETUP, 'en', { rows, tactics: TACTIC_ROWS });
      h.calls.reset();
      const outcome = startNextCycle('en')!;
      expect(outcome.keyResults).toBe(n);
      return h.calls.total;
    } finally {
      uninstall();
    }
  }

  it('uses the same number of calls for 6 and for 600 key results', () => {
    const small = measure(6);
    const large = measure(600);
    expect(large).toBe(small);
  });
});
