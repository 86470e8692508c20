/**
 * The dashboard's key result x week grid of logged confidences, and the
 * register spans its formulas read. The add-on writes the grid (as values)
 * when it builds the dashboard and when a check-in is applied, so each
 * objective x week cell is the AVERAGE of its key results' grid cells:
 * direct references, instead of a SUMIFS / COUNTIFS per key result over the
 * whole Check-in log (which made a full recalculation grow with the square
 * of the key results).
 */
import { weekMonday } from '../isoWeek';
import type { LogEntry } from './checkInLog';
import type { RegisterRow, RowSpan } from './register';

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS : NaN;
};

/** The 0-based dashboard week column of an ISO week label in a cycle starting `startIso`; -1 outside 0..weeks-1. */
export function weekIndex(week: string, startIso: string, weeks: number): number {
  const monday = weekMonday(week);
  const start = dayNumber(startIso);
  if (!monday || !Number.isFinite(start)) return -1;
  const weekday = (new Date(start * DAY_MS).getUTCDay() + 6) % 7;
  const index = (dayNumber(monday) - (start - weekday)) / 7;
  return Number.isInteger(index) && index >= 0 && index < weeks ? index : -1;
}

/**
 * Per KR ID, the logged confidence per cycle week (null: none logged), from
 * the log's KR entries; a confidence counts from 0 up (as COUNTIFS ">=0" did).
 * Two entries for one KR and week (the log allows one) are averaged.
 */
export function confidenceGrid(log: readonly LogEntry[], krIds: readonly string[], startIso: string, weeks: number): Map<string, (number | null)[]> {
  const sums = new Map<string, { sum: number; count: number }[]>();
  for (const id of krIds) if (!sums.has(id)) sums.set(id, Array.from({ length: weeks }, () => ({ sum: 0, count: 0 })));
  for (const entry of log) {
    if (entry.kind !== 'kr' || entry.confidence === null || entry.confidence < 0) continue;
    const line = sums.get(entry.id);
    const i = line ? weekIndex(entry.week, startIso, weeks) : -1;
    if (i < 0) continue;
    line![i].sum += entry.confidence;
    line![i].count++;
  }
  return new Map([...sums].map(([id, line]) => [id, line.map(({ sum, count }) => (count ? sum / count : null))]));
}

/** Register spans the dashboard reads: per objective ID its rows, per team the (merged) spans of the rows of that team. */
export interface RegisterSpans {
  objective: Map<string, RowSpan>;
  team: Map<string, RowSpan[]>;
}

/**
 * `sheetRows[i]` is the register row of `rows[i]` (default: i + 2, the order
 * the register plan writes). An objective spans its first to last row; a
 * team covers the spans of every row it has (the objective's span, or the
 * row alone when it has no objective ID), merged where they overlap.
 */
export function registerSpans(rows: readonly RegisterRow[], sheetRows?: readonly number[]): RegisterSpans {
  const rowOf = (i: number) => sheetRows?.[i] ?? i + 2;
  const key = (id: string) => id.trim().toLowerCase();
  const objective = new Map<string, RowSpan>();
  rows.forEach((r, i) => {
    if (!key(r.objectiveId)) return;
    const have = objective.get(key(r.objectiveId));
    const row = rowOf(i);
    if (have) (have.first = Math.min(have.first, row)), (have.last = Math.max(have.last, row));
    else objective.set(key(r.objectiveId), { first: row, last: row });
  });
  const team = new Map<string, RowSpan[]>();
  rows.forEach((r, i) => {
    const span = key(r.objectiveId) ? objective.get(key(r.objectiveId))! : { first: rowOf(i), last: rowOf(i) };
    const list = team.get(r.team.toLowerCase()) ?? [];
    list.push(span);
    team.set(r.team.toLowerCase(), list);
  });
  for (const [name, list] of team) {
    const merged: RowSpan[] = [];
    for (const span of [...list].sort((a, b) => a.first - b.first)) {
      const last = merged[merged.length - 1];
      if (last && span.first <= last.last + 1) last.last = Math.max(last.last, span.last);
      else merged.push({ ...span });
    }
    team.set(name, merged);
  }
  return {
    objective: new Map([...objective].map(([id, span]) => [id, span])),
    team,
  };
}

/** The spans of team `name`'s rows (case-insensitive, as COUNTIFS compares). */
export function teamSpans(spans: RegisterSpans, name: string): RowSpan[] {
  return spans.team.get(name.toLowerCase()) ?? [];
}

/** The span of objective `id` (case-insensitive, as spreadsheets compare). */
export function objectiveSpan(spans: RegisterSpans, id: string): RowSpan | undefined {
  return spans.objective.get(id.trim().toLowerCase());
}
