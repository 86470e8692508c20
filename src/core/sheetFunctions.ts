/**
 * The custom functions' logic, independent of Apps Script: what Sheets hands
 * a custom function (numbers, strings, booleans, dates, or 2-D arrays of
 * them) is read into numbers and words here, scored by `scoring.ts`, and
 * handed back in the same shape. Blank inputs give blank outputs.
 */
import { isDateValue } from './cellValues';
import { type Language, say, type Bilingual } from './i18n';
import { isoDay } from './isoWeek';
import { dayIn, serialOfDay } from './timeZone';
import { CALIBRATION_LABELS, calibrate } from './calibration';
import {
  ScoringError,
  attainment,
  objectiveScore,
  pace,
  scoreKeyResult,
  type ScoringProblem,
} from './scoring';
import {
  PACE_LABELS,
  VERDICT_LABELS,
  parseGoalType,
  parseKrKind,
  type GoalType,
  type KrKind,
} from './vocabulary';

export type CellValue = number | string | boolean | Date | null | undefined;
export type CellInput = CellValue | CellValue[][];
export type CellOutput = number | string | (number | string)[][];

/** An error a user sees in the cell's tooltip: it names the function, the argument and the value. */
export class CellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CellError';
  }
}

const BLANK = '';

const TEXT = {
  notNumber: { en: '{fn}: {arg}{where} is {value}, not a number.', de: '{fn}: {arg}{where} ist {value}, keine Zahl.' },
  dateNotNumber: {
    en: '{fn}: {arg}{where} is a date ({value}); a number belongs here.',
    de: '{fn}: {arg}{where} ist ein Datum ({value}); hier gehört eine Zahl hin.',
  },
  notDate: { en: '{fn}: {arg}{where} is {value}, not a date.', de: '{fn}: {arg}{where} ist {value}, kein Datum.' },
  badKind: {
    en: '{fn}: {arg}{where} is {value}; use increase, decrease, maintain, milestone or baseline.',
    de: '{fn}: {arg}{where} ist {value}; erlaubt sind steigern, senken, halten, Meilenstein oder Basiswert.',
  },
  badGoalType: {
    en: '{fn}: {arg}{where} is {value}; use roofshot (committed) or moonshot (stretch).',
    de: '{fn}: {arg}{where} ist {value}; erlaubt sind Roofshot (verbindlich) oder Moonshot (ambitioniert).',
  },
  badLevel: {
    en: '{fn}: {arg}{where} is {value}; use a share between 0 and 1, e.g. 0.6 or 60%.',
    de: '{fn}: {arg}{where} ist {value}; erlaubt ist ein Anteil zwischen 0 und 1, z. B. 0,6 oder 60 %.',
  },
  shape: {
    en: '{fn}: {arg} has {rows}×{cols} cells but {first} has {firstRows}×{firstCols}; give ranges of the same size.',
    de: '{fn}: {arg} hat {rows}×{cols} Zellen, {first} aber {firstRows}×{firstCols}; gib gleich große Bereiche an.',
  },
  where: { en: ' in row {row}', de: ' in Zeile {row}' },
  whereCell: { en: ' in row {row}, column {col}', de: ' in Zeile {row}, Spalte {col}' },
  start_equals_target: {
    en: '{fn}: start and target are both {value}{where}; a key result needs a distance to cover.',
    de: '{fn}: Startwert und Zielwert sind beide {value}{where}; ein Key Result braucht eine Strecke.',
  },
  increase_target_below_start: {
    en: '{fn}: target {value} is below start{where}, but direction says increase.',
    de: '{fn}: Der Zielwert {value} liegt unter dem Startwert{where}, die Richtung ist aber „steigern“.',
  },
  decrease_target_above_start: {
    en: '{fn}: target {value} is above start{where}, but direction says decrease.',
    de: '{fn}: Der Zielwert {value} liegt über dem Startwert{where}, die Richtung ist aber „senken“.',
  },
  negative_weight: {
    en: '{fn}: weights{where} include {value}; a weight must not be negative.',
    de: '{fn}: Gewichte{where} enthalten {value}; ein Gewicht darf nicht negativ sein.',
  },
  weights_sum_to_zero: {
    en: '{fn}: the weights of the measured key results add up to 0.',
    de: '{fn}: Die Gewichte der gemessenen Key Results ergeben zusammen 0.',
  },
  cycle_end_not_after_start: {
    en: '{fn}: cycle_end{where} must be after cycle_start.',
    de: '{fn}: cycle_end{where} muss nach cycle_start liegen.',
  },
} satisfies Record<string, Bilingual>;

function isGrid(value: unknown): value is CellValue[][] {
  return Array.isArray(value);
}

