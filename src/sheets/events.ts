/**
 * Reading and writing the event sheets (weekly, check-in log, review,
 * retrospective) and the parts of Settings and Tactics they use. Every read
 * is one block; every write is one block per column group, whatever the
 * number of key results.
 */
import { parseLogRow, LOG_FORMATS, LOG_KEYS, LOG_KIND_LABELS, LOG_WIDTH, type LogEntry } from '../core/layout/checkInLog';
import { textOf, withTypedFormulas } from '../core/layout/builder';
import { MAX_TEAMS, QUICK_WINS } from '../core/layout/settings';
import { TACTIC_COLUMN, TACTIC_KEYS, type TacticRow } from '../core/layout/tactics';
import type { Language } from '../core/i18n';
import { REGISTER_WIDTH, isEmptyRegisterRow, parseRegisterRow } from '../core/layout/register';
import type { RegisterSnapshot } from './register';
import { asText, zoneOf } from './writer';
import { midnightIn } from '../core/timeZone';
import { isoOf } from '../core/cellValues';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** All values of a sheet's used block (2 calls). */
export function readUsedValues(sheet: Sheet): unknown[][] {
  const values = sheet.getDataRange().getValues();
  return values.length === 1 && values[0].every((v) => v === '') ? [] : values;
}

/** The values of a sheet's used range, a formula cell as TypedFormula (3 calls): rewriting it keeps typed formulas. */
export function readUsedCells(sheet: Sheet): unknown[][] {
  const range = sheet.getDataRange();
  const values = withTypedFormulas(range.getValues(), range.getFormulas());
  return values.length === 1 && values[0].every((v) => v === '') ? [] : values;
}

/**
 * The register's input rows (2 calls; 3 with `withFormulas`, for callers that
 * write cells back and must keep the formulas people put there). Same shape
 * as `readRegister`.
 */
export function readRegisterValues(sheet: Sheet, withFormulas = false): RegisterSnapshot {
  const range = sheet.getDataRange();
  const all = range.getValues();
  const width = (line: readonly unknown[]) => Array.from({ length: REGISTER_WIDTH }, (_, i) => line[i] ?? '');
  const values = all.slice(1).map(width);
  const formulas = withFormulas ? range.getFormulas().slice(1).map((line) => width(line) as string[]) : [];
  const rows: RegisterSnapshot['rows'] = [];
  values.forEach((line, i) => {
    if (!isEmptyRegisterRow(line)) rows.push({ sheetRow: i + 2, row: parseRegisterRow(line) });
  });
  return { values, formulas, rows, capacity: values.length };
}

/** A value read by `getValues`, ready for `setValues` again: text keeps its apostrophe so it is not parsed. */
export function rewritable(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? asText(value) : value;
}


export interface TacticsSnapshot {
  /** Rows 2..last as read. */
  values: unknown[][];
  /** Rows with an id or a principle, with their sheet row. */
  rows: (TacticRow & { sheetRow: number })[];
}

/** The Tactics sheet in one read (2 calls). */
export function readTactics(sheet: Sheet | null): TacticsSnapshot {
  if (!sheet) return { values: [], rows: [] };
  const zone = zoneOf(sheet);
  const values = sheet
    .getDataRange()
    .getValues()
    .slice(1)
    .map((line) => TACTIC_KEYS.map((_, i) => line[i] ?? ''));
  if (!values.length) return { values: [], rows: [] };
  const at = (line: unknown[], key: (typeof TACTIC_KEYS)[number]) => line[TACTIC_COLUMN[key] - 1];
  const rows = values
    .map((line, i) => ({
      sheetRow: i + 2,
      id: textOf(at(line, 'id')),
      team: textOf(at(line, 'team')),
      objectiveId: textOf(at(line, 'objectiveId')),
      principle: textOf(at(line, 'principle')),
      since: isoOf(at(line, 'since'), zone),
      lastDiscussed: textOf(at(line, 'lastDiscussed')),
      note: textOf(at(line, 'note')),
    }))
    .filter((row) => row.id || row.principle);
  return { values, rows };
}

