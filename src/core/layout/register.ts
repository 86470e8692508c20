/**
 * The OKR register: one row per key result, with its objective repeated on
 * each row. Columns A-O are typed by people (or the sidebar); P-S are
 * computed by native formulas (see formulas.ts) and protected with a warning;
 * T holds an optional contact per objective (a person to ask, never rated:
 * nothing computes with it). T came last so registers from before it keep
 * every column where it was.
 */
import type { Language } from '../i18n';
import { numberOf, textOf } from '../cellValues';
import { attainmentFormula, objectiveScoreFormula, paceFormula, quote, scoreFormula } from '../formulas';
import { SHEET_NAMES } from '../texts';
import { GOAL_TYPE_LABELS, KR_KIND_LABELS, PACE_LABELS, VERDICT_LABELS, parseGoalType, parseKrKind, type GoalType, type KrKind } from '../vocabulary';
import { settingsRefs } from './settings';
import {
  BLANK,
  columnLetter,
  sheetRef,
  formula,
  grid,
  num,
  text,
  type CellPlan,
  type SheetPlan,
  type ValidationPlan,
} from './plan';

export const REGISTER_KEYS = [
  'objectiveId',
  'objective',
  'team',
  'goalType',
  'parentId',
  'krId',
  'keyResult',
  'kind',
  'start',
  'target',
  'current',
  'unit',
  'weight',
  'confidence',
  'dependsOn',
  'krScore',
  'objectiveScore',
  'attainment',
  'pace',
  'contact',
] as const;
export type RegisterKey = (typeof REGISTER_KEYS)[number];

/** 1-based column of each register field. */
export const REGISTER_COLUMN = Object.fromEntries(REGISTER_KEYS.map((key, i) => [key, i + 1])) as Record<RegisterKey, number>;
export const REGISTER_WIDTH = REGISTER_KEYS.length;
/** The first computed column; from here to the pace, formulas. */
export const FIRST_COMPUTED: RegisterKey = 'krScore';
export const COMPUTED_KEYS: readonly RegisterKey[] = ['krScore', 'objectiveScore', 'attainment', 'pace'];
/** The typed block A-O (the contact, typed too, sits right of the computed columns). */
export const INPUT_KEYS: readonly RegisterKey[] = REGISTER_KEYS.slice(0, REGISTER_KEYS.indexOf(FIRST_COMPUTED));

/** Rows of formulas written below the header, at least; grows with the register. */
export const MIN_CAPACITY = 200;
/** Spare formula rows kept below the last key result. */
export const SPARE_ROWS = 100;

export const REGISTER_HEADERS: Record<Language, Record<RegisterKey, string>> = {
  en: {
    objectiveId: 'Objective ID',
    objective: 'Objective',
    team: 'Team',
    goalType: 'Goal type',
    parentId: 'Parent objective',
    krId: 'KR ID',
    keyResult: 'Key result',
    kind: 'Direction',
    start: 'Start value',
    target: 'Target value',
    current: 'Current value',
    unit: 'Unit',
    weight: 'Weight',
    confidence: 'Confidence (0-10)',
    dependsOn: 'Depends on teams',
    krScore: 'KR score',
    objectiveScore: 'Objective score',
    attainment: 'Attainment',
    pace: 'Pace',
    contact: 'Contact (optional)',
  },
  de: {
    objectiveId: 'Objective-ID',
    objective: 'Objective',
    team: 'Team',
    goalType: 'Zieltyp',
    parentId: 'Übergeordnetes Objective',
    krId: 'KR-ID',
    keyResult: 'Key Result',
    kind: 'Richtung',
    start: 'Startwert',
    target: 'Zielwert',
    current: 'Aktueller Wert',
    unit: 'Einheit',
    weight: 'Gewicht',
    confidence: 'Zuversicht (0-10)',
    dependsOn: 'Abhängig von Teams',
    krScore: 'KR-Score',
    objectiveScore: 'Objective-Score',
    attainment: 'Zielerreichung',
    pace: 'Status',
    contact: 'Ansprechperson (optional)',
  },
};

/** Objective ID and objective stay in view while scrolling right to the scores. */
export const REGISTER_FROZEN_COLUMNS = REGISTER_COLUMN.objective;

/**
 * Widths in pixels: the frozen ID and objective take 280 of a laptop window
 * beside the sidebar; titles get room, numbers up to 9,999,999 fit, headers
 * wrap. Runs of equal widths, one `setColumnWidths` call each (seven).
 */
