/**
 * Authorization modes, through the built bundle over the in-memory workbook,
 * which throws "You do not have permission to call ..." for any method the
 * mode forbids: onOpen in NONE, LIMITED and FULL (also in a spreadsheet that
 * has a cycle), and every custom function, with single values and with
 * ranges, in CUSTOM_FUNCTION mode, where only reads are allowed.
 */
import { loadAddon } from '../../emulator/loadAddon';

function addOn(locale: string) {
  const { harness: h, bundle } = loadAddon({ locale, userLocale: locale.slice(0, 2) });
  return { h, bundle };
}

describe.each(['en_US', 'de_DE'])('in %s', (locale) => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)('onOpen in AuthMode.%s calls nothing the mode forbids, with and without a cycle', (mode) => {
    const { h, bundle } = addOn(locale);
    h.ui.queuePrompt('Q4 2026; Sales, IT');
    bundle.menuSetUpCycle();
    for (const withCycle of [true, false]) {
      if (!withCycle) h.spreadsheet.deleteSheet(h.spreadsheet.getSheetByName('OKRs')!);
      h.ui.menus.length = 0;
      h.setAuthMode(mode);
      expect(() => bundle.onOpen({ authMode: h.globals.ScriptApp.AuthMode[mode] })).not.toThrow();
      h.setAuthMode('FULL');
      expect(h.ui.menus).toHaveLength(1);
      expect(h.ui.menus[0].items.length).toBeGreaterThan(5);
    }
  });

  it('every custom function, with single values and ranges, only reads in CUSTOM_FUNCTION mode', () => {
    const { h } = addOn(locale);
    const sheet = h.spreadsheet.getActiveSheet();
    sheet.getRange('A1:D3').setValues([
      [0, 10, 5, 'increase'],
      [100, 50, 75, ''],
      [0, 1, 1, 'milestone'],
    ]);
    sheet.getRange('F1:F2').setValues([[new Date(2026, 9, 1)], [new Date(2026, 11, 31)]]);
    const formulas: [string, string][] = [
      ['H1', '=OKR_SCORE(A1:A3,B1:B3,C1:C3,D1:D3)'],
      ['I1', '=OKR_SCORE(A1,B1,C1)'],
      ['J1', '=OKR_OBJECTIVE_SCORE(H1:H3)'],
      ['J2', '=OKR_OBJECTIVE_SCORE(H1:H3,{1;2;1})'],
      ['K1', '=OKR_ATTAINMENT(H1:H3,"moonshot")'],
      ['L1', '=OKR_ATTAINMENT(0.5,"roofshot",0.5)'],
      ['M1', '=OKR_PACE(H1:H3,F1,F2)'],
      ['N1', '=OKR_PACE(0.9,F1,F2,F2,"moonshot")'],
    ];
    for (const [a1, formula] of formulas) sheet.getRange(a1).setFormula(formula);
    const values = sheet.getRange('H1:N3').getValues();
    for (const [a1] of formulas) expect({ a1, error: h.errorMessage(sheet.getName(), a1) }).toEqual({ a1, error: null });
    expect(values.map((line) => line[0])).toEqual([0.5, 0.5, 1]);
    expect(typeof values[0][2]).toBe('number');
    expect(values.flat().some((v) => typeof v === 'string' && /permission/i.test(v))).toBe(false);
    expect(h.logs.join('\n')).not.toMatch(/permission/i);
  });
});
