/** Filters: one per sheet, criteria hide rows (never the header), remove shows them again, the filter follows structural edits and snapshots. */
import { createAppsScript } from '../appsScript';
import { takeSnapshot, restoreSnapshot } from '../snapshot';

function setup() {
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z') });
  const app = h.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  sheet.getRange('A1:C6').setValues([
    ['Team', 'Key result', 'Fortschritt'],
    ['Vertrieb', 'Umsatz steigern', 0.5],
    ['Marketing', 'Leads verdoppeln', 0.2],
    ['Vertrieb', 'Neukunden gewinnen', 0.9],
    ['Produkt', 'NPS erhöhen', ''],
    ['Marketing', 'Website relaunchen', 0.7],
  ]);
  return { h, app, ss, sheet };
}

const hiddenRows = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => [1, 2, 3, 4, 5, 6].filter((r) => sheet.isRowHiddenByFilter(r));

describe('filters', () => {
  it('a sheet has at most one filter; Sheet.getFilter and Range.getFilter return it', () => {
    const { sheet } = setup();
    expect(sheet.getFilter()).toBeNull();
    const filter = sheet.getRange('A1:C6').createFilter();
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A1:C6');
    expect(sheet.getRange('B2').getFilter()!.getRange().getA1Notation()).toBe('A1:C6');
    expect(() => sheet.getRange('A1:B3').createFilter()).toThrow("You can't create a filter in a sheet that already has a filter.");
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
  });

  it('hidden values hide the rows that show them; the header row stays; values are still read', () => {
    const { app, sheet } = setup();
    const filter = sheet.getRange('A1:C6').createFilter();
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().setHiddenValues(['Marketing']).build());
    expect(hiddenRows(sheet)).toEqual([3, 6]);
    expect(sheet.isRowHiddenByUser(3)).toBe(false);
    expect(sheet.getRange('B3').getValue()).toBe('Leads verdoppeln');
    expect(filter.getColumnFilterCriteria(1)!.getHiddenValues()).toEqual(['Marketing']);
  });

  it('condition criteria: numbers, text, empty cells; several columns combine', () => {
    const { app, sheet } = setup();
    const filter = sheet.getRange('A1:C6').createFilter();
    filter.setColumnFilterCriteria(3, app.newFilterCriteria().whenNumberGreaterThanOrEqualTo(0.5).build());
    expect(hiddenRows(sheet)).toEqual([3, 5]);
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().whenTextEqualTo('vertrieb').build());
    expect(hiddenRows(sheet)).toEqual([3, 5, 6]);
    filter.removeColumnFilterCriteria(3);
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().whenTextContains('ing').build());
    expect(hiddenRows(sheet)).toEqual([2, 4, 5]);
    filter.setColumnFilterCriteria(1, null);
    filter.setColumnFilterCriteria(3, app.newFilterCriteria().whenCellEmpty().build());
    expect(hiddenRows(sheet)).toEqual([2, 3, 4, 6]);
    expect(() => filter.setColumnFilterCriteria(5, app.newFilterCriteria().whenCellEmpty().build())).toThrow("outside the filter's range");
  });

  it('remove shows every filtered row again; a removed filter refuses further use', () => {
    const { app, sheet } = setup();
    const filter = sheet.getRange('A1:C6').createFilter();
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().setVisibleValues(['Produkt']).build());
    expect(hiddenRows(sheet)).toEqual([2, 3, 4, 6]);
    filter.remove();
    expect(hiddenRows(sheet)).toEqual([]);
    expect(() => filter.getRange()).toThrow('This filter has been removed.');
  });

  it('Filter.sort sorts the rows below the header', () => {
    const { sheet } = setup();
    const filter = sheet.getRange('A1:C6').createFilter();
    filter.sort(3, false);
    expect(sheet.getRange('C1:C6').getValues().map((r) => r[0])).toEqual(['Fortschritt', 0.9, 0.7, 0.5, 0.2, '']);
  });

  it('the filter range, its criteria and its hidden rows follow inserted rows and columns; deleting its columns removes it', () => {
    const { app, sheet } = setup();
    const filter = sheet.getRange('A1:C6').createFilter();
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().setHiddenValues(['Marketing']).build());
    sheet.insertColumnsBefore(1, 1);
    sheet.insertRowsBefore(2, 1);
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('B1:D7');
    expect(sheet.getFilter()!.getColumnFilterCriteria(2)!.getHiddenValues()).toEqual(['Marketing']);
    expect([1, 2, 3, 4, 5, 6, 7].filter((r) => sheet.isRowHiddenByFilter(r))).toEqual([4, 7]);
    sheet.deleteColumns(2, 3);
    expect(sheet.getFilter()).toBeNull();
  });

  it('survives a snapshot, with the sheet\'s merges', () => {
    const { app, h, sheet } = setup();
    sheet.getRange('E1:F2').merge();
    sheet.getRange('A1:C6').createFilter().setColumnFilterCriteria(1, app.newFilterCriteria().setHiddenValues(['Marketing']).build());
    const copy = createAppsScript();
    restoreSnapshot(copy.spreadsheet, JSON.parse(JSON.stringify(takeSnapshot(h.spreadsheet))));
    const twin = copy.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    expect(twin.getFilter()!.getRange().getA1Notation()).toBe('A1:C6');
    expect(twin.getFilter()!.getColumnFilterCriteria(1)!.getHiddenValues()).toEqual(['Marketing']);
    expect([1, 2, 3, 4, 5, 6].filter((r) => twin.isRowHiddenByFilter(r))).toEqual([3, 6]);
    expect(twin.getRange('E1').getMergedRanges().map((m) => m.getA1Notation())).toEqual(['E1:F2']);
  });
});
