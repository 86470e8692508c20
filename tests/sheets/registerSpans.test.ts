/**
 * The objective score reads only its objective's rows (from its first to its
 * last register row), not the whole register per row, and still equals the
 * scoring code when the objective's rows are not next to each other.
 */
import { createAppsScript } from '../../emulator/appsScript';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS } from '../fixtures/realisticCycle';
import { setUpCycle } from '../../src/app/setup';
import { REGISTER_COLUMN } from '../../src/core/layout/register';
import { objectiveScore, scoreKeyResult } from '../../src/core/scoring';

it('each objective score reads its own span of rows and equals scoring.ts, also for rows apart and rows typed below', () => {
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), locale: 'en_US' });
  const uninstall = h.installGlobals();
  try {
    // O-1's third KR moved below O-2's first: O-1 has rows 2, 3, 5 (span 2..5), O-2 rows 4, 6, 7 (span 4..7).
    const rows = [REGISTER_ROWS[0], REGISTER_ROWS[1], REGISTER_ROWS[3], REGISTER_ROWS[2], REGISTER_ROWS[4], REGISTER_ROWS[5]];
    setUpCycle(SETUP, 'en', { rows, tactics: TACTIC_ROWS });
    const sheet = h.spreadsheet.getSheetByName('OKRs')!;
    const Q = REGISTER_COLUMN.objectiveScore;
    const formula = (row: number) => sheet.getRange(row, Q).getFormula();
    expect(formula(2)).toContain('$A$2:$A$5=$A2'); // O-1: rows 2, 3 and 5
    expect(formula(4)).toContain('$A$4:$A$7=$A4'); // O-2: rows 4, 6, 7
    expect(formula(2)).not.toContain('$A$2:$A$201');
    expect(formula(100)).toContain('$A$100:$A$100=$A100'); // a spare row reads itself
    const score = (r: (typeof REGISTER_ROWS)[number]) => scoreKeyResult(r.start, r.target, r.current, r.kind ?? undefined);
    const o1 = REGISTER_ROWS.slice(0, 3);
    const want = objectiveScore(o1.map(score), o1.map((r) => r.weight));
    for (const row of [2, 3, 5]) expect(sheet.getRange(row, Q).getValue()).toBeCloseTo(want!, 12);
    // A KR of O-1 typed by hand below the register: set-up run again gives it its formulas and widens O-1's span.
    sheet.getRange(8, 1, 1, 15).setValues([["'O-1", "'Existing customers buy more from us", "'Sales", 'roofshot', '', "'KR-90", "'Typed KR", 'increase', 0, 10, 10, '', '', '', '']]);
    setUpCycle(SETUP, 'en');
    expect(formula(2)).toContain('$A$2:$A$8=$A2');
    const withTyped = objectiveScore([...o1.map(score), 1], [...o1.map((r) => r.weight), null]);
    for (const row of [2, 3, 5, 8]) expect(sheet.getRange(row, Q).getValue()).toBeCloseTo(withTyped!, 12);
  } finally {
    uninstall();
  }
});
