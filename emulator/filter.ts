/** Filter, FilterCriteria and FilterCriteriaBuilder of the Sheets emulator: a sheet's one filter hides the rows its criteria reject. */
/*
 * Sources (Google's reference):
 * - https://developers.google.com/apps-script/reference/spreadsheet/filter : "Use this class to modify
 *   existing filters on Grid sheets"; getRange, getColumnFilterCriteria, setColumnFilterCriteria,
 *   removeColumnFilterCriteria, sort, remove.
 * - https://developers.google.com/apps-script/reference/spreadsheet/range#createFilter() : "Creates a
 *   filter ... A sheet can only have one filter"; Sheet.getFilter() "Returns the filter in this sheet,
 *   or null if there is no filter."
 * - https://developers.google.com/apps-script/reference/spreadsheet/sheet#isRowHiddenByFilter(Integer)
 * - https://developers.google.com/apps-script/reference/spreadsheet/filter-criteria-builder
 * The header row (the first row of the filter's range) is never hidden. Rows are re-evaluated when
 * criteria change (as in Sheets, typing into a filtered range does not re-filter it).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Rect } from './a1';
import { KIND, Kind, SheetsError } from './common';
import { sortRows } from './structure';
import type { FakeSheet } from './sheet';
import type { FakeRange } from './range';

export class FakeFilterCriteria {
  readonly [KIND]: Kind = 'document';
  static label = 'FilterCriteria';
  constructor(
    readonly hidden: string[] | null,
    readonly visible: string[] | null,
    readonly type: string | null,
    readonly values: any[],
  ) {}
  getHiddenValues(): string[] | null {
    return this.hidden ? [...this.hidden] : null;
  }
  getVisibleValues(): string[] | null {
    return this.visible ? [...this.visible] : null;
  }
  getCriteriaType(): string | null {
    return this.type;
  }
  getCriteriaValues(): any[] {
    return [...this.values];
  }
  copy(): FakeFilterCriteriaBuilder {
    const b = new FakeFilterCriteriaBuilder();
    Object.assign(b, { hidden: this.hidden, visible: this.visible, type: this.type, values: [...this.values] });
    return b;
  }
  toString(): string {
    return 'FilterCriteria';
  }
}

export class FakeFilterCriteriaBuilder {
  readonly [KIND]: Kind = 'builder';
  static label = 'FilterCriteriaBuilder';
  hidden: string[] | null = null;
  visible: string[] | null = null;
  type: string | null = null;
  values: any[] = [];
  private when(type: string, ...values: any[]): this {
    this.type = type;
    this.values = values;
    return this;
  }
  setHiddenValues(values: string[]): this {
    if (!Array.isArray(values)) throw new SheetsError("The parameters don't match the method signature for SpreadsheetApp.FilterCriteriaBuilder.setHiddenValues.");
    this.hidden = values.map(String);
    return this;
  }
  setVisibleValues(values: string[]): this {
    if (!Array.isArray(values)) throw new SheetsError("The parameters don't match the method signature for SpreadsheetApp.FilterCriteriaBuilder.setVisibleValues.");
    this.visible = values.map(String);
    return this;
  }
  whenCellEmpty(): this {
    return this.when('CELL_EMPTY');
  }
  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY');
  }
  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQUAL_TO', text);
  }
  whenTextNotEqualTo(text: string): this {
    return this.when('TEXT_NOT_EQUAL_TO', text);
  }
  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', text);
  }
  whenTextDoesNotContain(text: string): this {
    return this.when('TEXT_DOES_NOT_CONTAIN', text);
  }
  whenTextStartsWith(text: string): this {
    return this.when('TEXT_STARTS_WITH', text);
  }
  whenTextEndsWith(text: string): this {
    return this.when('TEXT_ENDS_WITH', text);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('NUMBER_EQUAL_TO', n);
  }
  whenNumberNotEqualTo(n: number): this {
    return this.when('NUMBER_NOT_EQUAL_TO', n);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('NUMBER_GREATER_THAN', n);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }
  whenNumberLessThan(n: number): this {
    return this.when('NUMBER_LESS_THAN', n);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }
  whenNumberBetween(a: number, b: number): this {
    return this.when('NUMBER_BETWEEN', a, b);
  }
  whenNumberNotBetween(a: number, b: number): this {
    return this.when('NUMBER_NOT_BETWEEN', a, b);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', formula);
  }
  build(): FakeFilterCriteria {
    return new FakeFilterCriteria(this.hidden, this.visible, this.type, this.values);
  }
  toString(): string {
    return 'FilterCriteriaBuilder';
  }
}

export class FakeFilter {
  readonly [KIND]: Kind = 'document';
  static label = 'Filter';
  criteria = new Map<number, FakeFilterCriteria>();
  constructor(
    readonly sheet: FakeSheet,
    public rect: Rect,
  ) {}
  private live(): void {
    if (this.sheet.filter !== this) throw new SheetsError('This filter has been removed.');
  }
  private checkColumn(col: number, method: string): void {
    if (typeof col !== 'number' || !Number.isInteger(col)) throw new SheetsError(`The parameters (${typeof col}) don't match the method signature for SpreadsheetApp.Filter.${method}.`);
    if (col < this.rect.c1 || col > this.rect.c2) throw new SheetsError(`The column ${col} is outside the filter's range.`);
  }
  getRange(): FakeRange {
    this.live();
    return this.sheet.rangeOf(this.rect);
  }
  getColumnFilterCriteria(columnPosition: number): FakeFilterCriteria | null {
    this.live();
    this.checkColumn(columnPosition, 'getColumnFilterCriteria');
    return this.criteria.get(columnPosition) ?? null;
  }
  setColumnFilterCriteria(columnPosition: number, criteria: FakeFilterCriteria | null): this {
    this.live();
    this.checkColumn(columnPosition, 'setColumnFilterCriteria');
    if (criteria === null) this.criteria.delete(columnPosition);
    else if (criteria instanceof FakeFilterCriteria) this.criteria.set(columnPosition, criteria);
    else throw new SheetsError("The parameters don't match the method signature for SpreadsheetApp.Filter.setColumnFilterCriteria.");
    this.apply();
    return this;
  }
  removeColumnFilterCriteria(columnPosition: number): this {
    this.live();
    this.checkColumn(columnPosition, 'removeColumnFilterCriteria');
    this.criteria.delete(columnPosition);
    this.apply();
    return this;
  }
  /** Sorts the filtered range (without its header row) by a column. */
  sort(columnPosition: number, ascending: boolean): this {
    this.live();
    this.checkColumn(columnPosition, 'sort');
    if (this.rect.r2 > this.rect.r1) {
      const ss = this.sheet.ss;
      sortRows(this.sheet, { ...this.rect, r1: this.rect.r1 + 1 }, [{ column: columnPosition, ascending: ascending !== false }], (r, c) => ss.engineValue(this.sheet, r, c));
      this.apply();
    }
    return this;
  }
  remove(): void {
    this.live();
    this.sheet.filter = null;
    this.sheet.filterHiddenRows = new Set();
    this.sheet.ss.touch();
  }
  /** Recomputes which rows the criteria hide. */
  apply(): void {
    const hidden = new Set<number>();
    const ss = this.sheet.ss;
    for (let r = this.rect.r1 + 1; r <= this.rect.r2; r++) {
      for (const [col, crit] of this.criteria) {
        if (!passes(crit, ss.engineValue(this.sheet, r, col), ss.displayValue(this.sheet, r, col), (f) => ss.evaluateAt(this.sheet, r, col, f))) {
          hidden.add(r);
          break;
        }
      }
    }
    this.sheet.filterHiddenRows = hidden;
    ss.touch();
  }
  toString(): string {
    return 'Filter';
  }
}

