/**
 * Quality hints: "warn, do not forbid". A pure function over the model that
 * returns warnings; nothing here blocks saving.
 */
import { format, type Bilingual } from './i18n';
import type { KrKind } from './vocabulary';

export const HINT_LIMITS = {
  maxObjectivesPerTeam: 5,
  minKrsPerObjective: 2,
  maxKrsPerObjective: 4,
} as const;

export type HintCode =
  | 'too_many_objectives'
  | 'too_few_krs'
  | 'too_many_krs'
  | 'number_in_objective'
  | 'binary_kr'
  | 'no_measurable_target'
  | 'set_too_low';

export interface QualityHint {
  code: HintCode;
  team?: string;
  objectiveId?: string;
  krId?: string;
  message: Bilingual;
}

/** What the hints need of an objective; the register may hold half-typed rows. */
export interface HintObjective {
  id: string;
  title: string;
  team: string;
}

export interface HintKeyResult {
  id: string;
  objectiveId: string;
  title: string;
  kind?: KrKind | null;
  start: number | null;
  target: number | null;
}

export interface HintInput {
  objectives: readonly HintObjective[];
  keyResults: readonly HintKeyResult[];
  /** Final objective scores of earlier cycles, oldest first, by objective id. */
  pastScores?: Readonly<Record<string, readonly number[]>>;
}

const MESSAGES: Record<HintCode, Bilingual> = {
  too_many_objectives: {
    en: 'Team {team} has {count|objective|objectives}; more than {max} dilutes focus.',
    de: 'Team {team} hat {count|Objective|Objectives}; mehr als {max} verwässern den Fokus.',
  },
  too_few_krs: {
    en: 'Objective "{title}" has {count|key result|key results}; use at least {min} to show it was reached.',
    de: 'Objective „{title}“ hat {count|Key Result|Key Results}; erst ab {min} zeigt sich, ob es erreicht wurde.',
  },
  too_many_krs: {
    en: 'Objective "{title}" has {count} key results; more than {max} are hard to steer.',
    de: 'Objective „{title}“ hat {count} Key Results; mehr als {max} sind schwer zu steuern.',
  },
  number_in_objective: {
    en: 'Objective "{title}" contains a number; numbers belong in the key results.',
    de: 'Objective „{title}“ enthält eine Zahl; Zahlen gehören in die Key Results.',
  },
  binary_kr: {
    en: 'Key result "{title}" is yes/no; a measurable range shows the progress better.',
    de: 'Key Result „{title}“ ist ein Ja/Nein; eine messbare Spanne zeigt den Fortschritt besser.',
  },
  no_measurable_target: {
    en: 'Key result "{title}" has no measurable target.',
    de: 'Key Result „{title}“ hat keinen messbaren Zielwert.',
  },
  set_too_low: {
    en: 'Objective "{title}" was reached at 100 % cycle after cycle: it is probably set too low.',
    de: 'Objective „{title}“ wurde Zyklus für Zyklus zu 100 % erreicht: Es ist vermutlich zu niedrig gesetzt.',
  },
};

function hint(code: HintCode, where: Omit<QualityHint, 'code' | 'message'>, params: Record<string, string | number>): QualityHint {
  const template = MESSAGES[code];
  return { code, ...where, message: { en: format(template.en, params), de: format(template.de, params) } };
}

/** A yes/no key result: a milestone, or a 0-to-1 (or 1-to-0) range. */
export function isBinaryKeyResult(kr: HintKeyResult): boolean {
  if (kr.kind === 'milestone') return true;
  if (kr.kind === 'baseline' || kr.start === null || kr.target === null) return false;
  return Math.min(kr.start, kr.target) === 0 && Math.max(kr.start, kr.target) === 1;
}

/** Did the objective end at 100 % in each of the last `cycles` cycles? */
export function reachedFullyCycleAfterCycle(scores: readonly number[], cycles = 2): boolean {
  return scores.length >= cycles && scores.slice(-cycles).every((score) => score >= 1);
}

export function qualityHints(input: HintInput): QualityHint[] {
  const hints: QualityHint[] = [];
  const objectivesByTeam = new Map<string, number>();
  for (const objective of input.objectives) {
    objectivesByTeam.set(objective.team, (objectivesByTeam.get(objective.team) ?? 0) + 1);
  }
  for (const [team, count] of objectivesByTeam) {
    if (count > HINT_LIMITS.maxObjectivesPerTeam)
      hints.push(hint('too_many_objectives', { team }, { team, count, max: HINT_LIMITS.maxObjectivesPerTeam }));
  }
  for (const objective of input.objectives) {
    const where = { team: objective.team, objectiveId: objective.id };
    const title = objective.title;
    const krs = input.keyResults.filter((kr) => kr.objectiveId === objective.id);
    if (krs.length < HINT_LIMITS.minKrsPerObjective)
      hints.push(hint('too_few_krs', where, { title, count: krs.length, min: HINT_LIMITS.minKrsPerObjective }));
    if (krs.length > HINT_LIMITS.maxKrsPerObjective)
      hints.push(hint('too_many_krs', where, { title, count: krs.length, max: HINT_LIMITS.maxKrsPerObjective }));
    if (/\d/.test(title)) hints.push(hint('number_in_objective', where, { title }));
    const past = input.pastScores?.[objective.id];
    if (past && reachedFullyCycleAfterCycle(past)) hints.push(hint('set_too_low', where, { title }));
    for (const kr of krs) {
      const krWhere = { ...where, krId: kr.id };
      if (isBinaryKeyResult(kr)) hints.push(hint('binary_kr', krWhere, { title: kr.title }));
      else if (kr.kind !== 'baseline' && kr.target === null)
        hints.push(hint('no_measurable_target', krWhere, { title: kr.title }));
    }
  }
  return hints;
}
