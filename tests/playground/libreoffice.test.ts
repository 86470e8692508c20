/**
 * The exported .xlsx opened by LibreOffice headless (Debian's
 * libreoffice-calc): with a profile that sets OOXMLRecalcMode to 0 (always
 * recalculate) it computes every formula itself. The export writes wrong
 * cached results on purpose, so a LibreOffice that trusted them would fail.
 * Every KR score, objective score and attainment it computes must equal
 * src/core/scoring.ts on the realistic cycle, in English and German.
 *
 * Without LibreOffice the test is skipped with a warning, except under
 * CI=true, where it fails (scripts/ensure-libreoffice.mjs installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTER_COLUMN } from '../../src/core/layout/register';
import { DASH_COLUMN } from '../../src/core/layout/dashboard';
import { WEEKLY_COLUMN } from '../../src/core/layout/weekly';
import { attainment, objectiveScore, scoreKeyResult } from '../../src/core/scoring';
import { VERDICT_LABELS } from '../../src/core/vocabulary';
import { exportWorkbook } from '../../playground/export';
import { REGISTER_ROWS } from '../fixtures/realisticCycle';
import { recalculatingProfile, SOFFICE } from './libreoffice';
import { realisticSession } from './realistic';

const ci = process.env.CI === 'true';

/** Every sheet of each .xlsx as CSV (raw values, not as shown), converted by LibreOffice in one run. */
function toCsv(files: string[], outDir: string, profileDir: string): void {
  const result = spawnSync(
    SOFFICE!,
    [
      `-env:UserInstallation=${recalculatingProfile(profileDir)}`,
      '--headless',
      '--norestore',
      '--convert-to',
      // separator, quote, UTF-8, from line 1, -, language, quoted as text, detect numbers, save as shown = false, formulas = false, -, all sheets
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      outDir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 50_000 },
  );
  if (result.status !== 0) throw new Error(`LibreOffice failed: ${result.stderr || result.error}`);
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

const number = (cell: string): number | null => {
  if (cell === '') return null;
  const percent = cell.endsWith('%');
  const n = Number(percent ? cell.slice(0, -1) : cell);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${cell}`);
  return percent ? n / 100 : n;
};

const run = SOFFICE ? describe : describe.skip;
if (!SOFFICE) {
  if (ci) {
    test('LibreOffice is installed (CI=true)', () => {
      throw new Error('LibreOffice (soffice) is missing: the .xlsx recalculation test cannot run. Install libreoffice-calc-nogui.');
    });
  } else console.warn('LibreOffice (soffice) is missing: the .xlsx recalculation test is skipped. Install it with: sudo apt-get install libreoffice-calc-nogui');
}

run('the exported .xlsx, recalculated by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okr-xlsx-'));
  const csv: Record<string, string[][]> = {};
  // A third workbook: a week checked in and the dashboard refreshed; its formulas (AVERAGE over the KR x week
  // grid, COUNTIFS / SUMIFS / SUMPRODUCT over register spans, the portfolio counts) must compute in LibreOffice too.
  let dashboard: { values: unknown[][]; formulas: string[][] } | null = null;

  beforeAll(async () => {
    const files: string[] = [];
    for (const lang of ['en', 'de'] as const) {
      const session = realisticSession(lang);
      const file = join(dir, `cycle-${lang}.xlsx`);
      writeFileSync(file, await exportWorkbook(session.spreadsheet, { cachedResults: 'poison' }));
      files.push(file);
    }
    {
      const session = realisticSession('en');
      session.runMenu('menuNewWeekly');
      const weekly = session.spreadsheet.getActiveSheet();
      const last = weekly.getLastRow();
      const keys = weekly.getRange(1, WEEKLY_COLUMN.key, last, 1).getValues();
      // Confidences typed into the confidence column of most KR rows (the column is found by WEEKLY_COLUMN, not next to the value).
      const confidences = weekly.getRange(1, WEEKLY_COLUMN.second, last, 1).getValues();
      keys.forEach((line, i) => {
        if (String(line[0]).startsWith('kr:') && i % 4) confidences[i] = [i % 11];
      });
      weekly.getRange(1, WEEKLY_COLUMN.second, last, 1).setValues(confidences);
      session.runMenu('menuApplyCheckIn');
      session.runMenu('menuRefreshDashboard');
      const sheet = session.spreadsheet.getSheetByName('Dashboard')!;
      const range = sheet.getDataRange();
      dashboard = { values: range.getValues(), formulas: range.getFormulas() };
      const file = join(dir, 'dashboard-en.xlsx');
      writeFileSync(file, await exportWorkbook(session.spreadsheet, { cachedResults: 'poison' }));
      files.push(file);
    }
    toCsv(files, join(dir, 'csv'), join(dir, 'profile'));
    csv.dashboard = parseCsv(readFileSync(join(dir, 'csv', 'dashboard-en-Dashboard.csv'), 'utf8'));
    for (const lang of ['en', 'de']) {
      const name = readdirSync(join(dir, 'csv')).find((f) => f === `cycle-${lang}-OKRs.csv`);
      if (!name) throw new Error(`no OKRs sheet in ${readdirSync(join(dir, 'csv')).join(', ')}`);
      csv[lang] = parseCsv(readFileSync(join(dir, 'csv', name), 'utf8'));
    }
  }, 55_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['en', 'de'] as const)('every KR score, objective score and attainment equals scoring.ts (%s)', (lang) => {
    const rows = csv[lang].slice(1).filter((r) => r[REGISTER_COLUMN.krId - 1]);
    expect(rows).toHaveLength(REGISTER_ROWS.length);
    const col = (r: string[], key: keyof typeof REGISTER_COLUMN) => r[REGISTER_COLUMN[key] - 1];
    let scored = 0;
    REGISTER_ROWS.forEach((expected, i) => {
      const row = rows[i];
      expect(col(row, 'keyResult')).toBe(expected.keyResult);
      const krScore = scoreKeyResult(expected.start, expected.target, expected.current, expected.kind ?? undefined);
      const siblings = REGISTER_ROWS.filter((r) => r.objectiveId === expected.objectiveId);
      const objective = objectiveScore(
        siblings.map((r) => scoreKeyResult(r.start, r.target, r.current, r.kind ?? undefined)),
        siblings.map((r) => r.weight),
      );
      const verdict = attainment(objective, expected.goalType ?? "roofshot");
      const got = number(col(row, 'krScore'));
      if (krScore === null) expect(got).toBeNull();
      else {
        expect(got).not.toBeNull();
        expect(got!).toBeCloseTo(krScore, 10);
        scored++;
      }
      if (objective === null) expect(number(col(row, 'objectiveScore'))).toBeNull();
      else expect(number(col(row, 'objectiveScore'))!).toBeCloseTo(objective, 10);
      expect(col(row, 'attainment')).toBe(verdict ? VERDICT_LABELS[lang][verdict] : '');
    });
    expect(scored).toBeGreaterThan(20);
  });

  it('every dashboard formula computes in LibreOffice to what the workbook shows (pace, judged on today, aside)', () => {
    const { values, formulas } = dashboard!;
    let compared = 0;
    let weekCells = 0;
    formulas.forEach((line, r) =>
      line.forEach((f, c) => {
        if (!f || c + 1 === DASH_COLUMN.pace || /SPARKLINE|TODAY/.test(f)) return;
        const want = values[r][c];
        const got = csv.dashboard[r]?.[c] ?? '';
        if (typeof want === 'number') {
          expect([r + 1, c + 1, number(got)]).toEqual([r + 1, c + 1, expect.closeTo(want, 9)]);
          if (c + 1 >= DASH_COLUMN.firstWeek) weekCells++;
        } else expect([r + 1, c + 1, got]).toEqual([r + 1, c + 1, String(want)]);
        compared++;
      }),
    );
    expect(compared).toBeGreaterThan(300);
    expect(weekCells).toBeGreaterThan(10); // objective and team confidence of the week checked in
  });
});
