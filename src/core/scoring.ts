/**
 * Scoring, attainment and pace: the arithmetic of the method, on plain numbers.
 *
 * Every function here has a twin among the native spreadsheet formulas in
 * `formulas.ts`; both must compute the same floating-point operations in the
 * same order, so a sheet without the add-on shows exactly what the custom
 * functions show. Change one, change the other (tests compare them).
 */
import type { GoalType, KrKind, Pace, Verdict } from './vocabulary';

/** Why a key result, weights or dates cannot be scored. */
export type ScoringProblem =
  | 'start_equals_target'
  | 'increase_target_below_start'
  | 'decrease_target_above_start'
  | 'negative_weight'
  | 'weights_sum_to_zero'
  | 'cycle_end_not_after_start';

export class ScoringError extends Error {
  constructor(readonly problem: ScoringProblem) {
    super(problem);
    this.name = 'ScoringError';
  }
}

/** Default success levels: a roofshot is achieved only at 100 %, a moonshot from 60 %. */
export const DEFAULT_SUCCESS: Readonly<Record<GoalType, number>> = { roofshot: 1, moonshot: 0.6 };

/** How far behind the expected score a key result may be and still count as "at risk" rather than "off track". */
export const AT_RISK_MARGIN = 0.2;

/** The direction a key result's metric moves in, from start and target, when the kind is not given. */
export function inferKind(start: number, target: number): KrKind {
  if (start === target) throw new ScoringError('start_equals_target');
  return target < start ? 'decrease' : 'increase';
}

/**
 * The key result's score on the 0.0-1.0 scale, or `null` when it is not yet
 * measured (a blank start, target or current) or only measured (`baseline`).
 *
 * - `increase` / `decrease`: linear progress from start to target, clamped to [0, 1].
 * - `milestone`: 1 once the target is reached, else 0 (binary: the quality hints warn).
 * - `maintain`: start and target are the edges of a band; 1 inside it, falling
 *   linearly to 0 at one band-width outside it.
 * - `baseline`: a first cycle that only measures where the metric stands: no score.
 */
export function scoreKeyResult(
  start: number | null,
  target: number | null,
  current: number | null,
  kind?: KrKind,
): number | null {
  if (kind === 'baseline' || start === null || target === null || current === null) return null;
  if (start === target) throw new ScoringError('start_equals_target');
  if (kind === 'maintain') {
    const low = Math.min(start, target);
    const high = Math.max(start, target);
    return Math.max(0, 1 - Math.max(low - current, current - high, 0) / Math.abs(target - start));
  }
  if (kind === 'milestone') return (current - start) / (target - start) >= 1 ? 1 : 0;
  if (kind === 'increase' && target < start) throw new ScoringError('increase_target_below_start');
  if (kind === 'decrease' && target > start) throw new ScoringError('decrease_target_above_start');
  return Math.min(1, Math.max(0, (current - start) / (target - start)));
}

/**
 * The weighted mean of the key-result scores; blank scores (`null`) are
 * ignored, a blank weight counts as 1. `null` when no score is measured yet.
 */
export function objectiveScore(scores: readonly (number | null)[], weights?: readonly (number | null)[]): number | null {
  let numerator = 0;
  let denominator = 0;
  let measured = 0;
  for (let i = 0; i < scores.length; i++) {
    const rawWeight = weights ? weights[i] ?? null : null;
    if (rawWeight !== null && rawWeight < 0) throw new ScoringError('negative_weight');
    const score = scores[i];
    if (score === null || score === undefined) continue;
    const weight = rawWeight === null ? 1 : rawWeight;
    numerator += weight * score;
    denominator += weight;
    measured++;
  }
  if (measured === 0) return null;
  if (denominator === 0) throw new ScoringError('weights_sum_to_zero');
  return numerator / denominator;
}

/**
 * The verdict for a goal type: achieved from the success level (roofshot 1.0,
 * moonshot 0.6 unless `successFrom` says otherwise), partial from half of it,
 * missed below.
 */
export function attainment(score: number | null, goalType: GoalType, successFrom?: number): Verdict | null {
  if (score === null) return null;
  const success = successFrom ?? DEFAULT_SUCCESS[goalType];
  if (score >= success) return 'achieved';
  if (score >= success / 2) return 'partial';
  return 'missed';
}

/** The share of the cycle that has passed on `today`, from 0 before the start to 1 from the end on. Dates are day numbers. */
export function elapsedShare(cycleStart: number, cycleEnd: number, today: number): number {
  if (!(cycleEnd > cycleStart)) throw new ScoringError('cycle_end_not_after_start');
  return Math.min(1, Math.max(0, (today - cycleStart) / (cycleEnd - cycleStart)));
}

/**
 * Whether a key result is on track: the expected score rises linearly over
 * the cycle to the goal type's success level. At or above it: on track; up
 * to `AT_RISK_MARGIN` behind: at risk; further behind: off track.
 */
export function pace(
  score: number | null,
  cycleStart: number,
  cycleEnd: number,
  today: number,
  goalType: GoalType = 'roofshot',
  successFrom?: number,
): Pace | null {
  const expected = (successFrom ?? DEFAULT_SUCCESS[goalType]) * elapsedShare(cycleStart, cycleEnd, today);
  if (score === null) return null;
  if (score >= expected) return 'on_track';
  if (expected - score <= AT_RISK_MARGIN) return 'at_risk';
  return 'off_track';
}
