/** The words of the add-on's menu, dialogs and messages, in English and German. */
import type { Language } from './i18n';

/** The add-on's name: the title of its dialogs and toasts, the same in every language. */
export const PRODUCT_NAME = 'OKR for Sheets';

export interface MenuLabels {
  setUpCycle: string;
  openSidebar: string;
  newWeekly: string;
  applyCheckIn: string;
  newReview: string;
  newRetrospective: string;
  importOkrs: string;
  startNextCycle: string;
  refreshDashboard: string;
  openPortfolio: string;
  rollUpTeams: string;
}

export const MENU: Record<Language, MenuLabels> = {
  en: {
    setUpCycle: 'Set up a new cycle…',
    openSidebar: 'Write objectives (sidebar)',
    newWeekly: 'New weekly check-in',
    applyCheckIn: "Apply this week's check-in",
    newReview: 'New review',
    newRetrospective: 'New retrospective',
    importOkrs: 'Import existing OKRs…',
    startNextCycle: 'Start next cycle…',
    refreshDashboard: 'Refresh dashboard',
    openPortfolio: 'Open portfolio',
    rollUpTeams: 'Roll up team spreadsheets (IMPORTRANGE)',
  },
  de: {
    setUpCycle: 'Neuen Zyklus anlegen…',
    openSidebar: 'Objectives schreiben (Seitenleiste)',
    newWeekly: 'Neues Weekly (Check-in)',
    applyCheckIn: 'Check-in dieser Woche übernehmen',
    newReview: 'Neues Review',
    newRetrospective: 'Neue Retrospektive',
    importOkrs: 'Vorhandene OKRs importieren…',
    startNextCycle: 'Nächsten Zyklus starten…',
    refreshDashboard: 'Dashboard aktualisieren',
    openPortfolio: 'Portfolio öffnen',
    rollUpTeams: 'Team-Tabellen zusammenführen (IMPORTRANGE)',
  },
};

/** The title of the sidebar for writing objectives. */
export const SIDEBAR_TITLE: Record<Language, string> = { en: 'OKR: write objectives', de: 'OKR: Objectives schreiben' };

/** A column of someone's own sheet without a header, named by its letter. */
export const COLUMN_NAME: Record<Language, string> = { en: 'Column {letter}', de: 'Spalte {letter}' };

/** The sheets the add-on generates, by role. */
export type SheetRole = 'settings' | 'register' | 'tactics' | 'checkInLog' | 'dashboard' | 'portfolio' | 'rollup' | 'archive';

export const SHEET_NAMES: Record<Language, Record<SheetRole, string>> = {
  en: { settings: 'Settings', register: 'OKRs', tactics: 'Tactics', checkInLog: 'Check-in log', dashboard: 'Dashboard', portfolio: 'Portfolio', rollup: 'Team roll-up', archive: 'Archive' },
  de: { settings: 'Einstellungen', register: 'OKRs', tactics: 'Taktiken', checkInLog: 'Check-in-Log', dashboard: 'Dashboard', portfolio: 'Portfolio', rollup: 'Team-Übersicht', archive: 'Archiv' },
};

/** Said instead of NO_CYCLE when a sheet under another name has the register's headers. */
export const REGISTER_RENAMED: Record<Language, string> = {
  en: 'There is no sheet "{register}", but "{name}" looks like the cycle register. Rename it back to "{register}" (the add-on finds the register by that name), or set up a new cycle.',
  de: 'Es gibt kein Blatt „{register}“, aber „{name}“ sieht aus wie das Zyklus-Register. Benenne es wieder in „{register}“ um (das Add-on findet das Register unter diesem Namen) oder lege einen neuen Zyklus an.',
};

/** Said by every action that needs a cycle where none is set up yet. */
export const NO_CYCLE: Record<Language, string> = {
  en: 'There is no OKR cycle in this spreadsheet yet. Set one up first: Extensions > OKR for Sheets > Set up a new cycle…',
  de: 'In dieser Tabelle gibt es noch keinen OKR-Zyklus. Lege zuerst einen an: Erweiterungen > OKR for Sheets > Neuen Zyklus anlegen…',
};
