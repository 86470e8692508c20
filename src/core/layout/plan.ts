/**
 * A sheet described as data: what the adapter writes, in whole blocks. The
 * domain builds plans; `src/sheets/` turns a plan into a constant number of
 * SpreadsheetApp calls, whatever the number of rows.
 */

/** One cell to write. User text is always `{ text }`: the adapter writes it so Sheets never parses it as a formula or number. */
export type CellPlan =
  | { text: string }
  | { number: number }
  | { date: string } // ISO YYYY-MM-DD: midnight of that day in the spreadsheet's time zone
  | { at: Date } // a date read back from a cell, written again as the same instant (no time zone involved)
  | { bool: boolean }
  | { formula: string }
  | { blank: true };

export const BLANK: CellPlan = { blank: true };
export const text = (value: string): CellPlan => ({ text: value });
export const num = (value: number | null | undefined): CellPlan =>
  value === null || value === undefined ? BLANK : { number: value };
export const formula = (value: string): CellPlan => ({ formula: value });
export const date = (iso: string): CellPlan => (iso ? { date: iso } : BLANK);

export type ValidationPlan =
  | { kind: 'list'; values: string[]; allowInvalid: boolean; help?: string }
  | { kind: 'listFromRange'; a1: string; allowInvalid: boolean; help?: string }
  | { kind: 'numberBetween'; min: number; max: number; allowInvalid: boolean; help?: string }
  | { kind: 'numberAtLeast'; min: number; allowInvalid: boolean; help?: string }
  | { kind: 'date'; allowInvalid: boolean; help?: string };

/** A traffic-light rule: a formula relative to the range's top-left cell. */
export interface ColorRule {
  formula: string;
  background: string;
  fontColor?: string;
}

export interface SheetPlan {
  name: string;
  /** The block written from A1: every row has the same length. */
  cells: CellPlan[][];
  /** Number formats of the block, same shape ('' = automatic). */
  numberFormats: string[][];
  /** Data validation of the block, same shape (null = none). */
  validations: (ValidationPlan | null)[][];
  /** Bold cells of the block, same shape (left out: nothing bold). */
  bold?: boolean[][];
  /** Background colours of the block, same shape (null = none). */
  backgrounds?: (string | null)[][];
  frozenRows: number;
  /** Widths in pixels by 1-based column; columns not named keep the default. */
  columnWidths?: Record<number, number>;
  /** A warning-only protection over computed cells: typing there asks "are you sure?". */
  protect?: { a1: string };
  /** Traffic-light rules over one range. */
  colorRules?: { a1: string; rules: ColorRule[] };
  namedRanges?: { name: string; a1: string }[];
  /** 1-based columns whose cells wrap their text (one `setWraps` over the block). */
  wrapColumns?: number[];
  /** 1-based rows whose every cell wraps (header rows over narrow columns), with `wrapColumns` in the same `setWraps`. */
  wrapRows?: number[];
  /** Columns frozen at the left (ids and titles stay in view while scrolling to the scores). */
  frozenColumns?: number;
  /** 1-based columns hidden from view and print (e.g. a key column the add-on reads back). */
  hiddenColumns?: number[];
  /**
   * A generated sheet is created at the size it needs, not Sheets' 1000 x 26 (a spreadsheet holds at most
   * 10,000,000 cells): the block plus these spare rows and columns (charts anchored beside it need room).
   * Left out: the sheet keeps Sheets' size (sheets people type rows into).
   */
  trim?: { spareRows?: number; spareColumns?: number; minRows?: number };
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as a formula reference: quoted when needed. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Fills a grid of the given shape. */
export function grid<T>(rows: number, cols: number, fill: (row: number, col: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => fill(r, c)));
}
