/** Structural edits of the Sheets emulator: insert, delete and move rows or columns, sort, sheet deletion; everything that refers to the grid follows. */
/*
 * One mechanism for every structural edit: a DimChange says where each old
 * row (or column) of a sheet goes (insert and delete: shifted, or null when
 * deleted; move: a permutation) and what becomes of a span [a, b] (a range's
 * rows). applyDimChange moves the cells and then every thing that points
 * into the grid: formulas in every sheet, conditional format ranges and their
 * formulas, data validations (range and formula criteria), protections,
 * named ranges, merges, filters, chart ranges, developer metadata on rows and
 * columns, widths, heights, hidden rows and columns, the selection.
 *
 * Sources (Google's reference):
 * - Insert / delete: Sheet.insertColumnsBefore, insertRowsAfter, deleteColumns, deleteRows
 *   (https://developers.google.com/apps-script/reference/spreadsheet/sheet). That references shift
 *   and that a reference to a deleted cell becomes #REF! is Sheets' behaviour in the editor; Google's
 *   reference has no page that states it (see emulator/README.md, "Structure" section).
 * - moveRows / moveColumns: "destinationIndex ... based on the coordinates before the
 *   rows are moved. Existing data is shifted down to make room for the moved rows while
 *   the source rows are removed from the grid."
 *   https://developers.google.com/apps-script/reference/spreadsheet/sheet#moveRows(Range,Integer)
 * - Developer metadata: "if developer metadata is associated with row 5 and another row is
 *   then subsequently inserted above row 5, that original metadata is still associated with
 *   the row it was first associated with (what is now row 6). If the associated object is
 *   deleted its metadata is deleted too."
 *   https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { quoteSheetName, shiftSpan, type Axis, type Rect } from './a1';
import { rewriteRefs, translateFormula } from './formula';
import type { Cell } from './common';
import { SheetsError } from './common';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { SheetRect } from './conditionalFormat';

export interface DimChange {
  axis: Axis;
  /** New position of old line i (1-based), or null when it was deleted. */
  point(i: number): number | null;
  /** New extent of the old span [a, b], or null when all of it was deleted. */
  span(a: number, b: number): [number, number] | null;
  /** New size of the axis. */
  size: number;
}

/** `n` lines inserted so that the first new line is `at`. */
export function insertion(axis: Axis, at: number, n: number, size: number): DimChange {
  return {
    axis,
    point: (i) => (i >= at ? i + n : i),
    span: (a, b) => shiftSpan(a, b, at, n),
    size: size + n,
  };
}

/** Lines at .. at+n-1 deleted. */
export function deletion(axis: Axis, at: number, n: number, size: number): DimChange {
  return {
    axis,
    point: (i) => (i < at ? i : i >= at + n ? i - n : null),
    span: (a, b) => shiftSpan(a, b, at, -n),
    size: size - n,
  };
}

/**
 * Lines start .. start+n-1 moved before old line `dest` (Sheet.moveRows / moveColumns).
 * A span follows its two ends (a range whose ends move apart keeps covering what lies between them).
 */
export function movement(axis: Axis, start: number, n: number, dest: number, size: number): DimChange {
  const end = start + n - 1;
  const point = (i: number): number => {
    if (dest > end + 1) {
      if (i >= start && i <= end) return dest - n + (i - start);
      if (i > end && i < dest) return i - n;
      return i;
    }
    if (dest < start) {
      if (i >= dest && i < start) return i + n;
      if (i >= start && i <= end) return dest + (i - start);
      return i;
    }
    return i;
  };
  return {
    axis,
    point,
    span: (a, b) => {
      const x = point(a);
      const y = point(b);
      return [Math.min(x, y), Math.max(x, y)];
    },
    size,
  };
}

