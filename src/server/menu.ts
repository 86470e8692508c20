import { languageForLocale, type Language } from '../core/i18n';
import { MENU } from '../core/texts';
import { spreadsheetLanguage } from '../sheets/locale';

/** The menu's language: in AuthMode.NONE the document may not be read, so the user's locale decides. */
function menuLanguage(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): Language {
  if (e && e.authMode === ScriptApp.AuthMode.NONE) {
    try {
      return languageForLocale(Session.getActiveUserLocale());
    } catch {
      return 'en';
    }
  }
  return spreadsheetLanguage();
}

export function buildMenu(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  const labels = MENU[menuLanguage(e)];
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(labels.setUpCycle, 'menuSetUpCycle')
    .addToUi();
}
