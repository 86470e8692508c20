/**
 * Native spreadsheet formulas that compute exactly what `scoring.ts` computes,
 * for collaborators without the add-on and for a downloaded .xlsx. They use
 * only functions Google Sheets, Excel and LibreOffice share (IF, OR, AND,
 * NOT, MIN, MAX, ABS, TRIM, ISNUMBER, SUMPRODUCT, IFERROR, TODAY): no
 * ARRAYFORMULA, no FILTER, no LET, no array literals. Formulas are written in
 * the en-US syntax that `Range.setFormulas` expects in every locale.
 *
 * Where a custom function throws (the KR cannot be scored), the formula shows
 * a short warning text instead of an error value, so that one bad row never
 * turns the objective's score into an error: `SCORE_WARNING`.
 */
import type { Language } from './i18n';
import { AT_RISK_MARGIN } from './scoring';
import { GOAL_TYPE_LABELS, KR_KIND_LABELS, PACE_LABELS, VERDICT_LABELS, type KrKind } from './vocabulary';

/** Shown by a formula where the custom function would throw. Starts with a sign no number has. */
export const SCORE_WARNING: Record<Language, string> = { en: '⚠ check values', de: '⚠ Werte prüfen' };

/** A string literal in a formula: doubled quotes inside. */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** TRIM(cell) equals one of the words (the code or a label in either language); comparison is case-insensitive in every spreadsheet. */
function kindIs(kindCell: string, kind: KrKind): string {
  const words = [...new Set([kind, KR_KIND_LABELS.en[kind], KR_KIND_LABELS.de[kind]])];
  return `OR(${words.map((w) => `TRIM(${kindCell})=${quote(w)}`).join(',')})`;
}

function knownKind(kindCell: string): string {
  const words = new Set<string>();
  for (const lang of ['en', 'de'] as const) for (const label of Object.values(KR_KIND_LABELS[lang])) words.add(label);
  for (const code of Object.keys(KR_KIND_LABELS.en)) words.add(code);
  return `OR(TRIM(${kindCell})="",${[...words].map((w) => `TRIM(${kindCell})=${quote(w)}`).join(',')})`;
}

export interface ScoreCells {
  start: string;
  target: string;
  current: string;
  kind: string;
}

/** The KR score: the twin of `scoreKeyResult`. */
export function scoreFormula(c: ScoreCells, lang: Language): string {
  const { start: s, target: t, current: v, kind: k } = c;
  const warn = quote(SCORE_WARNING[lang]);
  const linear = `(${v}-${s})/(${t}-${s})`;
  return (
    `=IF(OR(${kindIs(k, 'baseline')},${s}="",${t}="",${v}=""),"",` +
    `IF(OR(NOT(${knownKind(k)}),NOT(ISNUMBER(${s})),NOT(ISNUMBER(${t})),NOT(ISNUMBER(${v}))),${warn},` +
    `IF(${s}=${t},${warn},` +
    `IF(${kindIs(k, 'maintain')},MAX(0,1-MAX(MIN(${s},${t})-${v},${v}-MAX(${s},${t}),0)/ABS(${t}-${s})),` +
    `IF(${kindIs(k, 'milestone')},IF(${linear}>=1,1,0),` +
    `IF(OR(AND(${kindIs(k, 'increase')},${t}<${s}),AND(${kindIs(k, 'decrease')},${t}>${s})),${warn},` +
    `MIN(1,MAX(0,${linear}))))))))`
  );
}

export interface ObjectiveScoreCells {
  /** This row's objective id, e.g. `$A2`. */
  objectiveId: string;
  /** The objective-id column over all rows, e.g. `$A$2:$A$1000`. */
  objectiveIds: string;
  /** The KR-score column over the same rows. */
  scores: string;
  /** The weight column over the same rows. */
  weights: string;
}

/**
 * The objective's score: the twin of `objectiveScore` over the rows of one
 * objective. KR rows whose score is blank or a warning are left out; a blank
 * weight counts 1; a negative weight, text in a weight, or measured weights
 * adding up to 0 give the warning.
 */
export function objectiveScoreFormula(c: ObjectiveScoreCells, lang: Language): string {
  const warn = quote(SCORE_WARNING[lang]);
  const mine = `(${c.objectiveIds}=${c.objectiveId})`;
  const measured = `${mine}*ISNUMBER(${c.scores})`;
  const weight = `(${c.weights}+(${c.weights}=""))`;
  const denominator = `SUMPRODUCT(${measured}*${weight})`;
  return (
    `=IF(${c.objectiveId}="","",IFERROR(` +
    `IF(SUMPRODUCT(${mine}*ISNUMBER(${c.weights})*(${c.weights}<0))>0,${warn},` +
    `IF(SUMPRODUCT(${measured})=0,"",` +
    `SUMPRODUCT(${measured}*${weight},${c.scores})/${denominator})),${warn}))`
  );
}

/** The success level for the row's goal type, read from Settings. */
function successLevel(goalTypeCell: string, roofshotLevel: string, moonshotLevel: string): string {
  return `IF(TRIM(${goalTypeCell})=${quote(GOAL_TYPE_LABELS.en.moonshot)},${moonshotLevel},${roofshotLevel})`;
}

export interface AttainmentCells {
  score: string;
  goalType: string;
  roofshotLevel: string;
  moonshotLevel: string;
}

/** The verdict: the twin of `attainment`. A goal type other than roofshot or moonshot gives the warning. */
export function attainmentFormula(c: AttainmentCells, lang: Language): string {
  const level = successLevel(c.goalType, c.roofshotLevel, c.moonshotLevel);
  const words = VERDICT_LABELS[lang];
  const known = `OR(TRIM(${c.goalType})=${quote(GOAL_TYPE_LABELS.en.roofshot)},TRIM(${c.goalType})=${quote(GOAL_TYPE_LABELS.en.moonshot)})`;
  return (
    `=IF(OR(NOT(ISNUMBER(${c.score})),TRIM(${c.goalType})=""),"",IF(NOT(${known}),${quote(SCORE_WARNING[lang])},` +
    `IF(${c.score}>=${level},${quote(words.achieved)},IF(${c.score}>=${level}/2,${quote(words.partial)},${quote(words.missed)}))))`
  );
}

export interface PaceCells {
  score: string;
  goalType: string;
  roofshotLevel: string;
  moonshotLevel: string;
  cycleStart: string;
  cycleEnd: string;
}

/** On track / at risk / off track: the twin of `pace`, judged on TODAY(). A blank goal type counts as roofshot. */
export function paceFormula(c: PaceCells, lang: Language): string {
  const words = PACE_LABELS[lang];
  const share = `MIN(1,MAX(0,(TODAY()-${c.cycleStart})/(${c.cycleEnd}-${c.cycleStart})))`;
  const expected = `(${successLevel(c.goalType, c.roofshotLevel, c.moonshotLevel)}*${share})`;
  return (
    `=IF(NOT(ISNUMBER(${c.score})),"",IFERROR(IF(${c.cycleEnd}<=${c.cycleStart},${quote(SCORE_WARNING[lang])},` +
    `IF(${c.score}>=${expected},${quote(words.on_track)},` +
    `IF(${expected}-${c.score}<=${AT_RISK_MARGIN},${quote(words.at_risk)},${quote(words.off_track)}))),${quote(SCORE_WARNING[lang])}))`
  );
}
