/** Where Google's reference is silent the emulator fails loudly; the add-on does not rely on those cases. */
import { loadAddon } from '../../emulator/loadAddon';

describe('the add-on avoids what the reference leaves open', () => {
  it('a second set-up after the register was renamed and Settings and Tactics deleted moves the named ranges with NamedRange.setRange', () => {
    const { harness: h, bundle } = loadAddon();
    h.ui.queuePrompt('Q4 2026; Sales, IT');
    bundle.menuSetUpCycle();
    h.spreadsheet.getSheetByName('OKRs')!.setName('Old OKRs');
    h.spreadsheet.deleteSheet(h.spreadsheet.getSheetByName('Settings')!);
    h.spreadsheet.deleteSheet(h.spreadsheet.getSheetByName('Tactics')!);
    h.ui.queuePrompt('Q1 2027; Sales');
    bundle.menuSetUpCycle();
    expect(h.logs.join('\n')).not.toMatch(/Emulator:/);
    const names = h.spreadsheet.getNamedRanges().filter((n) => n.getName() === 'OKR_KR_IDS');
    expect(names).toHaveLength(1);
    expect(names[0].getRange().getSheet().getName()).toBe('OKRs');
  });

  it('a trimmed dashboard grows to hold its charts', () => {
    const { harness: h, bundle } = loadAddon();
    h.ui.queuePrompt('Q1 2027; Sales, IT');
    bundle.menuSetUpCycle();
    h.spreadsheet.getSheetByName('OKRs')!.getRange('A2:F2').setValues([['O-1', 'Customers love us', 'Sales', 'Roofshot', '', 'KR-1']]);
    bundle.menuRefreshDashboard();
    const dashboard = h.spreadsheet.getSheetByName('Dashboard')!;
    expect(dashboard.getCharts()).toHaveLength(2);
    expect(dashboard.getMaxRows() * dashboard.getMaxColumns()).toBeLessThan(1000 * 26);
  });
});
