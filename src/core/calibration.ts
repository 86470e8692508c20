/**
 * Calibration across cycles (DOMAIN.md: "goals reached at 100% cycle after
 * cycle are probably set too low"; a 10x moonshot that ends below 0.3 again
 * and again is probably set too high).
 *
 * The rule, on an objective's (or KR's) final scores, oldest first: blank
 * cycles (not measured) are skipped; the LAST TWO measured scores decide.
 * - both at 1.0 (or above): "set too low?" (any goal type)
 * - both below 0.3 and the goal is a moonshot (or the goal type is unknown):
 *   "set too high?"
 * - otherwise "ok"; fewer than two measured cycles: no verdict (null).
 * `calibrationFormula` is the native twin over three cells.
 */
import type { Language } from './i18n';
import { quote } from './formulas';
import type { GoalType } from './vocabulary';

export const CALIBRATIONS = ['too_low', 'too_high', 'ok'] as const;
export type Calibration = (typeof CALIBRATIONS)[number];

/** At or above: a cycle "at 1.0". */
export const TOO_LOW_FROM = 1;
/** Below: a moonshot "below 0.3". */
export const TOO_HIGH_BELOW = 0.3;
/** Consecutive measured cycles that make a pattern. */
export const CALIBRATION_CYCLES = 2;

export const CALIBRATION_LABELS: Record<Language, Record<Calibration, string>> = {
  en: { too_low: 'set too low?', too_high: 'set too high?', ok: 'ok' },
  de: { too_low: 'zu niedrig gesetzt?', too_high: 'zu hoch gesetzt?', ok: 'ok' },
};

/** The verdict for a history of scores (oldest first); `goalType` null means unknown (both checks apply). */
export function calibrate(history: readonly (number | null | undefined)[], goalType: GoalType | null): Calibration | null {
  const measured = history.filter((s): s is number => typeof s === 'number' && Number.isFinite(s));
  if (measured.length < CALIBRATION_CYCLES) return null;
  const last = measured.slice(-CALIBRATION_CYCLES);
  if (last.every((s) => s >= TOO_LOW_FROM)) return 'too_low';
  if (goalType !== 'roofshot' && last.every((s) => s < TOO_HIGH_BELOW)) return 'too_high';
  return 'ok';
}

/**
 * The twin of `calibrate` over three cells (two cycles ago, last cycle, this
 * cycle; any may be blank) and a goal-type cell. Portable: IF, AND, OR, COUNT,
 * ISNUMBER, TRIM only.
 */
export function calibrationFormula(cells: { older: string; previous: string; current: string; goalType: string }, lang: Language): string {
  const { older: a, previous: b, current: c } = cells;
  const words = CALIBRATION_LABELS[lang];
  const last = `IF(ISNUMBER(${c}),${c},IF(ISNUMBER(${b}),${b},${a}))`;
  const second = `IF(ISNUMBER(${c}),IF(ISNUMBER(${b}),${b},${a}),${a})`;
  const roofshot = `TRIM(${cells.goalType})="Roofshot"`;
  return (
    `=IF(COUNT(${a},${b},${c})<${CALIBRATION_CYCLES},"",` +
    `IF(AND(${last}>=${TOO_LOW_FROM},${second}>=${TOO_LOW_FROM}),${quote(words.too_low)},` +
    `IF(AND(NOT(${roofshot}),${last}<${TOO_HIGH_BELOW},${second}<${TOO_HIGH_BELOW}),${quote(words.too_high)},${quote(words.ok)})))`
  );
}
