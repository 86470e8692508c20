/**
 * A register that grows past its formula capacity (import, sidebar saves,
 * rows pasted by hand and set-up run again) gets, for the new rows, all that
 * `registerPlan` gives its first rows: drop-downs, number formats, the
 * warning-only protection, the traffic lights and the named ranges.
 */
import { setUpCycle } from '../../src/app/setup';
import { importRun } from '../../src/app/import';
import { saveObjective } from '../../src/app/objectives';
import { REGISTER_COLUMN, REGISTER_WIDTH, TRAFFIC_LIGHT, registerCapacity, type RegisterRow } from '../../src/core/layout/register';
import { createAppsScript, type AppsScriptHarness } from '../../emulator/appsScript';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS } from '../fixtures/realisticCycle';

const NOW = new Date('2026-11-24T10:00:00Z');
type Sheet = ReturnType<AppsScriptHarness['spreadsheet']['getSheets']>[number];
type Range = ReturnType<Sheet['getRange']>;

const contains = (range: Range, row: number, column: number) =>
  range.getRow() <= row && row <= range.getLastRow() && range.getColumn() <= column && column <= range.getLastColumn();
const COMPUTED = [REGISTER_COLUMN.krScore, REGISTER_COLUMN.objectiveScore, REGISTER_COLUMN.attainment, REGISTER_COLUMN.pace];
const LIGHTS: string[] = Object.values(TRAFFIC_LIGHT);

/** A data validation as comparable data (a list-from-range names its range). */
function describeValidation(range: Range) {
  const rule = range.getDataValidation();
  if (!rule) return null;
  const values = rule.getCriteriaValues().map((v: unknown) => (v && typeof v === 'object' && 'getA1Notation' in v ? (v as Range).getA1Notation() : v));
  return { type: rule.getCriteriaType(), values, allowInvalid: rule.getAllowInvalid(), help: rule.getHelpText() };
}

/**
 * Row `row` of the register looks like row 2 of a freshly set-up one: the same
 * drop-downs and number formats, its computed cells inside the one add-on
 * protection and the traffic-light rules, and inside both named ranges.
 */
function expectLaidOut(h: AppsScriptHarness, register: Sheet, row: number) {
  const formats = (r: number) => register.getRange(r, 1, 1, REGISTER_WIDTH).getNumberFormats()[0];
  expect(formats(row)).toEqual(formats(2));
  for (let column = 1; column <= REGISTER_WIDTH; column++)
    expect([column, describeValidation(register.getRange(row, column))]).toEqual([column, describeValidation(register.getRange(2, column))]);
  expect(describeValidation(register.getRange(row, REGISTER_COLUMN.team))).toMatchObject({ type: 'VALUE_IN_RANGE' });

  const protections = register.getProtections('RANGE').filter((p) => contains(p.getRange(), 2, REGISTER_COLUMN.krScore));
  expect(protections).toHaveLength(1);
  expect(protections[0].isWarningOnly()).toBe(true);
  for (const column of COMPUTED) expect(contains(protections[0].getRange(), row, column)).toBe(true);

  const lights = register.getConditionalFormatRules().filter((rule) => LIGHTS.includes(rule.getBooleanCondition().getBackground() ?? ''));
  expect(lights).toHaveLength(3);
  for (const rule of lights) for (const column of COMPUTED) expect(rule.getRanges().some((range) => contains(range, row, column))).toBe(true);

  const ids = h.spreadsheet.getRangeByName('OKR_KR_IDS')!;
  const scores = h.spreadsheet.getRangeByName('OKR_KR_SCORES')!;
  expect(ids.getSheet().getName()).toBe(register.getName());
  expect(contains(ids, row, REGISTER_COLUMN.krId)).toBe(true);
  expect(contains(scores, row, REGISTER_COLUMN.krScore)).toBe(true);
  expect(h.spreadsheet.getNamedRanges()).toHaveLength(2);
}

