/** The dashboard's rebuild removes only the add-on's own warning protections, and only where canEdit() allows: other people's stay. */
import { loadAddon } from '../../emulator/loadAddon';

function withDashboard() {
  const addon = loadAddon();
  const { harness: h, bundle } = addon;
  h.ui.queuePrompt('Q1 2027; Sales, IT');
  bundle.menuSetUpCycle();
  h.spreadsheet.getSheetByName('OKRs')!.getRange('A2:F2').setValues([['O-1', 'Customers love us', 'Sales', 'Roofshot', '', 'KR-1']]);
  bundle.menuRefreshDashboard();
  return addon;
}

const RANGE = 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;

describe('protections on a rebuilt dashboard', () => {
  it("keeps the owner's protections (with editors, or a description of their own) and renews its own warning", () => {
    const { harness: h, bundle } = withDashboard();
    const dashboard = h.spreadsheet.getSheetByName('Dashboard')!;
    const ownerOnly = dashboard.getRange('A1:A3').protect().setDescription('Only the owner edits the title');
    ownerOnly.removeEditors(ownerOnly.getEditors());
    dashboard.getRange('B1').protect().setWarningOnly(true).setDescription('Ask Maria first');
    h.ui.toasts.length = 0;
    h.spreadsheet.getSheetByName('OKRs')!.getRange('A3:F3').setValues([['O-2', 'Faster support', 'IT', 'Roofshot', '', 'KR-2']]);
    bundle.menuRefreshDashboard();
    const descriptions = dashboard.getProtections(RANGE).map((p) => p.getDescription()).sort();
    expect(descriptions).toEqual(['Ask Maria first', 'OKR for Sheets: computed cells', 'Only the owner edits the title']);
  });

  it('another editor rebuilds it too: the warning-only protection of the add-on is theirs to renew', () => {
    const addon = withDashboard();
    addon.harness.lockState.currentUser = 'user-b';
    addon.harness.spreadsheet.getSheetByName('OKRs')!.getRange('A3:F3').setValues([['O-2', 'Faster support', 'IT', 'Roofshot', '', 'KR-2']]);
    addon.bundle.menuRefreshDashboard();
    expect(addon.harness.ui.toasts.pop()!.message).toContain('"Dashboard" was rebuilt for 2 teams, 2 objectives');
    expect(addon.harness.spreadsheet.getSheetByName('Dashboard')!.getProtections(RANGE)).toHaveLength(1);
  });
});
