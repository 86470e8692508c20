import { cycleWeeks, dashboardPlan, layoutSignature, logBound, recordedSignature } from '../../src/core/layout/dashboard';
import { REGISTER_ROWS, TEAMS } from '../fixtures/realisticCycle';

const input = { lang: 'en' as const, cycle: 'Q4 2026', teams: TEAMS, rows: REGISTER_ROWS, weeks: 14, logRows: 5000 };

describe('dashboard layout', () => {
  it('counts the ISO weeks a cycle touches', () => {
    expect(cycleWeeks('2026-10-01', '2026-12-31')).toBe(14); // 2026-W40 .. 2026-W53
    expect(cycleWeeks('2027-01-04', '2027-01-31')).toBe(4);
    expect(cycleWeeks('2027-01-31', '2027-01-01')).toBe(14); // broken dates: a quarter's worth
    expect(cycleWeeks('2026-01-01', '2026-12-31')).toBe(27); // capped
  });
  it('fingerprints structure, not progress', () => {
    const base = layoutSignature(input);
    expect(layoutSignature({ ...input, rows: REGISTER_ROWS.map((r) => ({ ...r, current: 1, confidence: 2 })) })).toBe(base);
    expect(layoutSignature({ ...input, rows: [...REGISTER_ROWS, { ...REGISTER_ROWS[0], objectiveId: 'O-13', krId: 'KR-99' }] })).not.toBe(base);
    expect(layoutSignature({ ...input, rows: REGISTER_ROWS.map((r, i) => (i ? r : { ...r, parentId: 'O-4' })) })).not.toBe(base);
    expect(layoutSignature({ ...input, teams: [...TEAMS, 'Legal'] })).not.toBe(base);
    expect(layoutSignature({ ...input, rows: REGISTER_ROWS.map((r, i) => (i ? r : { ...r, dependsOn: ['People'] })) })).not.toBe(base);
  });
  it('records the fingerprint in the key column and bounds every range', () => {
    const { plan, signature } = dashboardPlan(input);
    const values = plan.cells.map((line) => line.map((cell) => ('text' in cell ? cell.text : '')));
    expect(recordedSignature(values)).toBe(signature);
    const formulas = plan.cells.flat().flatMap((cell) => ('formula' in cell ? [cell.formula] : []));
    for (const f of formulas) expect(f).not.toMatch(/![$]?[A-Z]+:[$]?[A-Z]+[,)]/); // no whole-column reference
    expect(formulas.some((f) => /OKR_/.test(f))).toBe(false);
    expect(formulas.some((f) => /ARRAYFORMULA|FILTER\(|LET\(/.test(f))).toBe(false);
  });
  it('reads enough of the log for the whole cycle, growing with it', () => {
    expect(logBound(36, 14, 0)).toBe(5000);
    expect(logBound(600, 14, 0)).toBe(20800);
    expect(logBound(36, 14, 4000)).toBe(10000);
  });
});
