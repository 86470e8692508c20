/**
 * Where each week's rows are in the Check-in log, kept in the document's
 * properties (one small JSON value per log sheet: its last row and, per
 * week, the runs of rows appended for it). *Weekly* and *Apply* read only
 * the rows of the weeks they need, so their time stays flat over a cycle
 * however long the log grows.
 *
 * The index is checked before it is trusted: the log's last row must be the
 * one recorded, and every row read must carry its week. Anything else (rows
 * typed, deleted or sorted by hand, a log without an index yet, properties
 * that cannot be read) means one full read of the log, which rebuilds it.
 */
import { LOG_COLUMN, LOG_WIDTH, parseLogRow, type LogEntry } from '../core/layout/checkInLog';
import { textOf } from '../core/cellValues';
import { zoneOf } from './writer';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One index, of the current log: a log archived by the next cycle keeps its rows, and the new log's first read finds the index stale and rebuilds it. */
const PROPERTY = 'okr.logIndex';
/** Properties hold at most 9 KB per value; beyond this the index is not stored (full reads instead). */
const MAX_LENGTH = 8000;

export interface LogIndex {
  /** The last row of the log when the index was written. */
  last: number;
  /** Per week label: [first, last] rows of each run appended for it, in sheet order. */
  weeks: Record<string, [number, number][]>;
}

export interface LogRead {
  entries: LogEntry[];
  index: LogIndex;
  /** The document's properties, as read (null when they cannot be read): `recordAppend` writes the index there. */
  store: GoogleAppsScript.Properties.Properties | null;
  /** Whether the whole log was read (no valid index). */
  full: boolean;
}

export function logStore(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch {
    return null;
  }
}

function load(store: GoogleAppsScript.Properties.Properties | null): LogIndex | null {
  try {
    const raw = store?.getProperty(PROPERTY);
    const parsed = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed.last === 'number' && parsed.weeks && typeof parsed.weeks === 'object' ? (parsed as LogIndex) : null;
  } catch {
    return null;
  }
}

function save(store: GoogleAppsScript.Properties.Properties | null, index: LogIndex): void {
  const json = JSON.stringify(index);
  if (!store) return;
  try {
    if (json.length <= MAX_LENGTH) store.setProperty(PROPERTY, json);
    else store.deleteProperty(PROPERTY);
  } catch {
    // Not stored: the next read is a full one.
  }
}

/** Adds row `row` of week `week` to the index (extending the week's last run when it is adjacent). */
function add(index: LogIndex, week: string, row: number): void {
  const runs = (index.weeks[week] ??= []);
  const last = runs[runs.length - 1];
  if (last && last[1] === row - 1) last[1] = row;
  else runs.push([row, row]);
}

/** The whole log, and a new index of it (stored). */
function readAll(sheet: Sheet, lastRow: number, store: LogRead['store']): LogRead {
  const values = lastRow < 2 ? [] : sheet.getRange(2, 1, lastRow - 1, LOG_WIDTH).getValues();
  const index: LogIndex = { last: Math.max(1, lastRow), weeks: {} };
  const entries: LogEntry[] = [];
  const zone = zoneOf(sheet);
  values.forEach((line, i) => {
    const week = textOf(line[LOG_COLUMN.week - 1]);
    if (week) add(index, week, i + 2);
    const entry = parseLogRow(line, zone);
    if (entry) entries.push(entry);
  });
  save(store, index);
  return { entries, index, store, full: true };
}

/**
 * The log's entries of the weeks `choose` picks from the weeks the index
 * knows (`'all'`: every entry). With a valid index only those rows are read
 * (one block from the first to the last of their rows), and nothing when
 * none of the weeks has rows; else the whole log. `checkLastRow` (for a
 * caller that appends) also compares the log's last row with the index's.
 */
export function readLogWeeks(sheet: Sheet | null, choose: (known: string[]) => string[] | 'all', checkLastRow = true): LogRead {
  if (!sheet) return { entries: [], index: { last: 1, weeks: {} }, store: null, full: true };
  const store = logStore();
  const index = load(store);
  const lastRow = !index || checkLastRow ? sheet.getLastRow() : index.last;
  if (!index || index.last !== Math.max(1, lastRow)) return filterWeeks(readAll(sheet, lastRow, store), choose);
  const wanted = choose(Object.keys(index.weeks));
  if (wanted === 'all') return readAll(sheet, lastRow, store);
  const runs = wanted.flatMap((week) => (index.weeks[week] ?? []).map(([first, last]) => ({ week, first, last })));
  if (!runs.length) return { entries: [], index, store, full: false };
  const top = Math.min(...runs.map((r) => r.first));
  const bottom = Math.max(...runs.map((r) => r.last));
  const values = sheet.getRange(top, 1, bottom - top + 1, LOG_WIDTH).getValues();
  const entries: LogEntry[] = [];
  const zone = zoneOf(sheet);
  for (const run of runs)
    for (let row = run.first; row <= run.last; row++) {
      const line = values[row - top];
      if (textOf(line?.[LOG_COLUMN.week - 1]) !== run.week) return filterWeeks(readAll(sheet, sheet.getLastRow(), store), choose);
      const entry = parseLogRow(line, zone);
      if (entry) entries.push(entry);
    }
  return { entries, index, store, full: false };
}

function filterWeeks(read: LogRead, choose: (known: string[]) => string[] | 'all'): LogRead {
  const wanted = choose(Object.keys(read.index.weeks));
  if (wanted === 'all') return read;
  const keep = new Set(wanted);
  return { ...read, entries: read.entries.filter((e) => keep.has(e.week)) };
}

/** Records rows `first`.. appended for `entries` in the index `read` came with (one property write). */
export function recordAppend(read: LogRead, first: number, entries: readonly Pick<LogEntry, 'week'>[]): void {
  const { index } = read;
  entries.forEach((entry, i) => add(index, entry.week, first + i));
  index.last = Math.max(index.last, first + entries.length - 1);
  save(read.store, index);
}

/**
 * The weeks a weekly for `week` needs: the week itself (applied before, its
 * entries hold the values before it) and the latest earlier week logged (its
 * values are the last values; a KR not checked in that week shows the
 * register's current value, which Apply keeps at the latest checked-in
 * value); every week when a later week was logged already (a weekly of the
 * past shows the values logged before it).
 */
export function weeksForWeekly(week: string): (known: string[]) => string[] | 'all' {
  return (known) => {
    if (known.some((w) => w > week)) return 'all';
    const earlier = known.filter((w) => w < week).sort();
    return [week, ...earlier.slice(-1)];
  };
}