function show(value: unknown, timeZone: () => string): string {
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? 'an invalid date' : isoDay(value, timeZone());
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** One argument of a call, read cell by cell. */
interface Arg {
  name: string;
  value: CellInput;
  grid: CellValue[][] | null;
}

interface Context {
  fn: string;
  lang: Language;
  /** The spreadsheet's time zone (dates are days there), asked only when a date is read or shown. */
  timeZone: () => string;
  rows: number;
  cols: number;
}

function where(ctx: Context, arg: Arg, row: number, col: number): string {
  if (!arg.grid || (arg.grid.length === 1 && arg.grid[0].length === 1)) return '';
  return ctx.cols > 1
    ? say(TEXT.whereCell, ctx.lang, { row: row + 1, col: col + 1 })
    : say(TEXT.where, ctx.lang, { row: row + 1 });
}

function fail(ctx: Context, text: Bilingual, arg: Arg | null, row: number, col: number, value: unknown): never {
  throw new CellError(
    say(text, ctx.lang, {
      fn: ctx.fn,
      arg: arg?.name ?? '',
      where: arg ? where(ctx, arg, row, col) : '',
      value: show(value, ctx.timeZone),
    }),
  );
}

/** Two ranges of different sizes: `arg` has rows × cols cells, `first` firstRows × firstCols. */
function shapeError(fn: string, lang: Language, arg: string, rows: number, cols: number, first: string, firstRows: number, firstCols: number): CellError {
  return new CellError(say(TEXT.shape, lang, { fn, arg, rows, cols, first, firstRows, firstCols }));
}

function cell(arg: Arg, row: number, col: number): CellValue {
  const grid = arg.grid;
  if (grid === null) return arg.value as CellValue;
  if (grid.length === 1 && grid[0].length === 1) return grid[0][0];
  return grid[row][col];
}

/** Where no spreadsheet is at hand (core tests): UTC. The custom functions pass the spreadsheet's zone. */
const UTC = () => 'UTC';

function prepare(fn: string, lang: Language, named: Record<string, CellInput>, timeZone: () => string = UTC): { ctx: Context; args: Arg[] } {
  const args: Arg[] = Object.entries(named).map(([name, value]) => ({ name, value, grid: isGrid(value) ? value : null }));
  let first: Arg | null = null;
  for (const arg of args) {
    if (!arg.grid || (arg.grid.length === 1 && (arg.grid[0]?.length ?? 0) === 1)) continue;
    if (!first) {
      first = arg;
      continue;
    }
    const rows = arg.grid.length;
    const cols = arg.grid[0]?.length ?? 0;
    const firstRows = first.grid!.length;
    const firstCols = first.grid![0]?.length ?? 0;
    if (rows !== firstRows || cols !== firstCols)
      throw shapeError(fn, lang, arg.name, rows, cols, first.name, firstRows, firstCols);
  }
  const rows = first ? first.grid!.length : 1;
  const cols = first ? first.grid![0]?.length ?? 0 : 1;
  return { ctx: { fn, lang, rows, cols, timeZone }, args };
}

const NUMERIC_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?\s*%?$/i;

/** A cell read as a number: blank gives `null`; numeric text ("12,5", "40%") is accepted. */
function readNumber(ctx: Context, arg: Arg, row: number, col: number): number | null {
  const value = cell(arg, row, col);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(ctx, TEXT.notNumber, arg, row, col, value);
    return value;
  }
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    if (NUMERIC_TEXT.test(text)) {
      const percent = text.endsWith('%');
      const number = Number(text.replace('%', '').trim().replace(',', '.'));
      if (Number.isFinite(number)) return percent ? number / 100 : number;
    }
    return fail(ctx, TEXT.notNumber, arg, row, col, value);
  }
  if (isDateValue(value)) return fail(ctx, TEXT.dateNotNumber, arg, row, col, value);
  return fail(ctx, TEXT.notNumber, arg, row, col, value);
}

/** Days between 1899-12-30 and the date's calendar day in `timeZone` (the spreadsheet's): the spreadsheet serial number. */
export function serialDay(date: Date, timeZone: string): number {
  return serialOfDay(dayIn(date, timeZone));
}

/** A cell read as a day: a date, a serial number, or text `2026-10-01` / `1.10.2026`. */
function readDay(ctx: Context, arg: Arg, row: number, col: number): number | null {
  const value = cell(arg, row, col);
  if (value === null || value === undefined || value === '') return null;
  if (isDateValue(value)) {
    if (Number.isNaN(value.getTime())) fail(ctx, TEXT.notDate, arg, row, col, value);
    return serialDay(value, ctx.timeZone());
  }
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value);
  if (typeof value === 'string') {
    const text = value.trim();
    let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    let ymd: [number, number, number] | null = match ? [+match[1], +match[2], +match[3]] : null;
    match = ymd ? null : /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    if (match) ymd = [+match[3], +match[2], +match[1]];
    if (ymd) {
      const date = new Date(Date.UTC(ymd[0], ymd[1] - 1, ymd[2]));
      if (date.getUTCFullYear() === ymd[0] && date.getUTCMonth() === ymd[1] - 1 && date.getUTCDate() === ymd[2]) return serialDay(date, 'UTC');
    }
  }
  return fail(ctx, TEXT.notDate, arg, row, col, value);
}