/** The formula block ends at `lastRow`: the protection, the lights and the named ranges end there too. */
function expectExtentEndsAt(h: AppsScriptHarness, register: Sheet, lastRow: number) {
  expect(register.getRange(lastRow, REGISTER_COLUMN.krScore).getFormula()).not.toBe('');
  expect(register.getRange(lastRow + 1, REGISTER_COLUMN.krScore).getFormula()).toBe('');
  const block = `P2:S${lastRow}`;
  expect(register.getProtections('RANGE').map((p) => p.getRange().getA1Notation())).toEqual([block]);
  const lights = register.getConditionalFormatRules().filter((rule) => LIGHTS.includes(rule.getBooleanCondition().getBackground() ?? ''));
  expect(lights.map((rule) => rule.getRanges().map((range) => range.getA1Notation()))).toEqual([[block], [block], [block]]);
  expect(h.spreadsheet.getRangeByName('OKR_KR_IDS')!.getA1Notation()).toBe(`F2:F${lastRow}`);
  expect(h.spreadsheet.getRangeByName('OKR_KR_SCORES')!.getA1Notation()).toBe(`P2:P${lastRow}`);
}

describe('import past the register capacity', () => {
  function importKeyResults(n: number, locale = 'en_US') {
    const h = createAppsScript({ now: NOW, locale });
    const uninstall = h.installGlobals();
    const lang = locale.startsWith('de') ? 'de' : 'en';
    setUpCycle(SETUP, lang, { rows: REGISTER_ROWS });
    const values = [
      ['Objective', 'Key result', 'Start', 'Target', 'Current', 'Team'],
      ...Array.from({ length: n }, (_, i) => [`Objective ${Math.floor(i / 3) + 1}`, `KR ${i + 1}`, 0, 10, i % 10, SETUP.teams[i % 4]]),
    ];
    h.spreadsheet.insertSheet('Our goals').getRange(1, 1, values.length, 6).setValues(values);
    h.calls.reset();
    const result = importRun({ sheetName: 'Our goals', a1: `A1:F${values.length}` });
    const calls = { total: h.calls.total, document: h.calls.document };
    expect(result).toMatchObject({ ok: true, keyResults: n });
    return { h, uninstall, calls, register: h.spreadsheet.getSheetByName('OKRs')!, values };
  }

  it('lays out row 250 like the first rows, covers the new last row, keeps what was imported', () => {
    const { h, uninstall, register, values } = importKeyResults(250);
    try {
      const lastRow = registerCapacity(36 + 250) + 1;
      expect(lastRow).toBe(387);
      expect(register.getRange(250, REGISTER_COLUMN.krScore).getValue()).toBeCloseTo(((250 - 38) % 10) / 10);
      expectLaidOut(h, register, 250);
      expectLaidOut(h, register, lastRow);
      expectExtentEndsAt(h, register, lastRow);
      // Row 250 scores 0.2: a red light.
      expect(h.effectiveBackground('OKRs', 'P250')).toBe(TRAFFIC_LIGHT.red);
      // Every imported value is where the import put it.
      const imported = register.getRange(38, 1, 250, REGISTER_WIDTH).getValues();
      expect(imported.map((line) => [line[REGISTER_COLUMN.keyResult - 1], line[REGISTER_COLUMN.current - 1], line[REGISTER_COLUMN.team - 1]])).toEqual(
        values.slice(1).map((line) => [line[1], line[4], line[5]]),
      );
    } finally {
      uninstall();
    }
  });

  it('in German too, with a number of calls that does not depend on how many rows were added', () => {
    const small = importKeyResults(250, 'de_DE');
    let smallCalls;
    try {
      smallCalls = small.calls;
      expectLaidOut(small.h, small.register, 250);
      expectExtentEndsAt(small.h, small.register, 387);
    } finally {
      small.uninstall();
    }
    const large = importKeyResults(450, 'de_DE');
    try {
      expectLaidOut(large.h, large.register, 250);
      expectLaidOut(large.h, large.register, 587);
      expectExtentEndsAt(large.h, large.register, 587);
      expect(large.calls).toEqual(smallCalls);
    } finally {
      large.uninstall();
    }
  });
});