const WIDTH_RUNS: [RegisterKey, RegisterKey, number][] = [
  ['objectiveId', 'objectiveId', 70],
  ['objective', 'objective', 210],
  ['team', 'krId', 90],
  ['keyResult', 'keyResult', 240],
  ['kind', 'confidence', 85],
  ['dependsOn', 'dependsOn', 140],
  ['krScore', 'pace', 90],
  ['contact', 'contact', 140],
];
export const REGISTER_WIDTHS: Record<number, number> = Object.fromEntries(
  WIDTH_RUNS.flatMap(([from, to, width]) =>
    REGISTER_KEYS.slice(REGISTER_KEYS.indexOf(from), REGISTER_KEYS.indexOf(to) + 1).map((key) => [REGISTER_COLUMN[key], width]),
  ),
);

/** Text columns keep the automatic format: user text is written with a leading apostrophe, which a plain-text ('@') cell would show. */
const FORMATS: Partial<Record<RegisterKey, string>> = {
  start: '#,##0.##',
  target: '#,##0.##',
  current: '#,##0.##',
  weight: '0.##',
  confidence: '0',
  krScore: '0%',
  objectiveScore: '0%',
};

/** A register row as people and the sidebar fill it; loose, because a sheet may hold half-typed rows. */
export interface RegisterRow {
  objectiveId: string;
  objective: string;
  team: string;
  goalType: GoalType | null;
  parentId: string;
  krId: string;
  keyResult: string;
  kind: KrKind | null;
  start: number | null;
  target: number | null;
  current: number | null;
  unit: string;
  weight: number | null;
  confidence: number | null;
  dependsOn: string[];
  /** A person to ask about the objective (optional; never rated or summed per person). */
  contact?: string;
}

const col = (key: RegisterKey) => columnLetter(REGISTER_COLUMN[key]);

/** Sheet rows `first`..`last` that hold the rows of one objective (its first and last row). */
export interface RowSpan {
  first: number;
  last: number;
}

/**
 * Per sheet row, the span of its objective's rows: from the first to the last
 * row with the same objective ID (`ids[i]` is sheet row i + 2). A row without
 * an objective ID spans itself. The objective score reads only its span, so a
 * register recalculates in time linear in its rows (a SUMPRODUCT over the
 * whole register per row grows with the square). Rows people insert inside a
 * span widen it (Sheets and the test workbook adjust ranges); the add-on
 * rewrites the spans whenever it checks the register's formulas.
 */
export function objectiveSpans(ids: readonly string[]): RowSpan[] {
  const bounds = new Map<string, RowSpan>();
  // Spreadsheets compare text case-insensitively: "o-1" and "O-1" are one objective to the formula, so one span.
  const key = (id: string) => id.trim().toLowerCase();
  ids.forEach((id, i) => {
    if (!key(id)) return;
    const have = bounds.get(key(id));
    if (have) have.last = i + 2;
    else bounds.set(key(id), { first: i + 2, last: i + 2 });
  });
  return ids.map((id, i) => (key(id) ? bounds.get(key(id))! : { first: i + 2, last: i + 2 }));
}

/** The four computed cells of sheet row `row` (1-based); the objective score over `span` (default: the row alone). */
export function registerFormulas(row: number, _lastRow: number, lang: Language, span: RowSpan = { first: row, last: row }): string[] {
  const refs = settingsRefs(lang);
  const cell = (key: RegisterKey) => `$${col(key)}${row}`;
  const column = (key: RegisterKey) => `$${col(key)}$${span.first}:$${col(key)}$${span.last}`;
  return [
    scoreFormula({ start: cell('start'), target: cell('target'), current: cell('current'), kind: cell('kind') }, lang),
    objectiveScoreFormula(
      { objectiveId: cell('objectiveId'), objectiveIds: column('objectiveId'), scores: column('krScore'), weights: column('weight') },
      lang,
    ),
    attainmentFormula(
      { score: cell('objectiveScore'), goalType: cell('goalType'), roofshotLevel: refs.roofshotLevel, moonshotLevel: refs.moonshotLevel },
      lang,
    ),
    paceFormula(
      {
        score: cell('krScore'),
        goalType: cell('goalType'),
        roofshotLevel: refs.roofshotLevel,
        moonshotLevel: refs.moonshotLevel,
        cycleStart: refs.cycleStart,
        cycleEnd: refs.cycleEnd,
      },
      lang,
    ),
  ];
}

/** How many formula rows a register with `keyResults` rows gets. */
export function registerCapacity(keyResults: number): number {
  return Math.max(MIN_CAPACITY, keyResults + SPARE_ROWS);
}

