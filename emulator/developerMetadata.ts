/** DeveloperMetadata, DeveloperMetadataLocation and DeveloperMetadataFinder of the Sheets emulator. */
/*
 * Developer metadata as the Sheets API and the Apps Script reference describe it:
 * key, optional value, DOCUMENT or PROJECT visibility, located on the spreadsheet,
 * a sheet, whole rows or whole columns (nothing else). The entries live in
 * `FakeSpreadsheet.metadata`; structure.ts moves row and column entries with
 * their rows and columns and deletes them with them; a sheet's entries go with
 * the sheet and survive its rename (they hold the sheet, not its name).
 *
 * PROJECT visibility: "Project-visible metadata is only visible to and accessible by the
 * developer project that created the metadata" (Sheets API, DeveloperMetadataVisibility).
 * The script's identity is `Host.scriptId()` (ScriptApp.getScriptId(); the harness's
 * `asScript(id, fn)` runs code as another project).
 *
 * Calls: `find()`, `getDeveloperMetadata()`, `addDeveloperMetadata()` and every setter,
 * move and remove are document calls. The DeveloperMetadata objects they return are
 * snapshots taken by that call: getId/getKey/getValue/getVisibility/getLocation and the
 * location's getters answer from the snapshot without another round trip (the emulator's
 * choice; the reference does not say; the Sheets API returns the whole resource,
 * location included, in one response: spreadsheets.developerMetadata.search). A snapshot does not
 * follow later structural edits: find again after inserting or moving columns.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { KIND, Kind, SheetsError } from './common';
import type { FakeSheet } from './sheet';
import type { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';

/** An Apps Script enum value: an object (so that a visibility is never taken for a value string), printing as its name. */
export class EnumValue {
  constructor(readonly label: string) {}
  toString(): string {
    return this.label;
  }
  name(): string {
    return this.label;
  }
  toJSON(): string {
    return this.label;
  }
}

export const DeveloperMetadataVisibility = {
  DOCUMENT: new EnumValue('DOCUMENT'),
  PROJECT: new EnumValue('PROJECT'),
};
export const DeveloperMetadataLocationType = {
  SPREADSHEET: new EnumValue('SPREADSHEET'),
  SHEET: new EnumValue('SHEET'),
  ROW: new EnumValue('ROW'),
  COLUMN: new EnumValue('COLUMN'),
};

export type VisibilityName = 'DOCUMENT' | 'PROJECT';
export type LocationName = 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';

export type MetaLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: FakeSheet }
  | { type: 'ROW' | 'COLUMN'; sheet: FakeSheet; start: number; end: number };

export interface MetaEntry {
  id: number;
  key: string;
  value: string | null;
  visibility: VisibilityName;
  /** The script project that created it (matters for PROJECT visibility). */
  project: string;
  location: MetaLocation;
}

/** Message Apps Script gives for metadata on a range that is not whole rows or whole columns. */
export const ARBITRARY_RANGE_MESSAGE =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** The location a Range stands for: whole rows or whole columns of its sheet, else it throws as Sheets does. */
export function rangeLocation(range: FakeRange): MetaLocation {
  const sheet = range.sheet;
  const rect = range.rect();
  const wholeRows = rect.c1 === 1 && rect.c2 === sheet.maxCols;
  const wholeCols = rect.r1 === 1 && rect.r2 === sheet.maxRows;
  if (wholeRows && !wholeCols) return { type: 'ROW', sheet, start: rect.r1, end: rect.r2 };
  if (wholeCols && !wholeRows) return { type: 'COLUMN', sheet, start: rect.c1, end: rect.c2 };
  throw new SheetsError(ARBITRARY_RANGE_MESSAGE);
}

function visibilityName(v: any, method: string, sig: string): VisibilityName {
  if (v === DeveloperMetadataVisibility.DOCUMENT) return 'DOCUMENT';
  if (v === DeveloperMetadataVisibility.PROJECT) return 'PROJECT';
  throw new SheetsError(`The parameters (${sig}) don't match the method signature for SpreadsheetApp.${method}.`);
}

const typeName = (v: any) => (v === null ? 'null' : v instanceof EnumValue ? 'DeveloperMetadataVisibility' : typeof v === 'string' ? 'String' : typeof v === 'number' ? 'number' : typeof v);

/** Parses addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility). */
export function parseAddArgs(args: any[], method: string): { key: string; value: string | null; visibility: VisibilityName } {
  const sig = args.map(typeName).join(',');
  const [key, a, b] = args;
  if (typeof key !== 'string' || args.length < 1 || args.length > 3) throw new SheetsError(`The parameters (${sig}) don't match the method signature for SpreadsheetApp.${method}.`);
  if (key === '') throw new SheetsError('Developer metadata must always have a key specified.');
  let value: string | null = null;
  let visibility: VisibilityName = 'DOCUMENT';
  if (args.length === 2) {
    if (a instanceof EnumValue) visibility = visibilityName(a, method, sig);
    else if (typeof a === 'string' || a === null) value = a;
    else throw new SheetsError(`The parameters (${sig}) don't match the method signature for SpreadsheetApp.${method}.`);
  } else if (args.length === 3) {
    if (typeof a !== 'string' && a !== null) throw new SheetsError(`The parameters (${sig}) don't match the method signature for SpreadsheetApp.${method}.`);
    value = a;
    visibility = visibilityName(b, method, sig);
  }
  return { key, value, visibility };
}

