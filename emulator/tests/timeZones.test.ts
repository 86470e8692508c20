/** Strict rule: the spreadsheet's time zone and the script's are separate; the bundle runs in the manifest's zone whatever the process's TZ. */
import vm from 'node:vm';
import { loadAddon } from '../loadAddon';
import { manifestTimeZone } from '../scriptClock';

const run = (addon: ReturnType<typeof loadAddon>, code: string): unknown => vm.runInContext(code, addon.bundle as unknown as vm.Context);

describe('time zones: spreadsheet and script', () => {
  it('Session.getScriptTimeZone is the manifest\'s, getSpreadsheetTimeZone the spreadsheet\'s', () => {
    expect(manifestTimeZone()).toBe('Europe/Berlin');
    const addon = loadAddon({ timeZone: 'America/Los_Angeles' });
    expect(run(addon, 'Session.getScriptTimeZone()')).toBe('Europe/Berlin');
    expect(run(addon, 'SpreadsheetApp.getActive().getSpreadsheetTimeZone()')).toBe('America/Los_Angeles');
  });

  it('the bundle\'s Date keeps local time in the script\'s zone, whatever process.env.TZ is', () => {
    const addon = loadAddon({ timeZone: 'Asia/Tokyo', now: new Date('2026-11-24T23:30:00Z') });
    // 23:30 UTC is 00:30 on the 25th in Berlin (winter, UTC+1).
    expect(run(addon, 'var d = new Date(); [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getDay(), d.getTimezoneOffset()]')).toEqual([2026, 10, 25, 0, 30, 3, -60]);
    expect(run(addon, 'new Date(2026, 6, 1).toISOString()')).toBe('2026-06-30T22:00:00.000Z'); // summer: UTC+2
    expect(run(addon, 'new Date(2026, 0, 1).getTime() === Date.parse("2026-01-01T00:00:00")')).toBe(true);
    expect(run(addon, 'Date.parse("2026-01-01")')).toBe(Date.UTC(2026, 0, 1)); // a date-only ISO string is UTC, as in V8
    expect(run(addon, 'var d = new Date(2026, 2, 28, 12); d.setDate(d.getDate() + 1); d.getHours()')).toBe(12); // across the switch to summer time
    expect(run(addon, 'String(new Date(2026, 10, 24, 9))')).toBe('Tue Nov 24 2026 09:00:00 GMT+0100 (Europe/Berlin)');
    expect(run(addon, 'Date.now()')).toBe(Date.parse('2026-11-24T23:30:00Z'));
  });

  it('a date typed into a cell is midnight in the spreadsheet\'s zone, and the bundle receives its own Date', () => {
    for (const [zone, iso] of [
      ['Europe/Berlin', '2026-11-23T23:00:00.000Z'],
      ['America/Los_Angeles', '2026-11-24T08:00:00.000Z'],
      ['Asia/Tokyo', '2026-11-23T15:00:00.000Z'],
    ]) {
      const addon = loadAddon({ timeZone: zone });
      addon.harness.spreadsheet.getActiveSheet().getRange('A1').setValue('2026-11-24');
      expect(run(addon, 'var v = SpreadsheetApp.getActive().getActiveSheet().getRange("A1").getValue(); [v instanceof Date, v.toISOString()]')).toEqual([true, iso]);
      expect(run(addon, 'SpreadsheetApp.getActive().getActiveSheet().getRange("A1:A1").getValues()[0][0] instanceof Date')).toBe(true);
    }
  });

  it('a Date the script writes is the instant it names: midnight in Berlin shows the day before in Los Angeles', () => {
    const addon = loadAddon({ timeZone: 'America/Los_Angeles' });
    run(addon, 'SpreadsheetApp.getActive().getActiveSheet().getRange("A1").setValue(new Date(2026, 10, 24))');
    expect(addon.harness.spreadsheet.getActiveSheet().getRange('A1').getDisplayValue()).toBe('2026-11-23');
  });
});
