import { createAppsScript, type AppsScriptHarness } from '../../emulator/appsScript';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS } from '../fixtures/realisticCycle';
import { setUpCycle } from '../../src/app/setup';
import { applyCheckIn, generateRetrospective, generateReview, generateWeekly } from '../../src/app/events';
import { WEEKLY_COLUMN, WEEKLY_WIDTHS } from '../../src/core/layout/weekly';
import { LOG_WIDTH } from '../../src/core/layout/checkInLog';
import { REGISTER_COLUMN, type RegisterRow } from '../../src/core/layout/register';
import type { TacticRow } from '../../src/core/layout/tactics';

const TODAY = new Date(2026, 10, 24); // Tuesday of 2026-W48
const WEEKLY = 'Weekly 2026-W48';

function cycle(options: { rows?: RegisterRow[]; tactics?: TacticRow[]; locale?: string } = {}) {
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), locale: options.locale ?? 'en_US' });
  const uninstall = h.installGlobals();
  const lang = options.locale?.startsWith('de') ? 'de' : 'en';
  setUpCycle(SETUP, lang, { rows: options.rows ?? REGISTER_ROWS, tactics: options.tactics ?? TACTIC_ROWS });
  return { h, uninstall, lang: lang as 'en' | 'de' };
}

/** Sheet row (1-based) of a key in the weekly's hidden key column. */
function rowOf(h: AppsScriptHarness, key: string, name = WEEKLY): number {
  const sheet = h.spreadsheet.getSheetByName(name)!;
  const values = sheet.getRange(1, WEEKLY_COLUMN.key, sheet.getLastRow(), 1).getValues();
  const index = values.findIndex((line) => line[0] === key);
  if (index < 0) throw new Error(`no row ${key}`);
  return index + 1;
}

function enter(h: AppsScriptHarness, key: string, column: number, value: unknown, name = WEEKLY) {
  h.spreadsheet.getSheetByName(name)!.getRange(rowOf(h, key, name), column).setValue(value);
}

function registerRow(h: AppsScriptHarness, krId: string): unknown[] {
  const sheet = h.spreadsheet.getSheetByName('OKRs')!;
  const values = sheet.getRange(2, 1, 40, 19).getValues();
  return values.find((line) => line[REGISTER_COLUMN.krId - 1] === krId)!;
}

function logRows(h: AppsScriptHarness, name = 'Check-in log'): unknown[][] {
  const sheet = h.spreadsheet.getSheetByName(name)!;
  const last = sheet.getLastRow();
  return last < 2 ? [] : sheet.getRange(2, 1, last - 1, LOG_WIDTH).getValues();
}