function rectOn(rect: Rect, ch: DimChange): Rect | null {
  if (ch.axis === 'row') {
    const s = ch.span(rect.r1, rect.r2);
    return s ? { ...rect, r1: s[0], r2: s[1] } : null;
  }
  const s = ch.span(rect.c1, rect.c2);
  return s ? { ...rect, c1: s[0], c2: s[1] } : null;
}

/** References to `target` in a formula written on sheet `formulaSheet`, after the change. */
export function remapFormula(formula: string, formulaSheet: string, target: string, ch: DimChange): string {
  return rewriteRefs(formula, (sheet, parts) => {
    if ((sheet ?? formulaSheet).toLowerCase() !== target.toLowerCase()) return undefined;
    const key = ch.axis === 'row' ? 'row' : 'col';
    const a = parts[0][key];
    const b = (parts[1] ?? parts[0])[key];
    if (a == null || b == null) return undefined;
    const span = ch.span(a, b);
    if (!span) return null;
    const out = parts.map((p) => ({ ...p }));
    if (out[1]) {
      out[0][key] = span[0];
      out[1][key] = span[1];
    } else out[0][key] = span[0];
    return out;
  });
}

function remapMap<T>(m: Map<number, T>, ch: DimChange): Map<number, T> {
  const out = new Map<number, T>();
  for (const [k, v] of m) {
    const p = ch.point(k);
    if (p != null) out.set(p, v);
  }
  return out;
}

function remapSet(s: Set<number>, ch: DimChange): Set<number> {
  const out = new Set<number>();
  for (const k of s) {
    const p = ch.point(k);
    if (p != null) out.add(p);
  }
  return out;
}

function remapLine<T>(line: T[], ch: DimChange): T[] {
  const out: T[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === undefined) continue;
    const p = ch.point(i + 1);
    if (p != null) out[p - 1] = line[i];
  }
  return out;
}

