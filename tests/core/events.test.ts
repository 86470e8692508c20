import { isoWeek, weekMonday } from '../../src/core/isoWeek';
import { lastValues, planCheckIn } from '../../src/core/checkIn';
import { weeklyPlan, readWeekly, WEEKLY_COLUMN } from '../../src/core/layout/weekly';
import { reviewPlan } from '../../src/core/layout/review';
import { quickWinsToCarry, readQuickWins, retrospectivePlan } from '../../src/core/layout/retrospective';
import { parseLogRow, type LogEntry } from '../../src/core/layout/checkInLog';
import { REGISTER_ROWS, TACTIC_ROWS, TEAMS } from '../fixtures/realisticCycle';
import type { CellPlan } from '../../src/core/layout/plan';
/** Dates built in this test process are read in this process's zone (CI runs it in America/New_York). */
const LOCAL = Intl.DateTimeFormat().resolvedOptions().timeZone;
import { dayIn } from '../../src/core/timeZone';

/** The values a sheet would return for a plan's cells (formulas left out). */
const valuesOf = (cells: CellPlan[][]) =>
  cells.map((line) => line.map((cell) => ('text' in cell ? cell.text : 'number' in cell ? cell.number : '')));

describe('isoWeek', () => {
  it('labels weeks with Monday as the first day and the Thursday rule at year ends', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48'); // Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // Sunday
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // 2026 has 53 weeks
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(weekMonday('2026-W48')).toBe('2026-11-23');
    expect(weekMonday('2025-W01')).toBe('2024-12-30');
    expect(weekMonday('2025-W53')).toBeNull();
    expect(weekMonday('W48')).toBeNull();
  });
  it('agrees with weekMonday for every day of three years', () => {
    for (let d = new Date(2025, 0, 1); d < new Date(2028, 0, 1); d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
      const monday = weekMonday(isoWeek(dayIn(d, LOCAL)))!;
      const diff = (Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.parse(monday)) / 86_400_000;
      expect(diff).toBeGreaterThanOrEqual(0);
      expect(diff).toBeLessThan(7);
    }
  });
});

