/**
 * Reading the answer to "Set up a new cycle": one line a user types, e.g.
 * `Q1 2027; Sales, Marketing, IT, HR` (dates follow from the quarter) or
 * `Pilot Jan; 2027-01-04; 2027-01-29; Platform` (German dates 4.1.2027 work).
 */
import { say, type Bilingual, type Language } from './i18n';
import { pad } from './isoWeek';
import { Cycle } from './schema';

export interface CycleSetup {
  cycle: Cycle;
  teams: string[];
}

export type SetupParse = { ok: true; setup: CycleSetup } | { ok: false; problems: string[] };

const TEXT = {
  noName: { en: 'The cycle needs a name, e.g. Q1 2027.', de: 'Der Zyklus braucht einen Namen, z. B. Q1 2027.' },
  noDates: {
    en: 'Give start and end dates, e.g. 2027-01-01; 2027-03-31, or name the cycle after a quarter (Q1 2027).',
    de: 'Gib Beginn und Ende an, z. B. 1.1.2027; 31.3.2027, oder benenne den Zyklus nach einem Quartal (Q1 2027).',
  },
  badDate: { en: '"{value}" is not a date (use 2027-01-31 or 31.1.2027).', de: '„{value}“ ist kein Datum (nutze 31.1.2027 oder 2027-01-31).' },
  endBeforeStart: { en: 'The end must be after the start.', de: 'Das Ende muss nach dem Beginn liegen.' },
  noTeams: { en: 'Name at least one team, separated by commas.', de: 'Nenne mindestens ein Team, getrennt durch Kommas.' },
  duplicateTeam: { en: 'Team "{value}" is named twice.', de: 'Team „{value}“ ist doppelt genannt.' },
  longTeam: { en: 'Team name "{value}" is longer than 80 characters.', de: 'Teamname „{value}“ ist länger als 80 Zeichen.' },
  tooManyTeams: { en: 'At most 100 teams.', de: 'Höchstens 100 Teams.' },
  longName: { en: 'The cycle name is longer than 80 characters.', de: 'Der Zyklusname ist länger als 80 Zeichen.' },
} satisfies Record<string, Bilingual>;

const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function isValidDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `2027-01-31`, `31.1.2027` or `31.01.27` as an ISO date; `null` if it is no date. */
export function parseDay(text: string): string | null {
  const value = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m && isValidDay(+m[1], +m[2], +m[3])) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(value);
  if (m) {
    const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    if (isValidDay(year, +m[2], +m[1])) return iso(year, +m[2], +m[1]);
  }
  return null;
}

/** The dates of a quarter named like `Q1 2027`, `Q1/2027`, `2027-Q1` or `1. Quartal 2027`. */
export function quarterDates(name: string): { start: string; end: string } | null {
  const text = name.trim();
  let quarter: number;
  let year: number;
  let m: RegExpExecArray | null;
  if ((m = /^Q([1-4])\s*[/ -]?\s*(\d{4})$/i.exec(text))) [quarter, year] = [+m[1], +m[2]];
  else if ((m = /^(\d{4})\s*[/ -]?\s*Q([1-4])$/i.exec(text))) [year, quarter] = [+m[1], +m[2]];
  else if ((m = /^([1-4])\.\s*Quartal\s+(\d{4})$/i.exec(text))) [quarter, year] = [+m[1], +m[2]];
  else return null;
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { start: iso(year, firstMonth, 1), end: iso(year, lastMonth, lastDay) };
}

/** The quarter after the one the day `today` (`YYYY-MM-DD`) is in, e.g. on 2026-11-24: `Q1 2027`. */
export function nextQuarterName(today: string): string {
  const [year, month] = today.split('-').map(Number);
  const quarter = Math.floor((month - 1) / 3) + 1;
  return quarter === 4 ? `Q1 ${year + 1}` : `Q${quarter + 1} ${year}`;
}

export function parseCycleSetup(answer: string, lang: Language): SetupParse {
  const problems: string[] = [];
  const parts = answer
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const name = parts.shift() ?? '';
  if (!name) problems.push(say(TEXT.noName, lang));
  if (name.length > 80) problems.push(say(TEXT.longName, lang));
  const dates: string[] = [];
  while (parts.length > 1 && /^[\d.\-/ ]+$/.test(parts[0])) {
    const raw = parts.shift()!;
    const day = parseDay(raw);
    if (day) dates.push(day);
    else problems.push(say(TEXT.badDate, lang, { value: raw }));
  }
  let start = dates[0];
  let end = dates[1];
  if (!start || !end) {
    const quarter = quarterDates(name);
    if (quarter && dates.length === 0) ({ start, end } = quarter);
    else if (!problems.some((p) => p.includes('"') || p.includes('„'))) problems.push(say(TEXT.noDates, lang));
  }
  if (start && end && end <= start) problems.push(say(TEXT.endBeforeStart, lang));
  const teams = (parts.join(',') || '')
    .split(',')
    .map((team) => team.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  if (teams.length === 0) problems.push(say(TEXT.noTeams, lang));
  if (teams.length > 100) problems.push(say(TEXT.tooManyTeams, lang));
  const seen = new Set<string>();
  for (const team of teams) {
    const key = team.toLowerCase();
    if (seen.has(key)) problems.push(say(TEXT.duplicateTeam, lang, { value: team }));
    seen.add(key);
    if (team.length > 80) problems.push(say(TEXT.longTeam, lang, { value: team.slice(0, 40) }));
  }
  if (problems.length) return { ok: false, problems };
  const cycle = Cycle.safeParse({ name, start, end, cadence: 'quarterly' });
  if (!cycle.success) return { ok: false, problems: [say(TEXT.noDates, lang)] };
  const months = monthsBetween(cycle.data.start, cycle.data.end);
  return { ok: true, setup: { cycle: { ...cycle.data, cadence: months <= 1 ? 'monthly' : 'quarterly' }, teams } };
}

function monthsBetween(start: string, end: string): number {
  const [y1, m1] = start.split('-').map(Number);
  const [y2, m2] = end.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) + 1;
}
