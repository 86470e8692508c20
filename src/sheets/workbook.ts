/** Finding the add-on's sheets in the active spreadsheet. */
import { LANGUAGES, type Language } from '../core/i18n';
import { SHEET_NAMES, type SheetRole } from '../core/texts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
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
