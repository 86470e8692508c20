/** Finding the add-on's sheets in the active spreadsheet. */
import { LANGUAGES, type Language } from '../core/i18n';
import { SHEET_NAMES, type SheetRole } from '../core/texts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

let active: { app: object; spreadsheet: Spreadsheet } | null = null;

/**
 * The active spreadsheet, fetched once per execution (Apps Script starts every
 * execution with fresh globals, so this never outlives one menu click; the
 * check on `SpreadsheetApp` keeps tests with a new workbook honest).
 */
export function activeSpreadsheet(): Spreadsheet {
  if (!active || active.app !== SpreadsheetApp) active = { app: SpreadsheetApp, spreadsheet: SpreadsheetApp.getActiveSpreadsheet() };
  return active.spreadsheet;
}

/** The sheet of a role under its name in `lang`, else under its name in the other language. */
export function findSheet(spreadsheet: Spreadsheet, role: SheetRole, lang: Language): Sheet | null {
  const own = spreadsheet.getSheetByName(SHEET_NAMES[lang][role]);
  if (own) return own;
  for (const other of LANGUAGES) {
    if (other === lang || SHEET_NAMES[other][role] === SHEET_NAMES[lang][role]) continue;
    const sheet = spreadsheet.getSheetByName(SHEET_NAMES[other][role]);
    if (sheet) return sheet;
  }
  return null;
}
