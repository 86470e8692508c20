import { cycleWeeks, dashboardPlan, layoutSignature, recordedSignature } from '../../src/core/layout/dashboard';
import { REGISTER_ROWS, TEAMS } from '../fixtures/realisticCycle';

const input = { lang: 'en' as const, cycle: 'Q4 2026', teams: TEAMS, rows: REGISTER_ROWS, weeks: 14, start: '2026-10-01' };

describe('dashboard layout', () => {
  it('counts the ISO weeks a cycle touches', () => {
    expect(cycleWeeks('2026-10-01', '2026-12-31')).toBe(14); // 2026-W40 .. 2026-W53
    expect(cycleWeeks('2027-01-04', '2027-01-31')).toBe(4);
    expect(cycleWeeks('2027-01-31', '2027-01-01')).toBe(14); // broken dates: a quarter's worth
    expect(cycleWeeks('2026-01-01', '2026-12-31')).toBe(53); // a yearly cycle: every week (2026-W01 .. 2026-W53)
    expect(cycleWeeks('2027-01-03', '2028-01-03')).toBe(54); // Sunday to the Monday a year later: 54 ISO weeks touched
    expect(cycleWeeks('2026-01-01', '2027-12-31')).toBe(54); // longer than a year: capped
  });
  it('fingerprints structure, not progress', () => {
    const base = layoutSignature(input);
    expect(layoutSignature({ ...input, rows: REGISTER_ROWS.map((r) => ({ ...r, current: 1, confidence: 2 })) })).toBe(base);
    expect(layoutSignature({ ...input, rows: [...REGISTER_ROWS, { ...REGISTER_ROWS[0], objectiveId: 'O-13', krId: 'KR-99' }] })).not.toBe(base);
    expect(layoutSignature({ ...input, rows: REGISTER_ROWS.map((r, i) => (i ? r : { ...r, parentId: 'O-4' })) })).not.toBe(base);
    expect(layoutSignature({ ...input, teams: [...TEAMS, 'Legal'] })).not.toBe(base);
    expect(layoutSignature({ ...input, rows: REGISTER_ROWS.map((r, i) => (i ? r : { ...r, dependsOn: ['People'] })) })).not.toBe(base);
    expect(layoutSignature({ ...input, start: '2026-10-05' })).not.toBe(base); // the grid's week columns count from the start
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
});
