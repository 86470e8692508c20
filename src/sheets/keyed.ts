/**
 * Sheets the add-on rebuilds in place (dashboard, team roll-up) keep people's
 * entries by a hidden key column whose first row says '#title'. These helpers
 * read only what is carried (row 1, then the key column and the columns left
 * of it that hold entries), so a rebuild never makes Sheets send every
 * computed value, and prepare a rewrite: constant calls.
 */
import { textOf, withTypedFormulas } from '../core/layout/builder';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface KeyedSnapshot {
  /** Rows 1..last, each as long as the key column, holding only the carried columns and the key (others blank). */
  values: unknown[][];
  /** 1-based key column; 0 when row 1 has no '#title' (a sheet the add-on did not make). */
  keyColumn: number;
  /** True when the sheet has content. */
  used: boolean;
}

/** Row 1, then `carried` columns left of the key column plus the key column, values and formulas (6 calls at most). */
export function readKeyed(sheet: Sheet, carried: number): KeyedSnapshot {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return { values: [], keyColumn: 0, used: false };
  const first = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  const keyColumn = first.findIndex((v) => textOf(v) === '#title') + 1;
  if (!keyColumn) return { values: [first], keyColumn: 0, used: true };
  const from = Math.max(1, keyColumn - carried);
  const range = sheet.getRange(1, from, lastRow, keyColumn - from + 1);
  // A formula someone typed into a carried cell is carried as that formula.
  const values = withTypedFormulas(range.getValues(), range.getFormulas()).map((line) => {
    const row: unknown[] = new Array(keyColumn).fill('');
    line.forEach((value, i) => (row[from - 1 + i] = value));
    return row;
  });
  return { values, keyColumn, used: true };
}

/**
 * Before rewriting a keyed sheet with a block `width` columns wide: room for
 * the columns, the old block's cells right of the new width cleared up to
 * the old key column (nothing right of it is the add-on's), and the old
 * warning protections removed (the writer adds the new one).
 */
/** The description of the add-on's warning-only protections (shown in Data > Protect sheets and ranges). */
export const PROTECTION_DESCRIPTION = 'OKR for Sheets: computed cells';

export function prepareRewrite(sheet: Sheet, snapshot: KeyedSnapshot, width: number): void {
  const max = sheet.getMaxColumns();
  if (width > max) sheet.insertColumnsAfter(max, width - max);
  if (snapshot.keyColumn > width) sheet.getRange(1, width + 1, snapshot.values.length, snapshot.keyColumn - width).clearContent();
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) if (isOurProtection(protection)) protection.remove();
}

/**
 * The add-on's own warning over computed cells (described as `PROTECTION_DESCRIPTION`; older versions left the
 * description empty) that this user may change. Protections other people set, with editors or a description of
 * their own, are left alone; so is one this user may not edit (removing it would throw).
 */
export function isOurProtection(protection: GoogleAppsScript.Spreadsheet.Protection): boolean {
  if (!protection.isWarningOnly()) return false;
  const description = protection.getDescription();
  return (description === PROTECTION_DESCRIPTION || description === '') && protection.canEdit();
}

/** After the rewrite: the key column is the block's last column and hidden; an old one elsewhere is shown again. */
export function hideKeyColumn(sheet: Sheet, oldKeyColumn: number, width: number): void {
  if (oldKeyColumn === width) return;
  if (oldKeyColumn > 0) sheet.showColumns(oldKeyColumn);
  sheet.hideColumns(width);
}
