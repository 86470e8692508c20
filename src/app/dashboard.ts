/**
 * Use cases of the dashboard and the portfolio, from the menu. Every write
 * runs under the document lock and uses a number of SpreadsheetApp calls that
 * does not grow with the number of key results (whole-block reads and writes;
 * two charts).
 */
import type { Level } from '../core/alignment';
import { readTeamLevels } from '../core/layout/settings';
import { UserError } from '../core/errors';
import { PRODUCT_NAME } from '../core/texts';
import { format, type Language } from '../core/i18n';
import { isoOf, textOf } from '../core/cellValues';
import type { LogEntry } from '../core/layout/checkInLog';
import { DASHBOARD_TITLES, DASH_COLUMN, GRID_KEY, cycleWeeks, dashboardPlan, dashboardSheetName, layoutSignature, recordedSignature } from '../core/layout/dashboard';
import { confidenceGrid } from '../core/layout/dashboardGrid';
import { columnLetter } from '../core/layout/plan';
import { parsePortfolio, portfolioPlan } from '../core/layout/portfolio';
import { registerCapacity } from '../core/layout/register';
import { ROLLUP_WIDTH, rollupPlan, rollupSheetName } from '../core/layout/rollup';
import { hideKeyColumn, prepareRewrite, readKeyed } from '../sheets/keyed';
import { MAX_TEAMS } from '../core/layout/settings';
import { readLog, readRegisterValues, readUsedValues } from '../sheets/events';
import { replaceCharts, missingCharts, insertCharts, type ChartSpec } from '../sheets/charts';
import { spreadsheetLanguage } from '../sheets/locale';
import { withDocumentLock } from '../sheets/lock';
import { alert, toast } from '../sheets/ui';
import { arrangeTabs, runningCycleName } from '../sheets/tabs';
import { activeSpreadsheet, findSheet, registerMissing } from '../sheets/workbook';
import { WriteSession, rewriteSheet, writeNewSheet, zoneOf } from '../sheets/writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TEXT = {
  foreign: {
    en: '"{name}" was not made by this add-on and was left alone: rename it and refresh again.',
    de: '„{name}“ stammt nicht von diesem Add-on und blieb unverändert: Benenne es um und aktualisiere erneut.',
  },
  created: {
    en: '"{name}" is ready: {teams|team|teams}, {objectives|objective|objectives}. It updates by itself from now on.',
    de: '„{name}“ ist bereit: {teams|Team|Teams}, {objectives|Objective|Objectives}. Ab jetzt aktualisiert es sich selbst.',
  },
  rebuilt: {
    en: '"{name}" was rebuilt for {teams|team|teams}, {objectives|objective|objectives}; notes were kept.',
    de: '„{name}“ wurde für {teams|Team|Teams}, {objectives|Objective|Objectives} neu aufgebaut; Notizen blieben erhalten.',
  },
  current: {
    en: '"{name}" is current: no team or objective changed. Its numbers update by themselves.',
    de: '„{name}“ ist aktuell: Kein Team und kein Objective hat sich geändert. Die Zahlen aktualisieren sich selbst.',
  },
  portfolioCreated: {
    en: 'An empty Portfolio sheet was added: list projects and investments with the objectives they serve.',
    de: 'Ein leeres Portfolio-Blatt wurde angelegt: Tragt dort Projekte und Investitionen ein, jeweils mit den Objectives, denen sie dienen.',
  },
  unknownIds: {
    en: 'Portfolio items name objective IDs the register does not know: {ids}.',
    de: 'Portfolio-Einträge nennen Objective-IDs, die das Register nicht kennt: {ids}.',
  },
  rollupCreated: {
    en: '"{name}" was added: paste the team spreadsheets\' URLs into its yellow rows, then choose "Roll up team spreadsheets" again.',
    de: '„{name}“ wurde angelegt: Füge die URLs der Team-Tabellen in die gelben Zeilen ein und wähle dann erneut „Team-Tabellen zusammenführen“.',
  },
  rollupWritten: {
    en: '"{name}": IMPORTRANGE formulas written for {sources|team spreadsheet|team spreadsheets}. The first time, each person allows access once per source (click a #REF! cell).',
    de: '„{name}“: IMPORTRANGE-Formeln für {sources|Team-Tabelle|Team-Tabellen} geschrieben. Beim ersten Mal erlaubt jede Person den Zugriff einmal je Quelle (#REF!-Zelle anklicken).',
  },
  rollupInvalid: { en: 'Not a spreadsheet URL, skipped: {urls}', de: 'Keine Tabellen-URL, übersprungen: {urls}' },
  portfolioOpened: { en: 'The Portfolio is open.', de: 'Das Portfolio ist geöffnet.' },
  title: { en: PRODUCT_NAME, de: PRODUCT_NAME },
};