function copyLocation(loc: MetaLocation): MetaLocation {
  return { ...loc } as MetaLocation;
}

export class FakeDeveloperMetadataLocation {
  readonly [KIND]: Kind = 'document';
  static label = 'DeveloperMetadataLocation';
  static methodKinds: Record<string, Kind> = { getLocationType: 'local', getSpreadsheet: 'local', getSheet: 'local', getRow: 'local', getColumn: 'local' };
  constructor(
    private readonly ss: FakeSpreadsheet,
    private readonly loc: MetaLocation,
  ) {}
  getLocationType(): EnumValue {
    return DeveloperMetadataLocationType[this.loc.type];
  }
  getSpreadsheet(): FakeSpreadsheet | null {
    return this.loc.type === 'SPREADSHEET' ? this.ss : null;
  }
  getSheet(): FakeSheet | null {
    return this.loc.type === 'SHEET' ? this.loc.sheet : null;
  }
  getRow(): FakeRange | null {
    const l = this.loc;
    return l.type === 'ROW' ? l.sheet.rangeOf({ r1: l.start, r2: l.end, c1: 1, c2: l.sheet.maxCols }) : null;
  }
  getColumn(): FakeRange | null {
    const l = this.loc;
    return l.type === 'COLUMN' ? l.sheet.rangeOf({ r1: 1, r2: l.sheet.maxRows, c1: l.start, c2: l.end }) : null;
  }
  toString(): string {
    return 'DeveloperMetadataLocation';
  }
}

export class FakeDeveloperMetadata {
  readonly [KIND]: Kind = 'document';
  static label = 'DeveloperMetadata';
  static methodKinds: Record<string, Kind> = { getId: 'local', getKey: 'local', getValue: 'local', getVisibility: 'local', getLocation: 'local' };
  private snap: MetaEntry;
  constructor(
    private readonly ss: FakeSpreadsheet,
    entry: MetaEntry,
  ) {
    this.snap = { ...entry, location: copyLocation(entry.location) };
  }
  private live(): MetaEntry {
    const e = this.ss.metadata.find((m) => m.id === this.snap.id && this.ss.metadataVisible(m));
    if (!e) throw new SheetsError(`No developer metadata with id ${this.snap.id} exists.`);
    return e;
  }
  private changed(e: MetaEntry): this {
    this.snap = { ...e, location: copyLocation(e.location) };
    this.ss.touch();
    return this;
  }
  getId(): number {
    return this.snap.id;
  }
  getKey(): string {
    return this.snap.key;
  }
  getValue(): string | null {
    return this.snap.value;
  }
  getVisibility(): EnumValue {
    return DeveloperMetadataVisibility[this.snap.visibility];
  }
  getLocation(): FakeDeveloperMetadataLocation {
    return new FakeDeveloperMetadataLocation(this.ss, copyLocation(this.snap.location));
  }
  setKey(key: string): this {
    if (typeof key !== 'string') throw new SheetsError(`The parameters (${typeName(key)}) don't match the method signature for SpreadsheetApp.DeveloperMetadata.setKey.`);
    if (key === '') throw new SheetsError('Developer metadata must always have a key specified.');
    const e = this.live();
    e.key = key;
    return this.changed(e);
  }
  setValue(value: string | null): this {
    if (typeof value !== 'string' && value !== null) throw new SheetsError(`The parameters (${typeName(value)}) don't match the method signature for SpreadsheetApp.DeveloperMetadata.setValue.`);
    const e = this.live();
    e.value = value;
    return this.changed(e);
  }
  setVisibility(visibility: any): this {
    const name = visibilityName(visibility, 'DeveloperMetadata.setVisibility', typeName(visibility));
    const e = this.live();
    e.visibility = name;
    e.project = this.ss.host.scriptId();
    return this.changed(e);
  }
  moveToColumn(column: FakeRange): this {
    const loc = rangeLocation(column);
    if (loc.type !== 'COLUMN') throw new SheetsError(ARBITRARY_RANGE_MESSAGE);
    const e = this.live();
    e.location = loc;
    return this.changed(e);
  }
  moveToRow(row: FakeRange): this {
    const loc = rangeLocation(row);
    if (loc.type !== 'ROW') throw new SheetsError(ARBITRARY_RANGE_MESSAGE);
    const e = this.live();
    e.location = loc;
    return this.changed(e);
  }
  moveToSheet(sheet: FakeSheet): this {
    const e = this.live();
    e.location = { type: 'SHEET', sheet };
    return this.changed(e);
  }
  moveToSpreadsheet(): this {
    const e = this.live();
    e.location = { type: 'SPREADSHEET' };
    return this.changed(e);
  }
  remove(): void {
    const e = this.live();
    this.ss.metadata = this.ss.metadata.filter((m) => m !== e);
    this.ss.touch();
  }
  toString(): string {
    return 'DeveloperMetadata';
  }
}

