/** Sheet of the Sheets emulator: cells, sizes, frozen rows, hidden rows and columns, row insert and delete, charts. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { parseA1, shiftRect, splitSheet, type Axis, type Rect } from './a1';
import { Cell, KIND, Kind, SheetsError, nextIds, normalizeColor } from './common';
import { FakeConditionalFormatRule } from './conditionalFormat';
import { FakeProtection } from './protection';
import { FakeNamedRange } from './namedRange';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './chart';
import { FakeRange } from './range';
import { FakeSpreadsheet } from './spreadsheet';

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
    this.id = nextIds.sheet === 0 ? 0 : 100000 + nextIds.sheet * 7919;
    nextIds.sheet++;
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
