import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { createAppsScript } from '../appsScript';
import { loadAddon } from '../loadAddon';

describe('globals in a node:vm context', () => {
  it('serves code from another realm (arrays, Dates, errors)', () => {
    const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z') });
    const context = vm.createContext(h.globals);
    vm.runInContext(
      `
      function writeRows() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('KRs');
        sheet.getRange(1, 1, 2, 3).setValues([['a', new Date(Date.UTC(2026, 9, 1)), '=B1+1'], ['50%', 'TRUE', "'=x"]]);
        return sheet.getRange(1, 1, 2, 3).getValues();
      }
      function HALF(x) {
        if (typeof x !== 'number') throw new Error('HALF: not a number');
        return x / 2;
      }`,
      context,
    );
    const values = vm.runInContext('writeRows()', context);
    expect(values[0][0]).toBe('a');
    expect(Object.prototype.toString.call(values[0][1])).toBe('[object Date]');
    expect(values[1]).toEqual([0.5, true, '=x']);
    h.registerCustomFunctions({ HALF: (context as unknown as { HALF: (x: unknown) => unknown }).HALF });
    const sheet = h.spreadsheet.getSheetByName('KRs')!;
    sheet.getRange('D1:D2').setFormulas([['=HALF(4)'], ['=HALF(A1)']]);
    expect(sheet.getRange('D1:D2').getValues()).toEqual([[2], ['#ERROR!']]);
    expect(h.errorMessage('KRs', 'D2')).toBe('HALF: not a number');
  });

  const bundle = join(__dirname, '../../dist/Code.js');
  (existsSync(bundle) ? it : it.skip)('runs the built bundle: menu in AuthMode.NONE, custom functions in cells', () => {
    const { harness: h, bundle: context } = loadAddon({ now: new Date('2026-11-24T10:00:00Z') });
    h.setAuthMode('NONE');
    context.onOpen({ authMode: h.globals.ScriptApp.AuthMode.NONE });
    expect(h.ui.menus).toHaveLength(1);
    expect(h.ui.menus[0].addon).toBe(true);
    h.setAuthMode('LIMITED');
    const sheet = h.spreadsheet.getActiveSheet();
    sheet.getRange('A1:C2').setValues([
      [0, 10, 5],
      [0, 10, 20],
    ]);
    sheet.getRange('D1').setFormula('=OKR_SCORE(A1:A2,B1:B2,C1:C2)');
    expect(sheet.getRange('D1:D2').getValues()).toEqual([[0.5], [1]]);
  });
});
