/** NamedRange of the Sheets emulator. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { KIND, Kind } from './common';
import { SheetRect } from './conditionalFormat';
import { FakeRange } from './range';
import { FakeSpreadsheet } from './spreadsheet';

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
