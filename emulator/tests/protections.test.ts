/** Strict rule: protections with editors. canEdit() is false for users not listed (the owner always can); then changing, removing or writing under the protection throws with Sheets' message. Warning-only protections let everyone edit. */
import { createAppsScript } from '../appsScript';
import { PROTECTED_MESSAGE } from '../common';

function setUp() {
  const h = createAppsScript();
  const ss = h.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  return { h, ss, sheet };
}

describe('protections', () => {
  it('a new protection mirrors the spreadsheet: everyone may edit until editors are removed', () => {
    const { h, sheet } = setUp();
    const protection = sheet.getRange('A1:B2').protect();
    expect(h.asUser('user-b', () => protection.canEdit())).toBe(true);
    protection.removeEditors(protection.getEditors());
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com']);
    expect(protection.canEdit()).toBe(true); // the owner always can
    expect(h.asUser('user-b', () => protection.canEdit())).toBe(false);
    protection.addEditor('user-b@example.com');
    expect(h.asUser('user-b', () => protection.canEdit())).toBe(true);
  });

  it('a user not listed cannot write into covered cells, change or remove the protection', () => {
    const { h, sheet } = setUp();
    const protection = sheet.getRange('A1:B2').protect().setDescription('Budget');
    protection.removeEditors(protection.getEditors());
    h.asUser('user-b', () => {
      expect(() => sheet.getRange('B2').setValue(1)).toThrow(PROTECTED_MESSAGE);
      expect(() => sheet.getRange('A1:C3').setValues([[1, 2, 3], [4, 5, 6], [7, 8, 9]])).toThrow(PROTECTED_MESSAGE);
      expect(() => sheet.getRange('A1').setNumberFormat('0%')).toThrow(PROTECTED_MESSAGE);
      expect(() => protection.remove()).toThrow(PROTECTED_MESSAGE);
      expect(() => protection.setRange(sheet.getRange('D1'))).toThrow(PROTECTED_MESSAGE);
      expect(() => protection.setDescription('mine')).toThrow(PROTECTED_MESSAGE);
      sheet.getRange('C3').setValue('outside'); // not covered
    });
    expect(sheet.getRange('C3').getValue()).toBe('outside');
    sheet.getRange('A1').setValue('owner'); // the owner always can
    expect(sheet.getRange('A1').getValue()).toBe('owner');
    protection.remove();
    expect(sheet.getProtections(h.globals.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });

  it('a sheet protection covers all but its unprotected ranges', () => {
    const { h, sheet } = setUp();
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors());
    protection.setUnprotectedRanges([sheet.getRange('C1:C10')]);
    h.asUser('user-b', () => {
      expect(() => sheet.getRange('A5').setValue(1)).toThrow(PROTECTED_MESSAGE);
      sheet.getRange('C5').setValue(2);
    });
    expect(sheet.getRange('C5').getValue()).toBe(2);
  });

  it('a warning-only protection lets everyone edit, and has no editors', () => {
    const { h, sheet } = setUp();
    const protection = sheet.getRange('A1:B2').protect().setWarningOnly(true);
    h.asUser('user-b', () => {
      expect(protection.canEdit()).toBe(true);
      sheet.getRange('A1').setValue('typed through the warning');
      protection.remove();
    });
    expect(sheet.getRange('A1').getValue()).toBe('typed through the warning');
    const other = sheet.getRange('D1').protect().setWarningOnly(true);
    expect(() => other.addEditor('user-b@example.com')).toThrow('Editors are not supported with warning-only protection.');
  });
});