/** Applies a structural change to `sheet` and to everything in the spreadsheet that refers to its grid. */
export function applyDimChange(sheet: FakeSheet, ch: DimChange): void {
  const ss = sheet.ss;
  // Cells.
  if (ch.axis === 'row') sheet.rows = remapLine(sheet.rows, ch);
  else sheet.rows = sheet.rows.map((row) => (row ? (remapLine(row, ch) as (Cell | undefined)[]) : row));
  // Sizes, hidden lines.
  if (ch.axis === 'row') {
    sheet.rowHeights = remapMap(sheet.rowHeights, ch);
    sheet.hiddenRows = remapSet(sheet.hiddenRows, ch);
    sheet.filterHiddenRows = remapSet(sheet.filterHiddenRows, ch);
    sheet.maxRows = ch.size;
  } else {
    sheet.colWidths = remapMap(sheet.colWidths, ch);
    sheet.hiddenCols = remapSet(sheet.hiddenCols, ch);
    sheet.maxCols = ch.size;
  }
  // Merges.
  sheet.merges = sheet.merges.map((m) => rectOn(m, ch)).filter((m): m is Rect => !!m && (m.r1 !== m.r2 || m.c1 !== m.c2));
  // Protections.
  sheet.protections = sheet.protections.filter((p) => {
    p.unprotected = p.unprotected.map((u) => (u.sheet === sheet ? { sheet, rect: rectOn(u.rect, ch) } : u)).filter((u): u is SheetRect => !!u.rect);
    if (!p.rect) return true;
    const s = rectOn(p.rect, ch);
    if (!s) return false;
    p.rect = s;
    return true;
  });
  // Conditional format ranges (the rules of this sheet) and every formula that names the sheet.
  for (const rule of sheet.cfRules) {
    rule.ranges = rule.ranges.map((r) => ({ sheet: r.sheet, rect: rectOn(r.rect, ch) })).filter((r): r is SheetRect => !!r.rect);
  }
  sheet.cfRules = sheet.cfRules.filter((r) => r.ranges.length);
  const validations = new Map<any, string>(); // rule -> the sheet it sits on (its formula's own sheet)
  for (const s of ss.sheets) {
    for (const row of s.rows) {
      if (!row) continue;
      for (const cell of row) {
        if (!cell) continue;
        if (cell.formula) cell.formula = remapFormula(cell.formula, s.name, sheet.name, ch);
        if (cell.validation && !validations.has(cell.validation)) validations.set(cell.validation, s.name);
      }
    }
    for (const rule of s.cfRules) {
      const c = rule.condition as any;
      if (c.type === 'CUSTOM_FORMULA' && typeof c.values[0] === 'string') c.values = [remapFormula(c.values[0], s.name, sheet.name, ch)];
    }
    for (const chart of s.charts) {
      for (const r of chart.ranges as SheetRect[]) {
        if (r.sheet !== sheet) continue;
        const n = rectOn(r.rect, ch);
        if (n) r.rect = n;
      }
    }
  }
  // Data validations: a range criterion on the sheet follows; a custom formula follows.
  for (const [v, home] of validations) {
    const values = v.values as any[];
    if (v.type === 'VALUE_IN_RANGE' && values[0] && values[0].sheet === sheet) {
      const n = rectOn(values[0].rect(), ch);
      if (n) values[0] = sheet.rangeOf(n);
    }
    if (v.type === 'CUSTOM_FORMULA' && typeof values[0] === 'string') values[0] = remapFormula(values[0], home, sheet.name, ch);
  }
  // Named ranges.
  ss.namedRanges = ss.namedRanges.filter((n) => {
    if (n.target.sheet !== sheet) return true;
    const r = rectOn(n.target.rect, ch);
    if (!r) return false;
    n.target = { sheet, rect: r };
    return true;
  });
  // Filter.
  const filter = sheet.filter;
  if (filter) {
    const r = rectOn(filter.rect, ch);
    if (!r) sheet.filter = null;
    else {
      filter.rect = r;
      if (ch.axis === 'col') filter.criteria = remapMap(filter.criteria, ch);
    }
  }
  // Developer metadata on rows and columns.
  ss.metadata = ss.metadata.filter((m) => {
    const loc = m.location;
    if (loc.type === 'SPREADSHEET' || loc.type === 'SHEET' || loc.sheet !== sheet) return true;
    if ((loc.type === 'ROW') !== (ch.axis === 'row')) return true;
    const s = ch.span(loc.start, loc.end);
    if (!s) return false;
    loc.start = s[0];
    loc.end = s[1];
    return true;
  });
  // Selection.
  if (ss.selection?.sheet === sheet) {
    const r = rectOn(ss.selection.rect, ch);
    ss.selection = r ? { sheet, rect: r } : null;
  }
  ss.touch();
}

/** Formulas that name a deleted sheet become #REF! (the whole reference, as Sheets shows it). */
export function dropSheetReferences(ss: FakeSpreadsheet, deleted: string): void {
  const prefix = quoteSheetName(deleted) + '!#REF!';
  const fix = (f: string) => {
    const out = rewriteRefs(f, (sheet) => (sheet != null && sheet.toLowerCase() === deleted.toLowerCase() ? null : undefined));
    return out === f ? f : out.split(prefix).join('#REF!');
  };
  for (const s of ss.sheets) {
    for (const row of s.rows) for (const cell of row ?? []) if (cell?.formula) cell.formula = fix(cell.formula);
    for (const rule of s.cfRules) {
      const c = rule.condition as any;
      if (c.type === 'CUSTOM_FORMULA' && typeof c.values[0] === 'string') c.values = [fix(c.values[0])];
    }
  }
}

// ---------------------------------------------------------------------------
// Sort

export interface SortSpec {
  column: number;
  ascending: boolean;
}

