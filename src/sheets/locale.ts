/** The spreadsheet's language, from its locale. Safe in every auth mode that may read the document. */
import { languageForLocale, type Language } from '../core/i18n';
import { activeSpreadsheet } from './workbook';

/** The spreadsheet's time zone (`getSpreadsheetTimeZone`): a typed date is midnight there, and "today" is its day. */
export function spreadsheetTimeZone(): string {
  return activeSpreadsheet().getSpreadsheetTimeZone();
}

export function spreadsheetLanguage(): Language {
  try {
    return languageForLocale(activeSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}
