/**
 * The review at the end of a cycle ("Review Q4 2026"). At the top, how the
 * key results and objectives are distributed over the verdicts, per team and
 * for the company, counted by native formulas over the register (KRs) and over
 * this sheet's objective rows (objectives). Below, one row per objective: its
 * final score and verdict against its goal type (live from the register), and
 * the review's questions as input cells. A missed objective with a recorded
 * learning shows as "learning", not as failure (DOMAIN.md, 002).
 */
import type { Language } from '../i18n';
import { quote } from '../formulas';
import { GOAL_TYPE_LABELS, VERDICT_LABELS } from '../vocabulary';
import { BLANK, columnLetter, formula, text, type CellPlan, type SheetPlan, type ValidationPlan } from './plan';
import { PlanBuilder, SECTION_BACKGROUND } from './builder';
import { registerColumnRange, type RegisterRow } from './register';
import { settingsRefs } from './settings';
import { calibrationFormula } from '../calibration';
import { portfolioSummaryFormula } from './portfolio';

const SCORE_HELP: Record<Language, string> = { en: 'Final score between 0 and 1', de: 'End-Score zwischen 0 und 1' };
export const LEARNING_LABEL: Record<Language, string> = { en: 'learning', de: 'Lernerfolg' };
export const DECISIONS: Record<Language, string[]> = {
  en: ['continue', 'change', 'drop'],
  de: ['fortführen', 'ändern', 'streichen'],
};

export const REVIEW_COLUMN = {
  objectiveId: 1,
  team: 2,
  objective: 3,
  goalType: 4,
  score: 5,
  verdict: 6,
  whyMissed: 7,
  support: 8,
  decision: 9,
  learning: 10,
  assumptions: 11,
  waste: 12,
  /** Final scores of the two cycles before, typed (or carried) in: the calibration reads them. */
  scoreOlder: 13,
  scorePrevious: 14,
  calibration: 15,
  /** The portfolio's items serving the objective, for the waste question. */
  portfolio: 16,
} as const;
export const REVIEW_WIDTH = 16;

const TEXT = {
  en: {
    title: 'Review {cycle}',
    hint: 'To what degree do the key results allow a positive conclusion? Scores and conclusions come from the register; enter your answers in the yellow cells.',
    distribution: 'Distribution by conclusion',
    distributionHeaders: ['Team', 'KRs missed', 'KRs partial', 'KRs achieved', 'Objectives missed', 'Objectives: learning', 'Objectives partial', 'Objectives achieved'],
    company: 'Company',
    objectives: 'Per objective',
    objectiveHeaders: [
      'Objective ID',
      'Team',
      'Objective',
      'Goal type',
      'Final score',
      'Conclusion',
      'Why was it missed?',
      'Support needed (management, other teams)',
      'Continue / change / drop',
      'Learning',
      'Which assumptions held?',
      'Where did we invest without creating value?',
      'Score two cycles ago',
      'Score last cycle',
      'Calibration',
      'Portfolio items now · later · stop (see Portfolio)',
    ],
  },
  de: {
    title: 'Review {cycle}',
    hint: 'Inwieweit erlauben die Key Results ein positives Fazit? Scores und Fazit kommen aus dem Register; tragt eure Antworten in die gelben Zellen ein.',
    distribution: 'Verteilung nach Fazit',
    distributionHeaders: ['Team', 'KRs verfehlt', 'KRs teilweise', 'KRs erreicht', 'Objectives verfehlt', 'Objectives: Lernerfolg', 'Objectives teilweise', 'Objectives erreicht'],
    company: 'Unternehmen',
    objectives: 'Je Objective',
    objectiveHeaders: [
      'Objective-ID',
      'Team',
      'Objective',
      'Zieltyp',
      'End-Score',
      'Fazit',
      'Warum wurde es verfehlt?',
      'Welche Unterstützung hilft (Management, andere Teams)?',
      'Fortführen / ändern / streichen',
      'Lernerfolg',
      'Welche Annahmen haben sich bestätigt?',
      'Wo haben wir investiert, ohne Wert zu schaffen?',
      'Score im vorletzten Zyklus',
      'Score im letzten Zyklus',
      'Kalibrierung',
      'Portfolio: jetzt · später · stoppen (siehe Blatt Portfolio)',
    ],
  },
} as const;

