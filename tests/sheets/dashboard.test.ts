import { createAppsScript, type AppsScriptHarness } from '../../emulator/appsScript';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS, TEAMS } from '../fixtures/realisticCycle';
import { setUpCycle } from '../../src/app/setup';
import { applyCheckIn, generateReview, generateWeekly } from '../../src/app/events';
import { WEEKLY_COLUMN } from '../../src/core/layout/weekly';
import { openPortfolio, refreshDashboard, rollUpTeams } from '../../src/app/dashboard';
import { alignment, dependencies, rollUp } from '../../src/core/alignment';
import { DASH_COLUMN } from '../../src/core/layout/dashboard';
import { LOG_WIDTH } from '../../src/core/layout/checkInLog';
import { PORTFOLIO_COLUMN } from '../../src/core/layout/portfolio';
import { REGISTER_COLUMN, REGISTER_WIDTH, type RegisterRow } from '../../src/core/layout/register';
import { REVIEW_COLUMN } from '../../src/core/layout/review';
import { ROLLUP_COLUMN } from '../../src/core/layout/rollup';
import { CALIBRATION_LABELS, calibrate } from '../../src/core/calibration';
import { parseGoalType } from '../../src/core/vocabulary';

function cycle(options: { rows?: RegisterRow[]; teams?: string[]; locale?: string } = {}) {
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), locale: options.locale ?? 'en_US' });
  const uninstall = h.installGlobals();
  const lang = options.locale?.startsWith('de') ? 'de' : 'en';
  setUpCycle({ ...SETUP, teams: options.teams ?? TEAMS }, lang, { rows: options.rows ?? REGISTER_ROWS, tactics: TACTIC_ROWS });
  return { h, uninstall, lang: lang as 'en' | 'de' };
}

/** Rows of the dashboard by key (hidden key column = last column of the block). */
function dashboard(h: AppsScriptHarness, name = 'Dashboard') {
  const sheet = h.spreadsheet.getSheetByName(name)!;
  const values = sheet.getDataRange().getValues();
  const keyColumn = values[0].findIndex((v) => v === '#title');
  const rowOf = (key: string) => {
    const i = values.findIndex((line) => line[keyColumn] === key);
    if (i < 0) throw new Error(`no row ${key}`);
    return i + 1;
  };
  return { sheet, values, keyColumn: keyColumn + 1, rowOf, line: (key: string) => values[rowOf(key) - 1] };
}

/** A Check-in log as applying weeklies writes it: week, kind, id, team, previous, value, confidence. */
function writeLog(h: AppsScriptHarness, entries: [string, string, string, number][]) {
  const sheet = h.spreadsheet.insertSheet('Check-in log');
  const rows = [['Week', 'Kind', 'KR / tactic ID', 'Team', 'Previous value', 'Value', 'Confidence', 'Tactic rating', 'Note', 'Logged at'],
    ...entries.map(([week, id, team, confidence]) => [week, 'KR', id, team, '', 1, confidence, '', '', ''])];
  sheet.getRange(1, 1, rows.length, LOG_WIDTH).setValues(rows);
}

