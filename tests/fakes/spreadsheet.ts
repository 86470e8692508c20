/**
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
import {
  columnToLetters,
  parseA1,
  quoteSheetName,
  rectContains,
  rectToA1,
  rectsIntersect,
  shiftRect,
  splitSheet,
  type Axis,
  type Rect,
} from './a1';
import {
  ERROR_STRINGS,
  FormulaError,
  FormulaParser,
  MAX_ROW,
  dateToSerial,
  decimalComma,
  formatNumber,
  formatText,
  isDateFormat,
  isDateLike,
  isFormulaError,
  lazyParse,
  localToDate,
  serialToDate,
  sheetsFunctions,
  shiftFormula,
  translateFormula,
} from './formula';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SH = GoogleAppsScript.Spreadsheet.Sheet;
type RG = GoogleAppsScript.Spreadsheet.Range;

export interface Host {
  now(): Date;
  customFunctions: Record<string, (...args: any[]) => any>;
  /** Runs fn with ScriptApp auth mode CUSTOM_FUNCTION, then restores the mode. */
  runAsCustomFunction<T>(fn: () => T): T;
  toast(message: string, title: string, timeoutSeconds: number): void;
}

export interface Cell {
  value?: any; // number | string | boolean | Date (stored in this realm)
  formula?: string;
  format?: string;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontStyle?: string;
  fontSize?: number;
  fontFamily?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  hAlign?: string;
  vAlign?: string;
  note?: string;
  validation?: FakeDataValidation;
  border?: boolean;
}

/** Marker read by the proxy layer: which counter a method call goes to, and the class name. */
export const KIND = Symbol.for('fake.kind');
export type Kind = 'document' | 'builder' | 'service' | 'ui';

export class SheetsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

const COLORS: Record<string, string> = {
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  white: '#ffffff',
  black: '#000000',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
};

export function normalizeColor(c: string | null): string | null {
  if (c == null) return null;
  const s = c.trim().toLowerCase();
  if (COLORS[s]) return COLORS[s];
  const m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`;
  return s;
}

function checkDims(data: any, rows: number, cols: number): void {
  if (!Array.isArray(data)) throw new SheetsError(`The parameters (${typeof data}) don't match the method signature.`);
  if (data.length !== rows) {
    throw new SheetsError(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rows}.`);
  }
  for (const row of data) {
    if (!Array.isArray(row)) throw new SheetsError("The parameters (number[]) don't match the method signature.");
    if (row.length !== cols) {
      throw new SheetsError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${cols}.`,
      );
    }
  }
}

// ---------------------------------------------------------------------------

export const Enums = {
  ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
  DataValidationCriteria: Object.fromEntries(
    [
      'DATE_AFTER',
      'DATE_BEFORE',
      'DATE_BETWEEN',
      'DATE_EQUAL_TO',
      'DATE_IS_VALID_DATE',
      'DATE_NOT_BETWEEN',
      'DATE_ON_OR_AFTER',
      'DATE_ON_OR_BEFORE',
      'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO',
      'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      'NUMBER_NOT_BETWEEN',
      'NUMBER_NOT_EQUAL_TO',
      'TEXT_CONTAINS',
      'TEXT_DOES_NOT_CONTAIN',
      'TEXT_EQUAL_TO',
      'TEXT_IS_VALID_EMAIL',
      'TEXT_IS_VALID_URL',
      'VALUE_IN_LIST',
      'VALUE_IN_RANGE',
      'CUSTOM_FORMULA',
      'CHECKBOX',
    ].map((k) => [k, k]),
  ),
  BooleanCriteria: Object.fromEntries(
    [
      'CELL_EMPTY',
      'CELL_NOT_EMPTY',
      'DATE_AFTER',
      'DATE_BEFORE',
      'DATE_EQUAL_TO',
      'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO',
      'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      'NUMBER_NOT_BETWEEN',
      'NUMBER_NOT_EQUAL_TO',
      'TEXT_CONTAINS',
      'TEXT_DOES_NOT_CONTAIN',
      'TEXT_ENDS_WITH',
      'TEXT_EQUAL_TO',
      'TEXT_STARTS_WITH',
      'CUSTOM_FORMULA',
    ].map((k) => [k, k]),
  ),
  BorderStyle: { DOTTED: 'DOTTED', DASHED: 'DASHED', SOLID: 'SOLID', SOLID_MEDIUM: 'SOLID_MEDIUM', SOLID_THICK: 'SOLID_THICK', DOUBLE: 'DOUBLE' },
  WrapStrategy: { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' },
  Dimension: { COLUMNS: 'COLUMNS', ROWS: 'ROWS' },
  Direction: { UP: 'UP', DOWN: 'DOWN', PREVIOUS: 'PREVIOUS', NEXT: 'NEXT' },
  CopyPasteType: { PASTE_NORMAL: 'PASTE_NORMAL', PASTE_VALUES: 'PASTE_VALUES', PASTE_FORMAT: 'PASTE_FORMAT' },
};

// ---------------------------------------------------------------------------
// Data validation

export class FakeDataValidation {
  readonly [KIND]: Kind = 'document';
  static label = 'DataValidation';
  constructor(
    readonly type: string,
    readonly values: any[],
    readonly allowInvalid: boolean,
    readonly helpText: string | null,
  ) {}
  getCriteriaType(): any {
    return this.type;
  }
  getCriteriaValues(): any[] {
    return this.values.map((v) => (Array.isArray(v) ? [...v] : v));
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string | null {
    return this.helpText;
  }
  copy(): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder();
    b.type = this.type;
    b.values = [...this.values];
    b.allowInvalid = this.allowInvalid;
    b.helpText = this.helpText;
    return b;
  }
}

export class FakeDataValidationBuilder {
  readonly [KIND]: Kind = 'builder';
  static label = 'DataValidationBuilder';
  type: string | null = null;
  values: any[] = [];
  allowInvalid = true;
  helpText: string | null = null;
  private set(type: string, values: any[]): this {
    this.type = type;
    this.values = values;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: any, showDropdown = true): this {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this.set('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): this {
    return this.set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): this {
    return this.set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberEqualTo(n: number): this {
    return this.set('NUMBER_EQUAL_TO', [n]);
  }
  requireCheckbox(checked?: any, unchecked?: any): this {
    return this.set('CHECKBOX', checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked]);
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  withCriteria(criteria: any, args: any[]): this {
    return this.set(String(criteria), [...args]);
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  getCriteriaType(): any {
    return this.type;
  }
  getCriteriaValues(): any[] {
    return [...this.values];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string | null {
    return this.helpText;
  }
  copy(): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder();
    Object.assign(b, { type: this.type, values: [...this.values], allowInvalid: this.allowInvalid, helpText: this.helpText });
    return b;
  }
  build(): FakeDataValidation {
    if (!this.type) throw new SheetsError('You must specify criteria for the data validation rule.');
    return new FakeDataValidation(this.type, [...this.values], this.allowInvalid, this.helpText);
  }
}

// ---------------------------------------------------------------------------
// Conditional formatting

export class FakeBooleanCondition {
  readonly [KIND]: Kind = 'document';
  static label = 'BooleanCondition';
  constructor(
    readonly type: string,
    readonly values: any[],
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly bold: boolean | null,
    readonly italic: boolean | null,
  ) {}
  getCriteriaType(): any {
    return this.type;
  }
  getCriteriaValues(): any[] {
    return [...this.values];
  }
  getBackground(): string | null {
    return this.background;
  }
  getFontColor(): string | null {
    return this.fontColor;
  }
  getBold(): boolean | null {
    return this.bold;
  }
  getItalic(): boolean | null {
    return this.italic;
  }
}

interface SheetRect {
  sheet: FakeSheet;
  rect: Rect;
}

export class FakeConditionalFormatRule {
  readonly [KIND]: Kind = 'document';
  static label = 'ConditionalFormatRule';
  constructor(
    readonly condition: FakeBooleanCondition,
    public ranges: SheetRect[],
  ) {}
  getRanges(): FakeRange[] {
    return this.ranges.map((r) => new FakeRange(r.sheet, r.rect.r1, r.rect.c1, r.rect.r2 - r.rect.r1 + 1, r.rect.c2 - r.rect.c1 + 1));
  }
  getBooleanCondition(): FakeBooleanCondition {
    return this.condition;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    const b = new FakeConditionalFormatRuleBuilder();
    const c = this.condition;
    Object.assign(b, { type: c.type, values: [...c.values], background: c.background, fontColor: c.fontColor, bold: c.bold, italic: c.italic });
    b.ranges = this.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } }));
    return b;
  }
}