describe('weekly check-in on the realistic cycle', () => {
  let env: ReturnType<typeof cycle>;
  beforeEach(() => (env = cycle()));
  afterEach(() => env.uninstall());

  it('logs a weekly note with a lone surrogate as inert text (found by the soak, seed 7001)', () => {
    const { h } = env;
    generateWeekly('en', TODAY);
    enter(h, 'kr:KR-1', WEEKLY_COLUMN.note, "'broken \ude00 here");
    applyCheckIn('en', TODAY);
    const line = logRows(h).find((l) => l[2] === 'KR-1')!;
    expect(line).toContain('broken \ufffd here');
  });

  it('keeps a formula someone put into the register when applying other KRs', () => {
    const { h } = env;
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    const linked = h.spreadsheet.insertSheet('CRM export');
    linked.getRange('A1').setValue(7.1);
    register.getRange(3, REGISTER_COLUMN.current).setFormula("='CRM export'!A1");
    register.getRange(3, REGISTER_COLUMN.confidence).setFormula('=3+4');
    generateWeekly('en', TODAY);
    enter(h, 'kr:KR-1', WEEKLY_COLUMN.input, 57000);
    enter(h, 'kr:KR-1', WEEKLY_COLUMN.second, 8);
    applyCheckIn('en', TODAY);
    expect(register.getRange(2, REGISTER_COLUMN.current).getValue()).toBe(57000);
    expect(register.getRange(3, REGISTER_COLUMN.current).getFormula()).toBe("='CRM export'!A1");
    expect(register.getRange(3, REGISTER_COLUMN.confidence).getFormula()).toBe('=3+4');
    linked.getRange('A1').setValue(6.5);
    expect(register.getRange(3, REGISTER_COLUMN.current).getValue()).toBe(6.5);
  });

  it('lists every KR and tactic with inputs, formulas and drop-downs', () => {
    const { h } = env;
    const outcome = generateWeekly('en', TODAY);
    expect(outcome).toMatchObject({ kind: 'created', name: WEEKLY, krs: 36, tactics: 10, teams: 4 });
    const sheet = h.spreadsheet.getSheetByName(WEEKLY)!;
    expect(sheet.getRange('A1').getValue()).toBe(WEEKLY);
    const r = rowOf(h, 'kr:KR-1');
    // KR ID, title, start, target, last value
    expect(sheet.getRange(r, 1, 1, 5).getValues()[0]).toEqual(['KR-1', 'Revenue per existing customer (EUR)', 50000, 60000, 55000]);
    expect(sheet.getRange(r, 7).getFormula()).toBe(`=IF(AND(ISNUMBER($F${r}),ISNUMBER($E${r})),$F${r}-$E${r},"")`);
    // Score and pace are the register's for the KR, read from its register row directly (no MATCH over the register).
    expect(sheet.getRange(r, WEEKLY_COLUMN.pace).getFormula()).toBe(`=IF(OKRs!$F$2=$A${r},OKRs!$S$2&"","")`);
    expect(sheet.getRange(r, WEEKLY_COLUMN.score).getFormula()).toBe(`=IF(OKRs!$F$2=$A${r},OKRs!$P$2,"")`);
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    expect(sheet.getRange(r, WEEKLY_COLUMN.score).getValue()).toBe(register.getRange(2, REGISTER_COLUMN.krScore).getValue());
    const pace = register.getRange(2, REGISTER_COLUMN.pace).getValue();
    expect(sheet.getRange(r, WEEKLY_COLUMN.pace).getValue()).toBe(pace);
    expect(['on track', 'at risk', 'off track']).toContain(pace);
    // A row inserted above moves the reference along; another KR in that row (a sort) shows blank, never its pace.
    register.insertRowsBefore(2, 1);
    expect(sheet.getRange(r, WEEKLY_COLUMN.pace).getFormula()).toBe(`=IF(OKRs!$F$3=$A${r},OKRs!$S$3&"","")`);
    expect(sheet.getRange(r, WEEKLY_COLUMN.pace).getValue()).toBe(pace);
    register.getRange(3, REGISTER_COLUMN.krId).setValue('KR-2');
    expect(sheet.getRange(r, WEEKLY_COLUMN.pace).getValue()).toBe('');
    register.deleteRow(2);
    expect(sheet.getRange(r, WEEKLY_COLUMN.second).getDataValidation()!.getCriteriaValues()[0]).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const t = rowOf(h, 'tactic:T-1');
    expect(String(sheet.getRange(t, 2).getValue())).toContain(TACTIC_ROWS[0].principle);
    expect(sheet.getRange(t, WEEKLY_COLUMN.input).getDataValidation()!.getCriteriaValues()[0]).toEqual(['yes, fully', 'partly', 'no']);
    expect(sheet.getRange(rowOf(h, 'unrealistic:Sales'), WEEKLY_COLUMN.input).getDataValidation()!.getCriteriaValues()[0]).toEqual(['yes', 'no']);
    // Laid out for a laptop beside the sidebar: the input columns as wide as planned, the key column hidden.
    expect(sheet.getColumnWidth(WEEKLY_COLUMN.input)).toBe(WEEKLY_WIDTHS[WEEKLY_COLUMN.input]);
    expect(sheet.getColumnWidth(WEEKLY_COLUMN.note)).toBe(WEEKLY_WIDTHS[WEEKLY_COLUMN.note]);
    expect(h.spreadsheet.getActiveSheet().getName()).toBe(WEEKLY);
    for (const kind of ['assumption', 'problems', 'improvements', 'focus']) expect(rowOf(h, `${kind}:People`)).toBeGreaterThan(0);
    // every KR once, each in its team's block
    const keys = sheet.getRange(1, WEEKLY_COLUMN.key, sheet.getLastRow(), 1).getValues().map((l) => l[0]);
    expect(keys.filter((k) => String(k).startsWith('kr:'))).toHaveLength(36);
    expect(keys.filter((k) => String(k).startsWith('tactic:'))).toHaveLength(10);
    expect(rowOf(h, 'kr:KR-10')).toBeGreaterThan(rowOf(h, '#team:Customer Success'));
    // On screen beside the 300-px sidebar of a 1366-px window (976 px of cells): every column up to the note; the key column is hidden.
    const width = Array.from({ length: WEEKLY_COLUMN.note }, (_, i) => sheet.getColumnWidth(i + 1)).reduce((sum, w) => sum + w, 0);
    expect(width).toBeLessThanOrEqual(976);
    expect(sheet.isColumnHiddenByUser(WEEKLY_COLUMN.key)).toBe(true);
  });

  it('applies values to register, log and tactics, once', () => {
    const { h } = env;
    generateWeekly('en', TODAY);
    enter(h, 'kr:KR-1', WEEKLY_COLUMN.input, 57000);
    enter(h, 'kr:KR-1', WEEKLY_COLUMN.second, 8);
    enter(h, 'kr:KR-1', WEEKLY_COLUMN.note, 'two upsells');
    enter(h, 'kr:KR-2', WEEKLY_COLUMN.second, 4);
    enter(h, 'kr:KR-3', WEEKLY_COLUMN.input, "'about 99");
    enter(h, 'tactic:T-1', WEEKLY_COLUMN.input, 'partly');
    enter(h, 'tactic:T-1', WEEKLY_COLUMN.note, 'shipped the draft early');
    enter(h, 'unrealistic:Sales', WEEKLY_COLUMN.input, 'yes');
    enter(h, 'unrealistic:Sales', WEEKLY_COLUMN.second, 'KR-2');
    enter(h, 'unrealistic:Sales', WEEKLY_COLUMN.note, 'market shrank');
    enter(h, 'focus:Sales', WEEKLY_COLUMN.input, 'close the two pilots');
    const sheet = h.spreadsheet.getSheetByName(WEEKLY)!;
    expect(sheet.getRange(rowOf(h, 'kr:KR-1'), WEEKLY_COLUMN.change).getValue()).toBe(2000);

    const first = applyCheckIn('en', TODAY);
    expect(first.rejected).toEqual([{ id: 'KR-3', problem: 'the new value "about 99" is not a number' }]);
    expect(first.registerUpdated).toBe(2);
    expect(first.appended).toBe(4); // KR-1, KR-2, T-1, team Sales
    expect(registerRow(h, 'KR-1')[REGISTER_COLUMN.current - 1]).toBe(57000);
    expect(registerRow(h, 'KR-1')[REGISTER_COLUMN.confidence - 1]).toBe(8);
    expect(registerRow(h, 'KR-2')[REGISTER_COLUMN.current - 1]).toBe(REGISTER_ROWS[1].current);
    expect(registerRow(h, 'KR-2')[REGISTER_COLUMN.confidence - 1]).toBe(4);
    expect(registerRow(h, 'KR-3')[REGISTER_COLUMN.current - 1]).toBe(REGISTER_ROWS[2].current ?? '');
    // text in the register survives the column rewrite as text
    expect(registerRow(h, 'KR-4')[REGISTER_COLUMN.unit - 1]).toBe(REGISTER_ROWS[3].unit);
    const log = logRows(h);
    expect(log).toHaveLength(4);
    expect(log[0].slice(0, 9)).toEqual(['2026-W48', 'KR', 'KR-1', 'Sales', 55000, 57000, 8, '', 'two upsells']);
    expect(log[2].slice(0, 9)).toEqual(['2026-W48', 'tactic', 'T-1', 'Sales', '', '', '', 'partly', 'shipped the draft early']);
    expect(log[3][8]).toBe('Target feels unrealistic: yes, KR-2, market shrank\nFocus next week: close the two pilots');
    const tactics = h.spreadsheet.getSheetByName('Tactics')!;
    expect(tactics.getRange('F2').getValue()).toBe('2026-W48');
    expect(tactics.getRange('F3').getValue()).toBe('');

    // applying again changes nothing, even after the register moved on
    h.spreadsheet.getSheetByName('OKRs')!.getRange(2, REGISTER_COLUMN.current).setValue(1);
    const second = applyCheckIn('en', TODAY);
    expect(second).toMatchObject({ appended: 0, registerUpdated: 0, alreadyLogged: 4 });
    expect(logRows(h)).toHaveLength(4);
    expect(registerRow(h, 'KR-1')[REGISTER_COLUMN.current - 1]).toBe(1);

    // fixing the bad entry applies only that one
    enter(h, 'kr:KR-3', WEEKLY_COLUMN.input, 99.1);
    const third = applyCheckIn('en', TODAY);
    expect(third).toMatchObject({ appended: 1, registerUpdated: 1, rejected: [] });
    expect(logRows(h)).toHaveLength(5);
  });

  it('regenerating keeps every entry, and adds new KRs', () => {
    const { h } = env;
    generateWeekly('en', TODAY);
    enter(h, 'kr:KR-5', WEEKLY_COLUMN.input, 12.5);
    enter(h, 'kr:KR-5', WEEKLY_COLUMN.second, 6);
    enter(h, 'kr:KR-5', WEEKLY_COLUMN.note, 'note 5');
    enter(h, 'tactic:T-4', WEEKLY_COLUMN.input, 'no');
    enter(h, 'problems:Platform', WEEKLY_COLUMN.input, "'=not a formula");
    const sheet = h.spreadsheet.getSheetByName(WEEKLY)!;
    // a user adds a free row at the bottom
    sheet.getRange(sheet.getLastRow() + 2, 3).setValue('parking lot: hiring freeze');
    // and a new KR appears in the register
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    register.getRange(38, REGISTER_COLUMN.team, 1, 3).setValues([["'Sales", "'Roofshot", "'x"]]);
    register.getRange(38, REGISTER_COLUMN.krId, 1, 6).setValues([["'KR-37", "'New KR", "'increase", 0, 10, 2]]);
    register.getRange(38, 1).setValue("'O-1");

    const again = generateWeekly('en', TODAY);
    expect(again.kind).toBe('regenerated');
    expect(h.spreadsheet.getSheets().filter((s) => s.getName().startsWith('Weekly'))).toHaveLength(1);
    const row = rowOf(h, 'kr:KR-5');
    const C = WEEKLY_COLUMN;
    expect([C.input, C.change, C.second, C.note].map((c) => sheet.getRange(row, c).getValue())).toEqual([12.5, expect.any(Number), 6, 'note 5']);
    expect(sheet.getRange(rowOf(h, 'tactic:T-4'), C.input).getValue()).toBe('no');
    expect(sheet.getRange(rowOf(h, 'problems:Platform'), C.input).getValue()).toBe('=not a formula');
    expect(sheet.getRange(rowOf(h, 'problems:Platform'), C.input).getFormula()).toBe('');
    expect(rowOf(h, 'kr:KR-37')).toBeGreaterThan(0);
    const all = sheet.getRange(1, 1, sheet.getLastRow(), 11).getValues().flat();
    expect(all).toContain('parking lot: hiring freeze');
  });

  it('regenerating keeps formulas people typed into input cells and free rows as formulas', () => {
    const { h } = env;
    generateWeekly('en', TODAY);
    const sheet = h.spreadsheet.getSheetByName(WEEKLY)!;
    h.spreadsheet.insertSheet('Pipeline').getRange('B7').setValue(41);
    sheet.getRange(rowOf(h, 'kr:KR-5'), WEEKLY_COLUMN.input).setFormula('=Pipeline!B7+1');
    sheet.getRange(rowOf(h, 'kr:KR-5'), WEEKLY_COLUMN.note).setFormula('="seen "&Pipeline!B7');
    const free = sheet.getLastRow() + 2;
    sheet.getRange(free, 3).setFormula('=Pipeline!B7*2');

    generateWeekly('en', TODAY);
    const row = rowOf(h, 'kr:KR-5');
    expect(sheet.getRange(row, WEEKLY_COLUMN.input).getFormula()).toBe('=Pipeline!B7+1');
    expect(sheet.getRange(row, WEEKLY_COLUMN.input).getValue()).toBe(42);
    expect(sheet.getRange(row, WEEKLY_COLUMN.note).getFormula()).toBe('="seen "&Pipeline!B7');
    const formulas = sheet.getRange(1, 3, sheet.getLastRow(), 1).getFormulas().flat();
    expect(formulas).toContain('=Pipeline!B7*2');

    // the formula still feeds the check-in: its value goes to the register and the log
    h.spreadsheet.getSheetByName('Pipeline')!.getRange('B7').setValue(49);
    expect(applyCheckIn('en', TODAY).rejected).toEqual([]);
    expect(registerRow(h, 'KR-5')[REGISTER_COLUMN.current - 1]).toBe(50);
    expect(sheet.getRange(row, WEEKLY_COLUMN.input).getFormula()).toBe('=Pipeline!B7+1');
  });

  it('a row kept at the bottom keeps what people typed (formulas too), and the add-on formulas as the values they showed', () => {
    const { h } = env;
    generateWeekly('en', TODAY);
    const sheet = h.spreadsheet.getSheetByName(WEEKLY)!;
    sheet.getRange(rowOf(h, 'kr:KR-1'), WEEKLY_COLUMN.input).setFormula('=40+2');
    const shownChange = sheet.getRange(rowOf(h, 'kr:KR-1'), WEEKLY_COLUMN.change).getValue();
    expect(sheet.getRange(rowOf(h, 'kr:KR-1'), WEEKLY_COLUMN.change).getFormula()).not.toBe('');
    // KR-1 leaves the register: its weekly row has nowhere to go but the "kept" section.
    h.spreadsheet.getSheetByName('OKRs')!.getRange(2, 1, 1, REGISTER_COLUMN.dependsOn).clearContent();
    generateWeekly('en', TODAY);
    const kept = rowOf(h, 'kept:kr:KR-1');
    expect(sheet.getRange(kept, WEEKLY_COLUMN.input).getFormula()).toBe('=40+2');
    expect(sheet.getRange(kept, WEEKLY_COLUMN.change).getFormula()).toBe('');
    expect(sheet.getRange(kept, WEEKLY_COLUMN.change).getValue()).toBe(shownChange);
  });

  it('a foreign sheet under the weekly name is left alone', () => {
    const { h } = env;
    h.spreadsheet.insertSheet(WEEKLY).getRange('A1').setValue('my own notes');
    const outcome = generateWeekly('en', TODAY);
    expect(outcome).toMatchObject({ kind: 'suffixed', name: `${WEEKLY} (2)` });
    expect(h.spreadsheet.getSheetByName(WEEKLY)!.getRange('A1').getValue()).toBe('my own notes');
  });

  it('two applies at once give one log entry per KR and week', () => {
    const { h } = env;
    generateWeekly('en', TODAY);
    enter(h, 'kr:KR-7', WEEKLY_COLUMN.input, 60);
    // user B holds the lock: A waits, then is told to try again; nothing was written
    h.holdLock('document', 'user-b');
    expect(() => applyCheckIn('en', TODAY)).toThrow('Someone else is changing the OKR sheets right now');
    expect(h.spreadsheet.getSheetByName('Check-in log')).toBeNull();
    h.releaseLock('document');
    const b = h.asUser('user-b', () => applyCheckIn('en', TODAY));
    const a = applyCheckIn('en', TODAY);
    expect(b.appended).toBe(1);
    expect(a).toMatchObject({ appended: 0, alreadyLogged: 1 });
    expect(logRows(h).filter((line) => line[2] === 'KR-7')).toHaveLength(1);
  });

  it('next week shows last week\'s logged value as the last value', () => {
    const { h } = env;
    generateWeekly('en', TODAY);
    enter(h, 'kr:KR-1', WEEKLY_COLUMN.input, 57000);
    applyCheckIn('en', TODAY);
    h.spreadsheet.getSheetByName('OKRs')!.getRange(2, REGISTER_COLUMN.current).setValue(58000);
    generateWeekly('en', new Date(2026, 11, 1));
    expect(h.spreadsheet.getSheetByName('Weekly 2026-W49')!.getRange(rowOf(h, 'kr:KR-1', 'Weekly 2026-W49'), WEEKLY_COLUMN.last).getValue()).toBe(57000);
    // regenerating W48 after apply still shows the value before W48
    generateWeekly('en', TODAY);
    expect(h.spreadsheet.getSheetByName(WEEKLY)!.getRange(rowOf(h, 'kr:KR-1'), WEEKLY_COLUMN.last).getValue()).toBe(55000);
  });

  it('puts weeklies in week order after the cycle sheets, the new one active; review and retrospective active and in place', () => {
    const { h } = env;
    generateWeekly('en', new Date(2026, 11, 8)); // W50 first
    generateWeekly('en', TODAY); // then W48
    h.spreadsheet.insertSheet('My notes', 0);
    generateWeekly('en', new Date(2026, 11, 1)); // then W49
    expect(h.spreadsheet.getActiveSheet().getName()).toBe('Weekly 2026-W49');
    generateReview('en');
    expect(h.spreadsheet.getActiveSheet().getName()).toBe('Review Q4 2026');
    generateRetrospective('en');
    expect(h.spreadsheet.getActiveSheet().getName()).toBe('Retrospective Q4 2026');
    expect(h.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      'OKRs',
      'Review Q4 2026',
      'Retrospective Q4 2026',
      'Tactics',
      'Settings',
      'Weekly 2026-W48',
      'Weekly 2026-W49',
      'Weekly 2026-W50',
      'My notes',
    ]);
  });
});