/**
 * A register column as the other sheets' formulas read it, e.g.
 * `'OKR register'!$C$2:$C$301`: bounded, not the whole column (the register's
 * formula rows; it grows by its spare rows).
 */
export function registerColumnRange(lang: Language, keyResults: number): (key: keyof typeof REGISTER_COLUMN) => string {
  const register = sheetRef(SHEET_NAMES[lang].register);
  const lastRow = registerCapacity(keyResults) + 1;
  return (key) => {
    const column = columnLetter(REGISTER_COLUMN[key]);
    return `${register}!$${column}$2:$${column}$${lastRow}`;
  };
}

/** The input cells (A-O) of a register row. */
export function registerInputCells(row: RegisterRow, lang: Language): CellPlan[] {
  const words = (value: string) => (value ? text(value) : BLANK);
  return [
    words(row.objectiveId),
    words(row.objective),
    words(row.team),
    row.goalType ? text(GOAL_TYPE_LABELS[lang][row.goalType]) : BLANK,
    words(row.parentId),
    words(row.krId),
    words(row.keyResult),
    row.kind ? text(KR_KIND_LABELS[lang][row.kind]) : BLANK,
    num(row.start),
    num(row.target),
    num(row.current),
    words(row.unit),
    num(row.weight),
    num(row.confidence),
    words(row.dependsOn.join(', ')),
  ];
}

/** The validations of one register row: drop-downs for team, goal type, direction, confidence. */
const VALIDATION_HELP: Record<Language, Record<'team' | 'goalType' | 'weight' | 'confidence', string>> = {
  en: {
    team: 'A team from Settings',
    goalType: 'Roofshot: only 100% counts. Moonshot: 60-70% is success.',
    weight: 'Weight from 0 (blank = 1)',
    confidence: 'Confidence from 0 (none) to 10 (certain)',
  },
  de: {
    team: 'Ein Team aus den Einstellungen',
    goalType: 'Roofshot: Nur 100 % zählen. Moonshot: 60-70 % sind ein Erfolg.',
    weight: 'Gewicht ab 0 (leer = 1)',
    confidence: 'Zuversicht von 0 (keine) bis 10 (sicher)',
  },
};

/** The validations of one register row: drop-downs for team, goal type, direction, confidence. */
export function registerValidations(lang: Language): (ValidationPlan | null)[] {
  const help = VALIDATION_HELP[lang];
  const byKey: Partial<Record<RegisterKey, ValidationPlan>> = {
    team: { kind: 'listFromRange', a1: settingsRefs(lang).teams, allowInvalid: false, help: help.team },
    goalType: { kind: 'list', values: Object.values(GOAL_TYPE_LABELS[lang]), allowInvalid: false, help: help.goalType },
    kind: { kind: 'list', values: Object.values(KR_KIND_LABELS[lang]), allowInvalid: false },
    weight: { kind: 'numberAtLeast', min: 0, allowInvalid: false, help: help.weight },
    confidence: { kind: 'numberBetween', min: 0, max: 10, allowInvalid: false, help: help.confidence },
  };
  return REGISTER_KEYS.map((key) => byKey[key] ?? null);
}

export const TRAFFIC_LIGHT = { green: '#b7e1cd', yellow: '#fce8b2', red: '#f4c7c3' } as const;

export interface RegisterInput {
  lang: Language;
  rows: readonly RegisterRow[];
}

export function registerPlan(input: RegisterInput): SheetPlan {
  const { lang } = input;
  const capacity = registerCapacity(input.rows.length);
  const totalRows = capacity + 1;
  const headers = REGISTER_HEADERS[lang];
  const rowValidations = registerValidations(lang);
  const cells: CellPlan[][] = new Array(totalRows);
  cells[0] = REGISTER_KEYS.map((key) => text(headers[key]));
  const spans = objectiveSpans(Array.from({ length: totalRows - 1 }, (_, i) => input.rows[i]?.objectiveId ?? ''));
  for (let r = 1; r < totalRows; r++) {
    const data = input.rows[r - 1];
    const inputs = data ? registerInputCells(data, lang) : INPUT_KEYS.map(() => BLANK);
    cells[r] = [...inputs, ...registerFormulas(r + 1, totalRows, lang, spans[r - 1]).map(formula), data?.contact ? text(data.contact) : BLANK];
  }
  const { block, namedRanges } = registerExtent(totalRows);
  return {
    name: SHEET_NAMES[lang].register,
    cells,
    numberFormats: grid(totalRows, REGISTER_WIDTH, (r, c) => (r === 0 ? '' : REGISTER_FORMATS[c])),
    validations: grid(totalRows, REGISTER_WIDTH, (r, c) => (r === 0 ? null : rowValidations[c])),
    bold: grid(totalRows, REGISTER_WIDTH, (r) => r === 0),
    backgrounds: grid(totalRows, REGISTER_WIDTH, (r, c) => (r === 0 ? ((COMPUTED_KEYS as string[]).includes(REGISTER_KEYS[c]) ? '#d2e3fc' : '#e8eaed') : null)),
    frozenRows: 1,
    frozenColumns: REGISTER_FROZEN_COLUMNS,
    wrapRows: [1],
    columnWidths: REGISTER_WIDTHS,
    protect: { a1: block },
    colorRules: { a1: block, rules: trafficLightRules(lang) },
    namedRanges,
  };
}