/** `readKeyed` of a sheet the add-on wrote; a used sheet of that name without a key column is someone else's. */
function readOwnSheet(sheet: Sheet, carried: number, lang: Language) {
  const snapshot = readKeyed(sheet, carried);
  if (snapshot.used && !snapshot.keyColumn) throw new UserError(format(TEXT.foreign[lang], { name: sheet.getName() }));
  return snapshot;
}

export interface CycleSettings {
  cycleName: string;
  teams: string[];
  levels: Map<string, Level>;
  start: string;
  end: string;
}

/** Cycle name, dates and teams: one read of Settings A1:F101 (2 calls). */
export function readCycleSettings(sheet: Sheet | null): CycleSettings {
  if (!sheet) return { cycleName: '', teams: [], levels: new Map(), start: '', end: '' };
  const values = sheet.getRange(1, 1, MAX_TEAMS + 1, 6).getValues();
  const zone = zoneOf(sheet);
  return {
    cycleName: textOf(values[1]?.[1]),
    start: isoOf(values[2]?.[1], zone),
    end: isoOf(values[3]?.[1], zone),
    teams: values
      .slice(1)
      .map((line) => textOf(line[3]))
      .filter(Boolean),
    levels: readTeamLevels(values),
  };
}

/** The Portfolio sheet, created empty when missing (the review and the dashboard read it). */
export function ensurePortfolio(spreadsheet: Spreadsheet, lang: Language, keyResults: number): { sheet: Sheet; created: boolean } {
  const existing = findSheet(spreadsheet, 'portfolio', lang);
  if (existing) return { sheet: existing, created: false };
  return { sheet: writeNewSheet(new WriteSession(spreadsheet), portfolioPlan(lang, registerCapacity(keyResults))), created: true };
}

export interface DashboardOutcome {
  kind: 'created' | 'rebuilt' | 'current';
  name: string;
  teams: number;
  objectives: number;
  portfolioCreated: boolean;
  unknownPortfolioIds: string[];
}

function chartSpecs(lang: Language, charts: ReturnType<typeof dashboardPlan>['charts'], anchorColumn: number): ChartSpec[] {
  const { headerRow, firstTeamRow, lastTeamRow, firstWeekColumn, lastWeekColumn } = charts;
  const last = Math.max(firstTeamRow, lastTeamRow);
  const titles = DASHBOARD_TITLES[lang];
  return [
    { kind: 'column', title: titles.scores, ranges: [`A${headerRow}:A${last}`, `F${headerRow}:F${last}`], row: 1, column: anchorColumn },
    {
      kind: 'line',
      title: titles.confidence,
      ranges: [`A${headerRow}:A${last}`, `${columnLetter(firstWeekColumn)}${headerRow}:${columnLetter(lastWeekColumn)}${last}`],
      row: 20,
      column: anchorColumn,
      seriesInRows: true,
    },
  ];
}

const OWN_CHART_TITLES = [...Object.values(DASHBOARD_TITLES.en), ...Object.values(DASHBOARD_TITLES.de)];

/**
 * Creates the dashboard, or rebuilds its layout when teams, objectives,
 * parents, key results, dependencies or the cycle's weeks changed; otherwise
 * leaves it as it is and says it is current. Notes typed on it are carried.
 */