/** Where a finder searches: the whole spreadsheet, one sheet, or one range. */
export type FinderScope = { type: 'spreadsheet' } | { type: 'sheet'; sheet: FakeSheet } | { type: 'range'; range: FakeRange };

export class FakeDeveloperMetadataFinder {
  readonly [KIND]: Kind = 'builder';
  static label = 'DeveloperMetadataFinder';
  static methodKinds: Record<string, Kind> = { find: 'document' };
  private id?: number;
  private key?: string;
  private value?: string | null;
  private locationType?: LocationName;
  private visibility?: VisibilityName;
  private intersecting = false;
  constructor(
    private readonly ss: FakeSpreadsheet,
    private readonly scope: FinderScope,
  ) {}
  withId(id: number): this {
    if (typeof id !== 'number') throw new SheetsError(`The parameters (${typeName(id)}) don't match the method signature for SpreadsheetApp.DeveloperMetadataFinder.withId.`);
    this.id = id;
    return this;
  }
  withKey(key: string): this {
    if (typeof key !== 'string') throw new SheetsError(`The parameters (${typeName(key)}) don't match the method signature for SpreadsheetApp.DeveloperMetadataFinder.withKey.`);
    this.key = key;
    return this;
  }
  withValue(value: string | null): this {
    this.value = value;
    return this;
  }
  withLocationType(type: any): this {
    const name = Object.entries(DeveloperMetadataLocationType).find(([, v]) => v === type)?.[0] as LocationName | undefined;
    if (!name) throw new SheetsError(`The parameters (${typeName(type)}) don't match the method signature for SpreadsheetApp.DeveloperMetadataFinder.withLocationType.`);
    this.locationType = name;
    return this;
  }
  withVisibility(visibility: any): this {
    this.visibility = visibilityName(visibility, 'DeveloperMetadataFinder.withVisibility', typeName(visibility));
    return this;
  }
  /** "Configures the search to consider intersecting locations that have metadata. This option is only valid for range-scoped searches." */
  onIntersectingLocations(): this {
    if (this.scope.type !== 'range') throw new SheetsError('onIntersectingLocations is only valid for a search scoped to a range (Range.createDeveloperMetadataFinder).');
    this.intersecting = true;
    return this;
  }
  private inScope(m: MetaEntry): boolean {
    const s = this.scope;
    const loc = m.location;
    if (s.type === 'spreadsheet') return true;
    if (s.type === 'sheet') return loc.type !== 'SPREADSHEET' && loc.sheet === s.sheet;
    const rect = s.range.rect();
    if (loc.type === 'SPREADSHEET' || loc.type === 'SHEET' || loc.sheet !== s.range.sheet) return false;
    if (this.intersecting) {
      return loc.type === 'ROW' ? loc.start <= rect.r2 && rect.r1 <= loc.end : loc.start <= rect.c2 && rect.c1 <= loc.end;
    }
    let exact: MetaLocation | null = null;
    try {
      exact = rangeLocation(s.range);
    } catch {
      return false;
    }
    return exact.type === loc.type && (exact as any).start === loc.start && (exact as any).end === loc.end;
  }
  find(): FakeDeveloperMetadata[] {
    return this.ss.metadata
      .filter((m) => this.ss.metadataVisible(m))
      .filter((m) => this.inScope(m))
      .filter((m) => this.id === undefined || m.id === this.id)
      .filter((m) => this.key === undefined || m.key === this.key)
      .filter((m) => this.value === undefined || m.value === this.value)
      .filter((m) => this.locationType === undefined || m.location.type === this.locationType)
      .filter((m) => this.visibility === undefined || m.visibility === this.visibility)
      .map((m) => new FakeDeveloperMetadata(this.ss, m));
  }
  toString(): string {
    return 'DeveloperMetadataFinder';
  }
}

/** Adds an entry (Spreadsheet/Sheet/Range.addDeveloperMetadata). */
export function addMetadata(ss: FakeSpreadsheet, location: MetaLocation, args: any[], method: string): void {
  const { key, value, visibility } = parseAddArgs(args, method);
  ss.metadata.push({ id: ss.nextMetadataId(), key, value, visibility, project: ss.host.scriptId(), location });
  ss.touch();
}

/** Entries directly at a location (getDeveloperMetadata of a spreadsheet, sheet or range). */
export function metadataAt(ss: FakeSpreadsheet, location: MetaLocation): FakeDeveloperMetadata[] {
  return ss.metadata
    .filter((m) => ss.metadataVisible(m))
    .filter((m) => {
      const a = m.location as any;
      const b = location as any;
      return a.type === b.type && a.sheet === b.sheet && a.start === b.start && a.end === b.end;
    })
    .map((m) => new FakeDeveloperMetadata(ss, m));
}
