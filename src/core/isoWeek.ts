/**
 * ISO 8601 weeks: a week starts on Monday, and week 1 is the week with the
 * year's first Thursday. Labels look like `2026-W48` and sort as text.
 */
import { dayIn } from './timeZone';

const DAY_MS = 86_400_000;
/** Two digits: 3 → `03`. */
export const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO week of a calendar day `YYYY-MM-DD` (take "today" in the spreadsheet's zone: `dayIn`). */
export function isoWeek(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7; // Monday 1 .. Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = day.getUTCFullYear();
  const week = Math.floor((day.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/**
 * An ISO week as people say it: "week 48 of 2026" in English, "KW 48/2026"
 * in German (Kalenderwoche). Anything that is no week label stays as it is.
 */
export const WEEK_LABELS = { en: 'week {week} of {year}', de: 'KW {week}/{year}' } as const;
export function weekLabel(label: string, lang: 'en' | 'de'): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(label.trim());
  return m ? WEEK_LABELS[lang].replace('{week}', String(Number(m[2]))).replace('{year}', m[1]) : label;
}

/** The Monday of an ISO week as `YYYY-MM-DD`; null for a label that is no week. */
export function weekMonday(label: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(label.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY_MS;
  const monday = new Date(monday1 + (week - 1) * 7 * DAY_MS);
  const iso = `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
  if (week < 1 || isoWeek(iso) !== label.trim()) return null;
  return iso;
}

/** A date's calendar day as `YYYY-MM-DD` in a time zone (the spreadsheet's: a typed date is midnight there). */
export function isoDay(date: Date, timeZone: string): string {
  return dayIn(date, timeZone);
}