describe('review and retrospective', () => {
  it('review: distribution by verdict per team and company, learning instead of missed', () => {
    const env = cycle();
    try {
      const { h } = env;
      const outcome = generateReview('en');
      expect(outcome).toMatchObject({ kind: 'created', name: 'Review Q4 2026', objectives: 12 });
      const sheet = h.spreadsheet.getSheetByName('Review Q4 2026')!;
      const distribution = sheet.getRange(6, 1, 5, 8).getValues();
      expect(distribution.map((l) => l[0])).toEqual(['Sales', 'Customer Success', 'Platform', 'People', 'Company']);
      const company = distribution[4];
      const sumTeams = (c: number) => distribution.slice(0, 4).reduce((s, l) => s + (l[c] as number), 0);
      for (let c = 1; c < 8; c++) expect(company[c]).toBe(sumTeams(c));
      // every scored KR has one verdict
      const register = h.spreadsheet.getSheetByName('OKRs')!.getRange(2, REGISTER_COLUMN.krScore, 36, 1).getValues();
      const scored = register.filter((l) => typeof l[0] === 'number').length;
      expect((company[1] as number) + (company[2] as number) + (company[3] as number)).toBe(scored);
      const first = 14;
      expect(sheet.getRange(first, 1).getValue()).toBe('O-1');
      expect(sheet.getRange(first, 9).getDataValidation()!.getCriteriaValues()[0]).toEqual(['continue', 'change', 'drop']);
      sheet.getRange(first, 10).setValue('customers buy in spring, not autumn');
      // generating again opens it untouched
      expect(generateReview('en')).toEqual({ kind: 'exists', name: 'Review Q4 2026' });
      expect(sheet.getRange(first, 10).getValue()).toBe('customers buy in spring, not autumn');
    } finally {
      env.uninstall();
    }
  });

  it('review: objective rows show register score and verdict; learning replaces missed', () => {
    const env = cycle();
    try {
      const { h } = env;
      generateReview('en');
      const sheet = h.spreadsheet.getSheetByName('Review Q4 2026')!;
      const first = 14;
      // an objective's row: score and verdict from the register
            const row = sheet.getRange(first, 1, 1, 6).getValues()[0];
      expect(row[0]).toBe('O-1');
      const reg = h.spreadsheet.getSheetByName('OKRs')!.getRange(2, 1, 1, 19).getValues()[0];
      expect(row[4]).toBe(reg[REGISTER_COLUMN.objectiveScore - 1]);
      expect(row[5]).toBe(reg[REGISTER_COLUMN.attainment - 1]);
      expect(sheet.getRange(first, 9).getDataValidation()!.getCriteriaValues()[0]).toEqual(['continue', 'change', 'drop']);
      // a missed objective with a learning shows as learning
      const values = sheet.getRange(first, 1, 12, 6).getValues();
      const missed = values.findIndex((l) => l[5] === 'missed');
      expect(missed).toBeGreaterThanOrEqual(0);
      const before = sheet.getRange(10, 6).getValue();
      sheet.getRange(first + missed, 10).setValue('customers buy in spring, not autumn');
      expect(sheet.getRange(first + missed, 6).getValue()).toBe('learning');
      expect(sheet.getRange(10, 6).getValue()).toBe((before as number) + 1);
      expect(sheet.getRange(10, 5, 1, 4).getValues()[0].reduce((a: number, b) => a + (b as number), 0)).toBe(12);
    } finally {
      env.uninstall();
    }
  });

  it('retrospective: health per team, matrix, quick wins carried into empty Settings cells', () => {
    const env = cycle({ locale: 'de_DE' });
    try {
      const { h } = env;
      expect(generateRetrospective('de')).toEqual({ kind: 'created', name: 'Retrospektive Q4 2026' });
      const sheet = h.spreadsheet.getSheetByName('Retrospektive Q4 2026')!;
      const text = sheet.getRange(1, 1, sheet.getLastRow(), 3).getValues().flat();
      expect(text).toContain('Quick Wins: hoher Nutzen, geringer Aufwand');
      expect(text).toContain('Vermeiden: geringer Nutzen, hoher Aufwand');
      const keys = sheet.getRange(1, 4, sheet.getLastRow(), 1).getValues().map((l) => l[0]);
      const health = keys.indexOf('health:Platform') + 1;
      expect(sheet.getRange(health, 2).getDataValidation()!.getCriteriaValues()[0]).toEqual(['1', '2', '3', '4', '5']);
      const win = (i: number) => keys.indexOf(`quickwin:${i}`) + 1;
      const settings = h.spreadsheet.getSheetByName('Einstellungen')!;
      sheet.getRange(win(1), 2).setValue('Weekly kürzer halten');
      sheet.getRange(win(2), 2).setValue('Check-in-Vorlage früher verschicken');
      // Carried as soon as they are filled in: Settings shows them without a second click.
      expect(settings.getRange('F2:F4').getValues().map((l) => l[0])).toEqual(['Weekly kürzer halten', 'Check-in-Vorlage früher verschicken', '']);
      expect(settings.getRange('F2').getFormula()).toBe(`=IF(TRIM('Retrospektive Q4 2026'!$B$${win(1)})="","",'Retrospektive Q4 2026'!$B$${win(1)})`);
      // What someone types into Settings wins; choosing "Neue Retrospektive" again fills only empty cells, nothing twice.
      settings.getRange('F2').setValue('schon da');
      const again = generateRetrospective('de');
      expect(again).toEqual({ kind: 'exists', name: 'Retrospektive Q4 2026', carried: 1 });
      expect(settings.getRange('F2:F4').getValues().map((l) => l[0])).toEqual(['schon da', 'Check-in-Vorlage früher verschicken', 'Weekly kürzer halten']);
      expect(generateRetrospective('de').carried).toBe(0);
    } finally {
      env.uninstall();
    }
  });
});