/** A cell read as a word of the vocabulary: blank gives `undefined`; a word `parse` does not know fails with `text`. */
function readWord<T>(ctx: Context, arg: Arg, row: number, col: number, parse: (word: string) => T | undefined, text: Bilingual): T | undefined {
  const value = cell(arg, row, col);
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  const word = typeof value === 'string' ? parse(value) : undefined;
  return word ?? fail(ctx, text, arg, row, col, value);
}

function readKind(ctx: Context, arg: Arg, row: number, col: number): KrKind | undefined {
  return readWord(ctx, arg, row, col, parseKrKind, TEXT.badKind);
}

function readGoalType(ctx: Context, arg: Arg, row: number, col: number): GoalType | null {
  return readWord(ctx, arg, row, col, parseGoalType, TEXT.badGoalType) ?? null;
}

function readLevel(ctx: Context, arg: Arg, row: number, col: number): number | undefined {
  const level = readNumber(ctx, arg, row, col);
  if (level === null) return undefined;
  if (level < 0 || level > 1) fail(ctx, TEXT.badLevel, arg, row, col, cell(arg, row, col));
  return level;
}

function scoringFailure(ctx: Context, error: unknown, arg: Arg | null, row: number, col: number, value: unknown): never {
  if (error instanceof ScoringError) return fail(ctx, TEXT[error.problem as ScoringProblem], arg, row, col, value);
  throw error;
}

/** Runs `each` for every cell of the call's shape; a scalar call gives a scalar. */
function mapCells(ctx: Context, args: Arg[], each: (row: number, col: number) => number | string): CellOutput {
  if (args.every((arg) => arg.grid === null)) return each(0, 0);
  const out: (number | string)[][] = new Array(ctx.rows);
  for (let row = 0; row < ctx.rows; row++) {
    const line: (number | string)[] = new Array(ctx.cols);
    for (let col = 0; col < ctx.cols; col++) line[col] = each(row, col);
    out[row] = line;
  }
  return out;
}

/** OKR_SCORE: each key result's score, 0.0-1.0; blank when not yet measured. */
export function okrScore(
  lang: Language,
  start: CellInput,
  target: CellInput,
  current: CellInput,
  direction?: CellInput,
  timeZone: () => string = UTC,
): CellOutput {
  const { ctx, args } = prepare('OKR_SCORE', lang, { start, target, current, direction }, timeZone);
  const [startArg, targetArg, currentArg, directionArg] = args;
  return mapCells(ctx, args, (row, col) => {
    const kind = readKind(ctx, directionArg, row, col);
    if (kind === 'baseline') return BLANK;
    const s = readNumber(ctx, startArg, row, col);
    const t = readNumber(ctx, targetArg, row, col);
    const c = readNumber(ctx, currentArg, row, col);
    try {
      return scoreKeyResult(s, t, c, kind) ?? BLANK;
    } catch (error) {
      return scoringFailure(ctx, error, targetArg, row, col, t);
    }
  });
}

/** Flattens a range row by row, the order in which a spreadsheet's SUMPRODUCT reads it. */
function flatten(value: CellInput): CellValue[] {
  if (!isGrid(value)) return [value];
  const out: CellValue[] = [];
  for (const line of value) for (const item of line) out.push(item);
  return out;
}

/** OKR_OBJECTIVE_SCORE: the weighted mean of key-result scores; one number for the range. */
export function okrObjectiveScore(lang: Language, scores: CellInput, weights?: CellInput, timeZone: () => string = UTC): number | string {
  const ctx: Context = { fn: 'OKR_OBJECTIVE_SCORE', lang, rows: 1, cols: 1, timeZone };
  const scoreCells = flatten(scores);
  const weightCells = weights === undefined || weights === null ? null : flatten(weights);
  if (weightCells && weightCells.length !== scoreCells.length && weightCells.length !== 1) {
    throw shapeError(ctx.fn, lang, 'weights', weightCells.length, 1, 'scores', scoreCells.length, 1);
  }
  const scoreArg: Arg = { name: 'scores', value: null, grid: null };
  const weightArg: Arg = { name: 'weights', value: null, grid: null };
  const numbers: (number | null)[] = scoreCells.map((value, i) => {
    scoreArg.value = value;
    return readNumber(ctx, scoreArg, i, 0);
  });
  const weightNumbers = weightCells
    ? scoreCells.map((_, i) => {
        weightArg.value = weightCells.length === 1 ? weightCells[0] : weightCells[i];
        return readNumber(ctx, weightArg, i, 0);
      })
    : undefined;
  try {
    return objectiveScore(numbers, weightNumbers) ?? BLANK;
  } catch (error) {
    const negative = weightNumbers?.find((w) => w !== null && w < 0);
    return scoringFailure(ctx, error, null, 0, 0, negative ?? 0);
  }
}

