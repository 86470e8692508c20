/** Strict rules: the 10,000,000-cell limit (new sheets, inserted rows and columns), no deleting all non-frozen rows or columns, and a chart anchored outside the grid fails loudly (Google's reference does not define it). */
import { createAppsScript } from '../appsScript';
import { cellCount } from '../limits';

const LIMIT = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

describe('the cell limit', () => {
  it('counts every row times every column and refuses what would pass 10,000,000', () => {
    const h = createAppsScript();
    const ss = h.globals.SpreadsheetApp.getActiveSpreadsheet();
    const first = ss.getActiveSheet();
    expect(cellCount(h.spreadsheet.sheets)).toBe(26_000);
    first.insertRowsAfter(1000, 383_000); // 384,000 x 26 = 9,984,000
    expect(cellCount(h.spreadsheet.sheets)).toBe(9_984_000);
    expect(() => ss.insertSheet('One more')).toThrow(LIMIT); // + 26,000
    expect(() => first.insertColumnsAfter(26, 1)).toThrow(LIMIT); // + 384,000
    expect(() => first.insertRowsAfter(1, 616)).toThrow(LIMIT); // + 16,016
    first.insertRowsAfter(1, 615); // exactly 10,000,000... minus 10
    expect(cellCount(h.spreadsheet.sheets)).toBe(9_999_990);
    first.deleteRows(2, 1000);
    const small = ss.insertSheet('Fits again');
    expect(small.getMaxRows() * small.getMaxColumns()).toBe(26_000);
  });
});

describe('deleting rows and columns', () => {
  it('refuses to delete all non-frozen rows or columns', () => {
    const h = createAppsScript();
    const sheet = h.globals.SpreadsheetApp.getActiveSheet();
    sheet.setFrozenRows(2);
    expect(() => sheet.deleteRows(3, 998)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.deleteRows(3, 997);
    expect(sheet.getMaxRows()).toBe(3);
    sheet.setFrozenColumns(1);
    expect(() => sheet.deleteColumns(2, 25)).toThrow('Sorry, it is not possible to delete all non-frozen columns.');
    sheet.deleteColumns(2, 24);
    expect(sheet.getMaxColumns()).toBe(2);
  });
});

describe('charts', () => {
  it('a chart anchored outside the grid fails loudly', () => {
    const h = createAppsScript();
    const sheet = h.globals.SpreadsheetApp.getActiveSheet();
    sheet.deleteColumns(6, 21);
    const chart = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B3')).setPosition(1, 7, 0, 0).build();
    expect(() => sheet.insertChart(chart)).toThrow("Emulator: chart anchored at row 1, column 7, outside the 1000 x 5 grid");
    sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B3')).setPosition(1, 5, 0, 0).build());
    expect(sheet.getCharts()).toHaveLength(1);
  });
});
