/** DataValidation and DataValidationBuilder of the Sheets emulator. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { KIND, Kind, SheetsError } from './common';

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
