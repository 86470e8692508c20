/**
 * The OKR vocabulary as codes, with the words users see and type for them in
 * English and German. Sheets store the localized word; code reads it back
 * with the `parse*` functions, which accept both languages and synonyms.
 */
import type { Language } from './i18n';

export const GOAL_TYPES = ['roofshot', 'moonshot'] as const;
export type GoalType = (typeof GOAL_TYPES)[number];

export const KR_KINDS = ['increase', 'decrease', 'maintain', 'milestone', 'baseline'] as const;
export type KrKind = (typeof KR_KINDS)[number];

export const VERDICTS = ['achieved', 'partial', 'missed'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const PACES = ['on_track', 'at_risk', 'off_track'] as const;
export type Pace = (typeof PACES)[number];

export const CADENCES = ['quarterly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

type Labels<T extends string> = Record<Language, Record<T, string>>;

export const GOAL_TYPE_LABELS: Labels<GoalType> = {
  en: { roofshot: 'Roofshot', moonshot: 'Moonshot' },
  de: { roofshot: 'Roofshot', moonshot: 'Moonshot' },
};

export const KR_KIND_LABELS: Labels<KrKind> = {
  en: { increase: 'increase', decrease: 'decrease', maintain: 'maintain', milestone: 'milestone', baseline: 'baseline' },
  de: { increase: 'steigern', decrease: 'senken', maintain: 'halten', milestone: 'Meilenstein', baseline: 'Basiswert' },
};

export const VERDICT_LABELS: Labels<Verdict> = {
  en: { achieved: 'achieved', partial: 'partial', missed: 'missed' },
  de: { achieved: 'erreicht', partial: 'teilweise', missed: 'verfehlt' },
};

export const PACE_LABELS: Labels<Pace> = {
  en: { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' },
  de: { on_track: 'im Plan', at_risk: 'gefährdet', off_track: 'nicht im Plan' },
};

export const CADENCE_LABELS: Labels<Cadence> = {
  en: { quarterly: 'quarterly', monthly: 'monthly' },
  de: { quarterly: 'quartalsweise', monthly: 'monatlich' },
};

/** Words a user may type for a goal type, in English and German. */
const GOAL_TYPE_SYNONYMS: Record<string, GoalType> = {
  roofshot: 'roofshot',
  'roof shot': 'roofshot',
  committed: 'roofshot',
  commit: 'roofshot',
  verbindlich: 'roofshot',
  zugesagt: 'roofshot',
  moonshot: 'moonshot',
  'moon shot': 'moonshot',
  stretch: 'moonshot',
  'stretch goal': 'moonshot',
  aspirational: 'moonshot',
  ambitioniert: 'moonshot',
  ambitiös: 'moonshot',
  ehrgeizig: 'moonshot',
};

const KIND_SYNONYMS: Record<string, KrKind> = {
  increase: 'increase',
  up: 'increase',
  steigern: 'increase',
  erhöhen: 'increase',
  decrease: 'decrease',
  down: 'decrease',
  reduce: 'decrease',
  senken: 'decrease',
  reduzieren: 'decrease',
  maintain: 'maintain',
  keep: 'maintain',
  halten: 'maintain',
  milestone: 'milestone',
  meilenstein: 'milestone',
  baseline: 'baseline',
  basiswert: 'baseline',
  baseline_messen: 'baseline',
};

function normalizeWord(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function parseGoalType(value: string): GoalType | undefined {
  return GOAL_TYPE_SYNONYMS[normalizeWord(value)];
}

export function parseKrKind(value: string): KrKind | undefined {
  return KIND_SYNONYMS[normalizeWord(value)];
}

function reverseLookup<T extends string>(labels: Labels<T>, value: string): T | undefined {
  const wanted = normalizeWord(value);
  for (const lang of Object.keys(labels) as Language[]) {
    for (const [code, label] of Object.entries(labels[lang]) as [T, string][]) {
      if (normalizeWord(label) === wanted || code === wanted) return code;
    }
  }
  return undefined;
}

export function parseVerdict(value: string): Verdict | undefined {
  return reverseLookup(VERDICT_LABELS, value);
}

export function parsePace(value: string): Pace | undefined {
  return reverseLookup(PACE_LABELS, value);
}

export function parseCadence(value: string): Cadence | undefined {
  return reverseLookup(CADENCE_LABELS, value);
}
