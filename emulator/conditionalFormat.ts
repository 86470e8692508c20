/** BooleanCondition, ConditionalFormatRule and ConditionalFormatRuleBuilder of the Sheets emulator. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { type Rect } from './a1';
import { KIND, Kind, SheetsError, normalizeColor } from './common';
import { FakeSheet } from './sheet';
import { FakeRange } from './range';

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

export interface SheetRect {
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
