import { setUpCycle, setUpCycleFromMenu } from '../../src/app/setup';
import { objectiveScore, attainment, pace, scoreKeyResult } from '../../src/core/scoring';
import { serialDay } from '../../src/core/sheetFunctions';
import { PACE_LABELS, VERDICT_LABELS } from '../../src/core/vocabulary';
import { REGISTER_COLUMN, REGISTER_HEADERS, parseRegisterRow } from '../../src/core/layout/register';
import { createAppsScript, type AppsScriptHarness } from '../../emulator/appsScript';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS, TEAMS } from '../fixtures/realisticCycle';
import { serialOfDay } from '../../src/core/timeZone';

const NOW = new Date(2026, 10, 24, 10, 0, 0);

function harness(locale = 'en_US'): { h: AppsScriptHarness; uninstall: () => void } {
  const h = createAppsScript({ locale, now: NOW });
  return { h, uninstall: h.installGlobals(globalThis) };
}

function everything(h: AppsScriptHarness) {
  return h.spreadsheet.getSheets().map((sheet) => {
    const range = sheet.getDataRange();
    return { name: sheet.getName(), values: range.getValues(), formulas: range.getFormulas() };
  });
}

describe('set up a cycle (source, in-memory workbook)', () => {
  let h: AppsScriptHarness;
  let uninstall: () => void;
  beforeEach(() => ({ h, uninstall } = harness()));
  afterEach(() => uninstall());

  it('creates Settings, the register and Tactics with the realistic cycle', () => {
    const outcome = setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS, tactics: TACTIC_ROWS });
    expect(outcome).toEqual({ kind: 'created', sheets: ['OKRs', 'Settings', 'Tactics'] });
    // The empty Sheet1 of the new spreadsheet is gone; the tabs are in their fixed order, the register active.
    expect(h.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['OKRs', 'Tactics', 'Settings']);
    expect(h.spreadsheet.getActiveSheet().getName()).toBe('OKRs');
    const okrs = h.spreadsheet.getSheetByName('OKRs')!;
    expect(okrs.getFrozenRows()).toBe(1);
    expect(okrs.getFrozenColumns()).toBe(2); // objective ID and objective stay in view
    expect(okrs.getColumnWidth(REGISTER_COLUMN.objective)).toBe(210);
    expect(okrs.getColumnWidth(REGISTER_COLUMN.keyResult)).toBe(240);
    for (const key of ['start', 'target', 'current', 'confidence'] as const) expect(okrs.getColumnWidth(REGISTER_COLUMN[key])).toBeGreaterThanOrEqual(75);
    const settings = h.spreadsheet.getSheetByName('Settings')!;
    expect(settings.getRange('A2:B8').getDisplayValues()).toEqual([
      ['Cycle', 'Q4 2026'],
      ['Start', '2026-10-01'],
      ['End', '2026-12-31'],
      ['Cadence', 'quarterly'],
      ['Language', 'English'],
      ['Roofshot achieved from', '100%'],
      ['Moonshot achieved from', '60%'],
    ]);
    expect(settings.getRange('D2:D5').getValues().flat()).toEqual(TEAMS);

    const register = h.spreadsheet.getSheetByName('OKRs')!;
    expect(register.getRange(1, 1, 1, 20).getValues()[0]).toEqual(Object.values(REGISTER_HEADERS.en));
    expect(register.getFrozenRows()).toBe(1);
    const body = register.getRange(2, 1, 36, 20).getValues();
    expect(body.map((line) => parseRegisterRow(line))).toEqual(REGISTER_ROWS.map((row) => ({ ...row, contact: '' })));
    const tactics = h.spreadsheet.getSheetByName('Tactics')!;
    expect(tactics.getRange(2, 4, 10, 1).getValues().flat()).toEqual(TACTIC_ROWS.map((t) => t.principle));
  });

  it('computes every score, attainment and pace with native formulas equal to the scoring code', () => {
    setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS, tactics: TACTIC_ROWS });
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    const formulas = register.getRange(2, 16, 36, 4).getFormulas();
    expect(formulas.every((line) => line.every((f) => f.startsWith('=')))).toBe(true);
    expect(formulas.flat().join(' ')).not.toMatch(/OKR_|ARRAYFORMULA|FILTER|LET\(/);
    const computed = register.getRange(2, 16, 36, 4).getValues();
    const today = serialDay(NOW, 'Europe/Berlin');
    const start = serialOfDay('2026-10-01');
    const end = serialOfDay('2026-12-31');
    REGISTER_ROWS.forEach((row, i) => {
      const score = scoreKeyResult(row.start, row.target, row.current, row.kind!);
      const siblings = REGISTER_ROWS.filter((r) => r.objectiveId === row.objectiveId);
      const objective = objectiveScore(
        siblings.map((r) => scoreKeyResult(r.start, r.target, r.current, r.kind!)),
        siblings.map((r) => r.weight),
      );
      const [krScore, objScore, verdict, krPace] = computed[i];
      expect(krScore).toBe(score ?? '');
      expect(objScore).toBeCloseTo(objective!, 12);
      expect(verdict).toBe(VERDICT_LABELS.en[attainment(objective, row.goalType!)!]);
      expect(krPace).toBe(score === null ? '' : PACE_LABELS.en[pace(score, start, end, today, row.goalType!)!]);
    });
  });

  it('reads success levels and dates from Settings: changing one changes every verdict', () => {
    setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS });
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    const verdicts = () => register.getRange(2, REGISTER_COLUMN.attainment, 36, 1).getValues().flat();
    const before = verdicts();
    h.spreadsheet.getSheetByName('Settings')!.getRange('B7').setValue(0.5);
    const after = verdicts();
    expect(after).not.toEqual(before);
    REGISTER_ROWS.forEach((row, i) => {
      if (row.goalType === 'moonshot') expect(after[i]).toBe(before[i]);
    });
  });

  it('offers drop-downs, number formats, traffic lights, a warning-only protection and named ranges', () => {
    setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS, tactics: TACTIC_ROWS });
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    const rules = register.getRange(2, 1, 1, 19).getDataValidations()[0];
    const team = rules[REGISTER_COLUMN.team - 1]!;
    expect(String(team.getCriteriaType())).toBe('VALUE_IN_RANGE');
    expect((team.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('D2:D101');
    expect(rules[REGISTER_COLUMN.goalType - 1]!.getCriteriaValues()[0]).toEqual(['Roofshot', 'Moonshot']);
    expect(rules[REGISTER_COLUMN.kind - 1]!.getCriteriaValues()[0]).toEqual(['increase', 'decrease', 'maintain', 'milestone', 'baseline']);
    expect(rules[REGISTER_COLUMN.confidence - 1]!.getCriteriaValues()).toEqual([0, 10]);
    expect(register.getRange(2, REGISTER_COLUMN.krScore).getNumberFormat()).toBe('0%');
    expect(register.getRange(2, REGISTER_COLUMN.krScore).getDisplayValue()).toBe('50%');
    expect(h.effectiveBackground('OKRs', 'P2')).toBe('#fce8b2'); // 50 %: yellow
    expect(h.effectiveBackground('OKRs', 'P7')).toBe('#b7e1cd'); // 3 of 3 reference customers: green
    const [protection] = register.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    expect(protection.isWarningOnly()).toBe(true);
    expect(protection.getRange().getA1Notation()).toBe('P2:S201');
    const names = h.spreadsheet.getNamedRanges().map((n) => `${n.getName()}=${n.getRange().getA1Notation()}`);
    expect(names).toEqual(['OKR_KR_IDS=F2:F201', 'OKR_KR_SCORES=P2:P201']);
  });

  it('writes text that looks like a formula as text, never as a formula', () => {
    const hostile = REGISTER_ROWS.slice(0, 3).map((row) => ({ ...row, objective: '=HYPERLINK("http://evil.example","x")', keyResult: '+1+2', unit: '@me' }));
    setUpCycle({ ...SETUP, teams: ['=IMPORTXML("http://x","//a")', ...TEAMS] }, 'en', { rows: hostile });
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    expect(register.getRange('B2:B4').getFormulas().flat()).toEqual(['', '', '']);
    expect(register.getRange('B2').getValue()).toBe('=HYPERLINK("http://evil.example","x")');
    expect(register.getRange('G2').getValue()).toBe('+1+2');
    expect(register.getRange('L2').getValue()).toBe('@me');
    const settings = h.spreadsheet.getSheetByName('Settings')!;
    expect(settings.getRange('D2').getFormula()).toBe('');
    expect(settings.getRange('D2').getValue()).toBe('=IMPORTXML("http://x","//a")');
  });

  it('never overwrites: a second set-up changes nothing and says why', () => {
    setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS, tactics: TACTIC_ROWS });
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    register.getRange('K2').setValue(57000);
    const before = everything(h);
    const outcome = setUpCycle({ ...SETUP, cycle: { ...SETUP.cycle, name: 'Q1 2027' } }, 'en', { rows: [] });
    expect(outcome).toEqual({ kind: 'exists', register: 'OKRs', repairedRows: 0 });
    expect(everything(h)).toEqual(before);
  });

  it('gives rows a user inserted by hand their formulas, keeping what they typed', () => {
    setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS });
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    register.insertRowBefore(5);
    register.getRange('A5:K5').setValues([['O-1', 'Existing customers buy more from us', 'Sales', 'Roofshot', '', 'KR-99', 'Upsell calls', 'increase', 0, 40, 10]]);
    expect(register.getRange('P5').getFormula()).toBe('');
    const typed = register.getRange('A5:O5').getValues();
    const outcome = setUpCycle(SETUP, 'en');
    expect(outcome.kind).toBe('exists');
    expect(register.getRange('A5:O5').getValues()).toEqual(typed);
    expect(register.getRange('P5').getValue()).toBe(0.25);
    // The objective now has four KRs (weights 2, 1, 1 and blank = 1); the third is not measured yet.
    const scores = register.getRange('P2:P5').getValues().flat();
    expect(scores[2]).toBe('');
    const [a, b, , d] = scores as number[];
    expect(register.getRange('Q5').getValue()).toBeCloseTo((2 * a + b + d) / 4, 12);
  });

  it('speaks German in a German spreadsheet', () => {
    uninstall();
    ({ h, uninstall } = harness('de_DE'));
    const outcome = setUpCycle(SETUP, 'de', { rows: REGISTER_ROWS });
    expect(outcome).toEqual({ kind: 'created', sheets: ['OKRs', 'Einstellungen', 'Taktiken'] });
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    expect(register.getRange('A1:D1').getValues()[0]).toEqual(['Objective-ID', 'Objective', 'Team', 'Zieltyp']);
    expect(register.getRange('H2').getValue()).toBe('steigern');
    expect(['erreicht', 'teilweise', 'verfehlt']).toContain(register.getRange('R2').getValue());
  });

  it('removes the empty Sheet1 of a new spreadsheet, never one with content', () => {
    h.spreadsheet.getSheetByName('Sheet1')!.getRange('C3').setValue('budget notes');
    setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS });
    expect(h.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['OKRs', 'Tactics', 'Settings', 'Sheet1']);
    expect(h.spreadsheet.getSheetByName('Sheet1')!.getRange('C3').getValue()).toBe('budget notes');
  });

  it('says that a register exists before asking for a cycle (the menu asks nothing then)', () => {
    setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS });
    h.ui.dialogs.length = 0;
    setUpCycleFromMenu(NOW); // no prompt is queued: asking would throw "unexpected prompt"
    expect(h.ui.dialogs).toHaveLength(1);
    expect(h.ui.dialogs[0]).toMatchObject({ kind: 'alert' });
    expect((h.ui.dialogs[0] as { prompt: string }).prompt).toContain('already has a cycle register ("OKRs"). Nothing was overwritten. For the next cycle choose "Start next cycle…"');
  });

  it('refuses a second writer while the lock is held, and changes nothing', () => {
    h.holdLock('document', 'user-b');
    expect(() => setUpCycle(SETUP, 'en')).toThrow('Someone else is changing the OKR sheets right now');
    expect(h.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    h.releaseLock('document');
  });

  it('uses the same number of SpreadsheetApp calls for 3 and for 300 key results, at most 65', () => {
    const counts = [3, 300].map((n) => {
      uninstall();
      ({ h, uninstall } = harness());
      const rows = Array.from({ length: n }, (_, i) => ({ ...REGISTER_ROWS[i % 36], krId: `KR-${i + 1}`, objectiveId: `O-${Math.floor(i / 3) + 1}` }));
      h.calls.reset();
      setUpCycle(SETUP, 'en', { rows });
      return h.calls.snapshot();
    });
    expect(counts[0].document).toBe(counts[1].document);
    expect(counts[0].builder).toBe(counts[1].builder);
    expect(counts[0].document).toBeLessThanOrEqual(65); // with the laptop layout (runs of column widths, frozen columns, wrapped headers) and the tab order (per sheet)
    expect(counts[0].byMethod['Range.setValues']).toBe(3); // one block per sheet
  });
});
