/** Finding the add-on's sheets in the active spreadsheet. */
import { UserError } from '../core/errors';
import { LANGUAGES, format, type Language } from '../core/i18n';
import { INPUT_KEYS, REGISTER_HEADERS } from '../core/layout/register';
import { NO_CYCLE, REGISTER_RENAMED, SHEET_NAMES, type SheetRole } from '../core/texts';

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

/**
 * The error for an action that needs the register and finds no sheet under its
 * name: when another sheet has the register's headers (it was renamed; archives
 * such as "OKRs (Q4 2026)" do not count), the message names it. Only on this
 * error path: one read per sheet.
 */
export function registerMissing(spreadsheet: Spreadsheet, lang: Language): UserError {
  const width = INPUT_KEYS.length;
  const headers = LANGUAGES.map((l) => INPUT_KEYS.map((key) => REGISTER_HEADERS[l][key]).join('\n'));
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (name.endsWith(')') || sheet.getLastColumn() < width) continue;
    const first = sheet.getRange(1, 1, 1, width).getDisplayValues()[0].join('\n');
    if (headers.includes(first)) return new UserError(format(REGISTER_RENAMED[lang], { name, register: SHEET_NAMES[lang].register }));
  }
  return new UserError(NO_CYCLE[lang]);
}
