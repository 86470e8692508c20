/**
 * The workbook as .xlsx, written with exceljs (MIT): values, the native
 * formulas with their results, number formats, data validation, conditional
 * formatting, frozen rows and columns, widths, fonts and fills, notes,
 * merges and named ranges.
 *
 * Formulas that only Google Sheets knows (ARRAYFORMULA, FILTER, QUERY,
 * SPARKLINE, IMPORTRANGE, ...) and the add-on's custom functions (OKR_SCORE,
 * ...; unknown outside Sheets with the add-on) are exported as their value,
 * with a note that names the original formula. The register's score
 * formulas are portable and stay formulas, so Excel and LibreOffice compute
 * them themselves. Formulas that only draw (SPARKLINE, IMAGE) leave their
 * cell empty, with the same note.
 *
 * Sheet names follow Excel's rules (at most 31 characters, none of
 * `[]:*?/\`, unique ignoring case); when a name had to change, a contents
 * sheet at the end maps each sheet of the file to its name in Google Sheets,
 * and formulas, drop-downs and named ranges point at the new names.
 *
 * Every sheet is set up for print: A4 landscape, fit to the page's width,
 * the frozen header rows repeated on every page, and a print area that ends
 * at the last row with content and the last column text reaches (no blank
 * pages from empty formula rows, no heading cut at the edge).
 */
import ExcelJS from 'exceljs';
import { columnToLetters, rectToA1, quoteSheetName, unquoteSheetName, type Rect } from '../emulator/a1';
import { dateToSerial, isDateFormat } from '../emulator/formula';
import type { FakeSheet, FakeSpreadsheet } from '../emulator/spreadsheet';

const SHEETS_ONLY = [
  'ARRAYFORMULA', 'FILTER', 'QUERY', 'SORT', 'SORTN', 'UNIQUE', 'FLATTEN', 'SPLIT', 'JOIN', 'SPARKLINE', 'IMAGE',
  'IMPORTRANGE', 'IMPORTDATA', 'IMPORTHTML', 'IMPORTXML', 'IMPORTFEED', 'GOOGLEFINANCE', 'GOOGLETRANSLATE', 'DETECTLANGUAGE',
  'REGEXMATCH', 'REGEXEXTRACT', 'REGEXREPLACE', 'LET', 'LAMBDA', 'MAP', 'REDUCE', 'BYROW', 'BYCOL', 'MAKEARRAY', 'SCAN',
  'CONTINUE', 'GETPIVOTDATA', 'ISEMAIL', 'ISURL',
];
/** Sheets-only functions that draw instead of giving a value: their cells stay empty in the file. */
const DRAWING_ONLY = ['SPARKLINE', 'IMAGE'];
/** Functions Excel files spell with the `_xlfn.` prefix (added after Excel 2007). */
const XLFN = ['IFS', 'SWITCH', 'IFNA', 'CONCAT', 'TEXTJOIN', 'XLOOKUP', 'XMATCH', 'MAXIFS', 'MINIFS', 'XOR', 'DAYS', 'ISOWEEKNUM'];

/** The longest sheet name Excel accepts. */
export const EXCEL_SHEET_NAME_MAX = 31;

/**
 * Excel's names for the sheets, in order: forbidden characters become `_`,
 * a name longer than 31 characters is cut with `…`, and a name already taken
 * (ignoring case) gets ` (2)`, ` (3)`, … within the 31 characters.
 */