describe('weekly plan', () => {
  const plan = weeklyPlan({ lang: 'de', week: '2026-W48', rows: REGISTER_ROWS, tactics: TACTIC_ROWS });
  const keys = plan.cells.map((line) => ('text' in line[WEEKLY_COLUMN.key - 1] ? (line[WEEKLY_COLUMN.key - 1] as { text: string }).text : ''));
  it('has one block per team with the four parts, in German', () => {
    expect(plan.name).toBe('Weekly 2026-W48');
    for (const team of TEAMS) {
      const start = keys.indexOf(`#team:${team}`);
      const order = ['#status', '#dialog', 'assumption', '#reflection', 'problems', 'improvements', 'unrealistic', '#outlook', 'focus'].map((k) =>
        keys.indexOf(`${k}:${team}`),
      );
      expect(start).toBeGreaterThanOrEqual(0);
      expect(order.every((i, n) => i > (n ? order[n - 1] : start))).toBe(true);
    }
    expect(plan.cells.flat()).toContainEqual({ text: 'Neuer Wert' });
    const t = keys.indexOf('tactic:T-2');
    expect(plan.validations[t][WEEKLY_COLUMN.input - 1]).toMatchObject({ kind: 'list', values: ['ja, voll', 'teilweise', 'nein'] });
    expect(plan.hiddenColumns).toEqual([12]);
    // every row has the same width and the formats/validations match the cells
    expect(new Set(plan.cells.map((l) => l.length))).toEqual(new Set([12]));
    expect(plan.validations).toHaveLength(plan.cells.length);
  });
  it('is laid out for a laptop beside the sidebar: every input column on screen, numbers and notes readable', () => {
    const widths = plan.columnWidths!;
    const left = (column: number) => Array.from({ length: column }, (_, i) => widths[i + 1]).reduce((a, b) => a + b, 0);
    // 1366-px window, 300-px sidebar, about 90 px of row numbers, scroll bar and side panel: 976 px of cells.
    for (const column of [WEEKLY_COLUMN.input, WEEKLY_COLUMN.second, WEEKLY_COLUMN.note]) expect(left(column)).toBeLessThanOrEqual(976);
    expect(widths[WEEKLY_COLUMN.note]).toBeGreaterThanOrEqual(150);
    expect(widths[WEEKLY_COLUMN.title]).toBeGreaterThanOrEqual(135); // titles wrap; the value columns fit German one-word headers (Startwert, Zielwert)
    for (const column of [WEEKLY_COLUMN.start, WEEKLY_COLUMN.target, WEEKLY_COLUMN.last, WEEKLY_COLUMN.input, WEEKLY_COLUMN.change]) expect(widths[column]).toBeGreaterThanOrEqual(76);
    expect(plan.wrapColumns).toEqual([WEEKLY_COLUMN.title, WEEKLY_COLUMN.note]);
  });
  it('shows per KR start, target, last value, new value, change, score, pace, confidence and note', () => {
    const headers = plan.cells[keys.indexOf('#statusHeaders:Sales')].slice(0, 11).map((c) => ('text' in c ? c.text : ''));
    expect(headers).toEqual(['KR-ID', 'Key Result', 'Startwert', 'Zielwert', 'Letzter Wert', 'Neuer Wert', 'Änderung', 'Score', 'Status', 'Zuversicht (0-10)', 'Notiz']);
    const kr = plan.cells[keys.indexOf('kr:KR-1')];
    expect(kr[WEEKLY_COLUMN.start - 1]).toEqual({ number: REGISTER_ROWS[0].start });
    expect(kr[WEEKLY_COLUMN.target - 1]).toEqual({ number: REGISTER_ROWS[0].target });
    expect((kr[WEEKLY_COLUMN.score - 1] as { formula: string }).formula).toMatch(/^=IF\(OKRs!\$F\$\d+=\$A\d+,OKRs!\$P\$\d+,""\)$/);
    expect(plan.numberFormats[keys.indexOf('kr:KR-1')][WEEKLY_COLUMN.score - 1]).toBe('0%');
    expect(plan.wrapRows).toContain(keys.indexOf('#statusHeaders:Sales') + 1);
  });
  it('reads and regenerates a weekly of the earlier layout (key in column J) without losing an entry', () => {
    // The earlier layout: KR ID, team, title, last, new value, confidence, change, pace, note, key.
    const old = [
      ['Weekly 2026-W48', '', 'Woche ab 2026-11-23', '', '', '', '', '', '', '#title'],
      ['KR-1', 'Sales', 'Umsatz', 50000, 57000, 8, 7000, 'im Plan', 'zwei Upsells', 'kr:KR-1'],
      ['T-1', 'O-1', 'Prinzip', '', 'teilweise', '', '', '', 'Entwurf früh', 'tactic:T-1'],
      ['', '', 'Fokus', '', 'Pilot abschließen', '', '', '', '', 'focus:Sales'],
      ['', '', 'unrealistisch', '', 'ja', 'KR-2', '', '', 'Markt schrumpft', 'unrealistic:Sales'],
      ['', 'eigene Zeile', '', '', '', '', '', '', '', ''],
    ];
    const entries = readWeekly(old);
    expect(entries.krs).toEqual([{ krId: 'KR-1', value: 57000, confidence: 8, note: 'zwei Upsells' }]);
    expect(entries.tactics).toEqual([{ id: 'T-1', rating: 'teilweise', example: 'Entwurf früh' }]);
    expect(entries.teams[0].entries).toEqual({ focus: { text: 'Pilot abschließen' }, unrealistic: { text: 'ja', kr: 'KR-2', why: 'Markt schrumpft' } });
    const again = weeklyPlan({ lang: 'de', week: '2026-W48', rows: REGISTER_ROWS, tactics: TACTIC_ROWS, previous: old });
    const back = readWeekly(valuesOf(again.cells));
    expect(back.krs.find((k) => k.krId === 'KR-1')).toEqual({ krId: 'KR-1', value: 57000, confidence: 8, note: 'zwei Upsells' });
    expect(back.tactics.find((t) => t.id === 'T-1')).toEqual({ id: 'T-1', rating: 'teilweise', example: 'Entwurf früh' });
    expect(again.cells.flat()).toContainEqual({ text: 'eigene Zeile' });
  });
  it('shows last values from the log, else the register', () => {
    const p = weeklyPlan({ lang: 'en', week: '2026-W48', rows: REGISTER_ROWS, tactics: [], lastValues: new Map([['KR-1', 51000]]) });
    const rowOf = (id: string) => p.cells.find((l) => 'text' in l[0] && l[0].text === id)!;
    expect(rowOf('KR-1')[WEEKLY_COLUMN.last - 1]).toEqual({ number: 51000 });
    expect(rowOf('KR-2')[WEEKLY_COLUMN.last - 1]).toEqual({ number: REGISTER_ROWS[1].current });
  });
  it('carries entries and keeps rows it cannot place', () => {
    const values = valuesOf(plan.cells);
    const kr = keys.indexOf('kr:KR-4');
    values[kr][WEEKLY_COLUMN.input - 1] = 60;
    values[kr][WEEKLY_COLUMN.note - 1] = 'gut';
    values[keys.indexOf('focus:Sales')][WEEKLY_COLUMN.input - 1] = 'Pilot abschließen';
    values.push(['', 'freie Notiz', '', '', '', '', '', '', '', '', '', '']);
    const old = keys.indexOf('kr:KR-36');
    values[old][WEEKLY_COLUMN.input - 1] = 5;
    const again = weeklyPlan({ lang: 'de', week: '2026-W48', rows: REGISTER_ROWS.slice(0, 35), tactics: TACTIC_ROWS, previous: values });
    const entries = readWeekly(valuesOf(again.cells));
    expect(entries.krs.find((k) => k.krId === 'KR-4')).toMatchObject({ value: 60, note: 'gut' });
    expect(entries.teams.find((t) => t.team === 'Sales')!.entries.focus).toEqual({ text: 'Pilot abschließen' });
    const flat = again.cells.flat();
    expect(flat).toContainEqual({ text: 'freie Notiz' });
    expect(flat).toContainEqual({ text: 'KR-36' }); // the removed KR's entered row is kept below
    expect(flat).toContainEqual({ number: 5 });
  });
});

