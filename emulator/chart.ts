/** EmbeddedChart and EmbeddedChartBuilder of the Sheets emulator. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { KIND, Kind, SheetsError, nextIds } from './common';
import { SheetRect } from './conditionalFormat';
import { FakeSheet } from './sheet';
import { FakeRange } from './range';

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
    return new FakeEmbeddedChart(this.id ?? nextIds.chart++, this.type, [...this.ranges], { ...this.position }, { ...this.options }, this.transpose, this.numHeaders);
  }
}