export class FakeConditionalFormatRuleBuilder {
  readonly [KIND]: Kind = 'builder';
  static label = 'ConditionalFormatRuleBuilder';
  type: string | null = null;
  values: any[] = [];
  background: string | null = null;
  fontColor: string | null = null;
  bold: boolean | null = null;
  italic: boolean | null = null;
  ranges: SheetRect[] = [];
  private when(type: string, values: any[]): this {
    this.type = type;
    this.values = values;
    return this;
  }
  whenTextEqualTo(t: string): this {
    return this.when('TEXT_EQUAL_TO', [t]);
  }
  whenTextContains(t: string): this {
    return this.when('TEXT_CONTAINS', [t]);
  }
  whenTextDoesNotContain(t: string): this {
    return this.when('TEXT_DOES_NOT_CONTAIN', [t]);
  }
  whenTextStartsWith(t: string): this {
    return this.when('TEXT_STARTS_WITH', [t]);
  }
  whenTextEndsWith(t: string): this {
    return this.when('TEXT_ENDS_WITH', [t]);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number): this {
    return this.when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenNumberBetween(a: number, b: number): this {
    return this.when('NUMBER_BETWEEN', [a, b]);
  }
  whenNumberNotBetween(a: number, b: number): this {
    return this.when('NUMBER_NOT_BETWEEN', [a, b]);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY', []);
  }
  setBackground(color: string | null): this {
    this.background = normalizeColor(color);
    return this;
  }
  setFontColor(color: string | null): this {
    this.fontColor = normalizeColor(color);
    return this;
  }
  setBold(bold: boolean | null): this {
    this.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.italic = italic;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.ranges = ranges.map((r) => ({ sheet: r.sheet, rect: r.rect() }));
    return this;
  }
  getRanges(): FakeRange[] {
    return this.ranges.map((r) => new FakeRange(r.sheet, r.rect.r1, r.rect.c1, r.rect.r2 - r.rect.r1 + 1, r.rect.c2 - r.rect.c1 + 1));
  }
  copy(): FakeConditionalFormatRuleBuilder {
    const b = new FakeConditionalFormatRuleBuilder();
    Object.assign(b, { ...this, values: [...this.values], ranges: [...this.ranges] });
    return b;
  }
  build(): FakeConditionalFormatRule {
    if (!this.type) throw new SheetsError('Conditional format rule must have a condition.');
    if (!this.ranges.length) throw new SheetsError('Conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(
      new FakeBooleanCondition(this.type, [...this.values], this.background, this.fontColor, this.bold, this.italic),
      this.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    );
  }
}

// ---------------------------------------------------------------------------
// Protection and named ranges

export class FakeProtection {
  readonly [KIND]: Kind = 'document';
  static label = 'Protection';
  description = '';
  warningOnly = false;
  editors: string[] = ['owner@example.com'];
  unprotected: SheetRect[] = [];
  removed = false;
  constructor(
    readonly sheet: FakeSheet,
    public rect: Rect | null,
  ) {}
  getProtectionType(): any {
    return this.rect ? 'RANGE' : 'SHEET';
  }
  setDescription(d: string): this {
    this.description = d;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(w: boolean): this {
    this.warningOnly = w;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  getRange(): FakeRange {
    const r = this.rect ?? { r1: 1, c1: 1, r2: this.sheet.maxRows, c2: this.sheet.maxCols };
    return this.sheet.rangeOf(r);
  }
  setRange(range: FakeRange): this {
    this.rect = range.rect();
    return this;
  }
  remove(): void {
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  canEdit(): boolean {
    return true;
  }
  canDomainEdit(): boolean {
    return false;
  }
  setDomainEdit(_editable: boolean): this {
    return this;
  }
  addEditor(email: any): this {
    const e = typeof email === 'string' ? email : String(email?.getEmail?.() ?? email);
    if (!this.editors.includes(e)) this.editors.push(e);
    return this;
  }
  addEditors(emails: string[]): this {
    for (const e of emails) this.addEditor(e);
    return this;
  }
  removeEditor(email: any): this {
    const e = typeof email === 'string' ? email : String(email?.getEmail?.() ?? email);
    this.editors = this.editors.filter((x) => x !== e);
    return this;
  }
  removeEditors(emails: any[]): this {
    for (const e of emails) this.removeEditor(e);
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    return this.editors.map((e) => ({ getEmail: () => e }));
  }
  setUnprotectedRanges(ranges: FakeRange[]): this {
    if (this.rect) throw new SheetsError('Unprotected ranges can only be set on sheet protections.');
    this.unprotected = ranges.map((r) => ({ sheet: r.sheet, rect: r.rect() }));
    return this;
  }
  getUnprotectedRanges(): FakeRange[] {
    return this.unprotected.map((u) => u.sheet.rangeOf(u.rect));
  }
  setNamedRange(nr: FakeNamedRange): this {
    this.rect = { ...nr.target.rect };
    return this;
  }
}

export class FakeNamedRange {
  readonly [KIND]: Kind = 'document';
  static label = 'NamedRange';
  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
    public target: SheetRect,
  ) {}
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.ss.checkNamedRangeName(name, this);
    this.name = name;
    this.ss.touch();
    return this;
  }
  getRange(): FakeRange {
    return this.target.sheet.rangeOf(this.target.rect);
  }
  setRange(range: FakeRange): this {
    this.target = { sheet: range.sheet, rect: range.rect() };
    this.ss.touch();
    return this;
  }
  remove(): void {
    this.ss.namedRanges = this.ss.namedRanges.filter((n) => n !== this);
    this.ss.touch();
  }
}

// ---------------------------------------------------------------------------
// Sheet

let nextSheetId = 0;

// ---------------------------------------------------------------------------
// Embedded charts (recorded, not drawn): type, ranges, position, options.

let nextChartId = 1;

export class FakeEmbeddedChart {
  readonly [KIND]: Kind = 'document';
  static label = 'EmbeddedChart';
  constructor(
    readonly id: number,
    readonly type: string,
    readonly ranges: SheetRect[],
    readonly position: { row: number; column: number; offsetX: number; offsetY: number },
    readonly options: Record<string, unknown>,
    readonly transpose: boolean,
    readonly numHeaders: number,
  ) {}
  getChartId(): number {
    return this.id;
  }
  getType(): string {
    return this.type;
  }
  getRanges(): FakeRange[] {
    return this.ranges.map((r) => new FakeRange(r.sheet, r.rect.r1, r.rect.c1, r.rect.r2 - r.rect.r1 + 1, r.rect.c2 - r.rect.c1 + 1));
  }
  getOptions(): { get(key: string): unknown } {
    const options = this.options;
    return { get: (key: string) => options[key] ?? null };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number } {
    const p = this.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.column };
  }
  modify(): FakeEmbeddedChartBuilder {
    const b = new FakeEmbeddedChartBuilder(null);
    Object.assign(b, { type: this.type, ranges: [...this.ranges], position: { ...this.position }, options: { ...this.options }, transpose: this.transpose, numHeaders: this.numHeaders, id: this.id });
    return b;
  }
}

export class FakeEmbeddedChartBuilder {
  readonly [KIND]: Kind = 'builder';
  static label = 'EmbeddedChartBuilder';
  type = 'LINE';
  ranges: SheetRect[] = [];
  position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };
  options: Record<string, unknown> = {};
  transpose = false;
  numHeaders = -1;
  id: number | null = null;
  constructor(readonly sheet: FakeSheet | null) {}
  setChartType(type: string): this {
    this.type = String(type);
    return this;
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  addRange(range: FakeRange): this {
    this.ranges.push({ sheet: range.sheet, rect: range.rect() });
    return this;
  }
  removeRange(range: FakeRange): this {
    const r = range.rect();
    this.ranges = this.ranges.filter((x) => !(x.sheet === range.sheet && JSON.stringify(x.rect) === JSON.stringify(r)));
    return this;
  }
  clearRanges(): this {
    this.ranges = [];
    return this;
  }
  getRanges(): FakeRange[] {
    return this.ranges.map((r) => new FakeRange(r.sheet, r.rect.r1, r.rect.c1, r.rect.r2 - r.rect.r1 + 1, r.rect.c2 - r.rect.c1 + 1));
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number): this {
    this.position = { row, column, offsetX, offsetY };
    return this;
  }
  setOption(key: string, value: unknown): this {
    this.options[key] = value;
    return this;
  }
  setTitle(title: string): this {
    return this.setOption('title', title);
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    this.transpose = transpose;
    return this;
  }
  setNumHeaders(n: number): this {
    this.numHeaders = n;
    return this;
  }
  build(): FakeEmbeddedChart {
    if (!this.ranges.length) throw new SheetsError('A chart needs at least one data range.');
    return new FakeEmbeddedChart(this.id ?? nextChartId++, this.type, [...this.ranges], { ...this.position }, { ...this.options }, this.transpose, this.numHeaders);
  }
}

export class FakeSheet {
  readonly [KIND]: Kind = 'document';
  static label = 'Sheet';
  rows: (Cell | undefined)[][] = [];
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenCols = new Set<number>();
  hiddenRows = new Set<number>();
  hidden = false;
  tabColor: string | null = null;
  hiddenGridlines = false;
  protections: FakeProtection[] = [];
  cfRules: FakeConditionalFormatRule[] = [];
  merges: Rect[] = [];
  readonly id: number;

  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
  ) {
    this.id = nextSheetId === 0 ? 0 : 100000 + nextSheetId * 7919;
    nextSheetId++;
  }