describe('dashboard on the realistic cycle', () => {
  let env: ReturnType<typeof cycle>;
  beforeEach(() => (env = cycle()));
  afterEach(() => env.uninstall());

  it('shows teams and objectives with live scores equal to the register, the roll-up twin, bars, pace and trends', () => {
    const { h } = env;
    writeLog(h, [
      ['2026-W47', 'KR-1', 'Sales', 4], ['2026-W47', 'KR-2', 'Sales', 6], ['2026-W47', 'KR-4', 'Sales', 8],
      ['2026-W48', 'KR-1', 'Sales', 6], ['2026-W48', 'KR-2', 'Sales', 8], ['2026-W48', 'T-1', 'Sales', 9],
    ]);
    const outcome = refreshDashboard('en');
    expect(outcome).toMatchObject({ kind: 'created', teams: 4, objectives: 12, portfolioCreated: true, unknownPortfolioIds: [] });
    const d = dashboard(h);
    const C = DASH_COLUMN;

    // Objective scores equal the register's; rolled-up scores equal the pure roll-up.
    const register = h.spreadsheet.getSheetByName('OKRs')!.getRange(2, 1, 36, REGISTER_WIDTH).getValues();
    const scores = new Map<string, number | null>();
    for (const line of register) {
      const s = line[REGISTER_COLUMN.objectiveScore - 1];
      scores.set(String(line[0]), typeof s === 'number' ? s : null);
    }
    const rolled = rollUp(alignment(REGISTER_ROWS).objectives, scores);
    for (const [id, score] of scores) {
      const line = d.line(`obj:${id}`);
      expect(line[C.score - 1]).toBe(score ?? '');
      const r = rolled.get(id);
      if (r === null || r === undefined) expect(line[C.rolledUp - 1]).toBe('');
      else expect(line[C.rolledUp - 1]).toBeCloseTo(r, 10);
    }
    // O-1 has children O-2, O-3 (rolled-up is a real mean of three).
    expect(d.line('obj:O-2')[C.name - 1]).toBe('  └ We win the mid-sized manufacturers of the region');
    expect(d.line('obj:O-1')[C.level - 1]).toBe('team');

    // Team score = mean of its objectives' scores; attainment counts; pace counts from the register.
    const sales = ['O-1', 'O-2', 'O-3'].map((id) => scores.get(id)).filter((s): s is number => typeof s === 'number');
    const teamLine = d.line('team:Sales');
    expect(teamLine[C.score - 1]).toBeCloseTo(sales.reduce((a, b) => a + b, 0) / sales.length, 10);
    expect(String(teamLine[C.bar - 1])).toMatch(/^█*░*$/);
    expect(String(teamLine[C.bar - 1])).toHaveLength(10);
    expect(teamLine[C.attainment - 1]).toMatch(/^\d+ \/ 3$/);
    expect(teamLine[C.pace - 1]).toMatch(/^\d+ · \d+ · \d+$/);
    expect(teamLine[C.confidence - 1]).toBeCloseTo(6, 10); // 9 Sales KRs with confidence 5, 6, 7

    // Weeks follow Settings (Q4 2026 starts in 2026-W40); confidence rolls up KR > objective > team.
    expect(d.values[d.rowOf('team:Sales') - 2][C.firstWeek - 1]).toBe('2026-W40');
    const w47 = C.firstWeek + 7;
    const w48 = C.firstWeek + 8;
    expect(d.values[d.rowOf('team:Sales') - 2][w48 - 1]).toBe('2026-W48');
    expect(d.line('obj:O-1')[w47 - 1]).toBeCloseTo(5, 10); // KR-1 4, KR-2 6
    expect(d.line('obj:O-2')[w47 - 1]).toBeCloseTo(8, 10); // KR-4 8
    expect(d.line('team:Sales')[w47 - 1]).toBeCloseTo(6.5, 10); // mean of objectives, not of KRs
    expect(d.line('obj:O-1')[w48 - 1]).toBeCloseTo(7, 10); // the tactic's 9 is not a KR of O-1
    expect(d.line('team:Platform')[w47 - 1]).toBe('');
    const trend = d.sheet.getRange(d.rowOf('team:Sales'), C.trend).getFormula();
    expect(trend).toMatch(/^=IF\(COUNT\(O(\d+):AB\1\)<2,"",SPARKLINE\(O\1:AB\1\)\)$/);

    // Native formulas only: no custom function anywhere on the dashboard.
    const formulas = d.sheet.getDataRange().getFormulas().flat().filter(Boolean);
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.some((f) => /OKR_/.test(f))).toBe(false);

    // Orphans and the dependency matrix.
    const flat = d.values.map((line) => line.join('|'));
    expect(flat.some((line) => line.startsWith('O-4|Customers recommend us without being asked|no parent|Customer Success'))).toBe(true);
    const matrixRow = d.values.find((line) => line[0] === 'Sales' && line[1] === '—')!;
    const pure = dependencies(REGISTER_ROWS, TEAMS);
    expect(matrixRow.slice(1, 5)).toEqual(['—', ...pure.counts[0].slice(1)]);
    expect(matrixRow[7]).toBe('mutual with Customer Success, Platform, People');

    // Two embedded charts over the team rows.
    const charts = d.sheet.getCharts();
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual(['Scores per team', 'Confidence over the weeks (KR > objective > team)']);
    const first = d.rowOf('team:Sales') - 1;
    const last = d.rowOf('team:People');
    expect(charts[0].getRanges().map((r) => r.getA1Notation())).toEqual([`A${first}:A${last}`, `F${first}:F${last}`]);
    expect(charts[1].getRanges().map((r) => r.getA1Notation())).toEqual([`A${first}:A${last}`, `O${first}:AB${last}`]);
  });

  it('refresh says it is current when nothing structural changed, and rebuilds keeping notes when an objective was added', () => {
    const { h } = env;
    refreshDashboard('en');
    let d = dashboard(h);
    const noteColumn = d.keyColumn - 1;
    d.sheet.getRange(d.rowOf('team:Sales'), noteColumn).setValue('Ask about the pipeline');
    d.sheet.getRange(d.rowOf('obj:O-5'), noteColumn).setValue("'=not a formula");
    d.sheet.getRange(d.rowOf('obj:O-6'), noteColumn).setFormula('="see "&OKRs!B7');
    // A changed current value is no structural change.
    h.spreadsheet.getSheetByName('OKRs')!.getRange(2, REGISTER_COLUMN.current).setValue(59000);
    h.calls.reset();
    expect(refreshDashboard('en').kind).toBe('current');
    expect(h.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    expect(h.calls.byMethod['Sheet.insertChart'] ?? 0).toBe(0);

    // A new objective (row 38) in a new team: rebuilt, notes carried, charts replaced (not doubled).
    const okrs = h.spreadsheet.getSheetByName('OKRs')!;
    okrs.getRange(38, 1, 1, 15).setValues([["'O-13", "'A new objective", "'Legal", 'Roofshot', "'O-1", "'KR-37", "'Contracts", 'increase', 0, 10, 5, '', '', 7, "'Sales"]]);
    expect(refreshDashboard('en').kind).toBe('rebuilt');
    d = dashboard(h);
    expect(d.line('team:Sales')[d.keyColumn - 2]).toBe('Ask about the pipeline');
    expect(d.line('obj:O-5')[d.keyColumn - 2]).toBe('=not a formula');
    // A formula someone typed as a note stays that formula.
    expect(d.sheet.getRange(d.rowOf('obj:O-6'), d.keyColumn - 1).getFormula()).toBe('="see "&OKRs!B7');
    expect(d.line('obj:O-6')[d.keyColumn - 2]).toBe(`see ${h.spreadsheet.getRange('OKRs!B7').getValue()}`);
    expect(d.line('obj:O-13')[DASH_COLUMN.score - 1]).toBe(0.5);
    expect(d.line('team:Legal')[DASH_COLUMN.score - 1]).toBe(0.5);
    expect(d.sheet.getCharts()).toHaveLength(2);
    expect(d.sheet.isColumnHiddenByUser(d.keyColumn)).toBe(true);
    // A chart someone deleted comes back on the next refresh; a chart of their own stays.
    d.sheet.removeChart(d.sheet.getCharts()[0]);
    d.sheet.insertChart(d.sheet.newChart().asColumnChart().addRange(d.sheet.getRange('A1:B3')).setOption('title', 'Mine').build());
    expect(refreshDashboard('en').kind).toBe('current');
    expect(d.sheet.getCharts().map((c) => c.getOptions().get('title')).sort()).toEqual(['Confidence over the weeks (KR > objective > team)', 'Mine', 'Scores per team']);

    // The objective goes away: its note is kept at the bottom.
    okrs.getRange(38, 1, 1, 15).clearContent();
    d = dashboard(h);
    d.sheet.getRange(d.rowOf('obj:O-13'), d.keyColumn - 1).setValue('Keep me');
    expect(refreshDashboard('en').kind).toBe('rebuilt');
    d = dashboard(h);
    expect(d.line('kept:obj:O-13')[d.keyColumn - 2]).toBe('Keep me');
    expect(d.sheet.getCharts().map((c) => c.getOptions().get('title'))).toContain('Mine');
    expect(d.sheet.getCharts()).toHaveLength(3);
  });

  it('takes team levels from Settings: a company-level team roots the tree, departments below, nothing "not aligned" for them', () => {
    const { h } = env;
    const settings = h.spreadsheet.getSheetByName('Settings')!;
    // Set-up wrote a level for every team; the column has a drop-down of the three levels.
    expect(settings.getRange('D1:E5').getValues()).toEqual([['Teams', 'Level'], ['Sales', 'team'], ['Customer Success', 'team'], ['Platform', 'team'], ['People', 'team']]);
    expect(settings.getRange('E2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['company', 'department', 'team']);
    settings.getRange('E2:E3').setValues([['company'], ['department']]);
    refreshDashboard('en');
    const d = dashboard(h);
    const C = DASH_COLUMN;
    expect(d.line('obj:O-1')[C.level - 1]).toBe('company'); // Sales
    expect(d.line('obj:O-2')[C.level - 1]).toBe('company');
    expect(d.line('obj:O-4')[C.level - 1]).toBe('department'); // Customer Success
    expect(d.line('obj:O-7')[C.level - 1]).toBe('team');
    // Only the roots of teams below company level are listed as not aligned.
    const heading = d.values.findIndex((line) => String(line[0]).startsWith('Objectives without a parent'));
    const listed: string[] = [];
    for (let r = heading + 2; r < d.values.length && /^O-\d+$/.test(String(d.values[r][0])); r++) listed.push(String(d.values[r][0]));
    expect(listed).toEqual(['O-4', 'O-7', 'O-10']);
  });

  it('confidence per week: applying a check-in writes the KR x week grid, and every objective and team week cell is the mean of the logged confidences', () => {
    const { h } = env;
    refreshDashboard('en');
    const today = new Date(2026, 10, 24); // 2026-W48
    generateWeekly('en', today);
    const weekly = h.spreadsheet.getSheetByName('Weekly 2026-W48')!;
    const keys = weekly.getRange(1, WEEKLY_COLUMN.key, weekly.getLastRow(), 1).getValues().map((l) => String(l[0]));
    const typed: Record<string, number | string> = { 'KR-1': 3, 'KR-2': 9, 'KR-4': 0, 'KR-7': '' };
    for (const [id, confidence] of Object.entries(typed)) weekly.getRange(keys.indexOf(`kr:${id}`) + 1, WEEKLY_COLUMN.second).setValue(confidence);
    weekly.getRange(keys.indexOf('kr:KR-7') + 1, WEEKLY_COLUMN.input).setValue(12);
    h.spreadsheet.setActiveSheet(weekly);
    h.calls.reset();
    applyCheckIn('en', today);
    const applyCalls = h.calls.total;
    let d = dashboard(h);
    const w48 = DASH_COLUMN.firstWeek + 8;
    expect(d.line('kr:KR-1')[w48 - 1]).toBe(3);
    expect(d.line('kr:KR-7')[w48 - 1]).toBe(''); // a value without a confidence
    expect(d.line('obj:O-1')[w48 - 1]).toBeCloseTo(6, 10); // KR-1 3, KR-2 9 (KR-3 not checked in)
    expect(d.line('obj:O-2')[w48 - 1]).toBe(0); // a confidence of 0 counts
    expect(d.line('team:Sales')[w48 - 1]).toBeCloseTo(3, 10); // mean of O-1 (6) and O-2 (0)
    expect(d.line('obj:O-1')[w48 - 2]).toBe(''); // W47: nothing logged
    // The objective week cell is a mean of direct references into the grid, never a scan of the log.
    const formula = d.sheet.getRange(d.rowOf('obj:O-1'), w48).getFormula();
    expect(formula).toMatch(/^=IF\(W\$5="","",IFERROR\(AVERAGE\(\$W\$\d+,\$W\$\d+,\$W\$\d+\),""\)\)$/);
    expect(d.sheet.getDataRange().getFormulas().flat().some((f) => /Check-in log/.test(f))).toBe(false);

    // An entry added to the log by hand shows after a refresh that finds the layout current (one write, values only).
    const log = h.spreadsheet.getSheetByName('Check-in log')!;
    log.appendRow(['2026-W47', 'KR', 'KR-3', 'Sales', '', '', 5, '', '', '']);
    expect(refreshDashboard('en').kind).toBe('current');
    d = dashboard(h);
    expect(d.line('kr:KR-3')[w48 - 2]).toBe(5);
    expect(d.line('obj:O-1')[w48 - 2]).toBe(5);
    h.calls.reset();
    expect(refreshDashboard('en').kind).toBe('current');
    expect(h.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    expect(applyCalls).toBeLessThan(60);
  });

  it('leaves a foreign sheet named Dashboard alone', () => {
    const { h } = env;
    h.spreadsheet.insertSheet('Dashboard').getRange('A1').setValue('mine');
    expect(() => refreshDashboard('en')).toThrow('was not made by this add-on');
    expect(h.spreadsheet.getSheetByName('Dashboard')!.getRange('A1').getValue()).toBe('mine');
  });

  it('portfolio: checks items, counts decisions per objective, flags conflicts, and the review links its waste question', () => {
    const { h } = env;
    expect(openPortfolio('en')).toEqual({ created: true });
    const p = h.spreadsheet.getSheetByName('Portfolio')!;
    p.getRange(2, 1, 5, 7).setValues([
      ["'CRM upgrade", 'project', 'Sales', "'O-1, O-12", 20000, 'now', ''],
      ["'Trade fair", 'investment', 'Sales', "'O-1", 15000, 'stop', ''],
      ["'Nice to have", 'project', 'Platform', '', 5000, 'later', ''],
      ["'Typo", 'project', 'Platform', "'O-99", 1, 'later', ''],
      ["'Churn model", 'project', 'Customer Success', "'O-12;O-4", 1, 'later', ''],
    ]);
    const check = p.getRange(2, PORTFOLIO_COLUMN.check, 6, 1).getValues().flat();
    expect(check).toEqual(['ok', 'ok', '⚠ serves no objective', '⚠ unknown objective: O-99', 'ok', '']);
    expect(p.getRange(2, PORTFOLIO_COLUMN.decision).getDataValidation()!.getCriteriaValues()[0]).toEqual(['now', 'later', 'stop']);

    const outcome = refreshDashboard('en');
    expect(outcome.unknownPortfolioIds).toEqual(['O-99']);
    const d = dashboard(h);
    expect(d.line('obj:O-1')[DASH_COLUMN.portfolio - 1]).toBe('1 · 0 · 1');
    expect(d.line('obj:O-1')[DASH_COLUMN.conflict - 1]).toBe('⚠ conflict: now and stop');
    expect(d.line('obj:O-12')[DASH_COLUMN.portfolio - 1]).toBe('1 · 1 · 0');
    expect(d.line('obj:O-12')[DASH_COLUMN.conflict - 1]).toBe('');
    expect(d.line('obj:O-2')[DASH_COLUMN.portfolio - 1]).toBe(''); // O-1 never counts for O-12 or O-2

    generateReview('en');
    const review = h.spreadsheet.getSheetByName('Review Q4 2026')!;
    const values = review.getDataRange().getValues();
    const o1 = values.find((line) => line[0] === 'O-1')!;
    expect(o1[REVIEW_COLUMN.portfolio - 1]).toBe('1 · 0 · 1');
    expect(values[values.findIndex((line) => line[0] === 'Objective ID')][REVIEW_COLUMN.waste - 1]).toBe('Where did we invest without creating value?');
  });

  it('review calibration: past scores typed in, the native twin of calibrate', () => {
    const { h } = env;
    // O-1 reaches 1.0 this cycle (current = target); the moonshot O-2 stays at 0 (current = start).
    const okrs = h.spreadsheet.getSheetByName('OKRs')!;
    const targets = okrs.getRange(2, REGISTER_COLUMN.start, 6, 2).getValues();
    okrs.getRange(2, REGISTER_COLUMN.current, 6, 1).setValues(targets.map(([start, target], i) => [i < 3 ? target : start]));
    generateReview('en');
    const review = h.spreadsheet.getSheetByName('Review Q4 2026')!;
    const values = review.getDataRange().getValues();
    const C = REVIEW_COLUMN;
    const first = values.findIndex((line) => line[0] === 'O-1') + 1;
    expect(review.getRange(first, C.calibration).getValue()).toBe(''); // one measured cycle only
    expect(review.getRange(first, C.score, 2, 1).getValues()).toEqual([[1], [0]]);
    const pasts: [number | '', number | ''][] = [[1, 1], [0.2, 0.1], [0.1, 0.2], ['', 1], [1, ''], [0.5, 0.9], [0.25, 0.25], ['', ''], [1, 1], [0, 0], [0.1, ''], [1, 0.2]];
    review.getRange(first, C.scoreOlder, 12, 2).setValues(pasts);
    const rows = review.getRange(first, 1, 12, C.calibration).getValues();
    const seen = new Set<string>();
    rows.forEach((line, i) => {
      const current = line[C.score - 1];
      const goal = parseGoalType(String(line[C.goalType - 1])) ?? null;
      const history = [...pasts[i], current].map((v) => (typeof v === 'number' ? v : null));
      const expected = calibrate(history, goal);
      expect(line[C.calibration - 1]).toBe(expected ? CALIBRATION_LABELS.en[expected] : '');
      seen.add(String(line[C.calibration - 1]));
    });
    expect(seen).toEqual(new Set(['set too low?', 'set too high?', 'ok', '']));
  });

  it('team roll-up: writes IMPORTRANGE formulas for the URLs people paste, keeps them, reports bad ones', () => {
    const { h } = env;
    expect(rollUpTeams('en')).toMatchObject({ kind: 'created', sources: 0 });
    const sheet = h.spreadsheet.getSheetByName('Team roll-up')!;
    const url = 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit';
    sheet.getRange(6, ROLLUP_COLUMN.url, 2, 1).setValues([[url], [' not a url ']]);
    sheet.getRange(6, ROLLUP_COLUMN.sheet).setValue('Team OKRs');
    const outcome = rollUpTeams('en');
    expect(outcome).toMatchObject({ kind: 'written', sources: 1, invalid: ['not a url'] });
    expect(sheet.getRange(6, 1, 1, 2).getValues()[0]).toEqual([url, 'Team OKRs']);
    expect(sheet.getRange(7, ROLLUP_COLUMN.status).getValue()).toBe('not a spreadsheet URL');
    const formulas = sheet.getDataRange().getFormulas().flat().filter((f) => f.includes('IMPORTRANGE'));
    expect(formulas).toEqual([
      `=IMPORTRANGE($A$6,"'"&IF(TRIM($B$6)="","OKRs",TRIM($B$6))&"'!A1:C301")`,
      `=IMPORTRANGE($A$6,"'"&IF(TRIM($B$6)="","OKRs",TRIM($B$6))&"'!F1:F301")`,
      `=IMPORTRANGE($A$6,"'"&IF(TRIM($B$6)="","OKRs",TRIM($B$6))&"'!P1:S301")`,
    ]);
    // Before access is allowed, IMPORTRANGE is #REF!: the status says what to do.
    expect(sheet.getRange(6, ROLLUP_COLUMN.status).getValue()).toContain('allow access');
    // A URL put in by a formula stays a formula and still counts as a source.
    sheet.getRange(6, ROLLUP_COLUMN.url).setFormula(`="${url.slice(0, 40)}"&"${url.slice(40)}"`);
    expect(rollUpTeams('en')).toMatchObject({ kind: 'written', sources: 1 });
    expect(sheet.getRange(6, ROLLUP_COLUMN.url).getFormula()).toBe(`="${url.slice(0, 40)}"&"${url.slice(40)}"`);
    expect(sheet.getRange(6, ROLLUP_COLUMN.url).getValue()).toBe(url);
  });
});

describe('dashboard in German', () => {
  it('uses German names and words', () => {
    const env = cycle({ locale: 'de_DE' });
    try {
      refreshDashboard('de');
      const d = dashboard(env.h, 'Dashboard');
      expect(d.values[0][0]).toBe('Dashboard Q4 2026');
      expect(env.h.spreadsheet.getSheetByName('Portfolio')).not.toBeNull();
      expect(d.sheet.getCharts()[0].getOptions().get('title')).toBe('Scores je Team');
      expect(d.line('team:Sales')[DASH_COLUMN.pace - 1]).toMatch(/^\d+ · \d+ · \d+$/);
    } finally {
      env.uninstall();
    }
  });
});

/** n teams with k objectives of 3 KRs each. */
function company(teams: number, objectivesPerTeam: number): { rows: RegisterRow[]; teams: string[] } {
  const names = Array.from({ length: teams }, (_, i) => `Team ${i + 1}`);
  const rows: RegisterRow[] = [];
  names.forEach((team, t) => {
    for (let o = 0; o < objectivesPerTeam; o++) {
      const id = `O-${t + 1}-${o + 1}`;
      for (let k = 0; k < 3; k++)
        rows.push({
          objectiveId: id, objective: `Objective ${id}`, team, goalType: o % 2 ? 'moonshot' : 'roofshot', parentId: o ? `O-${t + 1}-1` : '',
          krId: `KR-${rows.length + 1}`, keyResult: 'A key result', kind: 'increase', start: 0, target: 100, current: (rows.length * 7) % 100,
          unit: '%', weight: null, confidence: 5, dependsOn: k === 2 ? [names[(t + 1) % teams]] : [],
        });
    }
  });
  return { rows, teams: names };
}

describe('scale: 40 teams and 600 key results', () => {
  function measure(teams: number, objectivesPerTeam: number) {
    const { rows, teams: names } = company(teams, objectivesPerTeam);
    const env = cycle({ rows, teams: names });
    try {
      const { h } = env;
      const counts: Record<string, number> = {};
      const run = (name: string, fn: () => void) => {
        h.calls.reset();
        fn();
        counts[name] = h.calls.total;
      };
      run('create', () => refreshDashboard('en'));
      run('current', () => refreshDashboard('en'));
      h.spreadsheet.getSheetByName('OKRs')!.getRange(2, REGISTER_COLUMN.objectiveId).setValue("'O-new");
      run('rebuild', () => refreshDashboard('en'));
      run('roll-up', () => rollUpTeams('en'));
      const formulas = h.spreadsheet.getSheetByName('Dashboard')!.getDataRange().getFormulas().flat();
      return { counts, customFunctions: formulas.filter((f) => /OKR_/.test(f)).length, formulas: formulas.filter(Boolean).length };
    } finally {
      env.uninstall();
    }
  }
  it('uses the same number of SpreadsheetApp calls for 2 teams / 6 KRs as for 40 teams / 600 KRs, with no custom function', () => {
    const small = measure(2, 1);
    const large = measure(40, 5);
    expect(large.counts).toEqual(small.counts);
    for (const count of Object.values(large.counts)) expect(count).toBeLessThan(120);
    expect(large.customFunctions).toBe(0);
    expect(large.formulas).toBeGreaterThan(large.formulas / 2);
  });
});
