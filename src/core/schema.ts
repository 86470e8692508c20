/**
 * The data the server validates, as zod schemas (cycles, check-ins, and the
 * building blocks of the sidebar's drafts in drafts.ts); types are inferred
 * from them. The server validates with them whatever the sidebar or a sheet
 * hands it. Dates cross the sidebar boundary as ISO `YYYY-MM-DD`
 * strings (a `Date` cannot pass `google.script.run`).
 */
import * as z from 'zod/mini';
import { CADENCES, GOAL_TYPES, KR_KINDS } from './vocabulary';

// Apps Script and sidebars must not depend on `new Function`.
z.config({ jitless: true });

/*
 * The checks below are refinements with the messages and paths of zod's own
 * `z.regex`, `z.minLength`, `z.gte` and `z.lte` (only the issue code is
 * 'custom'; the add-on reads messages and paths, never codes). Each of zod's
 * brings its own machinery into the bundle; these share `z.refine`. Lengths
 * stay `z.maxLength`: on an array it stops before reading the elements.
 */
export const matches = (pattern: RegExp, message: string) => z.refine<string>((value) => pattern.test(value), message);
export const minLength = (min: number, message: string) => z.refine<string>((value) => value.length >= min, message);
export const atLeast = (min: number, message: string) => z.refine<number>((value) => value >= min, message);
export const atMost = (max: number, message: string) => z.refine<number>((value) => value <= max, message);

/**
 * One of `values`, with the message and path of `z.enum(values, message)`
 * (issue code 'custom', like the checks above), without zod's enum machinery.
 */
export function oneOf<const T extends readonly string[]>(values: T, message?: string) {
  return z.custom<T[number]>((value) => (values as readonly unknown[]).includes(value), message);
}

export const MAX_TITLE = 500;
export const MAX_NOTE = 5000;

/** A calendar day as an ISO string; rejects 2026-02-30. */
export const IsoDate = z.string().check(
  matches(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-10-01'),
  z.refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'no such day'),
);

/** ISO week label, e.g. `2026-W48`. */
export const IsoWeek = z.string().check(matches(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'expected a week like 2026-W48'));

const Text = (max: number) =>
  z.string().check(z.trim(), minLength(1, 'must not be empty'), z.maxLength(max, `at most ${max} characters`));

const OptionalText = (max: number) => z._default(z.string().check(z.trim(), z.maxLength(max, `at most ${max} characters`)), '');

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const ID_MESSAGE = 'letters, digits, . _ - (at most 40)';

export const Id = z.string().check(z.trim(), matches(ID_PATTERN, ID_MESSAGE));

/**
 * An `Id`, or blank for something new; the same issues as
 * `z.union([Id, z.literal('')])`, which pulls much more of zod into the bundle.
 */
export const OptionalId = z._default(
  z.string().check(
    z.refine((value) => value === '' || ID_PATTERN.test(value.trim()), ID_MESSAGE),
    z.trim(),
  ),
  '',
);

/**
 * A whole number with the issues of `z.int()` (which pulls zod's number
 * formats into the bundle): a fraction stops the checks that follow; an
 * integer beyond the safe range is reported and they go on. `message` stands
 * for every rejection.
 */
export function wholeNumber(message?: string) {
  return z
    .number(message === undefined ? undefined : { error: message })
    .check(z.refine(Number.isInteger, { message, abort: true }), z.refine(Number.isSafeInteger, message));
}

export const TeamName = Text(80);

/** A finite number (no NaN, no Infinity). */
const FiniteNumber = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));

export const Confidence = wholeNumber().check(atLeast(0, 'from 0'), atMost(10, 'to 10'));

export const Cycle = z
  .object({
    name: Text(80),
    start: IsoDate,
    end: IsoDate,
    cadence: z._default(oneOf(CADENCES), 'quarterly'),
  })
  .check(
    z.refine((cycle) => cycle.end > cycle.start, { message: 'the end must be after the start', path: ['end'] }),
  );
export type Cycle = z.infer<typeof Cycle>;

/**
 * What every scored key result needs (not a baseline): a start and a target,
 * apart from each other and in the stated direction. Messages are codes,
 * translated by `FIELD_ERROR_TEXT` in drafts.ts.
 */
export function keyResultRangeCheck() {
  // z.check, not z.superRefine (the same issues, pushed the same way; less of zod in the bundle).
  return z.check<{ kind: string; start: number | null; target: number | null }>((payload) => {
    const kr = payload.value;
    if (kr.kind === 'baseline') return;
    const issue = (message: string, field: 'start' | 'target') =>
      payload.issues.push({ code: 'custom', message, path: [field], input: kr[field] });
    if (kr.start === null) issue('start_needed', 'start');
    if (kr.target === null) issue('target_needed', 'target');
    if (kr.start === null || kr.target === null) return;
    if (kr.start === kr.target) issue('target_equals_start', 'target');
    else if (kr.kind === 'increase' && kr.target < kr.start) issue('increase_target_below_start', 'target');
    else if (kr.kind === 'decrease' && kr.target > kr.start) issue('decrease_target_above_start', 'target');
  });
}

/*
 * The domain model of DOMAIN.md. The add-on parses what people send with the
 * draft schemas (drafts.ts, field-level messages for the sidebar) and the
 * CheckIn schema; these define the data the register, the Tactics sheet and the
 * templates hold (tests/core/schema.test.ts) and give their types.
 * `@__PURE__`: a schema nothing in the bundle parses with is dropped from it.
 */
export const Team = /* @__PURE__ */ z.object({ name: TeamName });
export type Team = z.infer<typeof Team>;

export const Objective = /* @__PURE__ */ z.object({
  id: Id,
  title: Text(MAX_TITLE),
  team: TeamName,
  goalType: oneOf(GOAL_TYPES),
  parentId: OptionalText(40),
});
export type Objective = z.infer<typeof Objective>;

export const KeyResult = /* @__PURE__ */ z
  .object({
    id: Id,
    objectiveId: Id,
    title: Text(MAX_TITLE),
    kind: oneOf(KR_KINDS),
    start: z.nullable(FiniteNumber),
    target: z.nullable(FiniteNumber),
    current: z.nullable(FiniteNumber),
    unit: OptionalText(40),
    weight: z._default(FiniteNumber.check(atLeast(0, 'must not be negative')), 1),
    confidence: z._default(z.nullable(Confidence), null),
    dependsOn: z._default(z.array(TeamName), []),
  })
  .check(keyResultRangeCheck());
export type KeyResult = z.infer<typeof KeyResult>;

/** A key tactic belongs to an objective, or to a whole team when `objectiveId` is blank; `since` is an ISO date or blank. */
export const KeyTactic = /* @__PURE__ */ z.object({
  id: Id,
  objectiveId: OptionalText(40),
  team: TeamName,
  principle: Text(MAX_TITLE),
  since: z._default(z.string().check(z.refine((value) => value === '' || IsoDate.safeParse(value).success, 'expected a date like 2026-10-01')), ''),
});
export type KeyTactic = z.infer<typeof KeyTactic>;

export const CheckIn = z.object({
  week: IsoWeek,
  krId: Id,
  value: z.nullable(FiniteNumber),
  confidence: z.nullable(Confidence),
  note: OptionalText(MAX_NOTE),
});
export type CheckIn = z.infer<typeof CheckIn>;