describe('planCheckIn', () => {
  const register = REGISTER_ROWS.map((r) => ({ krId: r.krId, team: r.team, current: r.current, confidence: r.confidence }));
  const tactics = TACTIC_ROWS.map((t) => ({ id: t.id, team: t.team }));
  const entries = {
    krs: [
      { krId: 'KR-1', value: 57000, confidence: 8, note: '' },
      { krId: 'KR-2', value: '6,5', confidence: '', note: '' },
      { krId: 'KR-3', value: 'bald', confidence: '', note: '' },
      { krId: 'KR-4', value: 60, confidence: 11, note: '' },
      { krId: 'KR-5', value: '', confidence: '', note: '' },
      { krId: 'KR-99', value: 1, confidence: '', note: '' },
    ],
    tactics: [
      { id: 'T-1', rating: 'ja, voll', example: 'Demo am Dienstag' },
      { id: 'T-2', rating: '', example: '' },
    ],
    teams: [{ team: 'Sales', entries: { focus: { text: 'Pilot' }, unrealistic: { text: 'nein', kr: '', why: '' } } }],
  };
  const input = { lang: 'de' as const, week: '2026-W48', entries, log: [] as LogEntry[], register, tactics, today: '2026-11-24' };
  it('validates, reports by KR id and plans log rows and register updates', () => {
    const plan = planCheckIn(input);
    expect(plan.rejected.map((r) => r.id)).toEqual(['KR-3', 'KR-4', 'KR-99']);
    expect(plan.rejected[0].problem).toBe('der neue Wert „bald“ ist keine Zahl');
    expect(plan.registerUpdates).toEqual([
      { krId: 'KR-1', value: 57000, confidence: 8 },
      { krId: 'KR-2', value: 6.5, confidence: null },
    ]);
    expect(plan.append.map((e) => `${e.kind}:${e.id}`)).toEqual(['kr:KR-1', 'kr:KR-2', 'tactic:T-1', 'team:Sales']);
    expect(plan.append[0]).toMatchObject({ previous: 55000, value: 57000, confidence: 8, team: 'Sales', loggedAt: '2026-11-24' });
    expect(plan.append[3].note).toBe('Fokus für die nächste Woche: Pilot');
    expect(plan.tacticsDiscussed).toEqual(['T-1']);
  });
  it('refuses a note over 5000 characters in the sheet language, naming its length', () => {
    const long = 'Kunde sagt: ' + 'sehr lang '.repeat(600);
    const krs = [{ krId: 'KR-1', value: 57000, confidence: 8, note: long }];
    const de = planCheckIn({ ...input, entries: { ...entries, krs } });
    expect(de.rejected).toEqual([{ id: 'KR-1', problem: `die Notiz hat ${long.trim().length} Zeichen, höchstens 5000 passen` }]);
    expect(de.append.filter((e) => e.kind === 'kr')).toEqual([]);
    const en = planCheckIn({ ...input, lang: 'en', entries: { ...entries, krs } });
    expect(en.rejected[0].problem).toBe(`the note has ${long.trim().length} characters, at most 5000 fit`);
  });
  it('is idempotent: a second apply over the log adds and updates nothing', () => {
    const first = planCheckIn(input);
    const second = planCheckIn({ ...input, log: first.append });
    expect(second.append).toEqual([]);
    expect(second.registerUpdates).toEqual([]);
    expect(second.alreadyLogged).toEqual(['KR-1', 'KR-2', 'T-1', 'Sales']);
    // a log row survives a round trip through the sheet
    const row = ['2026-W48', 'KR', 'KR-1', 'Sales', 55000, 57000, 8, '', '', new Date(2026, 10, 24)];
    expect(parseLogRow(row, LOCAL)).toEqual({ ...first.append[0], note: '' });
  });
  it('gives the last value per KR for a week', () => {
    const log: LogEntry[] = [
      { week: '2026-W46', kind: 'kr', id: 'KR-1', team: '', previous: 50000, value: 52000, confidence: null, rating: '', note: '', loggedAt: '' },
      { week: '2026-W47', kind: 'kr', id: 'KR-1', team: '', previous: 52000, value: 54000, confidence: null, rating: '', note: '', loggedAt: '' },
      { week: '2026-W48', kind: 'kr', id: 'KR-2', team: '', previous: 7.4, value: 7, confidence: null, rating: '', note: '', loggedAt: '' },
    ];
    expect(lastValues(log, '2026-W48')).toEqual(new Map<string, number | null>([['KR-1', 54000], ['KR-2', 7.4]]));
    expect(lastValues(log, '2026-W47').get('KR-1')).toBe(52000);
  });
});