/** OKR_ATTAINMENT: the verdict word (achieved / partial / missed) in the sheet's language. */
export function okrAttainment(lang: Language, score: CellInput, goalType: CellInput, successFrom?: CellInput, timeZone: () => string = UTC): CellOutput {
  const { ctx, args } = prepare('OKR_ATTAINMENT', lang, { score, goal_type: goalType, success_from: successFrom }, timeZone);
  const [scoreArg, goalArg, successArg] = args;
  return mapCells(ctx, args, (row, col) => {
    const s = readNumber(ctx, scoreArg, row, col);
    const goal = readGoalType(ctx, goalArg, row, col);
    const level = readLevel(ctx, successArg, row, col);
    if (s === null || goal === null) return BLANK;
    const verdict = attainment(s, goal, level);
    return verdict ? VERDICT_LABELS[lang][verdict] : BLANK;
  });
}

/** OKR_PACE: on track / at risk / off track, given how much of the cycle has passed. */
export function okrPace(
  lang: Language,
  /** Now, and the spreadsheet's time zone: today is the day the spreadsheet's clock shows. */
  clock: { now: Date; timeZone: () => string },
  score: CellInput,
  cycleStart: CellInput,
  cycleEnd: CellInput,
  today?: CellInput,
  goalType?: CellInput,
): CellOutput {
  const { ctx, args } = prepare('OKR_PACE', lang, {
    score,
    cycle_start: cycleStart,
    cycle_end: cycleEnd,
    today,
    goal_type: goalType,
  }, clock.timeZone);
  const [scoreArg, startArg, endArg, todayArg, goalArg] = args;
  const fallbackToday = serialDay(clock.now, clock.timeZone());
  return mapCells(ctx, args, (row, col) => {
    const s = readNumber(ctx, scoreArg, row, col);
    const start = readDay(ctx, startArg, row, col);
    const end = readDay(ctx, endArg, row, col);
    const day = readDay(ctx, todayArg, row, col) ?? fallbackToday;
    const goal = readGoalType(ctx, goalArg, row, col) ?? 'roofshot';
    if (s === null || start === null || end === null) return BLANK;
    try {
      const verdict = pace(s, start, end, day, goal);
      return verdict ? PACE_LABELS[lang][verdict] : BLANK;
    } catch (error) {
      return scoringFailure(ctx, error, endArg, row, col, end);
    }
  });
}

/**
 * OKR_CALIBRATION: one verdict per row of past scores (oldest first, left to
 * right): "set too low?", "set too high?", "ok", or blank with fewer than
 * two measured cycles. `goal_type` is one value or one per row.
 */
export function okrCalibration(lang: Language, scores: CellInput, goalType?: CellInput, timeZone: () => string = UTC): CellOutput {
  const fn = 'OKR_CALIBRATION';
  const grid: CellValue[][] = isGrid(scores) ? scores : [[scores]];
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const ctx: Context = { fn, lang, rows, cols: Math.max(cols, 2), timeZone };
  const scoreArg: Arg = { name: 'scores', value: scores, grid: isGrid(scores) ? scores : null };
  const goalGrid = isGrid(goalType) ? goalType : null;
  if (goalGrid && goalGrid.length !== rows && !(goalGrid.length === 1 && (goalGrid[0]?.length ?? 0) === 1))
    throw shapeError(fn, lang, 'goal_type', goalGrid.length, goalGrid[0]?.length ?? 0, 'scores', rows, cols);
  const goalArg: Arg = { name: 'goal_type', value: goalType ?? null, grid: goalGrid };
  const goalCtx: Context = { fn, lang, rows, cols: 1, timeZone };
  const out: (number | string)[][] = [];
  for (let row = 0; row < rows; row++) {
    const history: (number | null)[] = [];
    for (let col = 0; col < cols; col++) history.push(readNumber(ctx, scoreArg, row, col));
    const goal = goalGrid && goalGrid.length === rows ? readGoalType(goalCtx, goalArg, row, 0) : readGoalType(goalCtx, goalArg, 0, 0);
    const verdict = calibrate(history, goal);
    out.push([verdict ? CALIBRATION_LABELS[lang][verdict] : BLANK]);
  }
  return isGrid(scores) ? out : out[0][0];
}