describe('SpreadsheetApp calls do not grow with the number of KRs', () => {
  function many(n: number): RegisterRow[] {
    return Array.from({ length: n }, (_, i) => ({ ...REGISTER_ROWS[i % 36], objectiveId: `O-${Math.floor(i / 3) + 1}`, krId: `KR-${i + 1}` }));
  }
  function measure(n: number) {
    const env = cycle({ rows: many(n) });
    try {
      const { h } = env;
      const counts: Record<string, number> = {};
      const run = (name: string, fn: () => void) => {
        h.calls.reset();
        fn();
        counts[name] = h.calls.total;
      };
      run('weekly', () => generateWeekly('en', TODAY));
      const sheet = h.spreadsheet.getSheetByName(WEEKLY)!;
      const keys = sheet.getRange(1, WEEKLY_COLUMN.key, sheet.getLastRow(), 1).getValues();
      keys.forEach((line, i) => {
        if (String(line[0]).startsWith('kr:')) sheet.getRange(i + 1, WEEKLY_COLUMN.input).setValue(i);
      });
      run('apply', () => applyCheckIn('en', TODAY));
      run('regenerate weekly', () => generateWeekly('en', TODAY));
      run('review', () => generateReview('en'));
      run('retrospective', () => generateRetrospective('en'));
      return counts;
    } finally {
      env.uninstall();
    }
  }
  it('3 vs 300 KRs: equal and under 60 each', () => {
    const small = measure(3);
    const large = measure(300);
    expect(large).toEqual(small);
    // The budget includes the laptop layout (runs of column widths, wrapped header rows), the tab order (calls per sheet,
    // not per KR) and the Check-in log's index (document properties, 2 calls) that replaced reading the whole log.
    for (const count of Object.values(large)) expect(count).toBeLessThan(60);
  });
});

describe('a renamed register', () => {
  it('is named in the message instead of "no cycle", in German; archives and other sheets are not taken for it', () => {
    const { h, uninstall } = cycle({ locale: 'de_DE' });
    try {
      const register = h.spreadsheet.getSheetByName('OKRs')!;
      register.setName('Unsere Ziele');
      expect(() => generateWeekly('de', TODAY)).toThrow(
        'Es gibt kein Blatt „OKRs“, aber „Unsere Ziele“ sieht aus wie das Zyklus-Register. Benenne es wieder in „OKRs“ um',
      );
      expect(h.spreadsheet.getSheetByName('OKRs')).toBeNull();

      register.setName('OKRs (Q4 2026)');
      h.spreadsheet.insertSheet('Notizen').getRange('A1:C1').setValues([['Objective-ID', 'Team', 'irgendwas']]);
      expect(() => generateWeekly('de', TODAY)).toThrow('In dieser Tabelle gibt es noch keinen OKR-Zyklus');

      register.setName('OKRs');
      expect(generateWeekly('de', TODAY).kind).toBe('created');
    } finally {
      uninstall();
    }
  });
});
