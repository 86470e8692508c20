/**
 * takeSnapshot / restoreSnapshot: a workbook made through the bundle survives
 * JSON and comes back with the same display values, colours, validations,
 * protections and named ranges; restoring works in place (the bundle keeps
 * running on the same harness).
 */
import { takeSnapshot, restoreSnapshot } from '../snapshot';
import { createAppsScript } from '../appsScript';
import { realisticSession } from '../../tests/playground/realistic';

describe('workbook snapshots', () => {
  it('round-trips the realistic cycle through JSON', () => {
    const session = realisticSession('de');
    const ss = session.spreadsheet;
    const okrs = ss.getSheetByName('OKRs')!;
    okrs.getRange('K2').setValue("'=not a formula");
    const json = JSON.stringify(takeSnapshot(ss));
    // The same clock: pace formulas read TODAY(), and the copy must not be judged on another day.
    const other = createAppsScript({ locale: 'en_US', now: session.now() });
    restoreSnapshot(other.spreadsheet, JSON.parse(json));
    const copy = other.spreadsheet;
    expect(copy.locale).toBe('de_DE');
    expect(copy.getSheets().map((s) => s.getName())).toEqual(ss.getSheets().map((s) => s.getName()));
    for (const sheet of ss.getSheets()) {
      const twin = copy.getSheetByName(sheet.getName())!;
      const range = `A1:S${Math.max(2, sheet.getLastRow())}`;
      expect(twin.getRange(range).getDisplayValues()).toEqual(sheet.getRange(range).getDisplayValues());
      expect(twin.getRange(range).getFormulas()).toEqual(sheet.getRange(range).getFormulas());
      expect(twin.getRange(range).getNumberFormats()).toEqual(sheet.getRange(range).getNumberFormats());
      expect(twin.getFrozenRows()).toBe(sheet.getFrozenRows());
      expect(twin.getConditionalFormatRules()).toHaveLength(sheet.getConditionalFormatRules().length);
      expect(twin.getProtections('RANGE').map((p) => [p.getRange().getA1Notation(), p.isWarningOnly()])).toEqual(
        sheet.getProtections('RANGE').map((p) => [p.getRange().getA1Notation(), p.isWarningOnly()]),
      );
    }
    expect(copy.getRange('OKRs!K2').getValue()).toBe('=not a formula');
    expect(copy.getRange('OKRs!K2').getFormula()).toBe('');
    expect(other.effectiveBackground('OKRs', 'P3')).toBe(session.harness.effectiveBackground('OKRs', 'P3'));
    expect(copy.getRange('OKRs!C2').getDataValidation()!.getCriteriaType()).toBe('VALUE_IN_RANGE');
    expect(copy.getRange('OKRs!C2').getDataValidation()!.getCriteriaValues()[0].getSheet().getName()).toBe('Einstellungen');
    expect(copy.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual(
      ss.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()]),
    );
    const dateCell = copy.getRange('Einstellungen!B3');
    expect(Object.prototype.toString.call(dateCell.getValue())).toBe('[object Date]');
    expect(dateCell.getDisplayValue()).toBe(ss.getRange('Einstellungen!B3').getDisplayValue());
  });

  it('restores in place, and the bundle keeps working on it', () => {
    const session = realisticSession('en');
    const before = takeSnapshot(session.spreadsheet);
    const outcome = session.runMenu('menuNewWeekly');
    expect(outcome.toasts[0].message).toContain('is ready');
    expect(session.spreadsheet.getSheetByName('Weekly 2026-W48')).not.toBeNull();
    restoreSnapshot(session.spreadsheet, before);
    expect(session.spreadsheet.getSheetByName('Weekly 2026-W48')).toBeNull();
    expect(session.runMenu('menuNewWeekly').toasts[0].message).toContain('is ready');
  });

  it('refuses what is not a snapshot', () => {
    const h = createAppsScript();
    expect(() => restoreSnapshot(h.spreadsheet, { version: 99 } as never)).toThrow('Not a workbook snapshot');
    expect(h.spreadsheet.getSheets()).toHaveLength(1);
  });
});
