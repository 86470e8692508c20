import fc from 'fast-check';
import { okrAttainment, okrObjectiveScore, okrPace, okrScore, serialDay } from '../../src/core/sheetFunctions';
/** Dates built in this test process are read in this process's zone (CI runs it in America/New_York). */
const LOCAL = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('OKR_SCORE logic', () => {
  it('fills a column: array in, array out of the same shape, blanks stay blank', () => {
    const out = okrScore('en', [[0], [50], [10], ['']], [[100], [70], [6], [5]], [[25], [60], [8], [3]]);
    expect(out).toEqual([[0.25], [0.5], [0.5], ['']]);
  });
  it('broadcasts a single direction over a range', () => {
    expect(okrScore('en', [[99], [99]], [[100], [100]], [[99.5], [98.5]], 'maintain')).toEqual([[1], [0.5]]);
  });
  it('reads numeric text the way a German user types it', () => {
    expect(okrScore('de', '10', '20', '12,5')).toBe(0.25);
    expect(okrScore('en', 0, 1, '40%')).toBeCloseTo(0.4);
  });
  it('names the argument, row and value it cannot score', () => {
    expect(() => okrScore('en', [[0], [0]], [[10], [10]], [[5], ['abc']])).toThrow('OKR_SCORE: current in row 2 is "abc", not a number.');
    expect(() => okrScore('de', 5, 5, 5)).toThrow('OKR_SCORE: Startwert und Zielwert sind beide 5');
    expect(() => okrScore('en', new Date(2026, 0, 1), 10, 5, undefined, () => LOCAL)).toThrow('OKR_SCORE: start is a date (2026-01-01); a number belongs here.');
    expect(() => okrScore('en', 1, 2, 1.5, 'sideways')).toThrow('OKR_SCORE: direction is "sideways"; use increase');
    expect(() => okrScore('en', [[1], [2]], [[1], [2], [3]], 1)).toThrow('OKR_SCORE: target has 3×1 cells but start has 2×1');
  });
  it('gives no score for a baseline, even with values', () => {
    expect(okrScore('en', 1, 2, 3, 'Basiswert')).toBe('');
  });
});

describe('properties of OKR_SCORE', () => {
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  it('stays in [0, 1] and is monotone in current for an increasing metric', () => {
    fc.assert(
      fc.property(value, value, value, value, (a, b, c1, c2) => {
        fc.pre(a !== b);
        const [start, target] = a < b ? [a, b] : [b, a];
        const low = okrScore('en', start, target, Math.min(c1, c2)) as number;
        const high = okrScore('en', start, target, Math.max(c1, c2)) as number;
        return low >= 0 && high <= 1 && low <= high;
      }),
    );
  });
  it('is symmetric for decreasing metrics: mirroring values gives the same score', () => {
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        fc.pre(a !== b);
        return okrScore('en', a, b, c) === okrScore('en', -a, -b, -c);
      }),
    );
  });
  it('keeps the shape of the input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 4 }), (rows, cols) => {
        const grid = (v: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
        const out = okrScore('en', grid(0), grid(10), grid(5)) as unknown[][];
        return out.length === rows && out.every((line) => line.length === cols && line.every((x) => x === 0.5));
      }),
    );
  });
});

describe('OKR_OBJECTIVE_SCORE, OKR_ATTAINMENT, OKR_PACE logic', () => {
  it('averages a range with weights and ignores blanks', () => {
    expect(okrObjectiveScore('en', [[1], [0.5], ['']], [[1], [3], [2]])).toBeCloseTo(0.625);
    expect(okrObjectiveScore('en', [[''], ['']])).toBe('');
    expect(() => okrObjectiveScore('en', [[1], [0.5]], [[1], [-2]])).toThrow('weights include -2');
  });
  it('speaks the sheet language and accepts goal-type synonyms', () => {
    expect(okrAttainment('en', [[1], [0.65], [0.2]], 'stretch')).toEqual([['achieved'], ['achieved'], ['missed']]);
    expect(okrAttainment('de', 0.7, 'verbindlich')).toBe('teilweise');
    expect(okrAttainment('en', 0.7, 'committed', 0.7)).toBe('achieved');
    expect(() => okrAttainment('en', 0.7, 'maybe')).toThrow('goal_type is "maybe"');
    expect(() => okrAttainment('en', 0.7, 'roofshot', 70)).toThrow('success_from is 70');
  });
  it('judges pace from dates, serial numbers or typed dates', () => {
    const start = new Date(2026, 9, 1);
    const end = new Date(2026, 11, 31);
    expect(okrPace('en', { now: new Date(2026, 10, 15), timeZone: () => LOCAL }, 0.5, start, end)).toBe('on track');
    expect(okrPace('de', { now: new Date(2026, 10, 15), timeZone: () => LOCAL }, 0.1, '1.10.2026', '2026-12-31')).toBe('nicht im Plan');
    expect(okrPace('en', { now: new Date(), timeZone: () => LOCAL }, 0.3, start, end, serialDay(new Date(2026, 10, 15), LOCAL), 'moonshot')).toBe('on track');
    expect(() => okrPace('en', { now: new Date(), timeZone: () => LOCAL }, 0.3, end, start)).toThrow('cycle_end must be after cycle_start');
    expect(() => okrPace('en', { now: new Date(), timeZone: () => LOCAL }, 0.3, 'soon', end)).toThrow('cycle_start is "soon", not a date');
  });
  it('computes spreadsheet serial days like Sheets', () => {
    expect(serialDay(new Date(2026, 9, 1), LOCAL)).toBe(46296);
    expect(serialDay(new Date(1899, 11, 31), LOCAL)).toBe(1);
  });
});
