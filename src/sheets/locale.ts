/** The spreadsheet's language, from its locale. Safe in every auth mode that may read the document. */
import { languageForLocale, type Language } from '../core/i18n';

export function spreadsheetLanguage(): Language {
  try {
    return languageForLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}