describe('review and retrospective plans', () => {
  it('review counts KRs by verdict from the register and objectives from its own rows', () => {
    const plan = reviewPlan({ lang: 'en', cycle: 'Q4 2026', teams: TEAMS, rows: REGISTER_ROWS });
    expect(plan.name).toBe('Review Q4 2026');
    const sales = plan.cells[5];
    expect(sales[0]).toEqual({ text: 'Sales' });
    expect((sales[3] as { formula: string }).formula).toBe(
      '=COUNTIFS(OKRs!$C$2:$C$201,$A6,OKRs!$D$2:$D$201,"Roofshot",OKRs!$P$2:$P$201,">="&Settings!$B$7)+COUNTIFS(OKRs!$C$2:$C$201,$A6,OKRs!$D$2:$D$201,"Moonshot",OKRs!$P$2:$P$201,">="&Settings!$B$8)',
    );
    expect((sales[5] as { formula: string }).formula).toBe('=COUNTIFS($B$14:$B$25,$A6,$F$14:$F$25,"learning")');
    expect(plan.cells[13][0]).toEqual({ text: 'O-1' });
    expect((plan.cells[13][5] as { formula: string }).formula).toContain('TRIM($J14)<>""');
  });
  it('retrospective quick wins: read in order, carried only into empty cells', () => {
    const plan = retrospectivePlan({ lang: 'en', cycle: 'Q4 2026', teams: TEAMS });
    const values = valuesOf(plan.cells);
    const at = (key: string) => values.findIndex((l) => l[3] === key);
    values[at('quickwin:1')][1] = 'shorter weeklies';
    values[at('quickwin:3')][1] = 'agenda in advance';
    expect(readQuickWins(values)).toEqual(['shorter weeklies', 'agenda in advance']);
    expect(quickWinsToCarry(['', 'kept', ''], ['a', 'kept', 'b', 'c'])).toEqual({ cells: ['a', 'kept', 'b'], filled: 2 });
    expect(quickWinsToCarry(['x', 'y', 'z'], ['a'])).toEqual({ cells: ['x', 'y', 'z'], filled: 0 });
  });
});