export function excelSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  const fit = (base: string, suffix = '') =>
    base.length + suffix.length <= EXCEL_SHEET_NAME_MAX ? base + suffix : `${base.slice(0, EXCEL_SHEET_NAME_MAX - suffix.length - 1).trimEnd()}…${suffix}`;
  return names.map((name) => {
    let base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet';
    if (base.toLowerCase() === 'history') base = `${base}_`;
    let candidate = fit(base);
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = fit(base, ` (${n})`);
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A formula with references to renamed sheets pointing at their new names (text in quotes untouched). */
export function renameSheetsInFormula(formula: string, renamed: ReadonlyMap<string, string>): string {
  if (!renamed.size) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => {
      if (i % 2) return part;
      return part.replace(/('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!/g, (whole, ref: string) => {
        const target = renamed.get(unquoteSheetName(ref));
        return target === undefined ? whole : `${quoteSheetName(target)}!`;
      });
    })
    .join('');
}

export interface ExportOptions {
  /**
   * The cached result written with each formula: what the workbook computed
   * (default), or `'poison'` (a wrong number, for tests that check a
   * spreadsheet program recalculates instead of trusting the file).
   */
  cachedResults?: 'computed' | 'poison';
}

const withoutStrings = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');

/** Whether a formula can go into an .xlsx as a formula: no Sheets-only function, no custom function. */
export function isPortable(formula: string, customFunctions: readonly string[]): boolean {
  const names = new Set([...SHEETS_ONLY, ...customFunctions.map((n) => n.toUpperCase())]);
  for (const m of withoutStrings(formula).matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) if (names.has(m[1].toUpperCase())) return false;
  return true;
}

/** Whether a formula only draws (SPARKLINE, IMAGE): exported as an empty cell with a note. */
export function isDrawingOnly(formula: string): boolean {
  return [...withoutStrings(formula).matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].some((m) => DRAWING_ONLY.includes(m[1].toUpperCase()));
}

/** A portable formula in the .xlsx spelling: no leading '=', `_xlfn.` where Excel wants it. */
export function xlsxFormula(formula: string): string {
  const body = formula.replace(/^=/, '');
  const parts = body.split(/("(?:[^"]|"")*")/);
  const fn = new RegExp(`(^|[^A-Za-z0-9_.])(${XLFN.join('|')})\\s*\\(`, 'gi');
  return parts.map((part, i) => (i % 2 ? part : part.replace(fn, (_m, pre: string, name: string) => `${pre}_xlfn.${name.toUpperCase()}(`))).join('');
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase().padEnd(6, '0').slice(0, 6)}`;
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const str = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;

/** A conditional format rule's condition as an Excel expression relative to `at` (the top-left cell of its range). */
function conditionFormula(type: string, values: unknown[], at: string, renamed: ReadonlyMap<string, string>): string | null {
  const v = values.map((x) => (typeof x === 'number' ? String(x) : str(x)));
  const n = `ISNUMBER(${at})`;
  switch (type) {
    case 'CUSTOM_FORMULA':
      return xlsxFormula(renameSheetsInFormula(String(values[0]), renamed));
    case 'CELL_EMPTY':
      return `LEN(${at})=0`;
    case 'CELL_NOT_EMPTY':
      return `LEN(${at})>0`;
    case 'TEXT_EQUAL_TO':
      return `${at}=${str(values[0])}`;
    case 'TEXT_CONTAINS':
      return `ISNUMBER(SEARCH(${str(values[0])},${at}))`;
    case 'TEXT_DOES_NOT_CONTAIN':
      return `ISERROR(SEARCH(${str(values[0])},${at}))`;
    case 'TEXT_STARTS_WITH':
      return `LEFT(${at},${String(values[0]).length})=${str(values[0])}`;
    case 'TEXT_ENDS_WITH':
      return `RIGHT(${at},${String(values[0]).length})=${str(values[0])}`;
    case 'NUMBER_GREATER_THAN':
      return `AND(${n},${at}>${v[0]})`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `AND(${n},${at}>=${v[0]})`;
    case 'NUMBER_LESS_THAN':
      return `AND(${n},${at}<${v[0]})`;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return `AND(${n},${at}<=${v[0]})`;
    case 'NUMBER_EQUAL_TO':
      return `AND(${n},${at}=${v[0]})`;
    case 'NUMBER_NOT_EQUAL_TO':
      return `AND(${n},${at}<>${v[0]})`;
    case 'NUMBER_BETWEEN':
      return `AND(${n},${at}>=MIN(${v[0]},${v[1]}),${at}<=MAX(${v[0]},${v[1]}))`;
    case 'NUMBER_NOT_BETWEEN':
      return `AND(${n},OR(${at}<MIN(${v[0]},${v[1]}),${at}>MAX(${v[0]},${v[1]})))`;
  }
  return null;
}

const OPERATORS: Record<string, [ExcelJS.DataValidationOperator, number]> = {
  NUMBER_BETWEEN: ['between', 2],
  NUMBER_NOT_BETWEEN: ['notBetween', 2],
  NUMBER_EQUAL_TO: ['equal', 1],
  NUMBER_NOT_EQUAL_TO: ['notEqual', 1],
  NUMBER_GREATER_THAN: ['greaterThan', 1],
  NUMBER_GREATER_THAN_OR_EQUAL_TO: ['greaterThanOrEqual', 1],
  NUMBER_LESS_THAN: ['lessThan', 1],
  NUMBER_LESS_THAN_OR_EQUAL_TO: ['lessThanOrEqual', 1],
};

type Validation = { type: string; values: unknown[]; allowInvalid: boolean; helpText: string | null };

function dataValidation(rule: Validation, renamed: ReadonlyMap<string, string>): ExcelJS.DataValidation | null {
  const common = { allowBlank: true, showErrorMessage: !rule.allowInvalid, ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText } : {}) };
  if (rule.type === 'VALUE_IN_LIST') {
    const items = (rule.values[0] as unknown[]).map(String);
    const list = `"${items.join(',')}"`;
    // Excel's inline lists are comma separated and at most 255 characters long.
    if (items.some((i) => i.includes(',') || i.includes('"')) || list.length > 257) return null;
    return { type: 'list', formulae: [list], ...common };
  }
  if (rule.type === 'VALUE_IN_RANGE') {
    const range = rule.values[0] as { sheet: FakeSheet; rect(): Rect } | null;
    if (!range) return null;
    const r = range.rect();
    const abs = `$${columnToLetters(r.c1)}$${r.r1}:$${columnToLetters(r.c2)}$${r.r2}`;
    return { type: 'list', formulae: [`${quoteSheetName(renamed.get(range.sheet.name) ?? range.sheet.name)}!${abs}`], ...common };
  }
  const op = OPERATORS[rule.type];
  if (op) return { type: 'decimal', operator: op[0], formulae: rule.values.slice(0, op[1]).map(Number), ...common };
  if (rule.type === 'CUSTOM_FORMULA') return { type: 'custom', formulae: [xlsxFormula(renameSheetsInFormula(String(rule.values[0]), renamed))], ...common };
  return null;
}

function cellResult(value: unknown, timeZone: string): ExcelJS.CellValue | { error: string } | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  if (isDate(value)) return dateToSerial(value, timeZone);
  if (typeof value === 'string' && /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!)$/.test(value)) return { error: value === '#ERROR!' ? '#VALUE!' : value };
  return value as ExcelJS.CellValue;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: FakeSheet, ss: FakeSpreadsheet, customFunctions: readonly string[], options: ExportOptions, renamed: ReadonlyMap<string, string>): void {
  const tz = ss.timeZone;
  const lastRow = sheet.lastRow();
  const lastCol = sheet.lastColumn();
  let poison = 0;
  sheet.rows.forEach((row, ri) => {
    row?.forEach((cell, ci) => {
      if (!cell) return;
      const r = ri + 1;
      const c = ci + 1;
      const target = ws.getCell(r, c);
      const typed = ss.typedValue(sheet, r, c);
      if (cell.formula !== undefined) {
        if (isPortable(cell.formula, customFunctions)) {
          const result = options.cachedResults === 'poison' ? -1000 - ++poison : cellResult(typed, tz);
          target.value = { formula: xlsxFormula(renameSheetsInFormula(cell.formula, renamed)), ...(result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue;
        } else if (isDrawingOnly(cell.formula)) {
          // A sparkline or an image has no value: the cell stays empty, the note names what Sheets draws there.
          // (An empty text: exceljs drops a cell without a value, and its note with it.)
          target.value = '';
          target.note = `Google Sheets formula, drawn only in Google Sheets: ${cell.formula}`;
        } else {
          const value = cellResult(typed, tz);
          target.value = (value === undefined ? null : value) as ExcelJS.CellValue;
          target.note = `Google Sheets formula, exported as its value: ${cell.formula}`;
        }
      } else if (cell.value !== undefined && cell.value !== '') {
        target.value = (isDate(cell.value) ? dateToSerial(cell.value, tz) : cell.value) as ExcelJS.CellValue;
      }
      const format = cell.format ?? (isDate(cell.value) ? 'yyyy-mm-dd' : undefined);
      if (format && format !== '0.###############') target.numFmt = format;
      else if (isDate(typed) && !isDateFormat(format)) target.numFmt = 'yyyy-mm-dd';
      const font: Partial<ExcelJS.Font> = {};
      if (cell.fontWeight === 'bold') font.bold = true;
      if (cell.fontStyle === 'italic') font.italic = true;
      if (cell.fontColor && cell.fontColor !== '#000000') font.color = { argb: argb(cell.fontColor) };
      if (cell.fontSize && cell.fontSize !== 10) font.size = cell.fontSize;
      if (Object.keys(font).length) target.font = font;
      if (cell.background && cell.background !== '#ffffff') target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.background) } };
      if (cell.wrap || cell.hAlign || cell.vAlign) {
        const h = cell.hAlign as ExcelJS.Alignment['horizontal'] | undefined;
        target.alignment = { ...(cell.wrap ? { wrapText: true } : {}), ...(h ? { horizontal: h } : {}), ...(cell.vAlign ? { vertical: cell.vAlign === 'center' ? 'middle' : (cell.vAlign as 'top' | 'bottom') } : {}) };
      }
      if (cell.note) target.note = target.note ? `${cell.note}\n${String(target.note)}` : cell.note;
      if (cell.validation) {
        const dv = dataValidation(cell.validation, renamed);
        if (dv) target.dataValidation = dv;
      }
    });
  });
  // Values that spill from a Sheets-only array formula into empty cells.
  for (let r = 1; r <= lastRow; r++) {
    for (let c = 1; c <= lastCol; c++) {
      if (sheet.cell(r, c)?.formula !== undefined || sheet.hasContent(r, c)) continue;
      const value = cellResult(ss.typedValue(sheet, r, c), tz);
      if (value !== undefined) ws.getCell(r, c).value = value as ExcelJS.CellValue;
    }
  }
  for (const m of sheet.merges) ws.mergeCells(m.r1, m.c1, m.r2, m.c2);
  for (const [c, px] of sheet.colWidths) ws.getColumn(c).width = Math.max(2, Math.round((px / 7) * 10) / 10);
  for (const c of sheet.hiddenCols) ws.getColumn(c).hidden = true;
  for (const r of sheet.hiddenRows) ws.getRow(r).hidden = true;
  if (sheet.frozenRows || sheet.frozenCols) ws.views = [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows }];
  for (const [r, pt] of rowHeights(sheet, ss)) ws.getRow(r).height = pt;
  if (sheet.hidden) ws.state = 'hidden';
  printSetup(ws, sheet, ss);
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  sheet.cfRules.forEach((rule, i) => {
    if (!rule.ranges.length) return;
    const first = rule.ranges[0].rect;
    const formula = conditionFormula(rule.condition.type, rule.condition.values, `${columnToLetters(first.c1)}${first.r1}`, renamed);
    if (!formula) return;
    const c = rule.condition;
    const style: Partial<ExcelJS.Style> = {};
    if (c.background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(c.background) } };
    const font: Partial<ExcelJS.Font> = {};
    if (c.fontColor) font.color = { argb: argb(c.fontColor) };
    if (c.bold) font.bold = true;
    if (c.italic) font.italic = true;
    if (Object.keys(font).length) style.font = font;
    ws.addConditionalFormatting({
      ref: rule.ranges.map((x) => rectToA1(x.rect)).join(' '),
      rules: [{ type: 'expression', priority: i + 1, formulae: [formula], style }],
    });
  });
}

/** Average width of a character of 10 pt Arial in px (bold a little wider), to know how far a text runs. */
const CHAR_PX = 7;

/**
 * The part of a sheet that prints: from A1 to the last row that shows
 * something and the last column a shown value reaches, text running on into
 * empty cells to its right included (as Sheets and Excel draw it).
 */
export function printArea(sheet: FakeSheet, ss: FakeSpreadsheet): { rows: number; cols: number } | null {
  const lastRow = sheet.lastRow();
  const lastCol = sheet.lastColumn();
  const hiddenRows = new Set(sheet.hiddenRows);
  const hiddenCols = new Set(sheet.hiddenCols);
  let rows = 0;
  let cols = 0;
  const width = (c: number) => (hiddenCols.has(c) ? 0 : sheet.getColumnWidth(c));
  const merged = (r: number, c: number) => sheet.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  for (let r = 1; r <= lastRow; r++) {
    if (hiddenRows.has(r)) continue;
    for (let c = 1; c <= lastCol; c++) {
      if (hiddenCols.has(c)) continue;
      const shown = ss.displayValue(sheet, r, c);
      if (shown === '') continue;
      rows = r;
      let reach = c;
      const cell = sheet.cell(r, c);
      const m = merged(r, c);
      if (m) reach = Math.max(reach, m.c2);
      else if (!cell?.wrap && typeof ss.typedValue(sheet, r, c) === 'string' && (!cell?.hAlign || cell.hAlign === 'left')) {
        let room = width(c) - 6;
        const needed = shown.length * CHAR_PX * (cell?.fontWeight === 'bold' ? 1.1 : 1) * ((cell?.fontSize ?? 10) / 10);
        for (let next = c + 1; room < needed && next <= Math.max(lastCol, c + 26); next++) {
          if (ss.displayValue(sheet, r, next) !== '' || merged(r, next)) break;
          room += width(next);
          reach = next;
        }
      }
      cols = Math.max(cols, reach);
    }
  }
  return rows && cols ? { rows, cols } : null;
}

/** Points per line of 10 pt Arial, as Sheets and Excel space wrapped lines. */
const LINE_PT = 12.75;

/** How many lines a text takes in a column `px` wide, wrapped at spaces (a little generous: a cut line is worse than a gap). */
export function wrappedLines(text: string, px: number, bold = false, size = 10): number {
  const charPx = CHAR_PX * (bold ? 1.1 : 1) * (size / 10);
  const room = Math.max(charPx, px - 8);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = word.length * charPx;
      const needed = line ? line + charPx + w : w;
      if (needed <= room) line = needed;
      else {
        if (line) lines++;
        // A word longer than the column breaks where the column ends.
        const extra = Math.max(0, Math.ceil(w / room) - 1);
        lines += extra;
        line = w - extra * room;
      }
    }
  }
  return Math.max(1, lines);
}

/**
 * Row heights (pt) for the file: the sheet's own, and for rows with wrapped
 * text as many lines as the text needs, because Excel and LibreOffice take a
 * row's height from the file (a wrapped heading would print cut to one line).
 */
export function rowHeights(sheet: FakeSheet, ss: FakeSpreadsheet): Map<number, number> {
  const heights = new Map<number, number>();
  for (const [r, px] of sheet.rowHeights) heights.set(r, Math.round(px * 0.75 * 10) / 10);
  sheet.rows.forEach((row, ri) => {
    row?.forEach((cell, ci) => {
      if (!cell?.wrap) return;
      const r = ri + 1;
      const c = ci + 1;
      const shown = ss.displayValue(sheet, r, c);
      if (!shown) return;
      const m = sheet.merges.find((x) => r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2);
      if (m && (m.r1 !== r || m.c1 !== c)) return;
      let px = 0;
      for (let k = c; k <= (m ? m.c2 : c); k++) if (!sheet.hiddenCols.has(k)) px += sheet.getColumnWidth(k);
      const lines = wrappedLines(shown, px, cell.fontWeight === 'bold', cell.fontSize ?? 10);
      const span = m ? m.r2 - m.r1 + 1 : 1;
      const pt = Math.ceil((lines * LINE_PT + 3) / span);
      if (lines > 1 && pt > (heights.get(r) ?? 15.75)) heights.set(r, pt);
    });
  });
  return heights;
}

/** A4 landscape, fit to the page's width, the frozen header rows on every page, the print area. */
function printSetup(ws: ExcelJS.Worksheet, sheet: FakeSheet, ss: FakeSpreadsheet): void {
  const area = printArea(sheet, ss);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as the rows need
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    // exceljs writes `$` before each part: `A$1:S$13` becomes the absolute `$A$1:$S$13` LibreOffice and Excel read.
    ...(area ? { printArea: `A$1:${columnToLetters(area.cols)}$${area.rows}` } : {}),
    ...(sheet.frozenRows && area && area.rows > sheet.frozenRows ? { printTitlesRow: `1:${sheet.frozenRows}` } : {}),
  };
}

const CONTENTS = {
  en: { sheet: 'Contents', title: 'Sheets in this file and their names in Google Sheets', file: 'Sheet in this file', original: 'Name in Google Sheets', why: 'Excel allows at most 31 characters in a sheet name; names that were longer or taken are shortened here.' },
  de: { sheet: 'Inhalt', title: 'Blätter dieser Datei und ihre Namen in Google Sheets', file: 'Blatt in dieser Datei', original: 'Name in Google Sheets', why: 'Excel erlaubt höchstens 31 Zeichen pro Blattname; längere oder doppelte Namen sind hier gekürzt.' },
};

/** The contents sheet at the end: every sheet of the file (with a link) next to its name in Google Sheets. */
function writeContents(wb: ExcelJS.Workbook, ss: FakeSpreadsheet, names: string[]): void {
  const t = CONTENTS[ss.locale.toLowerCase().startsWith('de') ? 'de' : 'en'];
  const taken = new Set(names.map((n) => n.toLowerCase()));
  let sheetName = t.sheet;
  for (let n = 2; taken.has(sheetName.toLowerCase()); n++) sheetName = `${t.sheet} (${n})`;
  const ws = wb.addWorksheet(sheetName);
  ws.getCell(1, 1).value = t.title;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  ws.getCell(2, 1).value = t.why;
  ws.mergeCells(2, 1, 2, 2);
  ws.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 2 * LINE_PT + 3;
  ws.getCell(4, 1).value = t.file;
  ws.getCell(4, 2).value = t.original;
  ws.getRow(4).font = { bold: true };
  ss.sheets.forEach((sheet, i) => {
    const row = 5 + i;
    ws.getCell(row, 1).value = { text: names[i], hyperlink: `#${quoteSheetName(names[i])}!A1` };
    ws.getCell(row, 2).value = sheet.name;
    if (names[i] !== sheet.name) ws.getCell(row, 1).font = { bold: true };
  });
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 60;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 4 }];
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: `A$1:B$${4 + ss.sheets.length}`, printTitlesRow: '4:4' };
}

/** The workbook as an .xlsx file. */
export async function exportWorkbook(ss: FakeSpreadsheet, options: ExportOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OKR for Sheets (playground)';
  const customFunctions = Object.keys(ss.host.customFunctions);
  const names = excelSheetNames(ss.sheets.map((sheet) => sheet.name));
  const renamed = new Map<string, string>();
  ss.sheets.forEach((sheet, i) => {
    if (names[i] !== sheet.name) renamed.set(sheet.name, names[i]);
  });
  ss.sheets.forEach((sheet, i) => writeSheet(wb.addWorksheet(names[i]), sheet, ss, customFunctions, options, renamed));
  if (renamed.size) writeContents(wb, ss, names);
  for (const n of ss.namedRanges) {
    const r = n.target.rect;
    const sheetName = renamed.get(n.target.sheet.name) ?? n.target.sheet.name;
    wb.definedNames.add(`${quoteSheetName(sheetName)}!$${columnToLetters(r.c1)}$${r.r1}:$${columnToLetters(r.c2)}$${r.r2}`, n.name);
  }
  const active = ss.sheets.indexOf(ss.active);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
