/**
 * The domain model's zod schemas (src/core/schema.ts) over the realistic
 * cycle's register rows and tactics, and over bad values people type.
 */
import { CheckIn, Cycle, KeyResult, KeyTactic, Objective, Team } from '../../src/core/schema';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS } from '../fixtures/realisticCycle';

const issues = (result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('domain schemas', () => {
  it('accept every team, objective, key result and tactic of the realistic cycle', () => {
    expect(Cycle.safeParse(SETUP.cycle).success).toBe(true);
    for (const name of SETUP.teams) expect(Team.parse({ name: ` ${name} ` })).toEqual({ name });
    for (const row of REGISTER_ROWS) {
      const objective = { id: row.objectiveId, title: row.objective, team: row.team, goalType: row.goalType, parentId: row.parentId };
      expect(issues(Objective.safeParse(objective))).toEqual([]);
      const kr = KeyResult.parse({
        id: row.krId,
        objectiveId: row.objectiveId,
        title: row.keyResult,
        kind: row.kind,
        start: row.start,
        target: row.target,
        current: row.current,
        unit: row.unit,
        weight: row.weight ?? undefined,
        confidence: row.confidence,
        dependsOn: row.dependsOn,
      });
      expect(kr.weight).toBe(row.weight ?? 1);
    }
    for (const tactic of TACTIC_ROWS) expect(issues(KeyTactic.safeParse(tactic))).toEqual([]);
  });

  it('fill defaults: weight 1, no confidence, no dependencies, blank unit and since', () => {
    const kr = KeyResult.parse({ id: 'KR-1', objectiveId: 'O-1', title: 'NPS from 50 to 70', kind: 'increase', start: 50, target: 70, current: null });
    expect(kr).toMatchObject({ weight: 1, confidence: null, dependsOn: [], unit: '' });
    expect(KeyTactic.parse({ id: 'T-1', objectiveId: '', team: 'IT', principle: 'We always choose boring tech over new tech' }).since).toBe('');
  });

  it('name every bad field people type', () => {
    expect(issues(Objective.safeParse({ id: 'O 1', title: '   ', team: 'Sales', goalType: 'stretch' }))).toEqual([
      'id: letters, digits, . _ - (at most 40)',
      'title: must not be empty',
      expect.stringMatching(/^goalType: /),
    ]);
    expect(issues(KeyResult.safeParse({ id: 'KR-1', objectiveId: 'O-1', title: 'Churn down', kind: 'decrease', start: 5, target: 8, current: 6 }))).toEqual([
      'target: decrease_target_above_start',
    ]);
    expect(issues(KeyResult.safeParse({ id: 'KR-2', objectiveId: 'O-1', title: 'Fix it', kind: 'increase', start: 0, target: 1, current: 0, confidence: 7.5, weight: -1 }))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^weight: must not be negative/), expect.stringMatching(/^confidence: /)]),
    );
    expect(issues(KeyResult.safeParse({ id: 'KR-3', objectiveId: 'O-1', title: 'New metric', kind: 'baseline', start: null, target: null, current: 12 }))).toEqual([]);
    expect(issues(KeyTactic.safeParse({ id: 'T-1', objectiveId: '', team: 'IT', principle: 'x', since: '2026-02-30' }))).toEqual([
      'since: expected a date like 2026-10-01',
    ]);
    expect(issues(Cycle.safeParse({ name: 'Q1 2027', start: '2027-03-31', end: '2027-01-01' }))).toEqual(['end: the end must be after the start']);
    expect(issues(CheckIn.safeParse({ week: '2026-W54', krId: 'KR-1', value: 3, confidence: 11, note: '' }))).toEqual([
      'week: expected a week like 2026-W48',
      expect.stringMatching(/^confidence: /),
    ]);
  });
});
