/**
 * What the sidebar sends and receives: an objective with its key results and
 * key tactics, as one draft. The server validates every draft again with
 * `ObjectiveDraft` (never trust the client); the sidebar uses the same schema
 * to show errors before sending.
 */
import * as z from 'zod/mini';
import type { Bilingual, Language } from './i18n';
import { MAX_TITLE, OptionalId, TeamName, atLeast, atMost, keyResultRangeCheck, minLength, oneOf, wholeNumber } from './schema';
import { inertText } from './text';
import { GOAL_TYPES, KR_KINDS, type GoalType } from './vocabulary';

z.config({ jitless: true });

const Title = z.string({ error: 'not_text' }).check(
  z.overwrite(inertText),
  z.trim(),
  minLength(1, 'empty'),
  z.maxLength(MAX_TITLE, 'too_long'),
);
const NumberOrBlank = z.nullable(
  z.number({ error: 'not_a_number' }).check(z.refine(Number.isFinite, 'not_a_number')),
);

export const KeyResultDraft = z
  .object({
    id: OptionalId,
    title: Title,
    kind: oneOf(KR_KINDS, 'choose_kind'),
    start: NumberOrBlank,
    target: NumberOrBlank,
    current: z._default(NumberOrBlank, null),
    /** The current value the sidebar showed when it loaded the KR: unchanged means "keep what the sheet has now". */
    currentAsLoaded: z._default(NumberOrBlank, null),
    unit: z._default(z.string().check(z.trim(), z.maxLength(40, 'too_long')), ''),
    weight: z._default(z.number({ error: 'not_a_number' }).check(atLeast(0, 'negative')), 1),
    confidence: z._default(
      z.nullable(wholeNumber('confidence_range').check(atLeast(0, 'confidence_range'), atMost(10, 'confidence_range'))),
      null,
    ),
    dependsOn: z._default(z.array(TeamName), []),
  })
  .check(keyResultRangeCheck());
export type KeyResultDraft = z.infer<typeof KeyResultDraft>;

export const KeyTacticDraft = z.object({
  id: OptionalId,
  principle: Title,
});
export type KeyTacticDraft = z.infer<typeof KeyTacticDraft>;

export const ObjectiveDraft = z.object({
  /** Blank for a new objective. */
  id: OptionalId,
  team: TeamName,
  title: Title,
  goalType: oneOf(GOAL_TYPES, 'choose_goal_type'),
  parentId: OptionalId,
  /** A person to ask (optional): shown, never rated. */
  contact: z._default(z.string().check(z.trim(), z.maxLength(80, 'too_long')), ''),
  keyResults: z.array(KeyResultDraft).check(z.maxLength(12, 'too_many_krs')),
  tactics: z._default(z.array(KeyTacticDraft).check(z.maxLength(12, 'too_many_tactics')), []),
});
export type ObjectiveDraft = z.infer<typeof ObjectiveDraft>;

/** Why a field was rejected: a code, translated by `FIELD_ERROR_TEXT`. */
export const FIELD_ERROR_TEXT = {
  not_text: { en: 'Must be text.', de: 'Muss Text sein.' },
  empty: { en: 'Must not be empty.', de: 'Darf nicht leer sein.' },
  too_long: { en: 'Too long.', de: 'Zu lang.' },
  not_a_number: { en: 'Must be a number.', de: 'Muss eine Zahl sein.' },
  negative: { en: 'Must not be negative.', de: 'Darf nicht negativ sein.' },
  confidence_range: { en: 'A whole number from 0 to 10.', de: 'Eine ganze Zahl von 0 bis 10.' },
  choose_kind: { en: 'Choose a direction.', de: 'Wähle eine Richtung.' },
  choose_goal_type: { en: 'Choose roofshot or moonshot.', de: 'Wähle Roofshot oder Moonshot.' },
  start_needed: { en: 'A start value is needed.', de: 'Ein Startwert fehlt.' },
  target_needed: { en: 'A target is needed.', de: 'Ein Zielwert fehlt.' },
  target_equals_start: { en: 'The target must differ from the start.', de: 'Der Zielwert muss sich vom Startwert unterscheiden.' },
  increase_target_below_start: {
    en: 'For "increase" the target must be above the start.',
    de: 'Bei „steigern“ muss der Zielwert über dem Startwert liegen.',
  },
  decrease_target_above_start: {
    en: 'For "decrease" the target must be below the start.',
    de: 'Bei „senken“ muss der Zielwert unter dem Startwert liegen.',
  },
  too_many_krs: { en: 'At most 12 key results.', de: 'Höchstens 12 Key Results.' },
  too_many_tactics: { en: 'At most 12 key tactics.', de: 'Höchstens 12 Key Tactics.' },
  unknown_team: { en: 'This team is not in Settings.', de: 'Dieses Team steht nicht in den Einstellungen.' },
  unknown_objective: { en: 'No such objective in the register.', de: 'Dieses Objective steht nicht im Register.' },
  invalid: { en: 'Not valid.', de: 'Ungültig.' },
} satisfies Record<string, Bilingual>;
export type FieldErrorCode = keyof typeof FIELD_ERROR_TEXT;

/** A validation error, with the path of the field it belongs to, e.g. `keyResults.1.target`. */
export interface FieldError {
  path: string;
  code: FieldErrorCode;
  message: string;
}

export type SaveResult =
  | { ok: true; objectiveId: string; keyResultIds: string[]; tacticIds: string[] }
  | { ok: false; errors: FieldError[] };

/** Summary of an objective in the register, for "open existing" and the parent picker. */
export interface ObjectiveSummary {
  id: string;
  title: string;
  team: string;
  goalType: GoalType;
}

/** What the sidebar loads once when it opens. */
export interface SidebarBootstrap {
  lang: Language;
  cycleName: string;
  teams: string[];
  objectives: ObjectiveSummary[];
}

export function fieldError(path: string, code: FieldErrorCode, lang: Language): FieldError {
  return { path, code, message: FIELD_ERROR_TEXT[code][lang] };
}

/** Flattens zod issues into field errors with dotted paths, in the user's language. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[], lang: Language): FieldError[] {
  return issues.map((issue) => {
    const code = (Object.prototype.hasOwnProperty.call(FIELD_ERROR_TEXT, issue.message) ? issue.message : 'invalid') as FieldErrorCode;
    return fieldError(issue.path.map(String).join('.'), code, lang);
  });
}

export function validateDraft(
  input: unknown,
  lang: Language,
): { ok: true; draft: ObjectiveDraft } | { ok: false; errors: FieldError[] } {
  const result = ObjectiveDraft.safeParse(input);
  return result.success ? { ok: true, draft: result.data } : { ok: false, errors: fieldErrors(result.error.issues, lang) };
}