/** Number formats of every register row below the header. */
export const REGISTER_FORMATS: readonly string[] = REGISTER_KEYS.map((key) => FORMATS[key] ?? '');

/**
 * What spans the formula rows 2..`lastRow`: the computed block (protected,
 * traffic-lighted) and the named ranges. Also used to grow a register.
 */
export function registerExtent(lastRow: number) {
  const span = (a: string, b: string) => `${a}2:${b}${lastRow}`;
  return {
    block: span(col(FIRST_COMPUTED), col(COMPUTED_KEYS[COMPUTED_KEYS.length - 1])),
    namedRanges: [
      { name: 'OKR_KR_IDS', a1: span(col('krId'), col('krId')) },
      { name: 'OKR_KR_SCORES', a1: span(col('krScore'), col('krScore')) },
    ],
  };
}

/** Whether an A1 range (without sheet) is the register's computed block, over any number of rows. */
export const isRegisterBlock = (a1: string): boolean => a1 === registerExtent(Number(a1.replace(/^.*\D/, ''))).block;

/**
 * Three rules over the computed block (KR score, objective score, attainment,
 * pace), relative to its top-left cell: numbers by score, words by verdict.
 */
export function trafficLightRules(lang: Language): { formula: string; background: string }[] {
  const cell = `${col(FIRST_COMPUTED)}2`;
  const wordsFor = (keys: string[]) => keys.map((word) => `${cell}=${quote(word)}`).join(',');
  const verdicts = (light: 'achieved' | 'partial' | 'missed') => {
    const pace = { achieved: 'on_track', partial: 'at_risk', missed: 'off_track' } as const;
    return wordsFor([VERDICT_LABELS[lang][light], PACE_LABELS[lang][pace[light]]]);
  };
  return [
    { formula: `=OR(AND(ISNUMBER(${cell}),${cell}>=0.7),${verdicts('achieved')})`, background: TRAFFIC_LIGHT.green },
    { formula: `=OR(AND(ISNUMBER(${cell}),${cell}>=0.4,${cell}<0.7),${verdicts('partial')})`, background: TRAFFIC_LIGHT.yellow },
    { formula: `=OR(AND(ISNUMBER(${cell}),${cell}<0.4),${verdicts('missed')})`, background: TRAFFIC_LIGHT.red },
  ];
}



/** Reads one row of register values (as `getValues` returns them) into a `RegisterRow`. */
export function parseRegisterRow(values: readonly unknown[]): RegisterRow {
  const at = (key: RegisterKey) => values[REGISTER_COLUMN[key] - 1];
  const goal = textOf(at('goalType'));
  const kind = textOf(at('kind'));
  return {
    objectiveId: textOf(at('objectiveId')),
    objective: textOf(at('objective')),
    team: textOf(at('team')),
    goalType: goal ? parseGoalType(goal) ?? null : null,
    parentId: textOf(at('parentId')),
    krId: textOf(at('krId')),
    keyResult: textOf(at('keyResult')),
    kind: kind ? parseKrKind(kind) ?? null : null,
    start: numberOf(at('start')),
    target: numberOf(at('target')),
    current: numberOf(at('current')),
    unit: textOf(at('unit')),
    weight: numberOf(at('weight')),
    confidence: numberOf(at('confidence')),
    dependsOn: textOf(at('dependsOn'))
      .split(/[,;]/)
      .map((team) => team.trim())
      .filter(Boolean),
    contact: textOf(at('contact')),
  };
}

/** A row nobody has typed anything into (formulas aside). */
export function isEmptyRegisterRow(values: readonly unknown[]): boolean {
  return INPUT_KEYS.every((key) => {
    const value = values[REGISTER_COLUMN[key] - 1];
    return value === '' || value === null || value === undefined;
  });
}

