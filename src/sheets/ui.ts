/** Talking to the person at the sheet: prompts, alerts, toasts. */
import { PRODUCT_NAME } from '../core/texts';

export function promptText(title: string, text: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, text, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
}

export function alert(title: string, text: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, text, ui.ButtonSet.OK);
}

export function toast(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, text: string, title = PRODUCT_NAME): void {
  spreadsheet.toast(text, title, 8);
}

/** Opens the built sidebar (dist/Sidebar.html); Apps Script sidebars are always 300 px wide. */
export function showSidebar(title: string): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Opens another built page (dist/<name>.html) in the sidebar. */
export function showSidebarPage(name: string, title: string): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(name).setTitle(title));
}

/** Asks a yes/no question; true for YES. */
export function confirm(title: string, text: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, text, ui.ButtonSet.YES_NO) === ui.Button.YES;
}
