import { languageForLocale, type Language } from '../core/i18n';
import { MENU, SIDEBAR_TITLE } from '../core/texts';
import { spreadsheetLanguage } from '../sheets/locale';
import { showSidebar } from '../sheets/ui';

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

/** The add-on menu; item callbacks are top-level functions of dist/Code.js (see index.ts). */
export function buildMenu(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  const labels = MENU[menuLanguage(e)];
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(labels.setUpCycle, 'menuSetUpCycle')
    .addItem(labels.openSidebar, 'menuOpenSidebar')
    .addSeparator()
    .addItem(labels.newWeekly, 'menuNewWeekly')
    .addItem(labels.applyCheckIn, 'menuApplyCheckIn')
    .addSeparator()
    .addItem(labels.newReview, 'menuNewReview')
    .addItem(labels.newRetrospective, 'menuNewRetrospective')
    .addSeparator()
    .addItem(labels.importOkrs, 'menuImportOkrs')
    .addItem(labels.startNextCycle, 'menuStartNextCycle')
    .addSeparator()
    .addItem(labels.refreshDashboard, 'menuRefreshDashboard')
    .addItem(labels.openPortfolio, 'menuOpenPortfolio')
    .addItem(labels.rollUpTeams, 'menuRollUpTeams')
    .addToUi();
}

export function openSidebar(): void {
  showSidebar(SIDEBAR_TITLE[spreadsheetLanguage()]);
}
