/** Spreadsheet of the Sheets emulator: sheets, named ranges, protections, conditional formats, formula evaluation. */
/*
 * The stateful in-memory spreadsheet behind the SpreadsheetApp fake: sheets
 * of cells (typed value or formula, number format, formatting, note, data
 * validation), named ranges, protections, conditional format rules, merges,
 * and formula evaluation through fast-formula-parser.
 *
 * Methods carry the names and argument lists of the Apps Script classes.
 * Everything handed to code under test goes through the proxy in
 * appsScript.ts (call counting, auth modes); calls between these classes and
 * the test helpers stay uncounted.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { columnToLetters, parseA1, quoteSheetName, rectContains, shiftRect, splitSheet, type Axis, type Rect } from './a1';
import { FormulaError, FormulaParser, sheetsFunctions, MAX_ROW, dateToSerial, decimalComma, formatNumber, formatText, isDateFormat, isDateLike, isFormulaError, lazyParse, localToDate, serialToDate, shiftFormula, translateFormula } from './formula';
import { Host, KIND, Kind, SheetsError } from './common';
import { FakeBooleanCondition, SheetRect } from './conditionalFormat';
import { FakeProtection } from './protection';
import { FakeNamedRange } from './namedRange';
import { FakeSheet } from './sheet';
import { FakeRange } from './range';

// ---------------------------------------------------------------------------
// Spreadsheet

export interface Computed {
  v: any; // engine value: number | string | boolean | null | FormulaError
  date: boolean;
  message?: string;
}

export class FakeSpreadsheet {
  readonly [KIND]: Kind = 'document';
  static label = 'Spreadsheet';
  sheets: FakeSheet[] = [];
  namedRanges: FakeNamedRange[] = [];
  active!: FakeSheet;
  selection: SheetRect | null = null;
  name = 'OKR test spreadsheet';
  readonly id = '1FakeSpreadsheetId_' + Math.random().toString(36).slice(2, 10);
  /** Bumped on every write; computed values are cached per generation. */
  generation = 0;
  private computedGeneration = -1;
  private results = new Map<FakeSheet, Map<number, Computed>>();
  private spills = new Map<FakeSheet, Map<number, Computed>>();
  private prevSpills = new Map<FakeSheet, Map<number, Computed>>();
  private inProgress = new Set<string>();
  private parsers: any[] = [];
  private depth = 0;

  constructor(
    readonly host: Host,
    public locale: string,
    public timeZone: string,
  ) {
    const first = new FakeSheet(this, 'Sheet1');
    this.sheets.push(first);
    this.active = first;
  }

  touch(): void {
    this.generation++;
  }

  /** Drops the formula parsers (after custom functions were registered) and the cached results. */
  resetEngine(): void {
    this.parsers = [];
    this.touch();
  }

  /** Test helper: the selection getActiveRange() returns. */
  setSelection(sheetName: string, a1: string): void {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet named ${sheetName}`);
    const rect = parseA1(a1, sheet.maxRows, sheet.maxCols);
    if (!rect) throw new Error(`Bad range ${a1}`);
    this.active = sheet;
    this.selection = { sheet, rect };
  }

  sheetByName(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  // --- Apps Script API
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(name: string): void {
    this.name = name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheetByName(name) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    return this.sheets.find((s) => s.id === id) ?? null;
  }
  insertSheet(a?: any, b?: any): FakeSheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this.sheetByName(name)) throw new SheetsError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, name);
    const at = index === undefined ? this.sheets.indexOf(this.active) + 1 : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    this.active = sheet;
    this.touch();
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw new SheetsError("You can't remove all the sheets in a document.");
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new SheetsError('Sheet not found');
    this.sheets.splice(i, 1);
    this.namedRanges = this.namedRanges.filter((n) => n.target.sheet !== sheet);
    if (this.active === sheet) this.active = this.sheets[Math.max(0, i - 1)];
    if (this.selection?.sheet === sheet) this.selection = null;
    this.touch();
  }
  getActiveSheet(): FakeSheet {
    return this.active;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.active = sheet;
    this.selection = { sheet, rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
    return sheet;
  }
  moveActiveSheet(pos: number): void {
    const i = this.sheets.indexOf(this.active);
    this.sheets.splice(i, 1);
    this.sheets.splice(Math.max(0, Math.min(pos - 1, this.sheets.length)), 0, this.active);
  }
  getActiveRange(): FakeRange | null {
    const s = this.selection;
    return s ? s.sheet.rangeOf(s.rect) : this.active.rangeOf({ r1: 1, c1: 1, r2: 1, c2: 1 });
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.selection = { sheet: range.sheet, rect: range.rect() };
    this.active = range.sheet;
    return range;
  }
  getCurrentCell(): FakeRange | null {
    const r = this.getActiveRange();
    return r ? new FakeRange(r.sheet, r.row, r.col, 1, 1) : null;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
    this.touch();
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this.timeZone = tz;
    this.touch();
  }
  checkNamedRangeName(name: string, self?: FakeNamedRange): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(true|false)$/i.test(name)) {
      throw new SheetsError('Named ranges must start with a letter or underscore, contain only letters, numbers and underscores, and not be a cell reference.');
    }
    if (this.namedRanges.some((n) => n !== self && n.name.toLowerCase() === name.toLowerCase())) {
      throw new SheetsError(`A named range with the name "${name}" already exists.`);
    }
  }
  setNamedRange(name: string, range: FakeRange): void {
    const existing = this.namedRanges.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      existing.target = { sheet: range.sheet, rect: range.rect() };
    } else {
      this.checkNamedRangeName(name);
      this.namedRanges.push(new FakeNamedRange(this, name, { sheet: range.sheet, rect: range.rect() }));
    }
    this.touch();
  }
  getRangeByName(name: string): FakeRange | null {
    const n = this.namedRanges.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return n ? n.getRange() : null;
  }
  getNamedRanges(): FakeNamedRange[] {
    return [...this.namedRanges];
  }
  removeNamedRange(name: string): void {
    const n = this.namedRanges.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!n) throw new SheetsError(`Named range "${name}" not found.`);
    n.remove();
  }
  getRange(a1: string): FakeRange {
    const { sheet } = splitSheet(a1);
    if (sheet) {
      const s = this.sheetByName(sheet);
      if (!s) throw new SheetsError('Range not found');
      return s.getRange(a1);
    }
    return this.active.getRange(a1);
  }
  getRangeList(a1s: string[]): FakeRange[] {
    return a1s.map((a) => this.getRange(a));
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.host.toast(String(msg), title ?? '', timeoutSeconds ?? 5);
  }
  getProtections(type: any): FakeProtection[] {
    return this.sheets.flatMap((s) => s.getProtections(type));
  }
  getOwner(): { getEmail(): string } {
    return { getEmail: () => 'owner@example.com' };
  }
  getEditors(): { getEmail(): string }[] {
    return [];
  }
  getLastRow(): number {
    return this.active.lastRow();
  }
  getLastColumn(): number {
    return this.active.lastColumn();
  }
  getDataRange(): FakeRange {
    return this.active.getDataRange();
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): any[][] {
    return this.active.getRange(startRow, startColumn, numRows, numColumns).getValues();
  }
  setFrozenRows(n: number): void {
    this.active.setFrozenRows(n);
  }
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    return this.active.insertRowsAfter(afterPosition, howMany);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.active.deleteRows(rowPosition, howMany);
  }
  appendRow(rowContents: any[]): FakeSheet {
    return this.active.appendRow(rowContents);
  }
  toString(): string {
    return 'Spreadsheet';
  }

  // --- structure changes
  afterShift(sheet: FakeSheet, axis: Axis, at: number, delta: number): void {
    for (const s of this.sheets) {
      for (const row of s.rows) {
        if (!row) continue;
        for (const cell of row) {
          if (cell?.formula) cell.formula = shiftFormula(cell.formula, s.name, sheet.name, axis, at, delta);
        }
      }
      for (const rule of s.cfRules) {
        const c = rule.condition;
        if (c.type === 'CUSTOM_FORMULA' && typeof c.values[0] === 'string') {
          (c as any).values = [shiftFormula(c.values[0], s.name, sheet.name, axis, at, delta)];
        }
      }
    }
    this.namedRanges = this.namedRanges.filter((n) => {
      if (n.target.sheet !== sheet) return true;
      const r = shiftRect(n.target.rect, axis, at, delta);
      if (!r) return false;
      n.target = { sheet, rect: r };
      return true;
    });
    if (this.selection?.sheet === sheet) {
      const r = shiftRect(this.selection.rect, axis, at, delta);
      this.selection = r ? { sheet, rect: r } : null;
    }
    this.touch();
  }
  renameInFormulas(oldName: string, newName: string): void {
    const q = new RegExp(`(^|[^\\w.])(${quoteSheetName(oldName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})!`, 'g');
    const replacement = quoteSheetName(newName);
    for (const s of this.sheets) for (const row of s.rows) for (const cell of row ?? []) {
      if (cell?.formula) cell.formula = cell.formula.replace(q, (_m, pre) => `${pre}${replacement}!`);
    }
  }

  // --- typed input (a user typing into the cell)
  writeInput(sheet: FakeSheet, r: number, c: number, input: any): void {
    const cell = sheet.ensureCell(r, c);
    cell.formula = undefined;
    if (input === null || input === undefined || input === '') {
      cell.value = undefined;
      return;
    }
    if (isDateLike(input)) {
      cell.value = new Date(input.getTime());
      if (!cell.format || !isDateFormat(cell.format)) cell.format = cell.format === '@' ? cell.format : 'yyyy-mm-dd';
      if (cell.format === '@') cell.value = new Date(input.getTime());
      return;
    }
    if (typeof input === 'number' || typeof input === 'boolean') {
      cell.value = input;
      return;
    }
    const s = typeof input === 'string' ? input : Array.isArray(input) ? input.join(',') : String(input);
    if (s.length > 1 && s.startsWith('=')) {
      cell.formula = s;
      cell.value = undefined;
      return;
    }
    if (cell.format === '@') {
      cell.value = s;
      return;
    }
    if (s.startsWith("'")) {
      cell.value = s.slice(1);
      return;
    }
    const parsed = this.parseTyped(s);
    cell.value = parsed.value;
    if (parsed.format && !cell.format) cell.format = parsed.format;
  }

  parseTyped(s: string): { value: any; format?: string } {
    const t = s.trim();
    const comma = decimalComma(this.locale);
    const num = comma ? t.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.') : t.replace(/,(?=\d{3}(\D|$))/g, '');
    let m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s?(%?)$/.exec(num);
    if (m && t !== '') {
      const n = Number(m[1]);
      if (m[2]) return { value: n / 100, format: m[1].includes('.') ? '0.00%' : '0%' };
      return { value: n };
    }
    if (/^true$/i.test(t)) return { value: true };
    if (/^false$/i.test(t)) return { value: false };
    m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
    if (m) {
      const [y, mo, d] = [+m[1], +m[2], +m[3]];
      if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
        const date = localToDate(y, mo, d, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), this.timeZone);
        return { value: date, format: m[4] ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd' };
      }
    }
    m = comma ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t) : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (m) {
      const [d, mo] = comma ? [+m[1], +m[2]] : [+m[2], +m[1]];
      if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
        return { value: localToDate(+m[3], mo, d, 0, 0, 0, this.timeZone), format: comma ? 'dd.mm.yyyy' : 'm/d/yyyy' };
      }
    }
    return { value: s };
  }

  writeFormula(sheet: FakeSheet, r: number, c: number, formula: any): void {
    const f = formula == null ? '' : String(formula);
    if (f === '') {
      const cell = sheet.ensureCell(r, c);
      cell.formula = undefined;
      cell.value = undefined;
      return;
    }
    if (!f.startsWith('=')) {
      this.writeInput(sheet, r, c, f);
      return;
    }
    const cell = sheet.ensureCell(r, c);
    cell.formula = f;
    cell.value = undefined;
  }

  // --- values for callers
  private computed(sheet: FakeSheet, r: number, c: number): Computed | null {
    const cell = sheet.cell(r, c);
    this.ensureComputed();
    if (cell?.formula !== undefined) return this.results.get(sheet)?.get(r * 20000 + c) ?? null;
    if (cell?.value !== undefined && cell.value !== '') return null;
    return this.spills.get(sheet)?.get(r * 20000 + c) ?? null;
  }

  /** What getValue returns for a cell. */
  typedValue(sheet: FakeSheet, r: number, c: number): any {
    const cell = sheet.cell(r, c);
    if (cell?.formula === undefined && cell?.value !== undefined) {
      return isDateLike(cell.value) ? new Date(cell.value.getTime()) : cell.value;
    }
    const comp = this.computed(sheet, r, c);
    if (!comp) return '';
    return this.toTyped(comp, cell?.format);
  }

  private toTyped(comp: Computed, format?: string): any {
    const v = comp.v;
    if (v == null) return '';
    if (isFormulaError(v)) return v.error;
    if (typeof v === 'number' && (comp.date || isDateFormat(format))) return serialToDate(v, this.timeZone);
    return v;
  }

  displayValue(sheet: FakeSheet, r: number, c: number): string {
    const cell = sheet.cell(r, c);
    let v: any;
    let date = false;
    if (cell?.formula === undefined && cell?.value !== undefined) {
      v = cell.value;
      if (isDateLike(v)) {
        v = dateToSerial(v, this.timeZone);
        date = true;
      }
    } else {
      const comp = this.computed(sheet, r, c);
      if (!comp) return '';
      v = comp.v;
      date = comp.date;
    }
    if (v == null) return '';
    if (isFormulaError(v)) return v.error;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'number') return formatNumber(v, cell?.format, this.locale, date || isDateFormat(cell?.format));
    return typeof v === 'string' ? formatText(v, cell?.format) : String(v);
  }

  hasDisplayed(sheet: FakeSheet, r: number, c: number): boolean {
    return this.displayValue(sheet, r, c) !== '';
  }

  /** The message of a cell's error (#ERROR!, #REF!, ...), or null. */
  errorMessage(sheet: FakeSheet, r: number, c: number): string | null {
    const comp = this.computed(sheet, r, c);
    if (!comp || !isFormulaError(comp.v)) return null;
    return comp.message ?? comp.v.error;
  }

  // --- formula engine
  private ensureComputed(): void {
    if (this.computedGeneration === this.generation) return;
    this.prevSpills = new Map();
    for (let pass = 0; pass < 6; pass++) {
      this.results = new Map();
      this.spills = new Map();
      this.inProgress.clear();
      for (const sheet of this.sheets) {
        sheet.rows.forEach((row, ri) => {
          if (!row) return;
          row.forEach((cell, ci) => {
            if (cell?.formula !== undefined) this.evaluate(sheet, ri + 1, ci + 1);
          });
        });
      }
      if (this.sameSpills(this.prevSpills, this.spills)) break;
      this.prevSpills = this.spills;
    }
    this.computedGeneration = this.generation;
  }

  private sameSpills(a: Map<FakeSheet, Map<number, Computed>>, b: Map<FakeSheet, Map<number, Computed>>): boolean {
    const keys = (m: Map<FakeSheet, Map<number, Computed>>) =>
      [...m.entries()]
        .flatMap(([s, mm]) => [...mm.entries()].map(([k, v]) => `${s.id}:${k}:${isFormulaError(v.v) ? v.v.error : String(v.v)}`))
        .sort()
        .join('|');
    return keys(a) === keys(b);
  }

  private parser(): any {
    let p = this.parsers[this.depth];
    if (!p) {
      p = this.createParser();
      this.parsers[this.depth] = p;
    }
    return p;
  }

  private createParser(): any {
    const nowSerial = () => dateToSerial(this.host.now(), this.timeZone);
    const functions: Record<string, any> = { ...sheetsFunctions(nowSerial) };
    const custom = this.host.customFunctions;
    const parser: any = new FormulaParser({
      functions,
      onCell: (ref: any) => {
        const sheet = this.sheetByName(ref.sheet);
        if (!sheet) return FormulaError.REF;
        if (ref.row > sheet.maxRows || ref.col > sheet.maxCols) return FormulaError.REF;
        return this.engineValue(sheet, ref.row, ref.col);
      },
      onRange: (ref: any) => {
        const sheet = this.sheetByName(ref.sheet);
        if (!sheet) return [[FormulaError.REF]];
        const used = Math.max(sheet.lastRow(), this.spillExtent(sheet));
        const r1 = ref.from.row ?? 1;
        const c1 = ref.from.col ?? 1;
        const r2 = ref.to.row == null || ref.to.row >= MAX_ROW ? Math.max(r1, Math.min(used, sheet.maxRows)) : ref.to.row;
        const c2 = ref.to.col == null || ref.to.col >= 16384 ? sheet.maxCols : ref.to.col;
        const out: any[][] = [];
        for (let r = r1; r <= r2; r++) {
          const row: any[] = [];
          for (let c = c1; c <= c2; c++) row.push(this.engineValue(sheet, r, c));
          out.push(row);
        }
        return out;
      },
      onVariable: (name: string) => {
        const n = this.namedRanges.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!n) return null;
        const { rect, sheet } = n.target;
        if (rect.r1 === rect.r2 && rect.c1 === rect.c2) return { sheet: sheet.name, row: rect.r1, col: rect.c1 };
        return { sheet: sheet.name, from: { row: rect.r1, col: rect.c1 }, to: { row: rect.r2, col: rect.c2 } };
      },
    });
    // Custom functions: registered on the instance so that they keep the references of their arguments.
    for (const [name, fn] of Object.entries(custom)) {
      const upper = name.toUpperCase();
      parser.functions[upper] = (...args: any[]) => this.callCustom(upper, fn, args);
      parser.funsPreserveRef.push(upper);
    }
    // fast-formula-parser's INDEX returns a cell reference without its sheet, so
    // INDEX(Other!B2:B9, n) would read the formula's own sheet: keep the sheet.
    const index = parser.functions.INDEX;
    if (typeof index === 'function') {
      parser.functions.INDEX = (context: any, ranges: any, ...rest: any[]) => {
        const sheet = ranges?.ref?.sheet ?? ranges?.refs?.[0]?.ref?.sheet;
        const result = index(context, ranges, ...rest);
        if (sheet && result && typeof result === 'object' && result.ref && result.ref.sheet === undefined) result.ref.sheet = sheet;
        return result;
      };
    }
    return parser;
  }

  private spillExtent(sheet: FakeSheet): number {
    let max = 0;
    for (const m of [this.spills.get(sheet), this.prevSpills.get(sheet)]) {
      if (!m) continue;
      for (const k of m.keys()) max = Math.max(max, Math.floor(k / 20000));
    }
    return max;
  }

  /** A cell's value as the formula engine sees it (dates as serial numbers, blank as null). */
  engineValue(sheet: FakeSheet, r: number, c: number): any {
    const cell = sheet.cell(r, c);
    if (cell?.formula !== undefined) return this.evaluate(sheet, r, c).v;
    if (cell?.value !== undefined && cell.value !== '') {
      const v = cell.value;
      return isDateLike(v) ? dateToSerial(v, this.timeZone) : v;
    }
    const key = r * 20000 + c;
    const spilled = this.spills.get(sheet)?.get(key) ?? this.prevSpills.get(sheet)?.get(key);
    return spilled ? spilled.v : null;
  }

  private currentMessage: string | undefined;

  private callCustom(name: string, fn: (...a: any[]) => any, args: any[]): any {
    const converted = args.map((a) => this.customArg(a));
    for (const a of converted) {
      const bad = Array.isArray(a) ? a.flat().find((v) => isFormulaError(v)) : isFormulaError(a) ? a : undefined;
      if (bad) throw bad;
    }
    let result: any;
    try {
      result = this.host.runAsCustomFunction(() => fn(...converted));
    } catch (e: any) {
      const msg = e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
      this.currentMessage = msg;
      throw new FormulaError('#ERROR!', msg);
    }
    const conv = (v: any): any => {
      if (v === undefined || v === null) return '';
      if (isDateLike(v)) return dateToSerial(v, this.timeZone);
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
      return String(v);
    };
    if (Array.isArray(result)) {
      if (result.length === 0) return '';
      const rows = result.map((row: any) => (Array.isArray(row) ? row.map(conv) : [conv(row)]));
      const width = Math.max(...rows.map((r: any[]) => r.length));
      if (width === 0) return '';
      for (const r of rows) while (r.length < width) r.push('');
      void name;
      return rows;
    }
    return conv(result);
  }

  /** Arguments as Sheets hands them to a custom function: a cell as a scalar, a range as a 2-D array, blank as ''. */
  private customArg(a: any): any {
    if (a == null) return undefined;
    if (a.omitted) return undefined;
    const ref = a.ref;
    if (ref) {
      const sheet = this.sheetByName(ref.sheet ?? '');
      if (sheet) {
        if (ref.from) {
          const used = Math.max(sheet.lastRow(), this.spillExtent(sheet));
          const r1 = ref.from.row ?? 1;
          const r2 = ref.to.row == null || ref.to.row >= MAX_ROW ? Math.max(r1, used) : ref.to.row;
          const c1 = ref.from.col ?? 1;
          const c2 = ref.to.col == null || ref.to.col >= 16384 ? sheet.maxCols : ref.to.col;
          const out: any[][] = [];
          for (let r = r1; r <= r2; r++) {
            const row: any[] = [];
            for (let c = c1; c <= c2; c++) row.push(this.customValue(sheet, r, c));
            out.push(row);
          }
          if (out.length === 1 && out[0].length === 1) return out[0][0];
          return out;
        }
        return this.customValue(sheet, ref.row, ref.col);
      }
    }
    const v = a.value;
    if (Array.isArray(v)) return v.map((row: any[]) => row.map((x) => (x == null ? '' : x)));
    return v == null ? '' : v;
  }

  private customValue(sheet: FakeSheet, r: number, c: number): any {
    const cell = sheet.cell(r, c);
    if (cell?.formula === undefined && cell?.value !== undefined) {
      return isDateLike(cell.value) ? new Date(cell.value.getTime()) : cell.value;
    }
    const v = this.engineValue(sheet, r, c);
    if (isFormulaError(v)) return v;
    if (v == null) return '';
    const comp = cell?.formula !== undefined ? this.results.get(sheet)?.get(r * 20000 + c) : undefined;
    if (typeof v === 'number' && ((comp && comp.date) || isDateFormat(cell?.format))) return serialToDate(v, this.timeZone);
    return v;
  }

  private evaluate(sheet: FakeSheet, r: number, c: number): Computed {
    const key = r * 20000 + c;
    let sheetResults = this.results.get(sheet);
    if (!sheetResults) {
      sheetResults = new Map();
      this.results.set(sheet, sheetResults);
    }
    const done = sheetResults.get(key);
    if (done) return done;
    const id = `${sheet.id}:${key}`;
    if (this.inProgress.has(id)) {
      const message = 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';
      this.currentMessage = message;
      return { v: FormulaError.REF, date: false, message };
    }
    const cell = sheet.cell(r, c)!;
    const formula = cell.formula!;
    this.inProgress.add(id);
    const parser = this.parser();
    this.depth++;
    const savedMessage = this.currentMessage;
    this.currentMessage = undefined;
    let result: Computed;
    try {
      const raw = lazyParse(parser, formula.slice(1), { sheet: sheet.name, row: r, col: c });
      result = { v: raw, date: /^=\s*(TODAY|NOW|DATE|EDATE|EOMONTH|WORKDAY|DATEVALUE)\s*\(/i.test(formula) };
      if (isFormulaError(raw)) result.message = this.currentMessage || raw.message || raw.error;
    } catch (e: any) {
      result = this.errorResult(e);
    } finally {
      this.depth--;
      this.inProgress.delete(id);
    }
    this.currentMessage = savedMessage;
    if (Array.isArray(result.v)) result = this.spill(sheet, r, c, result);
    else if (result.v === undefined) result.v = null;
    else if (typeof result.v === 'string' && result.v === '') result.v = '';
    sheetResults.set(key, result);
    return result;
  }

  private errorResult(e: any): Computed {
    const details = e?.details;
    const msg = String(details?.message ?? e?.message ?? e);
    if (/is not implemented/.test(msg) || e?.error === '#NAME?') {
      const fn = /Function (\S+) is not implemented/.exec(msg)?.[1];
      return { v: FormulaError.NAME, date: false, message: fn ? `Unknown function: '${fn}'.` : msg };
    }
    if (isFormulaError(details) && details.error !== '#ERROR!') return { v: details, date: false, message: details.message || details.error };
    if (this.currentMessage) return { v: new FormulaError('#ERROR!', this.currentMessage), date: false, message: this.currentMessage };
    return { v: new FormulaError('#ERROR!', 'Formula parse error.'), date: false, message: 'Formula parse error.' };
  }

  private spill(sheet: FakeSheet, r: number, c: number, result: Computed): Computed {
    const arr: any[][] = result.v;
    if (arr.length === 0 || arr[0].length === 0) return { v: null, date: false };
    const rows = arr.length;
    const cols = Math.max(...arr.map((x) => x.length));
    if (r + rows - 1 > sheet.maxRows || c + cols - 1 > sheet.maxCols) {
      return { v: FormulaError.REF, date: false, message: 'Result was not automatically expanded, please insert more rows/columns.' };
    }
    let sheetSpills = this.spills.get(sheet);
    if (!sheetSpills) {
      sheetSpills = new Map();
      this.spills.set(sheet, sheetSpills);
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (i === 0 && j === 0) continue;
        const k = (r + i) * 20000 + (c + j);
        if (sheet.hasContent(r + i, c + j) || sheetSpills.has(k)) {
          const at = `${columnToLetters(c + j)}${r + i}`;
          return { v: FormulaError.REF, date: false, message: `Array result was not expanded because it would overwrite data in ${at}.` };
        }
      }
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (i === 0 && j === 0) continue;
        const v = arr[i][j];
        sheetSpills.set((r + i) * 20000 + (c + j), { v: v === undefined ? null : v === '' ? null : v, date: result.date });
      }
    }
    const first = arr[0][0];
    return { v: first === undefined ? null : first, date: result.date, message: result.message };
  }

  /** Evaluates a formula as if it were in (sheet, r, c), without storing it (conditional formats, validations). */
  evaluateAt(sheet: FakeSheet, r: number, c: number, formula: string): any {
    this.ensureComputed();
    const parser = this.parser();
    this.depth++;
    try {
      const raw = parser.parse(formula.replace(/^=/, ''), { sheet: sheet.name, row: r, col: c }, true);
      return Array.isArray(raw) ? raw[0]?.[0] : raw;
    } catch {
      return FormulaError.ERROR;
    } finally {
      this.depth--;
    }
  }

  /** Applies conditional format rules like Sheets: the first rule whose condition holds decides. */
  effectiveBackground(sheet: FakeSheet, r: number, c: number): string {
    const cell = sheet.cell(r, c);
    const base = cell?.background ?? '#ffffff';
    for (const rule of sheet.cfRules) {
      const area = rule.ranges.find((x) => rectContains(x.rect, r, c));
      if (!area) continue;
      if (this.conditionHolds(rule.condition, sheet, r, c, area.rect)) return rule.condition.background ?? base;
    }
    return base;
  }

  conditionHolds(cond: FakeBooleanCondition, sheet: FakeSheet, r: number, c: number, area: Rect): boolean {
    const v = this.engineValue(sheet, r, c);
    const vals = cond.values;
    const text = v == null ? '' : isFormulaError(v) ? v.error : String(v);
    const num = (x: any) => (isDateLike(x) ? dateToSerial(x, this.timeZone) : Number(x));
    const isNum = typeof v === 'number';
    switch (cond.type) {
      case 'CELL_EMPTY':
        return v == null || v === '';
      case 'CELL_NOT_EMPTY':
        return !(v == null || v === '');
      case 'TEXT_EQUAL_TO':
        return text.toLowerCase() === String(vals[0]).toLowerCase();
      case 'TEXT_CONTAINS':
        return text.toLowerCase().includes(String(vals[0]).toLowerCase());
      case 'TEXT_DOES_NOT_CONTAIN':
        return !text.toLowerCase().includes(String(vals[0]).toLowerCase());
      case 'TEXT_STARTS_WITH':
        return text.toLowerCase().startsWith(String(vals[0]).toLowerCase());
      case 'TEXT_ENDS_WITH':
        return text.toLowerCase().endsWith(String(vals[0]).toLowerCase());
      case 'NUMBER_GREATER_THAN':
        return isNum && v > num(vals[0]);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return isNum && v >= num(vals[0]);
      case 'NUMBER_LESS_THAN':
        return isNum && v < num(vals[0]);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return isNum && v <= num(vals[0]);
      case 'NUMBER_EQUAL_TO':
        return isNum && v === num(vals[0]);
      case 'NUMBER_NOT_EQUAL_TO':
        return isNum && v !== num(vals[0]);
      case 'NUMBER_BETWEEN':
        return isNum && v >= Math.min(num(vals[0]), num(vals[1])) && v <= Math.max(num(vals[0]), num(vals[1]));
      case 'NUMBER_NOT_BETWEEN':
        return isNum && !(v >= Math.min(num(vals[0]), num(vals[1])) && v <= Math.max(num(vals[0]), num(vals[1])));
      case 'CUSTOM_FORMULA': {
        const f = translateFormula(String(vals[0]), r - area.r1, c - area.c1);
        const res = this.evaluateAt(sheet, r, c, f);
        if (isFormulaError(res)) return false;
        return res === true || (typeof res === 'number' && res !== 0);
      }
    }
    return false;
  }

  /** Whether a cell's value satisfies its data validation (true when it has none). */
  isValid(sheet: FakeSheet, r: number, c: number): boolean {
    const cell = sheet.cell(r, c);
    const rule = cell?.validation;
    if (!rule) return true;
    const typed = this.typedValue(sheet, r, c);
    if (typed === '') return true;
    const v = this.engineValue(sheet, r, c);
    const vals = rule.values;
    const num = (x: any) => (isDateLike(x) ? dateToSerial(x, this.timeZone) : Number(x));
    switch (rule.type) {
      case 'VALUE_IN_LIST':
        return (vals[0] as any[]).some((x) => String(x).toLowerCase() === String(typed).toLowerCase());
      case 'VALUE_IN_RANGE': {
        const range = vals[0] as FakeRange;
        const allowed = range.getDisplayValues().flat();
        return allowed.some((x) => x.toLowerCase() === this.displayValue(sheet, r, c).toLowerCase());
      }
      case 'CHECKBOX':
        if (vals.length === 0) return typeof typed === 'boolean';
        return typed === vals[0] || typed === (vals[1] ?? '');
      case 'NUMBER_BETWEEN':
        return typeof v === 'number' && v >= num(vals[0]) && v <= num(vals[1]);
      case 'NUMBER_NOT_BETWEEN':
        return typeof v === 'number' && !(v >= num(vals[0]) && v <= num(vals[1]));
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return typeof v === 'number' && v >= num(vals[0]);
      case 'NUMBER_GREATER_THAN':
        return typeof v === 'number' && v > num(vals[0]);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return typeof v === 'number' && v <= num(vals[0]);
      case 'NUMBER_LESS_THAN':
        return typeof v === 'number' && v < num(vals[0]);
      case 'NUMBER_EQUAL_TO':
        return typeof v === 'number' && v === num(vals[0]);
      case 'DATE_IS_VALID_DATE':
        return isDateLike(typed);
      case 'TEXT_IS_VALID_EMAIL':
        return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(typed));
      case 'TEXT_IS_VALID_URL':
        return /^https?:\/\/\S+$/.test(String(typed));
      case 'CUSTOM_FORMULA': {
        const res = this.evaluateAt(sheet, r, c, String(vals[0]));
        return res === true || (typeof res === 'number' && res !== 0);
      }
    }
    return true;
  }
}


// Every class of the emulator, from here as before the split (importers keep one path).
export * from './common';
export * from './dataValidation';
export * from './conditionalFormat';
export * from './protection';
export * from './namedRange';
export * from './chart';
export * from './sheet';
export * from './range';