export function refreshDashboard(lang: Language): DashboardOutcome {
  return withDocumentLock(lang, () => {
    const spreadsheet = activeSpreadsheet();
    const registerSheet = findSheet(spreadsheet, 'register', lang);
    if (!registerSheet) throw registerMissing(spreadsheet, lang);
    const registered = readRegisterValues(registerSheet).rows;
    const rows = registered.map((r) => r.row);
    const registerRows = registered.map((r) => r.sheetRow);
    const settings = readCycleSettings(findSheet(spreadsheet, 'settings', lang));
    const weeks = cycleWeeks(settings.start, settings.end);
    const grid = confidenceGrid(readLog(findSheet(spreadsheet, 'checkInLog', lang)), rows.map((r) => r.krId).filter(Boolean), settings.start, weeks);

    const portfolio = ensurePortfolio(spreadsheet, lang, rows.length);
    const known = new Set(rows.map((r) => r.objectiveId).filter(Boolean));
    const unknownPortfolioIds = portfolio.created
      ? []
      : [...new Set(parsePortfolio(readUsedValues(portfolio.sheet)).flatMap((item) => item.objectives.filter((id) => !known.has(id))))];

    const name = dashboardSheetName(lang);
    const existing = findSheet(spreadsheet, 'dashboard', lang);
    // Only the notes (one column left of the key) and the keys are read back, never the computed cells.
    const snapshot = existing ? readOwnSheet(existing, 1, lang) : undefined;
    const previous = snapshot?.values;
    const input = { lang, cycle: settings.cycleName, teams: settings.teams, levels: settings.levels, rows, weeks, start: settings.start, registerRows, grid, previous };
    const objectives = known.size;
    const base = { name, objectives, portfolioCreated: portfolio.created, unknownPortfolioIds };

    if (existing && previous && recordedSignature(previous) === layoutSignature(input)) {
      const current = dashboardPlan(input);
      const { charts, plan } = current;
      const missing = missingCharts(existing, chartSpecs(lang, charts, plan.cells[0].length + 1));
      if (missing.length) insertCharts(existing, missing);
      syncGrid(existing, current);
      return { kind: 'current', teams: charts.lastTeamRow - charts.firstTeamRow + 1, ...base };
    }

    const built = dashboardPlan(input);
    const { plan } = built;
    const session = new WriteSession(spreadsheet);
    const width = plan.cells[0].length;
    let sheet: Sheet;
    if (existing && snapshot && previous) {
      sheet = existing;
      prepareRewrite(sheet, snapshot, width);
      rewriteSheet(session, sheet, plan, previous.length);
      hideKeyColumn(sheet, snapshot.keyColumn, width);
    } else {
      sheet = writeNewSheet(session, plan);
    }
    replaceCharts(sheet, chartSpecs(lang, built.charts, width + 1), OWN_CHART_TITLES);
    // A new dashboard (and portfolio) take their places after the register; a rebuilt one stays where it is.
    if (existing) spreadsheet.setActiveSheet(sheet);
    else arrangeTabs(spreadsheet, runningCycleName(spreadsheet, lang), sheet);
    return { kind: existing ? 'rebuilt' : 'created', teams: built.matrix.teams.length, ...base };
  });
}

/**
 * A current dashboard's KR x week grid brought in line with the log (one read,
 * and one write only when a value differs): entries logged by hand, or
 * applied while the dashboard was being rebuilt, show up.
 */
function syncGrid(sheet: Sheet, built: ReturnType<typeof dashboardPlan>): void {
  const { firstRow, firstColumn, weeks, krs } = built.grid;
  if (!krs.length) return;
  const range = sheet.getRange(firstRow, firstColumn, krs.length, weeks);
  const have = range.getValues();
  const want = built.plan.cells.slice(firstRow - 1, firstRow - 1 + krs.length).map((line) =>
    line.slice(firstColumn - 1, firstColumn - 1 + weeks).map((cell) => ('number' in cell ? cell.number : '')),
  );
  if (want.some((line, r) => line.some((value, c) => value !== have[r]?.[c]))) range.setValues(want);
}

/** Opens the Portfolio, creating it (empty) first when there is none. */
export function openPortfolio(lang: Language): { created: boolean } {
  return withDocumentLock(lang, () => {
    const spreadsheet = activeSpreadsheet();
    const existing = findSheet(spreadsheet, 'portfolio', lang);
    if (existing) {
      spreadsheet.setActiveSheet(existing);
      return { created: false };
    }
    const registerSheet = findSheet(spreadsheet, 'register', lang);
    if (!registerSheet) throw registerMissing(spreadsheet, lang);
    const { sheet } = ensurePortfolio(spreadsheet, lang, Math.max(0, registerSheet.getLastRow() - 1));
    arrangeTabs(spreadsheet, runningCycleName(spreadsheet, lang), sheet);
    return { created: true };
  });
}

export function dashboardMessage(outcome: DashboardOutcome, lang: Language): string {
  const lines = [format(TEXT[outcome.kind][lang], { name: outcome.name, teams: outcome.teams, objectives: outcome.objectives })];
  if (outcome.portfolioCreated) lines.push(TEXT.portfolioCreated[lang]);
  if (outcome.unknownPortfolioIds.length) lines.push(format(TEXT.unknownIds[lang], { ids: outcome.unknownPortfolioIds.join(', ') }));
  return lines.join('\n');
}

export function refreshDashboardFromMenu(): void {
  const lang = spreadsheetLanguage();
  const outcome = refreshDashboard(lang);
  const message = dashboardMessage(outcome, lang);
  if (outcome.unknownPortfolioIds.length) alert(TEXT.title[lang], message);
  else toast(activeSpreadsheet(), message);
}

