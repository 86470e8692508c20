/** The spreadsheet's language, from its locale. Safe in every auth mode that may read the document. */
import { languageForLocale, type Language } from '../core/i18n';
import { activeSpreadsheet } from './workbook';

export function spreadsheetLanguage(): Language {
  try {
    return languageForLocale(activeSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}
