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

describe('number formats with sections (positive;negative;zero;text), as Sheets shows them', () => {
  const shown = (locale: string, values: unknown[], format: string) => {
    const sheet = createAppsScript({ locale }).globals.SpreadsheetApp.getActiveSheet();
    const r = sheet.getRange(1, 1, 1, values.length);
    r.setValues([values]);
    r.setNumberFormat(format);
    return r.getDisplayValues()[0];
  };

  it('uses the negative section without a minus of its own: the weekly change column shows -3, not +-3', () => {
    expect(shown('en_US', [3, -3, 0, 2.5, -0.25], '+#,##0.##;-#,##0.##;0')).toEqual(['+3', '-3', '0', '+2.5', '-0.25']);
    expect(shown('de_DE', [1500.5, -1500.5, 0], '+#,##0.##;-#,##0.##;0')).toEqual(['+1.500,5', '-1.500,5', '0']);
  });

  it('two sections: the first for positive numbers and zero, the second for negative ones (accounting brackets)', () => {
    expect(shown('en_US', [1234.5, -1234.5, 0], '#,##0.00;(#,##0.00)')).toEqual(['1,234.50', '(1,234.50)', '0.00']);
  });

  it('a zero section with text, quoted literals, escapes, colours and a text section', () => {
    expect(shown('en_US', [0, 5, -5, 'n/a'], '0" pts";[Red]-0" pts";"none";"text: "@')).toEqual(['none', '5 pts', '-5 pts', 'text: n/a']);
    expect(shown('en_US', [0.5, -0.25], '0%;\\-0%')).toEqual(['50%', '-25%']);
  });

  it('one section keeps the minus sign; text without a text section stays as typed', () => {
    expect(shown('en_US', [-3, 'abc'], '#,##0.##')).toEqual(['-3', 'abc']);
  });
});
