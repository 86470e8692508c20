/**
 * End to end through the built bundle: dist/Code.js in a node:vm context over
 * the in-memory workbook, driven like a user drives the add-on menu.
 */
import { loadAddon } from '../../emulator/loadAddon';
import type { AppsScriptHarness } from '../../emulator/appsScript';

function addOn(locale = 'en_US') {
  const { harness: h, bundle } = loadAddon({ locale, userLocale: locale, htmlFiles: true });
  return { h, bundle };
}

const items = (h: AppsScriptHarness) => h.ui.menus[0].items.map((item: any) => item.functionName ?? '—');
const entries = (h: AppsScriptHarness) => h.ui.menus[0].items as any[];

describe('the add-on menu', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)('builds the menu in AuthMode.%s without touching the document when it may not', (mode) => {
    const { h, bundle } = addOn('de_DE');
    h.setAuthMode(mode);
    bundle.onOpen({ authMode: h.globals.ScriptApp.AuthMode[mode] });
    expect(h.ui.menus).toHaveLength(1);
    expect(h.ui.menus[0].addon).toBe(true);
    expect(items(h)).toEqual(['menuSetUpCycle', 'menuOpenSidebar', '—', 'menuNewWeekly', 'menuApplyCheckIn', '—', 'menuNewReview', 'menuNewRetrospective', '—', 'menuImportOkrs', 'menuStartNextCycle', '—', 'menuRefreshDashboard', 'menuOpenPortfolio', 'menuRollUpTeams']);
    expect(entries(h)[0].caption).toBe('Neuen Zyklus anlegen…');
    for (const item of entries(h)) if (item.functionName) expect(typeof bundle[item.functionName]).toBe('function');
  });

  it('builds the menu on install too', () => {
    const { h, bundle } = addOn();
    h.setAuthMode('FULL');
    bundle.onInstall({ authMode: h.globals.ScriptApp.AuthMode.FULL });
    expect(items(h)[0]).toBe('menuSetUpCycle');
  });

  it('sets up a cycle from one prompt, explaining a bad answer first', () => {
    const { h, bundle } = addOn();
    h.ui.queuePrompt('Summer; Sales');
    h.ui.queuePrompt('Q1 2027; Sales, Marketing, IT, HR');
    bundle.menuSetUpCycle();
    const prompts = h.ui.dialogs.filter((d: any) => d.kind === 'prompt');
    expect(prompts[1].title).toBe('The cycle was not set up');
    expect(prompts[1].prompt).toContain('Give start and end dates');
    expect(h.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['OKRs', 'Settings', 'Tactics', 'Sheet1']);
    expect(h.spreadsheet.getSheetByName('Settings')!.getRange('B2:B4').getDisplayValues().flat()).toEqual(['Q1 2027', '2027-01-01', '2027-03-31']);
    expect(h.ui.toasts[0].message).toContain('Cycle "Q1 2027" is set up for 4 team(s)');
  });

  it('cancelling the prompt changes nothing', () => {
    const { h, bundle } = addOn();
    h.ui.queuePrompt('', 'CANCEL');
    bundle.menuSetUpCycle();
    expect(h.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  it('a second set-up says a register exists and overwrites nothing', () => {
    const { h, bundle } = addOn();
    h.ui.queuePrompt('Q1 2027; Sales');
    bundle.menuSetUpCycle();
    h.spreadsheet.getSheetByName('OKRs')!.getRange('A2:B2').setValues([['O-1', 'Customers love us']]);
    h.ui.queuePrompt('Q2 2027; IT');
    bundle.menuSetUpCycle();
    const alert = h.ui.dialogs.filter((d: any) => d.kind === 'alert').pop()!;
    expect(alert.prompt).toContain('already has a cycle register ("OKRs"). Nothing was overwritten.');
    expect(h.spreadsheet.getSheetByName('Settings')!.getRange('B2').getValue()).toBe('Q1 2027');
    expect(h.spreadsheet.getSheetByName('OKRs')!.getRange('B2').getValue()).toBe('Customers love us');
  });

  it('opens the 300 px sidebar, and tells where there is no cycle yet', () => {
    const { h, bundle } = addOn();
    bundle.menuOpenSidebar();
    expect(h.ui.sidebars).toHaveLength(1);
    expect(h.ui.sidebars[0].title).toBe('OKR: write objectives');
    expect(h.ui.sidebars[0].html).toContain('<script>');
    expect(() => bundle.sidebarBootstrap()).toThrow('There is no OKR cycle in this spreadsheet yet');
  });

  it('custom functions work in CUSTOM_FUNCTION mode, where only reads are allowed', () => {
    const { h } = addOn('de_DE');
    const sheet = h.spreadsheet.getActiveSheet();
    sheet.getRange('A1:C3').setValues([[0, 10, 5], [8, 5, 6.5], [1, 2, 'viel']]);
    sheet.getRange('D1').setFormula('=OKR_SCORE(A1:A2,B1:B2,C1:C2)');
    sheet.getRange('E1').setFormula('=OKR_ATTAINMENT(D1:D2,"ambitioniert")');
    sheet.getRange('F1').setFormula('=OKR_SCORE(A3,B3,C3)');
    expect(sheet.getRange('D1:E2').getValues()).toEqual([[0.5, 'teilweise'], [0.5, 'teilweise']]);
    expect(sheet.getRange('F1').getValue()).toBe('#ERROR!');
    expect(h.errorMessage(sheet.getName(), 'F1')).toBe('OKR_SCORE: current ist "viel", keine Zahl.');
  });

  it('OKR_CALIBRATION fills a column from rows of past scores in CUSTOM_FUNCTION mode, naming a bad cell', () => {
    const { h } = addOn('de_DE');
    const sheet = h.spreadsheet.getActiveSheet();
    sheet.getRange('A1:D4').setValues([
      [0.5, 1, 1, 'Roofshot'],
      [0.2, 0.1, '', 'Moonshot'],
      [0.9, '', '', 'Moonshot'],
      [0.2, 0.1, 0.2, 'Roofshot'],
    ]);
    sheet.getRange('E1').setFormula('=OKR_CALIBRATION(A1:C4,D1:D4)');
    expect(sheet.getRange('E1:E4').getValues().flat()).toEqual(['zu niedrig gesetzt?', 'zu hoch gesetzt?', '', 'ok']);
    sheet.getRange('B2').setValue('viel');
    expect(sheet.getRange('E1').getValue()).toBe('#ERROR!');
    expect(h.errorMessage(sheet.getName(), 'E1')).toBe('OKR_CALIBRATION: scores in Zeile 2, Spalte 2 ist "viel", keine Zahl.');
  });

  it('refreshes the dashboard from the menu: created, then current', () => {
    const { h, bundle } = addOn();
    h.ui.queuePrompt('Q1 2027; Sales, IT');
    bundle.menuSetUpCycle();
    h.spreadsheet.getSheetByName('OKRs')!.getRange('A2:F2').setValues([['O-1', 'Customers love us', 'Sales', 'Roofshot', '', 'KR-1']]);
    bundle.menuRefreshDashboard();
    expect(h.ui.toasts.pop()!.message).toContain('"Dashboard" is ready: 2 team(s), 1 objective(s).');
    expect(h.spreadsheet.getSheetByName('Dashboard')!.getCharts()).toHaveLength(2);
    bundle.menuRefreshDashboard();
    expect(h.ui.toasts.pop()!.message).toContain('"Dashboard" is current');
    bundle.menuOpenPortfolio();
    expect(h.spreadsheet.getActiveSheet().getName()).toBe('Portfolio');
  });

  it('an unexpected failure ends in a message, not an unexplained error', () => {
    const { h, bundle } = addOn();
    h.ui.queuePrompt('Q1 2027; Sales');
    h.holdLock('document', 'user-b');
    bundle.menuSetUpCycle();
    expect(h.ui.dialogs.filter((d: any) => d.kind === 'alert').pop()!.prompt).toContain('Someone else is changing the OKR sheets right now');
    h.releaseLock('document');
  });
});
