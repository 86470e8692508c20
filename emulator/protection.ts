/** Protection (range and sheet protections) of the Sheets emulator. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { rectContains, type Rect } from './a1';
import { KIND, Kind, OWNER, PROTECTED_MESSAGE, SheetsError, emailOf } from './common';
import { SheetRect } from './conditionalFormat';
import { FakeNamedRange } from './namedRange';
import { FakeSheet } from './sheet';
import { FakeRange } from './range';

// ---------------------------------------------------------------------------
// Protection and named ranges

/**
 * A protection as Sheets keeps it: until the editors are changed, "the permissions mirror those of the
 * spreadsheet itself" (everyone who may edit the spreadsheet may edit here); then only the listed editors and the
 * owner. A warning-only protection lets everyone edit (with a warning in the UI). A user who may not edit a
 * protection cannot change or remove it, nor write into the cells it covers.
 */
export class FakeProtection {
  readonly [KIND]: Kind = 'document';
  static label = 'Protection';
  description = '';
  warningOnly = false;
  /** null: mirrors the spreadsheet's permissions (everyone can edit). */
  editors: string[] | null = null;
  unprotected: SheetRect[] = [];
  removed = false;
  constructor(
    readonly sheet: FakeSheet,
    public rect: Rect | null,
  ) {}
  private user(): string {
    return this.sheet.ss.host.user?.() ?? OWNER;
  }
  /** Whether `user` may edit the protected cells (the owner always may). */
  allows(user: string): boolean {
    if (this.removed || this.warningOnly || user === OWNER || this.editors === null) return true;
    return this.editors.includes(emailOf(user));
  }
  /** Whether the protection covers cell (r, c) of its sheet. */
  covers(r: number, c: number): boolean {
    if (this.rect) return rectContains(this.rect, r, c);
    return !this.unprotected.some((u) => rectContains(u.rect, r, c));
  }
  private change(): void {
    if (!this.allows(this.user())) throw new SheetsError(PROTECTED_MESSAGE);
  }
  getProtectionType(): any {
    return this.rect ? 'RANGE' : 'SHEET';
  }
  setDescription(d: string): this {
    this.change();
    this.description = d;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(w: boolean): this {
    this.change();
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
    this.change();
    this.rect = range.rect();
    return this;
  }
  remove(): void {
    this.change();
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  canEdit(): boolean {
    return this.allows(this.user());
  }
  canDomainEdit(): boolean {
    return false;
  }
  setDomainEdit(_editable: boolean): this {
    this.change();
    return this;
  }
  private listed(): string[] {
    if (this.warningOnly) throw new SheetsError('Editors are not supported with warning-only protection.');
    return (this.editors ??= [emailOf(OWNER), emailOf(this.user())].filter((e, i, all) => all.indexOf(e) === i));
  }
  addEditor(email: any): this {
    this.change();
    const e = typeof email === 'string' ? email : String(email?.getEmail?.() ?? email);
    const list = this.listed();
    if (!list.includes(e)) list.push(e);
    return this;
  }
  addEditors(emails: string[]): this {
    for (const e of emails) this.addEditor(e);
    return this;
  }
  removeEditor(email: any): this {
    this.change();
    const e = typeof email === 'string' ? email : String(email?.getEmail?.() ?? email);
    this.editors = this.listed().filter((x) => x !== e || x === emailOf(OWNER));
    return this;
  }
  removeEditors(emails: any[]): this {
    for (const e of emails) this.removeEditor(e);
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    return (this.editors ?? [emailOf(OWNER)]).map((e) => ({ getEmail: () => e }));
  }
  setUnprotectedRanges(ranges: FakeRange[]): this {
    this.change();
    if (this.rect) throw new SheetsError('Unprotected ranges can only be set on sheet protections.');
    this.unprotected = ranges.map((r) => ({ sheet: r.sheet, rect: r.rect() }));
    return this;
  }
  getUnprotectedRanges(): FakeRange[] {
    return this.unprotected.map((u) => u.sheet.rangeOf(u.rect));
  }
  setNamedRange(nr: FakeNamedRange): this {
    this.change();
    this.rect = { ...nr.target.rect };
    return this;
  }
}
