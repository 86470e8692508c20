/** Protection (range and sheet protections) of the Sheets emulator. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { type Rect } from './a1';
import { KIND, Kind, SheetsError } from './common';
import { SheetRect } from './conditionalFormat';
import { FakeNamedRange } from './namedRange';
import { FakeSheet } from './sheet';
import { FakeRange } from './range';

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
