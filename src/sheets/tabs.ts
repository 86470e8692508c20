/**
 * Puts the workbook's tabs in their fixed order (see core/tabs.ts) and makes
 * the sheet a person just asked for the active one. Calls grow with the
 * number of sheets moved, never with the number of objectives.
 */
import type { Language } from '../core/i18n';
import { archivePlan } from '../core/layout/archive';
import { SETTINGS_CELLS } from '../core/layout/settings';
import { tabOrder } from '../core/tabs';
import { findSheet } from './workbook';
import { WriteSession, rewriteSheet, writeNewSheet } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ArrangeOptions {
  /** Rewrite the Archive list and hide the archived sheets (after "Start next cycle"). */
  archive?: boolean;
  lang?: Language;
}

/** Moves only the sheets that are out of place; then activates `focus`. */
export function arrangeTabs(spreadsheet: Spreadsheet, cycleName: string, focus: Sheet | null, options: ArrangeOptions = {}): void {
  let sheets = spreadsheet.getSheets();
  let names = sheets.map((sheet) => sheet.getName());
  let order = tabOrder(names, cycleName);
  const archived = order.filter((tab) => tab.kind === 'archived');
  if (options.archive && options.lang && archived.length) {
    const byName = new Map(sheets.map((sheet, i) => [names[i], sheet]));
    const plan = archivePlan(
      options.lang,
      archived.map((tab) => ({ cycle: tab.cycle!, name: tab.name, gid: byName.get(tab.name)!.getSheetId() })),
    );
    const existing = findSheet(spreadsheet, 'archive', options.lang);
    const session = new WriteSession(spreadsheet);
    if (existing) rewriteSheet(session, existing, { ...plan, name: existing.getName() }, existing.getLastRow());
    else writeNewSheet(session, plan);
    sheets = spreadsheet.getSheets();
    names = sheets.map((sheet) => sheet.getName());
    order = tabOrder(names, cycleName);
  }
  const current = names.slice();
  const byName = new Map(sheets.map((sheet, i) => [names[i], sheet]));
  order.forEach((tab, i) => {
    if (current[i] === tab.name) return;
    spreadsheet.setActiveSheet(byName.get(tab.name)!);
    spreadsheet.moveActiveSheet(i + 1);
    current.splice(current.indexOf(tab.name), 1);
    current.splice(i, 0, tab.name);
  });
  if (options.archive) for (const tab of archived) byName.get(tab.name)?.hideSheet();
  if (focus) spreadsheet.setActiveSheet(focus);
}

/** The running cycle's name, from Settings ('' without one). */
export function runningCycleName(spreadsheet: Spreadsheet, lang: Language): string {
  const settings = findSheet(spreadsheet, 'settings', lang);
  return settings ? String(settings.getRange(SETTINGS_CELLS.cycleName).getValue() ?? '').trim() : '';
}

/** Default names of a new spreadsheet's first sheet, by the languages Sheets uses. */
const DEFAULT_FIRST_SHEET = ['Sheet1', 'Tabellenblatt1', 'Blatt1'];

/**
 * Deletes the empty first sheet a new spreadsheet comes with ("Sheet1",
 * "Tabellenblatt1"), once the cycle's sheets exist; a sheet with any value,
 * note or formula in it stays.
 */
export function removeEmptyDefaultSheet(spreadsheet: Spreadsheet): boolean {
  for (const name of DEFAULT_FIRST_SHEET) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet || spreadsheet.getSheets().length < 2) continue;
    if (sheet.getLastRow() === 0 && sheet.getLastColumn() === 0) {
      spreadsheet.deleteSheet(sheet);
      return true;
    }
  }
  return false;
}
