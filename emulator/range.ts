/** Range of the Sheets emulator: values, formulas, formats, notes, validations, merges, borders. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { columnToLetters, rectToA1, rectsIntersect, type Rect } from './a1';
import { translateFormula } from './formula';
import { Cell, KIND, Kind, SheetsError, normalizeColor, checkDims } from './common';
import { FakeDataValidation } from './dataValidation';
import { FakeProtection } from './protection';
import { FakeSheet } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';

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
