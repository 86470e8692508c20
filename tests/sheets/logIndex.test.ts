/**
 * The Check-in log's index: Weekly and Apply read only the rows of the weeks
 * they need, and the index heals itself when people changed the log by hand.
 */
import { createAppsScript, type AppsScriptHarness } from '../../emulator/appsScript';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS } from '../fixtures/realisticCycle';
import { setUpCycle } from '../../src/app/setup';
import { applyCheckIn, generateWeekly } from '../../src/app/events';
import { LOG_WIDTH } from '../../src/core/layout/checkInLog';
import { WEEKLY_COLUMN } from '../../src/core/layout/weekly';

const mondays = (n: number) => Array.from({ length: n }, (_, i) => new Date(2026, 9, 5 + 7 * i)); // 2026-W41 ..

function cycle() {
  const h = createAppsScript({ now: new Date('2026-10-05T10:00:00Z'), locale: 'en_US' });
  const uninstall = h.installGlobals();
  setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS, tactics: TACTIC_ROWS });
  return { h, uninstall };
}

/** Generates the weekly of `day`, types a value and a confidence for every KR, applies it. */
function checkIn(h: AppsScriptHarness, day: Date, value: (i: number) => number) {
  h.setNow(day);
  generateWeekly('en', day);
  const sheet = h.spreadsheet.getActiveSheet();
  const keys = sheet.getRange(1, WEEKLY_COLUMN.key, sheet.getLastRow(), 1).getValues().map((l) => String(l[0]));
  const inputs = sheet.getRange(1, WEEKLY_COLUMN.input, keys.length, 2).getValues();
  keys.forEach((key, i) => {
    if (key.startsWith('kr:')) inputs[i] = [value(i), 5];
  });
  sheet.getRange(1, WEEKLY_COLUMN.input, keys.length, 2).setValues(inputs);
  applyCheckIn('en', day);
  return sheet;
}

/** Cells of the Check-in log read by `fn` (every getValues on a range of the log). */
function logCellsRead(h: AppsScriptHarness, fn: () => void): number {
  const proto = Object.getPrototypeOf(h.spreadsheet.getSheets()[0].getRange(1, 1));
  const original = proto.getValues;
  let cells = 0;
  proto.getValues = function (this: any) {
    const values = original.call(this);
    if (this.getSheet().getName() === 'Check-in log') cells += values.length * (values[0]?.length ?? 0);
    return values;
  };
  try {
    fn();
  } finally {
    proto.getValues = original;
  }
  return cells;
}

describe('the Check-in log index', () => {
  let env: ReturnType<typeof cycle>;
  beforeEach(() => (env = cycle()));
  afterEach(() => env.uninstall());

  it('Weekly and Apply read only this week and the week before, however long the log is', () => {
    const { h } = env;
    const days = mondays(8);
    const read: number[] = [];
    days.forEach((day, w) => {
      h.setNow(day);
      read.push(logCellsRead(h, () => checkIn(h, day, (i) => 1000 * w + i)));
    });
    const log = h.spreadsheet.getSheetByName('Check-in log')!;
    expect(log.getLastRow()).toBe(1 + 8 * REGISTER_ROWS.length);
    // Week 1 reads nothing (no log yet); from week 3 on the same: the previous week's rows, never the whole log.
    expect(read[0]).toBe(0);
    expect(read[7]).toBe(read[2]);
    expect(read[7]).toBeLessThanOrEqual(REGISTER_ROWS.length * LOG_WIDTH);
    // The last value is last week's logged value.
    const weekly = h.spreadsheet.getActiveSheet();
    const keys = weekly.getRange(1, WEEKLY_COLUMN.key, weekly.getLastRow(), 1).getValues().map((l) => String(l[0]));
    const row = keys.indexOf('kr:KR-1') + 1;
    // Regenerating it after the apply shows the values before the week (week 7's).
    expect(generateWeekly('en', days[7]).kind).toBe('regenerated');
    expect(weekly.getRange(row, WEEKLY_COLUMN.last).getValue()).toBe(6000 + row - 1);
    // A weekly of the past reads the whole log (once) and shows what was logged before it.
    const past = logCellsRead(h, () => generateWeekly('en', days[2]));
    expect(past).toBe(8 * REGISTER_ROWS.length * LOG_WIDTH);
  });

  it('applying twice logs once, also after rows were typed into the log by hand (the index is rebuilt)', () => {
    const { h } = env;
    const [w1, w2] = mondays(2);
    checkIn(h, w1, (i) => i);
    const log = h.spreadsheet.getSheetByName('Check-in log')!;
    const before = log.getLastRow();
    // Someone types an entry for next week's KR-1 by hand below the log.
    log.getRange(before + 1, 1, 1, LOG_WIDTH).setValues([["'2026-W42", 'KR', "'KR-1", "'Sales", '', 77, 7, '', "'typed", '']]);
    const sheet = checkIn(h, w2, (i) => 100 + i);
    const rows = log.getRange(2, 1, log.getLastRow() - 1, LOG_WIDTH).getValues();
    expect(rows.filter((r) => r[0] === '2026-W42' && r[2] === 'KR-1')).toHaveLength(1); // the typed one: not logged again
    expect(rows.filter((r) => r[0] === '2026-W42')).toHaveLength(REGISTER_ROWS.length);
    expect(rows[before - 1][8]).toBe('typed'); // not overwritten
    // Applying again adds nothing.
    h.spreadsheet.setActiveSheet(sheet);
    const count = log.getLastRow();
    applyCheckIn('en', w2);
    expect(log.getLastRow()).toBe(count);
    // Rows sorted by hand: the index no longer matches, one full read, still logged once.
    const sorted = log.getRange(2, 1, count - 1, LOG_WIDTH).getValues().reverse();
    log.getRange(2, 1, count - 1, LOG_WIDTH).setValues(sorted.map((r) => r.map((v) => (typeof v === 'string' && v ? `'${v}` : v))));
    applyCheckIn('en', w2);
    expect(log.getLastRow()).toBe(count);
  });
});