/** Normalizes Range.sort's argument: a column number, {column, ascending}, or an array of them. */
export function sortSpecs(spec: any, c1: number, c2: number): SortSpec[] {
  const list = Array.isArray(spec) ? spec : [spec];
  if (list.length === 0) throw new SheetsError("The parameters () don't match the method signature for SpreadsheetApp.Range.sort.");
  return list.map((s) => {
    const column = typeof s === 'number' ? s : s && typeof s === 'object' ? s.column : NaN;
    const ascending = typeof s === 'object' && s && s.ascending !== undefined ? !!s.ascending : true;
    if (typeof column !== 'number' || !Number.isInteger(column)) throw new SheetsError("The parameters don't match the method signature for SpreadsheetApp.Range.sort.");
    if (column < c1 || column > c2) throw new SheetsError(`The sort column must be within the specified range. Column ${column} is not in the range.`);
    return { column, ascending };
  });
}

/** Rank of a value's type in Sheets' ascending order: numbers (and dates), then text, then booleans, errors; blanks always last. */
function typeRank(v: any): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return 3; // errors
}

export function compareForSort(a: any, b: any, ascending: boolean): number {
  const blankA = a === null || a === undefined || a === '';
  const blankB = b === null || b === undefined || b === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1; // blanks last in both directions
  const ra = typeRank(a);
  const rb = typeRank(b);
  let d: number;
  if (ra !== rb) d = ra - rb;
  else if (ra === 0) d = a - b;
  else if (ra === 1) d = a.localeCompare(b, undefined, { sensitivity: 'base', numeric: false });
  else if (ra === 2) d = Number(a) - Number(b);
  else d = String(a).localeCompare(String(b));
  return ascending ? d : -d;
}

/**
 * Sorts the rows of a range in place (Range.sort). A stable sort: equal rows keep their order.
 * Formulas in moved rows are adjusted as if the row were copied there (relative references move by
 * as many rows as the row moved, so `=B2*C2` on row 2 reads `=B5*C5` on row 5); references from
 * elsewhere into the range keep their positions. Row developer metadata and filter-hidden rows move with their rows when the range spans
 * every column of the sheet (the rows themselves move).
 */
export function sortRows(sheet: FakeSheet, rect: Rect, specs: SortSpec[], engineValue: (r: number, c: number) => any): void {
  const rowsInRange: number[] = [];
  for (let r = rect.r1; r <= rect.r2; r++) rowsInRange.push(r);
  const keys = new Map<number, any[]>();
  for (const r of rowsInRange) keys.set(r, specs.map((s) => engineValue(r, s.column)));
  const order = [...rowsInRange].sort((x, y) => {
    const kx = keys.get(x)!;
    const ky = keys.get(y)!;
    for (let i = 0; i < specs.length; i++) {
      const d = compareForSort(kx[i], ky[i], specs[i].ascending);
      if (d) return d;
    }
    return x - y;
  });
  // order[k] is the old row that lands on row r1 + k.
  const moved: (Cell | undefined)[][] = order.map((old) => {
    const line: (Cell | undefined)[] = [];
    for (let c = rect.c1; c <= rect.c2; c++) line.push(sheet.rows[old - 1]?.[c - 1]);
    return line;
  });
  order.forEach((old, k) => {
    const r = rect.r1 + k;
    moved[k].forEach((cell, j) => {
      const c = rect.c1 + j;
      if (!sheet.rows[r - 1]) sheet.rows[r - 1] = [];
      if (cell?.formula && r !== old) cell.formula = translateFormula(cell.formula, r - old, 0);
      sheet.rows[r - 1][c - 1] = cell;
    });
  });
  if (rect.c1 === 1 && rect.c2 === sheet.maxCols) {
    const newPos = new Map<number, number>();
    order.forEach((old, k) => newPos.set(old, rect.r1 + k));
    for (const m of sheet.ss.metadata) {
      const loc = m.location;
      if (loc.type === 'ROW' && loc.sheet === sheet && loc.start === loc.end && newPos.has(loc.start)) {
        loc.start = loc.end = newPos.get(loc.start)!;
      }
    }
  }
  sheet.ss.touch();
}
