/**
 * The cycle in spreadsheets of three time zones, through the built bundle (which runs in the manifest's
 * zone, Europe/Berlin, whatever the process's TZ: CI runs jest in America/New_York). Every date the add-on
 * shows, logs or computes is a day in the spreadsheet's zone.
 */
import { loadAddon } from '../../emulator/loadAddon';
import { REGISTER_COLUMN } from '../../src/core/layout/register';
import { WEEKLY_COLUMN } from '../../src/core/layout/weekly';

const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Auckland'];

/** The instant whose wall clock in `zone` is the given day and time. */
function at(zone: string, iso: string): Date {
  const wall = Date.parse(`${iso}Z`);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const p = Object.fromEntries(f.formatToParts(new Date(guess)).map((x) => [x.type, x.value]));
    guess += wall - Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`);
  }
  return new Date(guess);
}

function cycleIn(zone: string, now: Date) {
  const addon = loadAddon({ timeZone: zone, now });
  addon.harness.ui.queuePrompt('Q4 2026; Sales');
  addon.bundle.menuSetUpCycle();
  const saved = addon.call('sidebarSaveObjective', {
    team: 'Sales',
    title: 'Customers love us',
    goalType: 'roofshot',
    keyResults: [{ title: 'Revenue', kind: 'increase', start: 0, target: 100, current: 10, unit: 'EUR', weight: 1 }],
    tactics: [{ principle: 'Call every customer who left' }],
  }) as { ok: boolean };
  expect(saved.ok).toBe(true);
  return addon;
}

describe.each(ZONES)('a spreadsheet in %s', (zone) => {
  it('sets up Q4 2026 as 2026-10-01 to 2026-12-31, typed dates at midnight there', () => {
    const addon = cycleIn(zone, at(zone, '2026-11-24T09:00:00'));
    const settings = addon.harness.spreadsheet.getSheetByName('Settings')!;
    expect(settings.getRange('B3:B4').getDisplayValues().flat()).toEqual(['2026-10-01', '2026-12-31']);
    expect((settings.getRange('B3').getValue() as Date).getTime()).toBe(at(zone, '2026-10-01T00:00:00').getTime());
    const tactics = addon.harness.spreadsheet.getSheetByName('Tactics')!;
    expect(tactics.getRange(2, 5).getDisplayValue()).toBe('2026-11-24'); // "since": today there
  });

  it('a check-in applied late on the 24th there is of week 48 and logged on the 24th', () => {
    const late = at(zone, '2026-11-24T23:30:00');
    const addon = cycleIn(zone, late);
    addon.bundle.menuNewWeekly();
    const weekly = addon.harness.spreadsheet.getSheetByName('Weekly 2026-W48')!;
    expect(weekly).toBeTruthy();
    const keys = weekly.getRange(1, WEEKLY_COLUMN.key, weekly.getLastRow(), 1).getValues().map((line) => line[0]);
    weekly.getRange(keys.indexOf('kr:KR-1') + 1, WEEKLY_COLUMN.input).setValue(30);
  weekly.getRange(keys.indexOf('kr:KR-1') + 1, WEEKLY_COLUMN.second).setValue(7);
    addon.bundle.menuApplyCheckIn();
    const log = addon.harness.spreadsheet.getSheetByName('Check-in log')!;
    const row = log.getDataRange().getDisplayValues().find((line) => line[2] === 'KR-1')!;
    expect(row[0]).toBe('2026-W48');
    expect(row[row.length - 1]).toBe('2026-11-24');
  });

  it('a Monday just after midnight there is already the new week', () => {
    const addon = cycleIn(zone, at(zone, '2026-11-30T00:15:00'));
    addon.bundle.menuNewWeekly();
    expect(addon.harness.spreadsheet.getSheetByName('Weekly 2026-W49')).toBeTruthy();
  });

  it('a date typed by a person is read on its day: the next cycle starts the day after the typed end', () => {
    const addon = cycleIn(zone, at(zone, '2026-12-30T09:00:00'));
    addon.harness.spreadsheet.getSheetByName('Settings')!.getRange('B4').setValue('2026-12-31'); // typed, not written by the add-on
    addon.harness.ui.queueResponse('YES');
    addon.bundle.menuStartNextCycle();
    const settings = addon.harness.spreadsheet.getSheetByName('Settings')!;
    expect(settings.getRange('B3:B4').getDisplayValues().flat()).toEqual(['2027-01-01', '2027-03-31']);
  });

  it('OKR_PACE reads typed dates and today on the spreadsheet\'s day', () => {
    const addon = cycleIn(zone, at(zone, '2026-11-15T23:00:00'));
    const sheet = addon.harness.spreadsheet.insertSheet('Pace');
    sheet.getRange('A1:C1').setValues([['2026-10-01', '2026-12-31', '2026-11-15']]);
    sheet.getRange('D1:E1').setFormulas([['=OKR_PACE(0.5, A1, B1, C1)', '=OKR_PACE(0.5, A1, B1)']]);
    expect(sheet.getRange('D1:E1').getValues()).toEqual([['on track', 'on track']]);
    expect(REGISTER_COLUMN.current).toBeGreaterThan(0);
  });
});

it('the spreadsheet\'s zone decides, not the script\'s (Europe/Berlin): 21:00 on the 24th in New York is the 24th', () => {
  const addon = cycleIn('America/New_York', at('America/New_York', '2026-11-24T21:00:00'));
  addon.bundle.menuNewWeekly();
  const weekly = addon.harness.spreadsheet.getSheetByName('Weekly 2026-W48')!;
  const keys = weekly.getRange(1, WEEKLY_COLUMN.key, weekly.getLastRow(), 1).getValues().map((line) => line[0]);
  weekly.getRange(keys.indexOf('kr:KR-1') + 1, WEEKLY_COLUMN.input).setValue(30);
  weekly.getRange(keys.indexOf('kr:KR-1') + 1, WEEKLY_COLUMN.second).setValue(7);
  addon.bundle.menuApplyCheckIn();
  const row = addon.harness.spreadsheet.getSheetByName('Check-in log')!.getDataRange().getDisplayValues().find((line) => line[2] === 'KR-1')!;
  expect(row[row.length - 1]).toBe('2026-11-24');
});
