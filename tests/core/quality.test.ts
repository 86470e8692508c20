import { qualityHints, isBinaryKeyResult, reachedFullyCycleAfterCycle } from '../../src/core/quality';

const kr = (id: string, objectiveId: string, extra: Record<string, unknown> = {}) => ({
  id, objectiveId, title: `KR ${id}`, kind: 'increase' as const, start: 0, target: 10, ...extra,
});

describe('quality hints (warn, do not forbid)', () => {
  it('finds nothing wrong in a well-formed objective', () => {
    expect(qualityHints({ objectives: [{ id: 'O-1', title: 'Customers recommend us', team: 'CS' }], keyResults: [kr('1', 'O-1'), kr('2', 'O-1')] })).toEqual([]);
  });
  it('warns about too many objectives, too few or too many KRs, numbers, yes/no KRs and missing targets', () => {
    const objectives = Array.from({ length: 6 }, (_, i) => ({ id: `O-${i}`, title: i === 0 ? 'Grow revenue by 20%' : `Objective ${'ABCDEF'[i]}`, team: 'Sales' }));
    const keyResults = [
      kr('a', 'O-0', { kind: 'milestone' }),
      kr('b', 'O-0', { target: null }),
      ...['c', 'd', 'e', 'f', 'g'].map((id) => kr(id, 'O-1')),
      kr('h', 'O-2', { start: 1, target: 0, kind: 'decrease' }),
    ];
    const codes = qualityHints({ objectives, keyResults }).map((h) => `${h.code}:${h.objectiveId ?? h.team}${h.krId ? `/${h.krId}` : ''}`);
    expect(codes).toEqual(expect.arrayContaining([
      'too_many_objectives:Sales', 'number_in_objective:O-0', 'binary_kr:O-0/a', 'no_measurable_target:O-0/b',
      'too_many_krs:O-1', 'too_few_krs:O-2', 'binary_kr:O-2/h',
    ]));
    const hint = qualityHints({ objectives, keyResults }).find((h) => h.code === 'too_many_objectives')!;
    expect(hint.message.en).toBe('Team Sales has 6 objectives; more than 5 dilutes focus.');
    expect(hint.message.de).toBe('Team Sales hat 6 Objectives; mehr als 5 verwässern den Fokus.');
  });
  it('flags objectives reached at 100 % cycle after cycle as set too low', () => {
    expect(reachedFullyCycleAfterCycle([0.7, 1, 1])).toBe(true);
    expect(reachedFullyCycleAfterCycle([1, 0.9])).toBe(false);
    const hints = qualityHints({ objectives: [{ id: 'O-1', title: 'Ship weekly', team: 'IT' }], keyResults: [kr('1', 'O-1'), kr('2', 'O-1')], pastScores: { 'O-1': [1, 1] } });
    expect(hints.map((h) => h.code)).toEqual(['set_too_low']);
    expect(isBinaryKeyResult(kr('x', 'O', { kind: 'baseline', start: null, target: null }))).toBe(false);
  });
});
