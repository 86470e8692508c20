import { createAppsScript } from '../appsScript';

describe('display values', () => {
  it('applies common number formats', () => {
    const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z') });
    const sheet = h.globals.SpreadsheetApp.getActiveSheet();
    const r = sheet.getRange('A1:G1');
    r.setValues([[0.256, 0.256, 3.14159, 2.5, 1234567, '2026-10-01', '2026-10-01']]);
    r.setNumberFormats([['0%', '0.0%', '0.00', '0', '#,##0', 'yyyy-mm-dd', 'dd.mm.yyyy']]);
    expect(r.getDisplayValues()).toEqual([['26%', '25.6%', '3.14', '3', '1,234,567', '2026-10-01', '01.10.2026']]);
    sheet.getRange('A2:C2').setValues([[true, 'text', 1 / 3]]);
    expect(sheet.getRange('A2:C2').getDisplayValues()).toEqual([['TRUE', 'text', '0.3333333333']]);
  });

  it('uses a decimal comma in German spreadsheets', () => {
    const h = createAppsScript({ locale: 'de_DE' });
    const sheet = h.globals.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:B1').setValues([['3,5', '1.10.2026']]);
    expect(sheet.getRange('A1').getValue()).toBe(3.5);
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3,50');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('01.10.2026');
  });

  it('shows optional decimals (#) only when they are not zero', () => {
    for (const [locale, expected] of [
      ['en_US', ['99.5', '99.25', '50,000', '7.6', '0.5']],
      ['de_DE', ['99,5', '99,25', '50.000', '7,6', '0,5']],
    ] as const) {
      const sheet = createAppsScript({ locale }).globals.SpreadsheetApp.getActiveSheet();
      const r = sheet.getRange('A1:E1');
      r.setValues([[99.5, 99.249, 50000, 7.6, 0.5]]);
      r.setNumberFormats([['#,##0.##', '#,##0.##', '#,##0.##', '0.0#', '0.##']]);
      expect(r.getDisplayValues()).toEqual([[...expected.slice(0, 3), locale === 'en_US' ? '7.6' : '7,6', expected[4]]]);
    }
  });
});
