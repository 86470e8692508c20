/**
 * Builds a `SheetPlan` row by row, for the event sheets (weekly, review,
 * retrospective) whose sections are stacked vertically. Every row has the
 * same width; a row may carry a key in the last column, which the add-on
 * reads back to find entries again after people inserted rows or the sheet
 * was regenerated.
 */
import { isDateValue, numberOf, textOf } from '../cellValues';
export { numberOf, textOf };
import { BLANK, type CellPlan, type SheetPlan, type ValidationPlan } from './plan';

/** Where people type: a pale yellow, the same on every event sheet. */
export const INPUT_BACKGROUND = '#fff8e1';
export const SECTION_BACKGROUND = '#e8eaed';
export const TEAM_BACKGROUND = '#d2e3fc';

export interface RowOptions {
  bold?: boolean;
  background?: string | null;
  /** By 1-based column. */
  formats?: Record<number, string>;
  validations?: Record<number, ValidationPlan>;
  /** 1-based columns people type into: they get the input background. */
  inputs?: number[];
  key?: string;
  /** Wrap the text of every cell of the row (a header row in narrow columns). */
  wrap?: boolean;
}

export class PlanBuilder {
  readonly cells: CellPlan[][] = [];
  readonly formats: string[][] = [];
  readonly validations: (ValidationPlan | null)[][] = [];
  readonly bold: boolean[][] = [];
  readonly backgrounds: (string | null)[][] = [];
  /** Rows (0-based) whose every cell wraps. */
  readonly wrappedRows = new Set<number>();

  /** `width` columns of content, plus one key column when `keyed`. */
  constructor(
    readonly width: number,
    readonly keyed: boolean,
  ) {}

  get totalWidth(): number {
    return this.width + (this.keyed ? 1 : 0);
  }

  /** The 1-based sheet row the next `row` call writes. */
  get nextRow(): number {
    return this.cells.length + 1;
  }

  /** Adds a row; `cells` may be shorter than the width (the rest is blank). Returns its 1-based sheet row. */
  row(cells: CellPlan[], options: RowOptions = {}): number {
    const total = this.totalWidth;
    const line: CellPlan[] = Array.from({ length: total }, (_, c) => (c < this.width ? cells[c] ?? BLANK : BLANK));
    if (this.keyed && options.key) line[total - 1] = { text: options.key };
    const inputs = new Set(options.inputs ?? []);
    if (options.wrap) this.wrappedRows.add(this.cells.length);
    this.cells.push(line);
    this.formats.push(line.map((_, c) => options.formats?.[c + 1] ?? ''));
    this.validations.push(line.map((_, c) => options.validations?.[c + 1] ?? null));
    this.bold.push(line.map((_, c) => Boolean(options.bold) && c < this.width));
    this.backgrounds.push(
      line.map((_, c) => (inputs.has(c + 1) ? INPUT_BACKGROUND : c < this.width ? options.background ?? null : null)),
    );
    return this.cells.length;
  }

  blank(): number {
    return this.row([]);
  }

  plan(name: string, extra: Partial<SheetPlan> = {}): SheetPlan {
    return {
      name,
      cells: this.cells,
      numberFormats: this.formats,
      validations: this.validations,
      bold: this.bold,
      backgrounds: this.backgrounds,
      frozenRows: 0,
      ...(this.keyed ? { hiddenColumns: [this.totalWidth] } : {}),
      ...(this.wrappedRows.size ? { wrapRows: [...this.wrappedRows].map((r) => r + 1) } : {}),
      ...extra,
    };
  }
}

/**
 * A cell read back together with the formula someone typed into it: a
 * rebuild writes the formula again; read as text it is the value it shows.
 */
export class TypedFormula {
  constructor(
    readonly formula: string,
    readonly shown: unknown,
  ) {}
  toString(): string {
    return textOf(this.shown);
  }
}

/** Values read back with the formulas of the same cells: every formula cell becomes a TypedFormula. */
export function withTypedFormulas(values: readonly (readonly unknown[])[], formulas: readonly (readonly string[])[]): unknown[][] {
  return values.map((line, r) => line.map((value, c) => (formulas[r]?.[c] ? new TypedFormula(formulas[r][c], value) : value)));
}

/** A value read back from a sheet as the cell to write it again: people's entries (and formulas) survive a regeneration. */
export function carriedCell(value: unknown): CellPlan {
  if (value instanceof TypedFormula) return { formula: value.formula };
  if (value === null || value === undefined || value === '') return BLANK;
  if (typeof value === 'number') return Number.isFinite(value) ? { number: value } : BLANK;
  if (typeof value === 'boolean') return { bool: value };
  if (isDateValue(value)) return { at: value };
  return { text: String(value) };
}



/** Reads the key column of a sheet's values: key → row values. The first row with a key wins. */
export function rowsByKey(values: readonly (readonly unknown[])[], keyColumn: number): Map<string, readonly unknown[]> {
  const found = new Map<string, readonly unknown[]>();
  for (const line of values) {
    const key = textOf(line[keyColumn - 1]);
    if (key && !found.has(key)) found.set(key, line);
  }
  return found;
}