describe('sidebar saves past the register capacity', () => {
  it('extends the layout to the new rows, leaving older rows and other rules as they were', () => {
    const h = createAppsScript({ now: NOW, locale: 'en_US' });
    const uninstall = h.installGlobals();
    try {
      // 144 key results: formulas to row 245; one more objective with 12 key results grows them to row 257.
      const rows: RegisterRow[] = Array.from({ length: 144 }, (_, i) => ({ ...REGISTER_ROWS[i % 36], krId: `KR-${i + 1}`, objectiveId: `O-${Math.floor(i / 3) + 1}`, parentId: '' }));
      setUpCycle(SETUP, 'en', { rows, tactics: TACTIC_ROWS });
      const register = h.spreadsheet.getSheetByName('OKRs')!;
      expectExtentEndsAt(h, register, 245);
      // Someone's own rule over the KR scores, and a format of their own on a row within the old capacity.
      const own = SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThan(0.99).setBold(true).setRanges([register.getRange('P2:P245') as never]).build();
      register.setConditionalFormatRules([...register.getConditionalFormatRules(), own as never]);
      register.getRange(200, REGISTER_COLUMN.start).setNumberFormat('0.00');
      const result = saveObjective({
        team: 'Sales',
        title: 'Every key account has a plan',
        goalType: 'roofshot',
        keyResults: Array.from({ length: 12 }, (_, i) => ({ title: `Account plan ${i + 1}`, kind: 'increase', start: 0, target: 10, current: i })),
        tactics: [],
      });
      expect(result.ok).toBe(true);
      expectLaidOut(h, register, 250);
      expectLaidOut(h, register, 257);
      expectExtentEndsAt(h, register, 257);
      expect(register.getRange(157, REGISTER_COLUMN.keyResult).getValue()).toBe('Account plan 12');
      expect(register.getRange(200, REGISTER_COLUMN.start).getNumberFormat()).toBe('0.00');
      const rules = register.getConditionalFormatRules();
      expect(rules).toHaveLength(4);
      expect(rules[3].getBooleanCondition().getCriteriaValues()).toEqual([0.99]);
      expect(rules[3].getRanges().map((range) => range.getA1Notation())).toEqual(['P2:P245']);
    } finally {
      uninstall();
    }
  });
});

describe('growing without a Settings sheet', () => {
  it('gives the new rows every drop-down but the team list, which reads the deleted sheet', () => {
    const h = createAppsScript({ now: NOW, locale: 'en_US' });
    const uninstall = h.installGlobals();
    try {
      const rows: RegisterRow[] = Array.from({ length: 98 }, (_, i) => ({ ...REGISTER_ROWS[i % 36], krId: `KR-${i + 1}` }));
      setUpCycle(SETUP, 'en', { rows });
      h.spreadsheet.deleteSheet(h.spreadsheet.getSheetByName('Settings')!);
      const result = saveObjective({
        team: 'Sales',
        title: 'Every key account has a plan',
        goalType: 'roofshot',
        keyResults: [1, 2, 3, 4].map((i) => ({ title: `Account plan ${i}`, kind: 'increase', start: 0, target: 10 })),
        tactics: [],
      });
      expect(result.ok).toBe(true);
      const register = h.spreadsheet.getSheetByName('OKRs')!;
      expectExtentEndsAt(h, register, 203);
      expect(describeValidation(register.getRange(203, REGISTER_COLUMN.team))).toBeNull();
      expect(describeValidation(register.getRange(203, REGISTER_COLUMN.goalType))).toEqual(describeValidation(register.getRange(2, REGISTER_COLUMN.goalType)));
      expect(describeValidation(register.getRange(203, REGISTER_COLUMN.confidence))).toEqual(describeValidation(register.getRange(2, REGISTER_COLUMN.confidence)));
    } finally {
      uninstall();
    }
  });
});

