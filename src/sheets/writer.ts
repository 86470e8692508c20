/**
 * Writes a `SheetPlan` into a new sheet with a constant number of
 * SpreadsheetApp calls: one block each for formats, values and formulas,
 * validations and fonts, whatever the number of rows.
 */
import type { CellPlan, SheetPlan, ValidationPlan } from '../core/layout/plan';
import { inertText } from '../core/text';
import { midnightIn } from '../core/timeZone';
import { PROTECTION_DESCRIPTION } from './keyed';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Rows and columns of a sheet that `insertSheet` creates. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

/**
 * The value to hand `setValues` for a cell. User text always gets a leading
 * apostrophe: Sheets then stores it as text, never as a formula, number or
 * date, and shows it without the apostrophe.
 */
export function cellValue(cell: CellPlan, timeZone: string): string | number | boolean | Date {
  if ('text' in cell) return asText(cell.text);
  if ('number' in cell) return cell.number;
  if ('bool' in cell) return cell.bool;
  if ('formula' in cell) return cell.formula;
  if ('date' in cell) return midnightIn(cell.date, timeZone);
  if ('at' in cell) return cell.at;
  return '';
}

/** The time zone of a sheet's spreadsheet, read on first use and then remembered (constant calls). */
export function zoneOf(sheet: Sheet): () => string {
  let zone: string | null = null;
  return () => (zone ??= sheet.getParent().getSpreadsheetTimeZone());
}

/** A row of cells as values for `setValues`; `zone` (see `zoneOf`) is asked only when a date is among them. */
export function rowValues(cells: readonly CellPlan[], zone: () => string): (string | number | boolean | Date)[] {
  const timeZone = cells.some((cell) => 'date' in cell) ? zone() : '';
  return cells.map((cell) => cellValue(cell, timeZone));
}

/** User text as a cell value that Sheets never parses (characters a sheet cannot hold removed, see core/text.ts). */
export function asText(value: string): string {
  return `'${inertText(value)}`;
}

/** Remembers ranges and validation rules within one write, so each is fetched or built once. */
export class WriteSession {
  private readonly ranges = new Map<string, Range>();
  private readonly rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();

  private zone: string | null = null;

  constructor(readonly spreadsheet: Spreadsheet) {}

  /** The spreadsheet's time zone (dates are written as midnight there), read once per session. */
  get timeZone(): string {
    return (this.zone ??= this.spreadsheet.getSpreadsheetTimeZone());
  }

  /** A range by A1 with its sheet name ("Settings!D2:D101"), fetched once. */
  rangeByA1(a1: string): Range {
    let range = this.ranges.get(a1);
    if (!range) {
      range = this.spreadsheet.getRange(a1);
      this.ranges.set(a1, range);
    }
    return range;
  }

  sheetRange(sheet: Sheet, a1: string): Range {
    const key = `${a1}@${this.sheetKey(sheet)}`;
    let range = this.ranges.get(key);
    if (!range) {
      range = sheet.getRange(a1);
      this.ranges.set(key, range);
    }
    return range;
  }

  private sheetKeys = new WeakMap<Sheet, number>();
  private nextSheetKey = 0;
  private sheetKey(sheet: Sheet): number {
    let key = this.sheetKeys.get(sheet);
    if (key === undefined) {
      key = this.nextSheetKey++;
      this.sheetKeys.set(sheet, key);
    }
    return key;
  }

  validation(plan: ValidationPlan | null): GoogleAppsScript.Spreadsheet.DataValidation | null {
    if (!plan) return null;
    const key = JSON.stringify(plan);
    let rule = this.rules.get(key);
    if (!rule) {
      let builder = SpreadsheetApp.newDataValidation();
      switch (plan.kind) {
        case 'list':
          builder = builder.requireValueInList(plan.values, true);
          break;
        case 'listFromRange':
          builder = builder.requireValueInRange(this.rangeByA1(plan.a1), true);
          break;
        case 'numberBetween':
          builder = builder.requireNumberBetween(plan.min, plan.max);
          break;
        case 'numberAtLeast':
          builder = builder.requireNumberGreaterThanOrEqualTo(plan.min);
          break;
        case 'date':
          builder = builder.requireDate();
          break;
      }
      builder = builder.setAllowInvalid(plan.allowInvalid);
      if (plan.help) builder = builder.setHelpText(plan.help);
      rule = builder.build();
      this.rules.set(key, rule);
    }
    return rule;
  }
}

function groupWidths(widths: Record<number, number>): { start: number; count: number; width: number }[] {
  const columns = Object.keys(widths)
    .map(Number)
    .sort((a, b) => a - b);
  const groups: { start: number; count: number; width: number }[] = [];
  for (const column of columns) {
    const last = groups[groups.length - 1];
    if (last && last.start + last.count === column && last.width === widths[column]) last.count++;
    else groups.push({ start: column, count: 1, width: widths[column] });
  }
  return groups;
}

/**
 * Rows and columns a new sheet gets: the block (at least one row and column more than the frozen ones, which
 * Sheets needs) plus the plan's spare room when it is trimmed; Sheets' 1000 x 26 (or the block, if larger) else.
 */
export function planSize(plan: SheetPlan): { rows: number; cols: number } {
  const rows = plan.cells.length;
  const cols = plan.cells[0].length;
  if (!plan.trim) return { rows: Math.max(rows, NEW_SHEET_ROWS), cols: Math.max(cols, NEW_SHEET_COLUMNS) };
  return {
    rows: Math.max(rows + (plan.trim.spareRows ?? 0), plan.trim.minRows ?? 0, plan.frozenRows + 1),
    cols: Math.max(cols + (plan.trim.spareColumns ?? 0), 1),
  };
}

