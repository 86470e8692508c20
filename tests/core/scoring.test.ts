import { attainment, objectiveScore, pace, scoreKeyResult, ScoringError } from '../../src/core/scoring';

describe('scoreKeyResult', () => {
  it('scores an increasing metric linearly and clamps to [0, 1]', () => {
    expect(scoreKeyResult(50, 70, 60)).toBeCloseTo(0.5);
    expect(scoreKeyResult(50, 70, 80)).toBe(1);
    expect(scoreKeyResult(50, 70, 40)).toBe(0);
  });
  it('infers a decreasing metric from target below start', () => {
    expect(scoreKeyResult(10, 6, 8)).toBeCloseTo(0.5);
    expect(scoreKeyResult(10, 6, 5)).toBe(1);
  });
  it('gives null while not measured, and for baselines', () => {
    expect(scoreKeyResult(1, 2, null)).toBeNull();
    expect(scoreKeyResult(null, 2, 1)).toBeNull();
    expect(scoreKeyResult(1, 2, 5, 'baseline')).toBeNull();
  });
  it('rejects start equal to target and contradicting directions', () => {
    expect(() => scoreKeyResult(5, 5, 5)).toThrow(ScoringError);
    expect(() => scoreKeyResult(10, 5, 7, 'increase')).toThrow('increase_target_below_start');
    expect(() => scoreKeyResult(5, 10, 7, 'decrease')).toThrow('decrease_target_above_start');
  });
  it('scores a maintain band: 1 inside, falling off one band-width outside', () => {
    expect(scoreKeyResult(99, 100, 99.5, 'maintain')).toBe(1);
    expect(scoreKeyResult(99, 100, 98.5, 'maintain')).toBeCloseTo(0.5);
    expect(scoreKeyResult(99, 100, 97, 'maintain')).toBe(0);
  });
  it('scores a milestone as 0 or 1', () => {
    expect(scoreKeyResult(0, 1, 0.99, 'milestone')).toBe(0);
    expect(scoreKeyResult(0, 1, 1, 'milestone')).toBe(1);
  });
});

describe('objectiveScore', () => {
  it('is the weighted mean, ignoring blanks; blank weight counts 1', () => {
    expect(objectiveScore([1, 0.5, null], [1, 3, 5])).toBeCloseTo((1 + 1.5) / 4);
    expect(objectiveScore([1, 0], [null, 1])).toBeCloseTo(0.5);
    expect(objectiveScore([null, null])).toBeNull();
  });
  it('rejects negative weights and weights summing to 0', () => {
    expect(() => objectiveScore([1, 0.5], [1, -1])).toThrow('negative_weight');
    expect(() => objectiveScore([1, 0.5], [0, 0])).toThrow('weights_sum_to_zero');
  });
});

describe('attainment and pace', () => {
  it('judges roofshot against 1.0 and moonshot against 0.6', () => {
    expect(attainment(0.99, 'roofshot')).toBe('partial');
    expect(attainment(1, 'roofshot')).toBe('achieved');
    expect(attainment(0.6, 'moonshot')).toBe('achieved');
    expect(attainment(0.29, 'moonshot')).toBe('missed');
    expect(attainment(0.7, 'roofshot', 0.7)).toBe('achieved');
  });
  it('expects a linearly rising score', () => {
    // Half of the cycle gone: a roofshot expects 0.5, a moonshot 0.3.
    expect(pace(0.5, 0, 100, 50)).toBe('on_track');
    expect(pace(0.35, 0, 100, 50)).toBe('at_risk');
    expect(pace(0.2, 0, 100, 50)).toBe('off_track');
    expect(pace(0.3, 0, 100, 50, 'moonshot')).toBe('on_track');
    expect(pace(0, 0, 100, -5)).toBe('on_track');
    expect(() => pace(0.5, 10, 10, 5)).toThrow('cycle_end_not_after_start');
  });
});