export function reviewSheetName(lang: Language, cycle: string): string {
  return TEXT[lang].title.replace('{cycle}', cycle).trim();
}

export interface ReviewInput {
  lang: Language;
  cycle: string;
  teams: readonly string[];
  rows: readonly RegisterRow[];
}

interface ObjectiveLine {
  id: string;
  team: string;
  title: string;
  goalType: RegisterRow['goalType'];
}

function objectivesOf(rows: readonly RegisterRow[]): ObjectiveLine[] {
  const seen = new Map<string, ObjectiveLine>();
  for (const row of rows) if (row.objectiveId && !seen.has(row.objectiveId)) seen.set(row.objectiveId, { id: row.objectiveId, team: row.team, title: row.objective, goalType: row.goalType });
  return [...seen.values()];
}

export function reviewPlan(input: ReviewInput): SheetPlan {
  const { lang } = input;
  const t = TEXT[lang];
  const C = REVIEW_COLUMN;
  const b = new PlanBuilder(REVIEW_WIDTH, false);
  const regCol = registerColumnRange(lang, input.rows.length);
  const refs = settingsRefs(lang);
  const objectives = objectivesOf(input.rows);
  const teams = [...input.teams];
  for (const objective of objectives) if (!teams.includes(objective.team)) teams.push(objective.team);
  const verdicts = VERDICT_LABELS[lang];

  // Rows are fixed by arithmetic so the distribution can point at the objective rows below it.
  const distributionFirst = 6;
  const companyRow = distributionFirst + teams.length;
  const objectiveFirst = companyRow + 4;
  const objectiveLast = Math.max(objectiveFirst, objectiveFirst + objectives.length - 1);
  const reviewCol = (column: number) => `$${columnLetter(column)}$${objectiveFirst}:$${columnLetter(column)}$${objectiveLast}`;

  /** KRs by verdict: the KR score against its goal type's success level (the attainment rule, per KR). */
  const krCount = (teamCell: string | null, verdict: 'missed' | 'partial' | 'achieved') => {
    const team = teamCell ? `${regCol('team')},${teamCell},` : '';
    const term = (goal: 'roofshot' | 'moonshot', level: string) => {
      const head = `COUNTIFS(${team}${regCol('goalType')},${quote(GOAL_TYPE_LABELS.en[goal])},${regCol('krScore')}`;
      if (verdict === 'achieved') return `${head},">="&${level})`;
      if (verdict === 'missed') return `${head},"<"&(${level}/2))`;
      return `${head},">="&(${level}/2),${regCol('krScore')},"<"&${level})`;
    };
    return `=${term('roofshot', refs.roofshotLevel)}+${term('moonshot', refs.moonshotLevel)}`;
  };
  const objectiveCount = (teamCell: string | null, word: string) =>
    teamCell
      ? `=COUNTIFS(${reviewCol(C.team)},${teamCell},${reviewCol(C.verdict)},${quote(word)})`
      : `=COUNTIF(${reviewCol(C.verdict)},${quote(word)})`;
  const distributionRow = (label: string, teamCell: string | null): CellPlan[] => [
    text(label),
    formula(krCount(teamCell, 'missed')),
    formula(krCount(teamCell, 'partial')),
    formula(krCount(teamCell, 'achieved')),
    formula(objectiveCount(teamCell, verdicts.missed)),
    formula(objectiveCount(teamCell, LEARNING_LABEL[lang])),
    formula(objectiveCount(teamCell, verdicts.partial)),
    formula(objectiveCount(teamCell, verdicts.achieved)),
  ];

  b.row([text(reviewSheetName(lang, input.cycle))], { bold: true });
  b.row([text(t.hint)]);
  b.blank();
  b.row([text(t.distribution)], { bold: true, background: SECTION_BACKGROUND });
  b.row(t.distributionHeaders.map((h) => text(h)), { bold: true });
  for (const team of teams) {
    const row = b.nextRow;
    b.row(distributionRow(team, `$A${row}`));
  }
  b.row(distributionRow(t.company, null), { bold: true });
  b.blank();
  b.row([text(t.objectives)], { bold: true, background: SECTION_BACKGROUND });
  b.row(t.objectiveHeaders.map((h) => text(h)), { bold: true });
  if (b.nextRow !== objectiveFirst) throw new Error('review layout: objective rows moved');

  const decision: ValidationPlan = { kind: 'list', values: DECISIONS[lang], allowInvalid: false };
  const scoreValidation: ValidationPlan = { kind: 'numberBetween', min: 0, max: 1, allowInvalid: false, help: SCORE_HELP[lang] };
  const inputs = [C.whyMissed, C.support, C.decision, C.learning, C.assumptions, C.waste, C.scoreOlder, C.scorePrevious];
  for (const objective of objectives) {
    const row = b.nextRow;
    const lookup = (key: 'objectiveScore' | 'attainment') => `INDEX(${regCol(key)},MATCH($A${row},${regCol('objectiveId')},0),1)`;
    b.row(
      [
        text(objective.id),
        objective.team ? text(objective.team) : BLANK,
        objective.title ? text(objective.title) : BLANK,
        objective.goalType ? text(GOAL_TYPE_LABELS[lang][objective.goalType]) : BLANK,
        formula(`=IFERROR(IF(${lookup('objectiveScore')}="","",${lookup('objectiveScore')}),"")`),
        formula(
          `=IFERROR(IF(AND(${lookup('attainment')}=${quote(verdicts.missed)},TRIM($${columnLetter(C.learning)}${row})<>""),${quote(LEARNING_LABEL[lang])},${lookup('attainment')}&""),"")`,
        ),
        BLANK,
        BLANK,
        BLANK,
        BLANK,
        BLANK,
        BLANK,
        BLANK,
        BLANK,
        formula(
          calibrationFormula(
            { older: `$${columnLetter(C.scoreOlder)}${row}`, previous: `$${columnLetter(C.scorePrevious)}${row}`, current: `$${columnLetter(C.score)}${row}`, goalType: `$${columnLetter(C.goalType)}${row}` },
            lang,
          ),
        ),
        formula(portfolioSummaryFormula(`$A${row}`, lang)),
      ],
      {
        inputs,
        formats: { [C.score]: '0%', [C.scoreOlder]: '0%', [C.scorePrevious]: '0%' },
        validations: { [C.decision]: decision, [C.scoreOlder]: scoreValidation, [C.scorePrevious]: scoreValidation },
      },
    );
  }
  if (!objectives.length) b.blank();

  return b.plan(reviewSheetName(lang, input.cycle), {
    frozenRows: 0,
    trim: { spareRows: 20 }, // room below the block for people's own rows
    // ID, team and objective stay in view while the team scrolls right through its answers.
    frozenColumns: C.objective,
    columnWidths: {
      [C.objectiveId]: 70, [C.team]: 100, [C.objective]: 220, [C.goalType]: 85, [C.score]: 70, [C.verdict]: 85,
      [C.whyMissed]: 200, [C.support]: 200, [C.decision]: 200, [C.learning]: 200, [C.assumptions]: 200, [C.waste]: 200,
      [C.calibration]: 140, [C.portfolio]: 170,
    },
    wrapColumns: [C.objective, C.whyMissed, C.support, C.learning, C.assumptions, C.waste],
    protect: {
      a1: `B${distributionFirst}:H${companyRow}`,
    },
  });
}
