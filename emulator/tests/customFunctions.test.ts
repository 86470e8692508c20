/** Strict rule: custom functions get no volatile arguments (NOW, TODAY, RAND, RANDBETWEEN); Sheets leaves such a cell at "Loading...". */
import { createAppsScript } from '../appsScript';

describe('custom functions with volatile arguments', () => {
  function sheetWith(formulas: string[]) {
    const h = createAppsScript({ now: new Date('2026-11-24T09:00:00Z') });
    let calls = 0;
    h.registerCustomFunctions({ DAYS_LEFT: (end: unknown, today: unknown) => (calls++, (Number(end) - Number(today)) / 864e5) });
    const sheet = h.spreadsheet.getActiveSheet();
    sheet.getRange('A1').setValue('2026-12-31');
    sheet.getRange('B1').setFormula('=TODAY()');
    sheet.getRange(2, 1, formulas.length, 1).setFormulas(formulas.map((f) => [f]));
    return { sheet, calls: () => calls };
  }

  it.each(['=DAYS_LEFT(A1, TODAY())', '=DAYS_LEFT(A1, NOW())', '=days_left(A1, RAND())', '=DAYS_LEFT(A1, RANDBETWEEN(1, 9))', '=1+DAYS_LEFT(A1, IF(TRUE, TODAY(), 0))'])(
    '%s shows "Loading..." and the function is never called',
    (formula) => {
      const { sheet, calls } = sheetWith([formula]);
      expect(sheet.getRange('A2').getValue()).toBe('Loading...');
      expect(sheet.getRange('A2').getDisplayValue()).toBe('Loading...');
      expect(calls()).toBe(0);
    },
  );

  it('a reference to a cell holding TODAY(), or TODAY() outside the call, is allowed', () => {
    const { sheet, calls } = sheetWith(['=DAYS_LEFT(A1, B1)', '=TODAY()-DAYS_LEFT(A1, A1)', '=DAYS_LEFT(A1, "TODAY()")']);
    expect(sheet.getRange('A2').getValue()).not.toBe('Loading...');
    expect(sheet.getRange('A3').getValue()).not.toBe('Loading...');
    expect(sheet.getRange('A4').getValue()).not.toBe('Loading...');
    expect(calls()).toBe(3);
  });
});