describe('rows pasted by hand below the capacity, then set-up run again', () => {
  it('gives them their layout, keeps every value, formula and validation typed, and the user rules', () => {
    const h = createAppsScript({ now: NOW, locale: 'en_US' });
    const uninstall = h.installGlobals();
    try {
      setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS });
      const register = h.spreadsheet.getSheetByName('OKRs')!;
      // Rows 38-270 pasted by hand (past the formula rows, which end at 201).
      const pasted = Array.from({ length: 233 }, (_, i) => [
        'O-99', 'Pasted objective', 'Platform', 'Roofshot', '', `KR-P${i}`, `Pasted KR ${i}`, 'increase', 0, 100, i % 100, 'pts', 1, 7, '',
      ]);
      register.getRange(38, 1, pasted.length, 15).setValues(pasted as never);
      register.getRange(250, REGISTER_COLUMN.current).setFormula('=40+2');
      register.getRange(250, REGISTER_COLUMN.unit).setValue('tickets');
      const unitRule = SpreadsheetApp.newDataValidation().requireValueInList(['tickets', 'pts'], true).build();
      register.getRange(250, REGISTER_COLUMN.unit).setDataValidation(unitRule as never);
      const own = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('Pasted objective').setBackground('#ff00ff').setRanges([register.getRange('B2:B400') as never]).build();
      register.setConditionalFormatRules([...register.getConditionalFormatRules(), own as never]);
      const before = register.getRange(1, 1, 271, 15).getValues();
      const typedFormats = register.getRange(38, REGISTER_COLUMN.current, 1, 1).getNumberFormats();

      const outcome = setUpCycle(SETUP, 'en');
      expect(outcome).toMatchObject({ kind: 'exists' });
      const lastRow = registerCapacity(269) + 1;
      expect(lastRow).toBe(370);
      expectExtentEndsAt(h, register, lastRow);
      expectLaidOut(h, register, 260);
      expectLaidOut(h, register, lastRow);
      // Row 250: the drop-downs and formats of the plan, the person's own validation on Unit stays.
      expect(describeValidation(register.getRange(250, REGISTER_COLUMN.unit))).toMatchObject({ type: 'VALUE_IN_LIST', values: [['tickets', 'pts'], true] });
      expect(describeValidation(register.getRange(250, REGISTER_COLUMN.team))).toEqual(describeValidation(register.getRange(2, REGISTER_COLUMN.team)));
      expect(register.getRange(250, 1, 1, REGISTER_WIDTH).getNumberFormats()[0].slice(0, REGISTER_COLUMN.unit - 1)).toEqual(
        register.getRange(2, 1, 1, REGISTER_COLUMN.unit - 1).getNumberFormats()[0],
      );
      expect(register.getRange(250, REGISTER_COLUMN.krScore).getValue()).toBeCloseTo(0.42);
      // Nothing typed is lost: values, the formula in Current, rows within the old capacity keep their formats.
      expect(register.getRange(1, 1, 271, 15).getValues()).toEqual(before);
      expect(register.getRange(250, REGISTER_COLUMN.current).getFormula()).toBe('=40+2');
      expect(register.getRange(38, REGISTER_COLUMN.current, 1, 1).getNumberFormats()).toEqual(typedFormats);
      const rules = register.getConditionalFormatRules();
      expect(rules).toHaveLength(4);
      expect(rules[3].getRanges().map((range) => range.getA1Notation())).toEqual(['B2:B400']);
      expect(h.effectiveBackground('OKRs', 'B300')).toBe('#ffffff');
      expect(h.effectiveBackground('OKRs', 'B250')).toBe('#ff00ff');
    } finally {
      uninstall();
    }
  });

  it('runs again without changing anything', () => {
    const h = createAppsScript({ now: NOW, locale: 'en_US' });
    const uninstall = h.installGlobals();
    try {
      setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS });
      const register = h.spreadsheet.getSheetByName('OKRs')!;
      register.getRange(300, 1, 1, 7).setValues([['O-50', 'Typed far below', 'People', 'Roofshot', '', 'KR-500', 'A KR typed far below']] as never);
      setUpCycle(SETUP, 'en');
      expectExtentEndsAt(h, register, 400);
      expectLaidOut(h, register, 300);
      h.calls.reset();
      expect(setUpCycle(SETUP, 'en')).toMatchObject({ kind: 'exists', repairedRows: 0 });
      expectExtentEndsAt(h, register, 400);
      expect(h.calls.byMethod['Spreadsheet.setNamedRange'] ?? 0).toBe(0);
    } finally {
      uninstall();
    }
  });
});