export function openPortfolioFromMenu(): void {
  const lang = spreadsheetLanguage();
  const outcome = openPortfolio(lang);
  toast(activeSpreadsheet(), outcome.created ? TEXT.portfolioCreated[lang] : TEXT.portfolioOpened[lang]);
}

export interface RollupOutcome {
  kind: 'created' | 'written';
  name: string;
  sources: number;
  invalid: string[];
}

/**
 * Creates the roll-up sheet (URLs typed into its yellow rows), or rewrites its
 * IMPORTRANGE blocks for the URLs listed there, keeping every URL and sheet name.
 */
export function rollUpTeams(lang: Language): RollupOutcome {
  return withDocumentLock(lang, () => {
    const spreadsheet = activeSpreadsheet();
    const name = rollupSheetName(lang);
    const existing = findSheet(spreadsheet, 'rollup', lang);
    // The URL and sheet-name columns are 7 and 6 left of the key column.
    const snapshot = existing ? readOwnSheet(existing, ROLLUP_WIDTH, lang) : undefined;
    const built = rollupPlan({ lang, previous: snapshot?.values });
    const session = new WriteSession(spreadsheet);
    let sheet: Sheet;
    if (existing && snapshot) {
      prepareRewrite(existing, snapshot, built.plan.cells[0].length);
      sheet = rewriteSheet(session, existing, built.plan, snapshot.values.length);
      spreadsheet.setActiveSheet(sheet);
    } else {
      sheet = writeNewSheet(session, built.plan);
      arrangeTabs(spreadsheet, runningCycleName(spreadsheet, lang), sheet);
    }
    return { kind: existing ? 'written' : 'created', name, sources: built.sources, invalid: built.invalid };
  });
}

export function rollupMessage(outcome: RollupOutcome, lang: Language): string {
  const lines = [format((outcome.kind === 'created' ? TEXT.rollupCreated : TEXT.rollupWritten)[lang], { name: outcome.name, sources: outcome.sources })];
  if (outcome.invalid.length) lines.push(format(TEXT.rollupInvalid[lang], { urls: outcome.invalid.join(', ') }));
  return lines.join('\n');
}

export function rollUpTeamsFromMenu(): void {
  const lang = spreadsheetLanguage();
  const outcome = rollUpTeams(lang);
  const message = rollupMessage(outcome, lang);
  if (outcome.invalid.length) alert(TEXT.title[lang], message);
  else toast(activeSpreadsheet(), message);
}

/**
 * After a check-in is applied: the week's logged confidences go into the
 * dashboard's KR x week grid (the objective and team cells average them).
 * Reads row 1, the key column, the grid's week labels and one week column;
 * writes that column once. Nothing when there is no dashboard, the week is
 * not one of its columns, or no KR of the entries is on it (refresh adds
 * new KRs, and fills their weeks from the log).
 */
export function writeWeekToDashboard(spreadsheet: Spreadsheet, lang: Language, week: string, entries: readonly LogEntry[]): number {
  const confidences = new Map(entries.filter((e) => e.kind === 'kr' && e.confidence !== null && e.confidence >= 0).map((e) => [e.id, e.confidence as number]));
  if (!confidences.size) return 0;
  const sheet = findSheet(spreadsheet, 'dashboard', lang);
  if (!sheet) return 0;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < DASH_COLUMN.firstWeek) return 0;
  const keyColumn = sheet.getRange(1, 1, 1, lastColumn).getValues()[0].findIndex((v) => textOf(v) === '#title') + 1;
  if (keyColumn < 1) return 0;
  const keys = sheet.getRange(1, keyColumn, lastRow, 1).getValues().map((line) => textOf(line[0]));
  const headerRow = keys.indexOf(GRID_KEY) + 1;
  if (headerRow < 1) return 0;
  let lastKr = headerRow;
  while (lastKr < keys.length && keys[lastKr].startsWith('kr:')) lastKr++;
  if (lastKr === headerRow) return 0;
  const labels = sheet.getRange(headerRow, DASH_COLUMN.firstWeek, 1, keyColumn - DASH_COLUMN.firstWeek).getValues()[0].map(textOf);
  const column = labels.indexOf(week);
  if (column < 0) return 0;
  const range = sheet.getRange(headerRow + 1, DASH_COLUMN.firstWeek + column, lastKr - headerRow, 1);
  let written = 0;
  const values = range.getValues().map((line, i) => {
    const value = confidences.get(keys[headerRow + i].slice(3));
    if (value === undefined) return [line[0]];
    written++;
    return [value];
  });
  if (written) range.setValues(values);
  return written;
}
