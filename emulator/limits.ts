/** Sheets' limits, in small shared checks that every structural method calls (insert and delete rows / columns, new and copied sheets). */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { SheetsError } from './common';

/** "Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets created in or converted to Google Sheets." */
export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;

interface Grid {
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
}

/** The cells of all sheets of a spreadsheet (every row times every column, blank or not). */
export function cellCount(sheets: readonly Grid[]): number {
  return sheets.reduce((sum, s) => sum + s.maxRows * s.maxCols, 0);
}

/** Refuses a change that adds `added` cells when the spreadsheet would then hold more than 10,000,000. */
export function checkCellLimit(sheets: readonly Grid[], added: number): void {
  if (added > 0 && cellCount(sheets) + added > MAX_CELLS) {
    throw new SheetsError(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
  }
}

/** Refuses a column count above 18,278 (ZZZ). */
export function checkColumnLimit(columns: number): void {
  if (columns > MAX_COLUMNS) throw new SheetsError(`This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS}.`);
}

/** Refuses deleting `howMany` rows (or columns) when no non-frozen row (column) would be left. */
export function checkKeepsNonFrozen(sheet: Grid, axis: 'row' | 'col', howMany: number): void {
  const total = axis === 'row' ? sheet.maxRows : sheet.maxCols;
  const frozen = axis === 'row' ? sheet.frozenRows : sheet.frozenCols;
  if (total - howMany <= frozen) {
    throw new SheetsError(`Sorry, it is not possible to delete all non-frozen ${axis === 'row' ? 'rows' : 'columns'}.`);
  }
}
