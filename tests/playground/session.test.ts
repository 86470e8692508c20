/**
 * The playground session without a browser: the menu's prompt protocol (an
 * unanswered prompt leaves the workbook as it was), typing into cells like a
 * user (protection warnings, validation), the google.script.run surface, and
 * the workbook file across sessions.
 */
import { WEEKLY_COLUMN } from '../../src/core/layout/weekly';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTER_COLUMN } from '../../src/core/layout/register';
import { PlaygroundSession } from '../../playground/session';
import { startPlayground } from '../../playground/server';
import { DIST } from './realistic';

const dir = mkdtempSync(join(tmpdir(), 'okr-session-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fresh(name: string) {
  return new PlaygroundSession({ distDir: DIST, lang: 'en', stateFile: join(dir, name), today: '2026-11-24' });
}

describe('the playground session', () => {
  it('asks the page for a prompt’s answer and leaves the workbook untouched until it has one', () => {
    const session = fresh('prompt.json');
    const first = session.runMenu('menuSetUpCycle');
    expect(first.prompt?.prompt).toContain('Cycle name; start; end; teams');
    expect(session.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    const bad = session.runMenu('menuSetUpCycle', [{ text: 'Summer; Sales', button: 'OK' }]);
    expect(bad.prompt?.title).toBe('The cycle was not set up');
    const cancelled = session.runMenu('menuSetUpCycle', [{ text: 'Summer; Sales', button: 'OK' }, { text: '', button: 'CANCEL' }]);
    expect(cancelled.prompt).toBeUndefined();
    expect(session.spreadsheet.getSheets()).toHaveLength(1);
    const done = session.runMenu('menuSetUpCycle', [{ text: 'Q4 2026; Sales', button: 'OK' }]);
    expect(done.toasts[0].message).toContain('Cycle "Q4 2026" is set up');
    expect(() => session.runMenu('sidebarDeleteObjective')).toThrow('No menu item runs sidebarDeleteObjective');
  });

  it('asks the page a Yes/No question (Start next cycle) and does nothing until it is answered Yes', () => {
    const session = fresh('confirm.json');
    session.runMenu('menuSetUpCycle', [{ text: 'Q4 2026; Sales', button: 'OK' }]);
    const sheets = () => session.spreadsheet.getSheets().map((s) => s.getName());
    const before = sheets();
    const asked = session.runMenu('menuStartNextCycle');
    expect(asked.prompt).toMatchObject({ kind: 'confirm', buttons: 'YES_NO', title: 'Start next cycle' });
    expect(asked.prompt!.prompt).toContain('Start Q1 2027 (2027-01-01 to 2027-03-31) after Q4 2026?');
    expect(sheets()).toEqual(before);
    const no = session.runMenu('menuStartNextCycle', [{ kind: 'confirm', text: '', button: 'NO' }]);
    expect(no.prompt).toBeUndefined();
    expect(sheets()).toEqual(before);
    const yes = session.runMenu('menuStartNextCycle', [{ kind: 'confirm', text: '', button: 'YES' }]);
    expect(yes.alerts).toEqual([]); // the answered question is not shown again
    expect(yes.toasts[0].message).toContain('Cycle Q1 2027 is set up');
    expect(sheets()).toEqual(expect.arrayContaining(['OKRs', 'OKRs (Q4 2026)', 'Settings (Q4 2026)']));
  });

  it('writes typed input as a user types it, warns on protected cells and rejects invalid drop-down values', () => {
    const session = fresh('edit.json');
    session.runMenu('menuSetUpCycle', [{ text: 'Q4 2026; Sales', button: 'OK' }]);
    session.call('sidebarSaveObjective', [
      { team: 'Sales', title: 'Customers buy again', goalType: 'roofshot', keyResults: [{ title: 'Repeat orders', kind: 'increase', start: 0, target: 10 }] },
    ]);
    const okrs = session.spreadsheet.getSheetByName('OKRs')!;
    expect(session.edit('OKRs', 3, REGISTER_COLUMN.objective, '=1+1')).toEqual({ ok: true });
    expect(okrs.getRange(3, REGISTER_COLUMN.objective).getFormula()).toBe('=1+1');
    expect(session.edit('OKRs', 3, REGISTER_COLUMN.objective, "'=1+1")).toEqual({ ok: true });
    expect(okrs.getRange(3, REGISTER_COLUMN.objective).getValue()).toBe('=1+1');
    session.edit('OKRs', 2, REGISTER_COLUMN.current, '12.5%');
    expect(okrs.getRange(2, REGISTER_COLUMN.current).getValue()).toBe(0.125);
    session.edit('OKRs', 2, REGISTER_COLUMN.current, '12,5'); // a decimal comma is text in an English spreadsheet, as in Sheets
    expect(okrs.getRange(2, REGISTER_COLUMN.current).getValue()).toBe('12,5');
    const formula = okrs.getRange(2, REGISTER_COLUMN.krScore).getFormula();
    const warned = session.edit('OKRs', 2, REGISTER_COLUMN.krScore, '1');
    expect(warned.ok).toBe(false);
    expect(warned.confirm).toContain('protected');
    expect(okrs.getRange(2, REGISTER_COLUMN.krScore).getFormula()).toBe(formula);
    expect(session.edit('OKRs', 2, REGISTER_COLUMN.krScore, '1', true)).toEqual({ ok: true });
    session.runMenu('menuNewWeekly');
    const weekly = session.spreadsheet.getSheetByName('Weekly 2026-W48')!;
    const keys = weekly.getRange(1, WEEKLY_COLUMN.key, weekly.getLastRow(), 1).getValues().map((r) => r[0]);
    const row = keys.indexOf('unrealistic:Sales') + 1;
    expect(row).toBeGreaterThan(0);
    const rejected = session.edit(weekly.getName(), row, WEEKLY_COLUMN.input, 'maybe');
    expect(rejected.rejected).toContain('violates the data validation rules');
    expect(weekly.getRange(row, WEEKLY_COLUMN.input).getValue()).toBe('');
    expect(session.edit(weekly.getName(), row, WEEKLY_COLUMN.input, 'yes')).toEqual({ ok: true });
  });

  it('lets google.script.run reach the bundle’s functions only, with values as JSON', () => {
    const session = fresh('run.json');
    expect(() => session.call('eval', ['1'])).toThrow('Script function not found: eval');
    expect(() => session.call('OKR_SCORE', [0, 10, 5])).toThrow('Script function not found');
    expect(() => session.call('sidebarBootstrap', [])).toThrow('There is no OKR cycle in this spreadsheet yet');
    session.runMenu('menuSetUpCycle', [{ text: 'Q4 2026; Sales, IT', button: 'OK' }]);
    expect(session.call('sidebarBootstrap', [])).toMatchObject({ lang: 'en', cycleName: 'Q4 2026', teams: ['Sales', 'IT'] });
  });

  it('keeps the workbook in its file across sessions; --reset starts over with the sample', async () => {
    const file = join(dir, 'kept.json');
    const one = new PlaygroundSession({ distDir: DIST, lang: 'de', stateFile: file, today: '2026-11-24' });
    one.runMenu('menuSetUpCycle', [{ text: 'Q4 2026; Vertrieb', button: 'OK' }]);
    one.edit('OKRs', 2, 2, 'Kunden lieben uns');
    const two = new PlaygroundSession({ distDir: DIST, lang: 'en', stateFile: file, today: '2026-11-24' });
    expect(two.restored).toBe(true);
    expect(two.lang).toBe('de');
    expect(two.spreadsheet.getRange('OKRs!B2').getValue()).toBe('Kunden lieben uns');
    const playground = await startPlayground({ distDir: DIST, staticDir: dir, stateFile: file, lang: 'en', port: 0, reset: true, today: '2026-11-24' });
    try {
      expect(playground.session.restored).toBe(false);
      expect(playground.session.spreadsheet.getRange('OKRs!B2').getValue()).toBe('Existing customers buy more from us');
      const log = playground.session.spreadsheet.getSheetByName('Check-in log')!;
      expect(new Set(log.getRange(2, 1, log.getLastRow() - 1, 1).getValues().map((r) => r[0]))).toEqual(new Set(['2026-W45', '2026-W46', '2026-W47']));
      expect(existsSync(file)).toBe(true);
      const page = await fetch(`${playground.url.replace('localhost', '127.0.0.1')}/`);
      expect(await page.text()).toContain('/static/playground.js');
      const sidebar = await (await fetch(`${playground.url.replace('localhost', '127.0.0.1')}/sidebar`)).text();
      // The bridge comes first, then the sidebar's own script.
      expect(sidebar.indexOf("fetch('/run/'")).toBeGreaterThan(0);
      expect(sidebar.indexOf("fetch('/run/'")).toBeLessThan(sidebar.lastIndexOf('<script'));
    } finally {
      await playground.close();
    }
  }, 30_000);
});