/** Creates the plan's sheet and writes it. The sheet's name must be free (callers check first). */
export function writeNewSheet(session: WriteSession, plan: SheetPlan, index?: number): Sheet {
  // The sheet Sheets inserts becomes the active one.
  const sheet = index === undefined ? session.spreadsheet.insertSheet(plan.name) : session.spreadsheet.insertSheet(plan.name, index);
  const size = planSize(plan);
  if (size.rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, size.rows - NEW_SHEET_ROWS);
  if (size.cols > NEW_SHEET_COLUMNS) sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, size.cols - NEW_SHEET_COLUMNS);
  if (size.rows < NEW_SHEET_ROWS) sheet.deleteRows(size.rows + 1, NEW_SHEET_ROWS - size.rows);
  if (size.cols < NEW_SHEET_COLUMNS) sheet.deleteColumns(size.cols + 1, NEW_SHEET_COLUMNS - size.cols);
  writePlanBody(session, sheet, plan);
  return sheet;
}

/**
 * Writes a plan into an existing sheet of the same role (callers carry what
 * people entered into the plan first). The block written covers at least
 * `usedRows` rows, so every old value, format and validation below the new
 * layout is replaced by a blank. Column widths and hidden columns are left as
 * they are (people may have adjusted them). Constant calls.
 */
export function rewriteSheet(session: WriteSession, sheet: Sheet, plan: SheetPlan, usedRows: number, relayout?: { shown: number[] }): Sheet {
  const cols = plan.cells[0].length;
  const extra = Math.max(0, usedRows - plan.cells.length);
  const pad = <T>(grid: T[][], fill: T): T[][] => [...grid, ...Array.from({ length: extra }, () => Array.from({ length: cols }, () => fill))];
  const padded: SheetPlan = {
    ...plan,
    cells: pad(plan.cells, { blank: true } as CellPlan),
    numberFormats: pad(plan.numberFormats, ''),
    validations: pad(plan.validations, null as ValidationPlan | null),
    bold: pad(plan.bold ?? plan.cells.map((line) => line.map(() => false)), false),
    backgrounds: pad(plan.backgrounds ?? plan.cells.map((line) => line.map(() => null)), null as string | null),
    columnWidths: undefined,
    hiddenColumns: undefined,
  };
  const maxRows = sheet.getMaxRows();
  if (padded.cells.length > maxRows) sheet.insertRowsAfter(maxRows, padded.cells.length - maxRows);
  writePlanBody(session, sheet, padded, true);
  if (relayout) {
    // The sheet's layout changed (an older version's): its columns get the plan's widths and hidden columns.
    for (const column of relayout.shown) sheet.showColumns(column);
    for (const group of groupWidths(plan.columnWidths ?? {})) sheet.setColumnWidths(group.start, group.count, group.width);
    for (const column of plan.hiddenColumns ?? []) sheet.hideColumns(column);
  }
  return sheet;
}

function writePlanBody(session: WriteSession, sheet: Sheet, plan: SheetPlan, replace = false): void {
  const rows = plan.cells.length;
  const cols = plan.cells[0].length;
  const block = sheet.getRange(1, 1, rows, cols);
  block.setNumberFormats(plan.numberFormats);
  const zone = plan.cells.some((line) => line.some((cell) => 'date' in cell)) ? session.timeZone : '';
  block.setValues(plan.cells.map((line) => line.map((cell) => cellValue(cell, zone))));
  if (replace || plan.validations.some((line) => line.some(Boolean)))
    block.setDataValidations(plan.validations.map((line) => line.map((v) => session.validation(v))));
  if (plan.bold) block.setFontWeights(plan.bold.map((line) => line.map((bold) => (bold ? 'bold' : 'normal'))));
  if (plan.backgrounds) block.setBackgrounds(plan.backgrounds as string[][]);
  if (plan.frozenRows) sheet.setFrozenRows(plan.frozenRows);
  if (plan.frozenColumns) sheet.setFrozenColumns(plan.frozenColumns);
  for (const group of groupWidths(plan.columnWidths ?? {})) sheet.setColumnWidths(group.start, group.count, group.width);
  if (plan.wrapColumns?.length || plan.wrapRows?.length || replace) {
    const wrapped = new Set(plan.wrapColumns ?? []);
    const rowsWrapped = new Set(plan.wrapRows ?? []);
    block.setWraps(plan.cells.map((line, r) => line.map((_, c) => wrapped.has(c + 1) || rowsWrapped.has(r + 1))));
  }
  for (const column of plan.hiddenColumns ?? []) sheet.hideColumns(column);
  if (plan.protect) {
    session.sheetRange(sheet, plan.protect.a1).protect().setWarningOnly(true).setDescription(PROTECTION_DESCRIPTION);
  }
  if (plan.colorRules) {
    const range = session.sheetRange(sheet, plan.colorRules.a1);
    sheet.setConditionalFormatRules(
      plan.colorRules.rules.map((rule) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(rule.formula)
          .setBackground(rule.background)
          .setRanges([range])
          .build(),
      ),
    );
  }
  if (plan.namedRanges?.length) {
    // An existing name is moved with NamedRange.setRange (documented); setNamedRange only adds a new one.
    const existing = new Map(session.spreadsheet.getNamedRanges().map((named) => [named.getName(), named]));
    for (const named of plan.namedRanges) {
      const range = session.sheetRange(sheet, named.a1);
      const have = existing.get(named.name);
      if (have) have.setRange(range);
      else session.spreadsheet.setNamedRange(named.name, range);
    }
  }
}