/** Writes "last discussed (week)" for the given tactic ids: one `setValues` over that column. */
export function markTacticsDiscussed(sheet: Sheet, snapshot: TacticsSnapshot, ids: readonly string[], week: string): number {
  if (!ids.length || !snapshot.values.length) return 0;
  const wanted = new Set(ids);
  let marked = 0;
  const column = snapshot.values.map((line) => {
    const current = line[TACTIC_COLUMN.lastDiscussed - 1];
    if (wanted.has(textOf(line[TACTIC_COLUMN.id - 1]))) {
      marked++;
      return [asText(week)];
    }
    return [rewritable(current)];
  });
  if (marked) sheet.getRange(2, TACTIC_COLUMN.lastDiscussed, column.length, 1).setValues(column);
  return marked;
}

/** The log's entries (rows 2..last), as read. */
export function readLog(sheet: Sheet | null): LogEntry[] {
  if (!sheet) return [];
  const zone = zoneOf(sheet);
  return sheet
    .getDataRange()
    .getValues()
    .slice(1)
    .map((line) => parseLogRow(line, zone))
    .filter((entry): entry is LogEntry => entry !== null);
}

/** Appends entries below the log's last row (`first`, default the row after the last): one block of formats and one of values. Returns the first row written. */
export function appendLog(sheet: Sheet, entries: readonly LogEntry[], lang: Language, first = sheet.getLastRow() + 1): number {
  if (!entries.length) return first;
  const needed = first + entries.length - 1;
  const max = sheet.getMaxRows();
  if (needed > max) sheet.insertRowsAfter(max, needed - max);
  const block = sheet.getRange(first, 1, entries.length, LOG_WIDTH);
  const zone = zoneOf(sheet);
  block.setNumberFormats(entries.map(() => LOG_KEYS.map((key) => LOG_FORMATS[key])));
  block.setValues(
    entries.map((entry) =>
      LOG_KEYS.map((key) => {
        switch (key) {
          case 'kind':
            return asText(LOG_KIND_LABELS[lang][entry.kind]);
          case 'previous':
          case 'value':
          case 'confidence':
            return entry[key] ?? '';
          case 'loggedAt':
            return midnightIn(entry.loggedAt, zone());
          default:
            return entry[key] ? asText(entry[key]) : '';
        }
      }),
    ),
  );
  return first;
}

export interface SettingsSnapshot {
  cycleName: string;
  teams: string[];
  quickWins: unknown[];
}

/** Cycle name, teams and quick wins from Settings: one read of A1:F101. */
export function readSettings(sheet: Sheet | null): SettingsSnapshot {
  if (!sheet) return { cycleName: '', teams: [], quickWins: [] };
  const values = sheet.getRange(1, 1, MAX_TEAMS + 1, 6).getValues();
  return {
    cycleName: textOf(values[1]?.[1]),
    teams: values
      .slice(1)
      .map((line) => textOf(line[3]))
      .filter(Boolean),
    quickWins: values.slice(1, 1 + QUICK_WINS).map((line) => line[5]),
  };
}

/** Puts `formulas` into Settings' empty quick-win cells F2:F4; what people wrote there stays (one call). */
export function linkQuickWins(sheet: Sheet, existing: readonly unknown[], formulas: readonly string[]): void {
  const cells = formulas.map((formula, i) => {
    const value = existing[i];
    return value === '' || value === null || value === undefined ? formula : rewritable(value);
  });
  if (cells.length) sheet.getRange(2, 6, cells.length, 1).setValues(cells.map((cell) => [cell]));
}

/** Writes Settings' quick-win cells F2:F4 (one call). */
export function writeQuickWins(sheet: Sheet, cells: readonly string[]): void {
  sheet.getRange(2, 6, cells.length, 1).setValues(cells.map((cell) => [cell ? asText(cell) : '']));
}
