/** Reading cell values as `getValues` returns them (numbers, strings, booleans, Dates, ''). */
import { isoDay } from './isoWeek';

/** Cross-realm safe (a `Date` from another V8 context fails `instanceof`). */
export function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Trimmed text; '' for blanks and dates. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined || isDateValue(value)) return '';
  return String(value).trim();
}

/** A number from a cell: numbers, and numeric text such as `12,5`; null otherwise. */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim().replace(/\s/g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * A date cell as `YYYY-MM-DD`, its day in the spreadsheet's `timeZone` (a typed date is midnight there; or a
 * function that reads the zone, asked only for a date); other values as trimmed text.
 */
export function isoOf(value: unknown, timeZone: string | (() => string)): string {
  return isDateValue(value) ? isoDay(value, typeof timeZone === 'string' ? timeZone : timeZone()) : textOf(value);
}
