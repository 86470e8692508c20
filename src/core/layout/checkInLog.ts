/**
 * The Check-in log: append-only history of every applied weekly, so trends
 * can be drawn from it. One row per key result and week (kind `KR`), one per
 * rated key tactic and week (kind `tactic`: the rating, the example in the
 * note), and one per team and week for the team's words (kind `team`:
 * assumption tested, problems, improvements, unrealistic target, focus).
 * (week, kind, id) is logged at most once: applying a week twice adds nothing.
 */
import type { Language } from '../i18n';
import { isoOf } from '../cellValues';
import { SHEET_NAMES } from '../texts';
import { grid, text, type SheetPlan } from './plan';
import { numberOf, textOf } from './builder';

export const LOG_KEYS = ['week', 'kind', 'id', 'team', 'previous', 'value', 'confidence', 'rating', 'note', 'loggedAt'] as const;
export type LogKey = (typeof LOG_KEYS)[number];
export const LOG_COLUMN = Object.fromEntries(LOG_KEYS.map((key, i) => [key, i + 1])) as Record<LogKey, number>;
export const LOG_WIDTH = LOG_KEYS.length;

export const LOG_KINDS = ['kr', 'tactic', 'team'] as const;
export type LogKind = (typeof LOG_KINDS)[number];
export const LOG_KIND_LABELS: Record<Language, Record<LogKind, string>> = {
  en: { kr: 'KR', tactic: 'tactic', team: 'team' },
  de: { kr: 'KR', tactic: 'Taktik', team: 'Team' },
};

export const LOG_HEADERS: Record<Language, Record<LogKey, string>> = {
  en: {
    week: 'Week',
    kind: 'Kind',
    id: 'KR / tactic ID',
    team: 'Team',
    previous: 'Previous value',
    value: 'Value',
    confidence: 'Confidence',
    rating: 'Tactic rating',
    note: 'Note',
    loggedAt: 'Logged at',
  },
  de: {
    week: 'KW',
    kind: 'Art',
    id: 'KR-/Taktik-ID',
    team: 'Team',
    previous: 'Vorheriger Wert',
    value: 'Wert',
    confidence: 'Zuversicht',
    rating: 'Taktik-Bewertung',
    note: 'Notiz',
    loggedAt: 'Eingetragen am',
  },
};

export const LOG_FORMATS: Record<LogKey, string> = {
  week: '',
  kind: '',
  id: '',
  team: '',
  previous: '#,##0.##',
  value: '#,##0.##',
  confidence: '0',
  rating: '',
  note: '',
  loggedAt: 'yyyy-mm-dd',
};

export interface LogEntry {
  week: string;
  kind: LogKind;
  id: string;
  team: string;
  previous: number | null;
  value: number | null;
  confidence: number | null;
  rating: string;
  note: string;
  /** ISO day. */
  loggedAt: string;
}

/** The log's header row; entries are appended below it. */
export function checkInLogPlan(lang: Language): SheetPlan {
  const headers = LOG_HEADERS[lang];
  return {
    name: SHEET_NAMES[lang].checkInLog,
    cells: [LOG_KEYS.map((key) => text(headers[key]))],
    numberFormats: [LOG_KEYS.map(() => '')],
    validations: [LOG_KEYS.map(() => null)],
    bold: grid(1, LOG_WIDTH, () => true),
    backgrounds: grid(1, LOG_WIDTH, () => '#e8eaed'),
    frozenRows: 1,
    columnWidths: { [LOG_COLUMN.note]: 320 },
  };
}

function parseKind(value: string): LogKind | undefined {
  const wanted = value.trim().toLowerCase();
  for (const lang of ['en', 'de'] as const)
    for (const kind of LOG_KINDS) if (LOG_KIND_LABELS[lang][kind].toLowerCase() === wanted || kind === wanted) return kind;
  return undefined;
}


/** Reads one log row as `getValues` returns it (dates read in the spreadsheet's `timeZone`); null for rows that are no entry (blank, unknown kind). */
export function parseLogRow(values: readonly unknown[], timeZone: string | (() => string)): LogEntry | null {
  const at = (key: LogKey) => values[LOG_COLUMN[key] - 1];
  const week = textOf(at('week'));
  const kind = parseKind(textOf(at('kind')));
  const id = textOf(at('id'));
  if (!week || !kind || !id) return null;
  return {
    week,
    kind,
    id,
    team: textOf(at('team')),
    previous: numberOf(at('previous')),
    value: numberOf(at('value')),
    confidence: numberOf(at('confidence')),
    rating: textOf(at('rating')),
    note: textOf(at('note')),
    loggedAt: isoOf(at('loggedAt'), timeZone),
  };
}

/** The identity of a log entry: at most one per week, kind and id. */
export function logKey(entry: Pick<LogEntry, 'week' | 'kind' | 'id'>): string {
  return `${entry.week}|${entry.kind}|${entry.id}`;
}