  // --- internal cell access
  cell(r: number, c: number): Cell | undefined {
    return this.rows[r - 1]?.[c - 1];
  }
  ensureCell(r: number, c: number): Cell {
    if (r > this.maxRows || c > this.maxCols) throw new SheetsError('The coordinates of the range are outside the dimensions of the sheet.');
    let row = this.rows[r - 1];
    if (!row) {
      row = [];
      this.rows[r - 1] = row;
    }
    let cell = row[c - 1];
    if (!cell) {
      cell = {};
      row[c - 1] = cell;
    }
    return cell;
  }
  hasContent(r: number, c: number): boolean {
    const cell = this.cell(r, c);
    return !!cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''));
  }
  /** The last row with a value or formula (0 if none). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row && row.some((cell) => cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== '')))) return r;
    }
    return 0;
  }
  lastColumn(): number {
    let max = 0;
    this.rows.forEach((row) => {
      if (!row) return;
      for (let c = row.length; c > max; c--) {
        const cell = row[c - 1];
        if (cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''))) {
          max = c;
          break;
        }
      }
    });
    return max;
  }
  rangeOf(rect: Rect): FakeRange {
    return new FakeRange(this, rect.r1, rect.c1, rect.r2 - rect.r1 + 1, rect.c2 - rect.c1 + 1);
  }

  charts: FakeEmbeddedChart[] = [];

  // --- Apps Script API: embedded charts
  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this);
  }
  insertChart(chart: FakeEmbeddedChart): void {
    if (this.charts.some((c) => c.id === chart.id)) throw new SheetsError('This chart is already on the sheet; use updateChart.');
    this.charts.push(chart);
    this.ss.touch();
  }
  updateChart(chart: FakeEmbeddedChart): void {
    const i = this.charts.findIndex((c) => c.id === chart.id);
    if (i < 0) throw new SheetsError('The chart is not on this sheet.');
    this.charts[i] = chart;
    this.ss.touch();
  }
  removeChart(chart: FakeEmbeddedChart): void {
    const i = this.charts.findIndex((c) => c.id === chart.id);
    if (i < 0) throw new SheetsError('The chart is not on this sheet.');
    this.charts.splice(i, 1);
    this.ss.touch();
  }
  getCharts(): FakeEmbeddedChart[] {
    return [...this.charts];
  }

  // --- Apps Script API
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    if (this.ss.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase())) {
      throw new SheetsError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const old = this.name;
    this.name = name;
    this.ss.renameInFormulas(old, name);
    this.ss.touch();
    return this;
  }
  getSheetId(): number {
    return this.id;
  }
  getSheetName(): string {
    return this.name;
  }
  getIndex(): number {
    return this.ss.sheets.indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this.ss;
  }
  getRange(a: any, col?: number, numRows?: number, numCols?: number): FakeRange {
    if (typeof a === 'string') {
      const { sheet, ref } = splitSheet(a);
      const target = sheet ? this.ss.sheetByName(sheet) : this;
      if (!target) throw new SheetsError('Range not found');
      const rect = parseA1(ref, target.maxRows, target.maxCols);
      if (!rect || rect.r2 > target.maxRows || rect.c2 > target.maxCols) throw new SheetsError('Range not found');
      return target.rangeOf(rect);
    }
    const row = a as number;
    if (typeof row !== 'number' || Number.isNaN(row)) throw new SheetsError(`The parameters (${typeof row}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    if (col === undefined) throw new SheetsError("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    const nr = numRows ?? 1;
    const nc = numCols ?? 1;
    if (row < 1) throw new SheetsError('The starting row of the range is too small.');
    if (col < 1) throw new SheetsError('The starting column of the range is too small.');
    if (nr < 1) throw new SheetsError('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new SheetsError('The number of columns in the range must be at least 1.');
    if (row + nr - 1 > this.maxRows || col + nc - 1 > this.maxCols) {
      throw new SheetsError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, Math.floor(row), Math.floor(col), Math.floor(nr), Math.floor(nc));
  }
  getRangeList(a1s: string[]): FakeRange[] {
    return a1s.map((a) => this.getRange(a));
  }
  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }
  getLastRow(): number {
    return this.lastRow();
  }
  getLastColumn(): number {
    return this.lastColumn();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxCols;
  }

  // --- structure
  private checkPosition(n: number, axis: Axis, what: string): void {
    const max = axis === 'row' ? this.maxRows : this.maxCols;
    if (!Number.isInteger(n) || n < 1 || n > max) throw new SheetsError(`Those ${what} are out of bounds.`);
  }
  shift(axis: Axis, at: number, delta: number): void {
    if (axis === 'row') {
      if (delta > 0) {
        if (this.rows.length >= at) this.rows.splice(at - 1, 0, ...new Array(delta).fill(undefined).map(() => undefined as any));
        this.maxRows += delta;
      } else {
        this.rows.splice(at - 1, -delta);
        this.maxRows += delta;
      }
    } else {
      for (let i = 0; i < this.rows.length; i++) {
        const row = this.rows[i];
        if (!row) continue;
        if (delta > 0) {
          if (row.length >= at) row.splice(at - 1, 0, ...new Array(delta).fill(undefined));
        } else row.splice(at - 1, -delta);
      }
      this.maxCols += delta;
      const shiftMap = <T>(m: Map<number, T>) => {
        const entries = [...m.entries()];
        m.clear();
        for (const [k, v] of entries) {
          const s = shiftRect({ r1: 1, r2: 1, c1: k, c2: k }, 'col', at, delta);
          if (s) m.set(s.c1, v);
        }
      };
      shiftMap(this.colWidths);
      const hidden = new Map([...this.hiddenCols].map((c) => [c, true]));
      shiftMap(hidden);
      this.hiddenCols = new Set(hidden.keys());
    }
    this.merges = this.merges.map((m) => shiftRect(m, axis, at, delta)).filter((m): m is Rect => !!m);
    this.protections = this.protections.filter((p) => {
      if (!p.rect) {
        p.unprotected = p.unprotected.map((u) => ({ sheet: u.sheet, rect: shiftRect(u.rect, axis, at, delta)! })).filter((u) => u.rect);
        return true;
      }
      const s = shiftRect(p.rect, axis, at, delta);
      if (!s) return false;
      p.rect = s;
      return true;
    });
    for (const rule of this.cfRules) {
      rule.ranges = rule.ranges.map((r) => ({ sheet: r.sheet, rect: shiftRect(r.rect, axis, at, delta)! })).filter((r) => r.rect);
    }
    this.cfRules = this.cfRules.filter((r) => r.ranges.length);
    this.ss.afterShift(this, axis, at, delta);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.checkPosition(afterPosition, 'row', 'rows');
    this.shift('row', afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.checkPosition(beforePosition, 'row', 'rows');
    this.shift('row', beforePosition, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.checkPosition(afterPosition, 'col', 'columns');
    this.shift('col', afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.checkPosition(beforePosition, 'col', 'columns');
    this.shift('col', beforePosition, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.checkPosition(rowPosition, 'row', 'rows');
    if (howMany < 1 || rowPosition + howMany - 1 > this.maxRows) throw new SheetsError('Those rows are out of bounds.');
    if (howMany >= this.maxRows) throw new SheetsError('Sorry, it is not possible to delete all non-frozen rows.');
    this.shift('row', rowPosition, -howMany);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkPosition(columnPosition, 'col', 'columns');
    if (howMany < 1 || columnPosition + howMany - 1 > this.maxCols) throw new SheetsError('Those columns are out of bounds.');
    this.shift('col', columnPosition, -howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  appendRow(rowContents: any[]): this {
    if (!Array.isArray(rowContents)) throw new SheetsError("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const r = this.lastRow() + 1;
    if (r > this.maxRows) this.maxRows = r;
    if (rowContents.length > this.maxCols) this.maxCols = rowContents.length;
    rowContents.forEach((v, i) => this.ss.writeInput(this, r, i + 1, v));
    this.ss.touch();
    return this;
  }
  setFrozenRows(n: number): void {
    this.frozenRows = n;
  }
  setFrozenColumns(n: number): void {
    this.frozenCols = n;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  getFrozenColumns(): number {
    return this.frozenCols;
  }
  setColumnWidth(col: number, width: number): this {
    this.colWidths.set(col, width);
    return this;
  }
  setColumnWidths(start: number, num: number, width: number): this {
    for (let c = start; c < start + num; c++) this.colWidths.set(c, width);
    return this;
  }
  getColumnWidth(col: number): number {
    return this.colWidths.get(col) ?? 100;
  }
  setRowHeight(row: number, height: number): this {
    this.rowHeights.set(row, height);
    return this;
  }
  getRowHeight(row: number): number {
    return this.rowHeights.get(row) ?? 21;
  }
  autoResizeColumns(start: number, num: number): this {
    for (let c = start; c < start + num; c++) this.colWidths.delete(c);
    return this;
  }
  autoResizeColumn(col: number): this {
    return this.autoResizeColumns(col, 1);
  }
  hideColumns(index: number, num = 1): void {
    for (let c = index; c < index + num; c++) this.hiddenCols.add(c);
  }
  showColumns(index: number, num = 1): void {
    for (let c = index; c < index + num; c++) this.hiddenCols.delete(c);
  }
  isColumnHiddenByUser(col: number): boolean {
    return this.hiddenCols.has(col);
  }
  hideRows(index: number, num = 1): void {
    for (let r = index; r < index + num; r++) this.hiddenRows.add(r);
  }
  showRows(index: number, num = 1): void {
    for (let r = index; r < index + num; r++) this.hiddenRows.delete(r);
  }
  isRowHiddenByUser(row: number): boolean {
    return this.hiddenRows.has(row);
  }
  hideSheet(): this {
    if (this.ss.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
      throw new SheetsError("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  setTabColor(color: string | null): this {
    this.tabColor = normalizeColor(color);
    return this;
  }
  getTabColor(): string | null {
    return this.tabColor;
  }
  setHiddenGridlines(hide: boolean): this {
    this.hiddenGridlines = hide;
    return this;
  }
  hasHiddenGridlines(): boolean {
    return this.hiddenGridlines;
  }
  activate(): this {
    this.ss.active = this;
    this.ss.selection = { sheet: this, rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.rangeOf({ r1: 1, c1: 1, r2: this.maxRows, c2: this.maxCols }).clear(options);
    if (!options) this.cfRules = [];
    return this;
  }
  clearContents(): this {
    this.rangeOf({ r1: 1, c1: 1, r2: this.maxRows, c2: this.maxCols }).clearContent();
    return this;
  }
  clearFormats(): this {
    this.rangeOf({ r1: 1, c1: 1, r2: this.maxRows, c2: this.maxCols }).clearFormat();
    return this;
  }
  clearNotes(): this {
    this.rangeOf({ r1: 1, c1: 1, r2: this.maxRows, c2: this.maxCols }).clearNote();
    return this;
  }
  protect(): FakeProtection {
    const existing = this.protections.find((p) => !p.rect);
    if (existing) return existing;
    const p = new FakeProtection(this, null);
    this.protections.push(p);
    return p;
  }
  getProtections(type: any): FakeProtection[] {
    const t = String(type);
    return this.protections.filter((p) => p.getProtectionType() === t);
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    if (!Array.isArray(rules)) throw new SheetsError("The parameters don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.");
    this.cfRules = rules.map((r) => new FakeConditionalFormatRule(r.condition, r.ranges.map((x) => ({ sheet: this, rect: { ...x.rect } }))));
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this.cfRules];
  }
  clearConditionalFormatRules(): void {
    this.cfRules = [];
  }
  getNamedRanges(): FakeNamedRange[] {
    return this.ss.namedRanges.filter((n) => n.target.sheet === this);
  }
  getActiveRange(): FakeRange | null {
    return this.ss.getActiveRange();
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.ss.selection = { sheet: range.sheet, rect: range.rect() };
    this.ss.active = range.sheet;
    return range;
  }
  setActiveSelection(a: any): FakeRange {
    return this.setActiveRange(typeof a === 'string' ? this.getRange(a) : a);
  }
  getCurrentCell(): FakeRange | null {
    const r = this.ss.getActiveRange();
    return r ? new FakeRange(r.sheet, r.row, r.col, 1, 1) : null;
  }
  copyTo(destination: FakeSpreadsheet): FakeSheet {
    if (destination !== this.ss) throw new SheetsError('The fake only copies sheets within the same spreadsheet.');
    let n = 1;
    let name = `Copy of ${this.name}`;
    while (this.ss.sheetByName(name)) name = `Copy of ${this.name} ${++n}`;
    const copy = this.ss.insertSheet(name, this.ss.sheets.length);
    copy.rows = this.rows.map((row) => (row ? row.map((c) => (c ? { ...c } : c)) : row));
    Object.assign(copy, { maxRows: this.maxRows, maxCols: this.maxCols, frozenRows: this.frozenRows, frozenCols: this.frozenCols });
    copy.cfRules = this.cfRules.map((r) => new FakeConditionalFormatRule(r.condition, r.ranges.map((x) => ({ sheet: copy, rect: { ...x.rect } }))));
    copy.merges = this.merges.map((m) => ({ ...m }));
    this.ss.touch();
    return copy;
  }
  getFilter(): null {
    return null;
  }
  getType(): any {
    return 'GRID';
  }
  toString(): string {
    return 'Sheet';
  }
}

// ---------------------------------------------------------------------------
// Range

export class FakeRange {
  readonly [KIND]: Kind = 'document';
  static label = 'Range';
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}
  rect(): Rect {
    return { r1: this.row, c1: this.col, r2: this.row + this.numRows - 1, c2: this.col + this.numCols - 1 };
  }
  private get ss(): FakeSpreadsheet {
    return this.sheet.ss;
  }
  private each(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) fn(this.row + i, this.col + j, i, j);
  }
  private grid<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < this.numCols; j++) row.push(fn(this.row + i, this.col + j));
      out.push(row);
    }
    return out;
  }
  private setAll(fn: (cell: Cell) => void): this {
    this.each((r, c) => fn(this.sheet.ensureCell(r, c)));
    this.ss.touch();
    return this;
  }
  private setGrid<T>(data: T[][], fn: (cell: Cell, v: T) => void): this {
    checkDims(data, this.numRows, this.numCols);
    this.each((r, c, i, j) => fn(this.sheet.ensureCell(r, c), data[i][j]));
    this.ss.touch();
    return this;
  }
  private attr<T>(fn: (cell: Cell | undefined) => T): T[][] {
    return this.grid((r, c) => fn(this.sheet.cell(r, c)));
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }
  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    const rect = this.rect();
    if (rect.r1 === 1 && rect.r2 === this.sheet.maxRows && (rect.c1 !== rect.c2 || this.numRows > 1)) {
      return `${columnToLetters(rect.c1)}:${columnToLetters(rect.c2)}`;
    }
    return rectToA1(rect);
  }
  getGridId(): number {
    return this.sheet.id;
  }
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) throw new SheetsError('Cell reference out of range');
    return new FakeRange(this.sheet, this.row + row - 1, this.col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return this.sheet.getRange(this.row + rowOffset, this.col + columnOffset, numRows ?? this.numRows, numColumns ?? this.numCols);
  }
  getDataRegion(): FakeRange {
    // Best effort: expands while the adjacent rows/columns have content.
    let { r1, c1, r2, c2 } = this.rect();
    const rowHas = (r: number) => r >= 1 && r <= this.sheet.maxRows && Array.from({ length: c2 - c1 + 1 }, (_, k) => c1 + k).some((c) => this.ss.hasDisplayed(this.sheet, r, c));
    const colHas = (c: number) => c >= 1 && c <= this.sheet.maxCols && Array.from({ length: r2 - r1 + 1 }, (_, k) => r1 + k).some((r) => this.ss.hasDisplayed(this.sheet, r, c));
    let changed = true;
    while (changed) {
      changed = false;
      if (rowHas(r1 - 1)) (r1--, (changed = true));
      if (rowHas(r2 + 1)) (r2++, (changed = true));
      if (colHas(c1 - 1)) (c1--, (changed = true));
      if (colHas(c2 + 1)) (c2++, (changed = true));
    }
    return this.sheet.rangeOf({ r1, c1, r2, c2 });
  }

  // --- values
  getValues(): any[][] {
    return this.grid((r, c) => this.ss.typedValue(this.sheet, r, c));
  }
  getValue(): any {
    return this.ss.typedValue(this.sheet, this.row, this.col);
  }
  setValues(values: any[][]): this {
    checkDims(values, this.numRows, this.numCols);
    this.each((r, c, i, j) => this.ss.writeInput(this.sheet, r, c, values[i][j]));
    this.ss.touch();
    return this;
  }
  setValue(value: any): this {
    this.each((r, c) => this.ss.writeInput(this.sheet, r, c, value));
    this.ss.touch();
    return this;
  }
  getDisplayValues(): string[][] {
    return this.grid((r, c) => this.ss.displayValue(this.sheet, r, c));
  }
  getDisplayValue(): string {
    return this.ss.displayValue(this.sheet, this.row, this.col);
  }
  getFormulas(): string[][] {
    return this.attr((cell) => cell?.formula ?? '');
  }
  getFormula(): string {
    return this.sheet.cell(this.row, this.col)?.formula ?? '';
  }
  setFormulas(formulas: string[][]): this {
    checkDims(formulas, this.numRows, this.numCols);
    this.each((r, c, i, j) => this.ss.writeFormula(this.sheet, r, c, formulas[i][j]));
    this.ss.touch();
    return this;
  }
  setFormula(formula: string): this {
    this.each((r, c) => this.ss.writeFormula(this.sheet, r, c, formula));
    this.ss.touch();
    return this;
  }
  getFormulasR1C1(): string[][] {
    return this.getFormulas();
  }
  isBlank(): boolean {
    let blank = true;
    this.each((r, c) => {
      if (this.sheet.hasContent(r, c)) blank = false;
    });
    return blank;
  }

  // --- formats
  getNumberFormats(): string[][] {
    return this.attr((cell) => cell?.format ?? '0.###############');
  }
  getNumberFormat(): string {
    return this.sheet.cell(this.row, this.col)?.format ?? '0.###############';
  }
  setNumberFormats(formats: string[][]): this {
    return this.setGrid(formats, (cell, f) => (cell.format = f));
  }
  setNumberFormat(format: string): this {
    return this.setAll((cell) => (cell.format = format));
  }
  getBackgrounds(): string[][] {
    return this.attr((cell) => cell?.background ?? '#ffffff');
  }
  getBackground(): string {
    return this.sheet.cell(this.row, this.col)?.background ?? '#ffffff';
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.setGrid(colors, (cell, v) => (cell.background = normalizeColor(v) ?? undefined));
  }
  setBackground(color: string | null): this {
    return this.setAll((cell) => (cell.background = normalizeColor(color) ?? undefined));
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    const hex = '#' + [red, green, blue].map((n) => n.toString(16).padStart(2, '0')).join('');
    return this.setBackground(hex);
  }
  getFontWeights(): string[][] {
    return this.attr((cell) => cell?.fontWeight ?? 'normal');
  }
  getFontWeight(): string {
    return this.sheet.cell(this.row, this.col)?.fontWeight ?? 'normal';
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this.setGrid(weights, (cell, v) => (cell.fontWeight = v ?? undefined));
  }
  setFontWeight(weight: string | null): this {
    return this.setAll((cell) => (cell.fontWeight = weight ?? undefined));
  }
  getFontColors(): string[][] {
    return this.attr((cell) => cell?.fontColor ?? '#000000');
  }
  getFontColor(): string {
    return this.sheet.cell(this.row, this.col)?.fontColor ?? '#000000';
  }
  setFontColors(colors: (string | null)[][]): this {
    return this.setGrid(colors, (cell, v) => (cell.fontColor = normalizeColor(v) ?? undefined));
  }
  setFontColor(color: string | null): this {
    return this.setAll((cell) => (cell.fontColor = normalizeColor(color) ?? undefined));
  }
  getFontStyles(): string[][] {
    return this.attr((cell) => cell?.fontStyle ?? 'normal');
  }
  getFontStyle(): string {
    return this.sheet.cell(this.row, this.col)?.fontStyle ?? 'normal';
  }
  setFontStyle(style: string | null): this {
    return this.setAll((cell) => (cell.fontStyle = style ?? undefined));
  }
  setFontStyles(styles: (string | null)[][]): this {
    return this.setGrid(styles, (cell, v) => (cell.fontStyle = v ?? undefined));
  }
  getFontSizes(): number[][] {
    return this.attr((cell) => cell?.fontSize ?? 10);
  }
  getFontSize(): number {
    return this.sheet.cell(this.row, this.col)?.fontSize ?? 10;
  }
  setFontSize(size: number): this {
    return this.setAll((cell) => (cell.fontSize = size));
  }
  setFontSizes(sizes: number[][]): this {
    return this.setGrid(sizes, (cell, v) => (cell.fontSize = v));
  }
  setFontFamily(family: string | null): this {
    return this.setAll((cell) => (cell.fontFamily = family ?? undefined));
  }
  getFontFamily(): string {
    return this.sheet.cell(this.row, this.col)?.fontFamily ?? 'Arial';
  }
  setWrap(wrap: boolean): this {
    return this.setAll((cell) => {
      cell.wrap = wrap;
      cell.wrapStrategy = wrap ? 'WRAP' : 'OVERFLOW';
    });
  }
  setWraps(wraps: boolean[][]): this {
    return this.setGrid(wraps, (cell, v) => {
      cell.wrap = v;
      cell.wrapStrategy = v ? 'WRAP' : 'OVERFLOW';
    });
  }
  getWrap(): boolean {
    return this.sheet.cell(this.row, this.col)?.wrap ?? false;
  }
  getWraps(): boolean[][] {
    return this.attr((cell) => cell?.wrap ?? false);
  }
  setWrapStrategy(strategy: any): this {
    return this.setAll((cell) => {
      cell.wrapStrategy = String(strategy);
      cell.wrap = String(strategy) === 'WRAP';
    });
  }
  getWrapStrategy(): any {
    return this.sheet.cell(this.row, this.col)?.wrapStrategy ?? 'OVERFLOW';
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.setAll((cell) => (cell.hAlign = alignment ?? undefined));
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this.setGrid(alignments, (cell, v) => (cell.hAlign = v ?? undefined));
  }
  getHorizontalAlignment(): string {
    return this.sheet.cell(this.row, this.col)?.hAlign ?? 'general';
  }
  getHorizontalAlignments(): string[][] {
    return this.attr((cell) => cell?.hAlign ?? 'general');
  }
  setVerticalAlignment(alignment: string | null): this {
    return this.setAll((cell) => (cell.vAlign = alignment ?? undefined));
  }
  setVerticalAlignments(alignments: (string | null)[][]): this {
    return this.setGrid(alignments, (cell, v) => (cell.vAlign = v ?? undefined));
  }
  getVerticalAlignment(): string {
    return this.sheet.cell(this.row, this.col)?.vAlign ?? 'bottom';
  }
  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null, ...rest: any[]): this {
    const any = [top, left, bottom, right, ...rest.slice(0, 2)].some((v) => v === true);
    return this.setAll((cell) => (cell.border = any));
  }
  setTextRotation(_degrees: number): this {
    return this;
  }

  // --- notes
  getNote(): string {
    return this.sheet.cell(this.row, this.col)?.note ?? '';
  }
  getNotes(): string[][] {
    return this.attr((cell) => cell?.note ?? '');
  }
  setNote(note: string | null): this {
    return this.setAll((cell) => (cell.note = note ? String(note) : undefined));
  }
  setNotes(notes: (string | null)[][]): this {
    return this.setGrid(notes, (cell, v) => (cell.note = v ? String(v) : undefined));
  }
  clearNote(): this {
    return this.setAll((cell) => (cell.note = undefined));
  }

  // --- validation
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.attr((cell) => cell?.validation ?? null);
  }
  getDataValidation(): FakeDataValidation | null {
    return this.sheet.cell(this.row, this.col)?.validation ?? null;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    return this.setGrid(rules, (cell, v) => (cell.validation = v ?? undefined));
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    return this.setAll((cell) => (cell.validation = rule ?? undefined));
  }
  clearDataValidations(): this {
    return this.setAll((cell) => (cell.validation = undefined));
  }
  insertCheckboxes(checked?: any, unchecked?: any): this {
    const values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    const rule = new FakeDataValidation('CHECKBOX', values, true, null);
    return this.setAll((cell) => {
      cell.validation = rule;
      cell.formula = undefined;
      cell.value = checked === undefined ? false : unchecked === undefined ? '' : unchecked;
    });
  }
  removeCheckboxes(): this {
    return this.setAll((cell) => {
      if (cell.validation?.type === 'CHECKBOX') {
        cell.validation = undefined;
        cell.value = undefined;
      }
    });
  }
  check(): this {
    return this.setAll((cell) => (cell.value = true));
  }
  uncheck(): this {
    return this.setAll((cell) => (cell.value = false));
  }
  isChecked(): boolean | null {
    const v = this.getValue();
    return typeof v === 'boolean' ? v : null;
  }

  // --- clearing
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean; skipFilteredRows?: boolean }): this {
    const contentsOnly = !!options?.contentsOnly;
    const formatOnly = !!options?.formatOnly;
    const validationsOnly = !!options?.validationsOnly;
    const commentsOnly = !!options?.commentsOnly;
    const any = contentsOnly || formatOnly || validationsOnly || commentsOnly;
    this.each((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (!cell) return;
      if (!any) {
        // Like Sheets: contents, formats and notes go; data validation stays.
        this.sheet.rows[r - 1][c - 1] = cell.validation ? { validation: cell.validation } : undefined;
        return;
      }
      if (contentsOnly) {
        cell.value = undefined;
        cell.formula = undefined;
      }
      if (formatOnly) {
        for (const k of ['format', 'background', 'fontWeight', 'fontColor', 'fontStyle', 'fontSize', 'fontFamily', 'wrap', 'wrapStrategy', 'hAlign', 'vAlign', 'border'] as const) {
          delete cell[k];
        }
      }
      if (validationsOnly) cell.validation = undefined;
      if (commentsOnly) cell.note = undefined;
    });
    if (!any) this.sheet.merges = this.sheet.merges.filter((m) => !rectsIntersect(m, this.rect()));
    this.ss.touch();
    return this;
  }
  clearContent(): this {
    return this.clear({ contentsOnly: true });
  }
  clearFormat(): this {
    return this.clear({ formatOnly: true });
  }

  // --- merges
  merge(): this {
    const rect = this.rect();
    if (this.sheet.merges.some((m) => rectsIntersect(m, rect))) this.sheet.merges = this.sheet.merges.filter((m) => !rectsIntersect(m, rect));
    if (this.numRows * this.numCols > 1) this.sheet.merges.push(rect);
    // Sheets keeps only the top-left value.
    this.each((r, c, i, j) => {
      if (i === 0 && j === 0) return;
      const cell = this.sheet.cell(r, c);
      if (cell) {
        cell.value = undefined;
        cell.formula = undefined;
      }
    });
    this.ss.touch();
    return this;
  }
  mergeAcross(): this {
    for (let i = 0; i < this.numRows; i++) new FakeRange(this.sheet, this.row + i, this.col, 1, this.numCols).merge();
    return this;
  }
  mergeVertically(): this {
    for (let j = 0; j < this.numCols; j++) new FakeRange(this.sheet, this.row, this.col + j, this.numRows, 1).merge();
    return this;
  }
  breakApart(): this {
    const rect = this.rect();
    const partial = this.sheet.merges.find((m) => rectsIntersect(m, rect) && !(m.r1 >= rect.r1 && m.r2 <= rect.r2 && m.c1 >= rect.c1 && m.c2 <= rect.c2));
    if (partial) throw new SheetsError('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.merges = this.sheet.merges.filter((m) => !rectsIntersect(m, rect));
    return this;
  }
  isPartOfMerge(): boolean {
    const rect = this.rect();
    return this.sheet.merges.some((m) => rectsIntersect(m, rect));
  }
  getMergedRanges(): FakeRange[] {
    const rect = this.rect();
    return this.sheet.merges.filter((m) => rectsIntersect(m, rect)).map((m) => this.sheet.rangeOf(m));
  }

  // --- misc
  protect(): FakeProtection {
    const p = new FakeProtection(this.sheet, this.rect());
    this.sheet.protections.push(p);
    return p;
  }
  activate(): this {
    this.ss.active = this.sheet;
    this.ss.selection = { sheet: this.sheet, rect: this.rect() };
    return this;
  }
  activateAsCurrentCell(): this {
    return this.activate();
  }
  copyTo(destination: FakeRange, options?: any): void {
    const contentsOnly = !!options?.contentsOnly || options === 'PASTE_VALUES';
    const formatOnly = !!options?.formatOnly || options === 'PASTE_FORMAT';
    this.each((r, c, i, j) => {
      const src = this.sheet.cell(r, c);
      const dr = destination.row + i;
      const dc = destination.col + j;
      const target = destination.sheet.ensureCell(dr, dc);
      if (!src) {
        if (!formatOnly) {
          target.value = undefined;
          target.formula = undefined;
        }
        return;
      }
      if (!formatOnly) {
        target.value = src.value instanceof Date ? new Date(src.value.getTime()) : src.value;
        target.formula = src.formula !== undefined ? translateFormula(src.formula, dr - r, dc - c) : undefined;
      }
      if (!contentsOnly) {
        const { value: _v, formula: _f, ...fmt } = src;
        Object.assign(target, fmt);
      }
    });
    this.ss.touch();
  }
  setValuesFromTyped(): void {}
  toString(): string {
    return 'Range';
  }
}

// ---------------------------------------------------------------------------
// Spreadsheet

interface Computed {
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

export function isErrorString(v: unknown): boolean {
  return typeof v === 'string' && ERROR_STRINGS.includes(v);
}

export type { SS, SH, RG };
