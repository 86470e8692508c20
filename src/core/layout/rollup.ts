/**
 * Team roll-up through IMPORTRANGE: where a company keeps one spreadsheet per
 * team, people paste the teams' spreadsheet URLs into this sheet; the add-on
 * writes, per URL, IMPORTRANGE formulas that pull that register's IDs, team
 * and score columns (A:C, F, P:S), plus a summary row. The add-on itself never
 * opens another spreadsheet (its scope stays spreadsheets.currentonly): Sheets
 * fetches the data, after each user allowed access once per source.
 */
import type { Language } from '../i18n';
import { quote } from '../formulas';
import { SHEET_NAMES } from '../texts';
import { BLANK, columnLetter, formula, text, type CellPlan, type SheetPlan } from './plan';
import { PlanBuilder, SECTION_BACKGROUND, TEAM_BACKGROUND, carriedCell, rowsByKey, textOf } from './builder';
import { REGISTER_COLUMN, MIN_CAPACITY } from './register';

/** Sources (team spreadsheets) at most. */
export const MAX_SOURCES = 40;
/** Register rows imported per source (header + key results). */
export const IMPORT_ROWS = MIN_CAPACITY + 101;
export const ROLLUP_WIDTH = 7;
export const ROLLUP_COLUMN = { url: 1, sheet: 2, team: 3, krs: 4, meanKr: 5, meanObjective: 6, status: 7 } as const;

const TEXT = {
  en: {
    title: 'Team roll-up',
    hint: 'One team spreadsheet URL per yellow row (sheet name: OKRs if blank), then run the menu item again. First time: click a #REF! cell, "Allow access".',
    sources: 'Team spreadsheets',
    headers: ['Spreadsheet URL', 'Register sheet', 'Team', 'Key results', 'Mean KR score', 'Mean objective score (per KR row)', 'Status'],
    source: 'Imported from',
    allow: 'allow access: click the #REF! cell of its block and "Allow access"',
    ok: 'ok',
    badUrl: 'not a spreadsheet URL',
  },
  de: {
    title: 'Team-Übersicht',
    hint: 'Je gelber Zeile die URL einer Team-Tabelle (Blatt: OKRs, wenn leer), dann den Menüpunkt erneut wählen. Beim ersten Mal: #REF!-Zelle anklicken, „Zugriff erlauben“.',
    sources: 'Team-Tabellen',
    headers: ['URL der Tabelle', 'Registerblatt', 'Team', 'Key Results', 'Mittlerer KR-Score', 'Mittlerer Objective-Score (je KR-Zeile)', 'Status'],
    source: 'Importiert aus',
    allow: 'Zugriff erlauben: #REF!-Zelle im Block anklicken und „Zugriff erlauben“',
    ok: 'ok',
    badUrl: 'keine Tabellen-URL',
  },
} as const;

export function rollupSheetName(lang: Language): string {
  return SHEET_NAMES[lang].rollup;
}

/** A Google Sheets URL or a bare spreadsheet key. */
export function isSpreadsheetUrl(value: string): boolean {
  return /^https:\/\/docs\.google\.com\/spreadsheets\/d\/[\w-]{20,}/.test(value) || /^[\w-]{30,}$/.test(value);
}

export interface RollupInput {
  lang: Language;
  /** The old sheet's values: the URLs and sheet names are carried by key. */
  previous?: readonly (readonly unknown[])[];
}

export interface RollupPlan {
  plan: SheetPlan;
  sources: number;
  invalid: string[];
}

export function rollupPlan(input: RollupInput): RollupPlan {
  const { lang } = input;
  const t = TEXT[lang];
  const C = ROLLUP_COLUMN;
  const b = new PlanBuilder(ROLLUP_WIDTH, true);
  const previous = rowsByKey(input.previous ?? [], ROLLUP_WIDTH + 1);
  const L = columnLetter;
  b.row([text(t.title)], { bold: true, key: '#title' });
  b.row([text(t.hint)]);
  b.blank();
  b.row([text(t.sources)], { bold: true, background: SECTION_BACKGROUND });
  b.row(t.headers.map((h) => text(h)), { bold: true });
  const firstSource = b.nextRow;
  const sources: { row: number; url: string }[] = [];
  const invalid: string[] = [];
  const invalidRows: number[] = [];
  for (let i = 1; i <= MAX_SOURCES; i++) {
    const key = `src:${i}`;
    const line = previous.get(key);
    const url = line ? textOf(line[C.url - 1]) : '';
    const sheetName = line ? textOf(line[C.sheet - 1]) : '';
    const row = firstSource + i - 1;
    if (url && isSpreadsheetUrl(url)) sources.push({ row, url });
    else if (url) {
      invalid.push(url);
      invalidRows.push(row);
    }
    // What was typed goes back as it was (a formula stays a formula); the trimmed text only decides what is a source.
    b.row([url ? carriedCell(line![C.url - 1]) : BLANK, sheetName ? carriedCell(line![C.sheet - 1]) : BLANK], { key, inputs: [C.url, C.sheet] });
  }
  const summary: { row: number; block: number }[] = [];
  for (const source of sources) {
    b.blank();
    const header = b.row([text(t.source), formula(`=$A$${source.row}`)], { bold: true, background: TEAM_BACKGROUND });
    const block = header + 1;
    const range = (from: string, to: string) => `"'"&IF(TRIM($B$${source.row})="","OKRs",TRIM($B$${source.row}))&"'!${from}1:${to}${IMPORT_ROWS}"`;
    const col = (key: keyof typeof REGISTER_COLUMN) => L(REGISTER_COLUMN[key]);
    const cells: CellPlan[] = [
      formula(`=IMPORTRANGE($A$${source.row},${range(col('objectiveId'), col('team'))})`),
      BLANK,
      BLANK,
      formula(`=IMPORTRANGE($A$${source.row},${range(col('krId'), col('krId'))})`),
      formula(`=IMPORTRANGE($A$${source.row},${range(col('krScore'), col('pace'))})`),
    ];
    b.row(cells);
    for (let r = 1; r < IMPORT_ROWS; r++) b.blank();
    summary.push({ row: source.row, block });
  }
  // Summary formulas on the source rows, now that the blocks' rows are known.
  for (const { row, block } of summary) {
    const rows = (column: string) => `${column}${block + 1}:${column}${block + IMPORT_ROWS - 1}`;
    const cells = b.cells[row - 1];
    cells[C.team - 1] = formula(`=IFERROR(INDEX(${rows('C')},1,1)&"","")`);
    cells[C.krs - 1] = formula(`=IFERROR(COUNTA(${rows('D')}),"")`);
    cells[C.meanKr - 1] = formula(`=IFERROR(AVERAGE(${rows('E')}),"")`);
    cells[C.meanObjective - 1] = formula(`=IFERROR(AVERAGE(${rows('F')}),"")`);
    cells[C.status - 1] = formula(`=IF(ISERROR($A$${block}),${quote(t.allow)},${quote(t.ok)})`);
    b.formats[row - 1][C.meanKr - 1] = '0%';
    b.formats[row - 1][C.meanObjective - 1] = '0%';
  }
  for (const row of invalidRows) b.cells[row - 1][C.status - 1] = text(t.badUrl);
  const plan = b.plan(rollupSheetName(lang), {
    columnWidths: { [C.url]: 320, [C.status]: 260 },
    protect: { a1: `C${firstSource}:${L(ROLLUP_WIDTH)}${firstSource + MAX_SOURCES - 1}` },
  });
  return { plan, sources: sources.length, invalid };
}
