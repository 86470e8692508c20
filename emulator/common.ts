/** Shared by the Sheets classes: the Host interface, cells, call kinds, SheetsError, colours and the SpreadsheetApp enums. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ERROR_STRINGS } from './formula';
import { FakeDataValidation } from './dataValidation';

export type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type SH = GoogleAppsScript.Spreadsheet.Sheet;
export type RG = GoogleAppsScript.Spreadsheet.Range;

export interface Host {
  now(): Date;
  customFunctions: Record<string, (...args: any[]) => any>;
  /** Runs fn with ScriptApp auth mode CUSTOM_FUNCTION, then restores the mode. */
  runAsCustomFunction<T>(fn: () => T): T;
  toast(message: string, title: string, timeoutSeconds: number): void;
}

export interface Cell {
  value?: any; // number | string | boolean | Date (stored in this realm)
  formula?: string;
  format?: string;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontStyle?: string;
  fontSize?: number;
  fontFamily?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  hAlign?: string;
  vAlign?: string;
  note?: string;
  validation?: FakeDataValidation;
  border?: boolean;
}

/** Marker read by the proxy layer: which counter a method call goes to, and the class name. */
export const KIND = Symbol.for('fake.kind');
export type Kind = 'document' | 'builder' | 'service' | 'ui';

export class SheetsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export const COLORS: Record<string, string> = {
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  white: '#ffffff',
  black: '#000000',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
};

export function normalizeColor(c: string | null): string | null {
  if (c == null) return null;
  const s = c.trim().toLowerCase();
  if (COLORS[s]) return COLORS[s];
  const m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`;
  return s;
}

export function checkDims(data: any, rows: number, cols: number): void {
  if (!Array.isArray(data)) throw new SheetsError(`The parameters (${typeof data}) don't match the method signature.`);
  if (data.length !== rows) {
    throw new SheetsError(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rows}.`);
  }
  for (const row of data) {
    if (!Array.isArray(row)) throw new SheetsError("The parameters (number[]) don't match the method signature.");
    if (row.length !== cols) {
      throw new SheetsError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${cols}.`,
      );
    }
  }
}

// ---------------------------------------------------------------------------

export const Enums = {
  ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
  DataValidationCriteria: Object.fromEntries(
    [
      'DATE_AFTER',
      'DATE_BEFORE',
      'DATE_BETWEEN',
      'DATE_EQUAL_TO',
      'DATE_IS_VALID_DATE',
      'DATE_NOT_BETWEEN',
      'DATE_ON_OR_AFTER',
      'DATE_ON_OR_BEFORE',
      'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO',
      'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      'NUMBER_NOT_BETWEEN',
      'NUMBER_NOT_EQUAL_TO',
      'TEXT_CONTAINS',
      'TEXT_DOES_NOT_CONTAIN',
      'TEXT_EQUAL_TO',
      'TEXT_IS_VALID_EMAIL',
      'TEXT_IS_VALID_URL',
      'VALUE_IN_LIST',
      'VALUE_IN_RANGE',
      'CUSTOM_FORMULA',
      'CHECKBOX',
    ].map((k) => [k, k]),
  ),
  BooleanCriteria: Object.fromEntries(
    [
      'CELL_EMPTY',
      'CELL_NOT_EMPTY',
      'DATE_AFTER',
      'DATE_BEFORE',
      'DATE_EQUAL_TO',
      'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO',
      'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      'NUMBER_NOT_BETWEEN',
      'NUMBER_NOT_EQUAL_TO',
      'TEXT_CONTAINS',
      'TEXT_DOES_NOT_CONTAIN',
      'TEXT_ENDS_WITH',
      'TEXT_EQUAL_TO',
      'TEXT_STARTS_WITH',
      'CUSTOM_FORMULA',
    ].map((k) => [k, k]),
  ),
  BorderStyle: { DOTTED: 'DOTTED', DASHED: 'DASHED', SOLID: 'SOLID', SOLID_MEDIUM: 'SOLID_MEDIUM', SOLID_THICK: 'SOLID_THICK', DOUBLE: 'DOUBLE' },
  WrapStrategy: { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' },
  Dimension: { COLUMNS: 'COLUMNS', ROWS: 'ROWS' },
  Direction: { UP: 'UP', DOWN: 'DOWN', PREVIOUS: 'PREVIOUS', NEXT: 'NEXT' },
  CopyPasteType: { PASTE_NORMAL: 'PASTE_NORMAL', PASTE_VALUES: 'PASTE_VALUES', PASTE_FORMAT: 'PASTE_FORMAT' },
};

export function isErrorString(v: unknown): boolean {
  return typeof v === 'string' && ERROR_STRINGS.includes(v);
}

/** Ids handed out in this process: sheets (the first sheet is 0, as in Sheets' gid), charts. */
export const nextIds = { sheet: 0, chart: 1 };
