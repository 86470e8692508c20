/**
 * Calendar days in a time zone. A spreadsheet has its own time zone
 * (`getSpreadsheetTimeZone`), the script runs in the manifest's: a date a
 * person typed is midnight in the spreadsheet's zone, and "today" is the day
 * the spreadsheet's clock shows. Every date the add-on reads, writes or
 * compares goes through these two functions with the spreadsheet's zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of an instant in a zone, as milliseconds of a UTC date with the same fields. */
function wallMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of an instant in `timeZone`, as `YYYY-MM-DD`. */
export function dayIn(date: Date, timeZone: string): string {
  const wall = new Date(wallMs(date.getTime(), timeZone));
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/** Midnight of the day `YYYY-MM-DD` in `timeZone` (what Sheets stores when that day is typed into a cell). */
export function midnightIn(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let i = 0; i < 3; i++) guess += wall - wallMs(guess, timeZone);
  return new Date(guess);
}

/** Days since 1899-12-30 of `YYYY-MM-DD`: the spreadsheet's serial number of that day. */
export function serialOfDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000) + 25_569;
}
