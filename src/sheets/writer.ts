/**
 * Writes a `SheetPlan` into a new sheet with a constant number of
 * SpreadsheetApp calls: one block each for formats, values and formulas,
 * validations and fonts, whatever the number of rows.
 */
import type { CellPlan, SheetPlan, ValidationPlan } from '../core/layout/plan';
import { inertText } from '../core/text';

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
export function cellValue(cell: CellPlan): string | number | boolean | Date {
  if ('text' in cell) return asText(cell.text);
  if ('number' in cell) return cell.number;
  if ('bool' in cell) return cell.bool;
  if ('formula' in cell) return cell.formula;
  if ('date' in cell) {
    const [y, m, d] = cell.date.split('-').map(Number);
    return new Date(y, m - 1, d);
  }
  return '';
}

/** User text as a cell value that Sheets never parses (characters a sheet cannot hold removed, see core/text.ts). */
export function asText(value: string): string {
  return `'${inertText(value)}`;
}

/** Remembers ranges and validation rules within one write, so each is fetched or built once. */
export class WriteSession {
  private readonly ranges = new Map<string, Range>();
  private readonly rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();

  constructor(readonly spreadsheet: Spreadsheet) {}

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

/** Creates the plan's sheet and writes it. The sheet's name must be free (callers check first). */
export function writeNewSheet(session: WriteSession, plan: SheetPlan, index?: number): Sheet {
  // The sheet Sheets inserts becomes the active one.
  const sheet = index === undefined ? session.spreadsheet.insertSheet(plan.name) : session.spreadsheet.insertSheet(plan.name, index);
  const rows = plan.cells.length;
  const cols = plan.cells[0].length;
  if (rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, rows - NEW_SHEET_ROWS);
  if (cols > NEW_SHEET_COLUMNS) sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, cols - NEW_SHEET_COLUMNS);
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
  block.setValues(plan.cells.map((line) => line.map(cellValue)));
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
    session.sheetRange(sheet, plan.protect.a1).protect().setWarningOnly(true);
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
  for (const named of plan.namedRanges ?? []) session.spreadsheet.setNamedRange(named.name, session.sheetRange(sheet, named.a1));
}