function passes(c: FakeFilterCriteria, v: any, shown: string, evaluate: (formula: string) => any): boolean {
  if (c.hidden && c.hidden.includes(shown)) return false;
  if (c.visible && !c.visible.includes(shown)) return false;
  if (!c.type) return true;
  const blank = v === null || v === undefined || v === '';
  const text = blank ? '' : String(shown).toLowerCase();
  const arg = String(c.values[0] ?? '').toLowerCase();
  const isNum = typeof v === 'number';
  const [a, b] = c.values.map(Number);
  switch (c.type) {
    case 'CELL_EMPTY':
      return blank;
    case 'CELL_NOT_EMPTY':
      return !blank;
    case 'TEXT_EQUAL_TO':
      return text === arg;
    case 'TEXT_NOT_EQUAL_TO':
      return text !== arg;
    case 'TEXT_CONTAINS':
      return text.includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg);
    case 'TEXT_STARTS_WITH':
      return text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return text.endsWith(arg);
    case 'NUMBER_EQUAL_TO':
      return isNum && v === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return !isNum || v !== a;
    case 'NUMBER_GREATER_THAN':
      return isNum && v > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return isNum && v >= a;
    case 'NUMBER_LESS_THAN':
      return isNum && v < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return isNum && v <= a;
    case 'NUMBER_BETWEEN':
      return isNum && v >= Math.min(a, b) && v <= Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN':
      return !(isNum && v >= Math.min(a, b) && v <= Math.max(a, b));
    case 'CUSTOM_FORMULA': {
      const res = evaluate(String(c.values[0]));
      return res === true || (typeof res === 'number' && res !== 0);
    }
  }
  return true;
}

