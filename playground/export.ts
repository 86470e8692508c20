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
 * them themselves.
 */
import ExcelJS from 'exceljs';
import { columnToLetters, rectToA1, quoteSheetName, type Rect } from '../emulator/a1';
import { dateToSerial, isDateFormat } from '../emulator/formula';
import type { FakeSheet, FakeSpreadsheet } from '../emulator/spreadsheet';

const SHEETS_ONLY = [
  'ARRAYFORMULA', 'FILTER', 'QUERY', 'SORT', 'SORTN', 'UNIQUE', 'FLATTEN', 'SPLIT', 'JOIN', 'SPARKLINE', 'IMAGE',
  'IMPORTRANGE', 'IMPORTDATA', 'IMPORTHTML', 'IMPORTXML', 'IMPORTFEED', 'GOOGLEFINANCE', 'GOOGLETRANSLATE', 'DETECTLANGUAGE',
  'REGEXMATCH', 'REGEXEXTRACT', 'REGEXREPLACE', 'LET', 'LAMBDA', 'MAP', 'REDUCE', 'BYROW', 'BYCOL', 'MAKEARRAY', 'SCAN',
  'CONTINUE', 'GETPIVOTDATA', 'ISEMAIL', 'ISURL',
];
/** Functions Excel files spell with the `_xlfn.` prefix (added after Excel 2007). */
const XLFN = ['IFS', 'SWITCH', 'IFNA', 'CONCAT', 'TEXTJOIN', 'XLOOKUP', 'XMATCH', 'MAXIFS', 'MINIFS', 'XOR', 'DAYS', 'ISOWEEKNUM'];

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
function conditionFormula(type: string, values: unknown[], at: string): string | null {
  const v = values.map((x) => (typeof x === 'number' ? String(x) : str(x)));
  const n = `ISNUMBER(${at})`;
  switch (type) {
    case 'CUSTOM_FORMULA':
      return xlsxFormula(String(values[0]));
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

function dataValidation(rule: Validation): ExcelJS.DataValidation | null {
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
    return { type: 'list', formulae: [`${quoteSheetName(range.sheet.name)}!${abs}`], ...common };
  }
  const op = OPERATORS[rule.type];
  if (op) return { type: 'decimal', operator: op[0], formulae: rule.values.slice(0, op[1]).map(Number), ...common };
  if (rule.type === 'CUSTOM_FORMULA') return { type: 'custom', formulae: [xlsxFormula(String(rule.values[0]))], ...common };
  return null;
}

function cellResult(value: unknown, timeZone: string): ExcelJS.CellValue | { error: string } | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  if (isDate(value)) return dateToSerial(value, timeZone);
  if (typeof value === 'string' && /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!)$/.test(value)) return { error: value === '#ERROR!' ? '#VALUE!' : value };
  return value as ExcelJS.CellValue;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: FakeSheet, ss: FakeSpreadsheet, customFunctions: readonly string[], options: ExportOptions): void {
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
          target.value = { formula: xlsxFormula(cell.formula), ...(result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue;
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
        const dv = dataValidation(cell.validation);
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
  if (sheet.hidden) ws.state = 'hidden';
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  sheet.cfRules.forEach((rule, i) => {
    if (!rule.ranges.length) return;
    const first = rule.ranges[0].rect;
    const formula = conditionFormula(rule.condition.type, rule.condition.values, `${columnToLetters(first.c1)}${first.r1}`);
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

/** The workbook as an .xlsx file. */
export async function exportWorkbook(ss: FakeSpreadsheet, options: ExportOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OKR for Sheets (playground)';
  const customFunctions = Object.keys(ss.host.customFunctions);
  for (const sheet of ss.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    writeSheet(ws, sheet, ss, customFunctions, options);
  }
  for (const n of ss.namedRanges) {
    const r = n.target.rect;
    wb.definedNames.add(`${quoteSheetName(n.target.sheet.name)}!$${columnToLetters(r.c1)}$${r.r1}:$${columnToLetters(r.c2)}$${r.r2}`, n.name);
  }
  const active = ss.sheets.indexOf(ss.active);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
