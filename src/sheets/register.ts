/** Reading the register and keeping its computed columns whole. */
import { isOurProtection } from './keyed';
import { isDateValue } from '../core/cellValues';
import type { Language } from '../core/i18n';
import {
  COMPUTED_KEYS,
  FIRST_COMPUTED,
  REGISTER_COLUMN,
  REGISTER_WIDTH,
  REGISTER_FORMATS,
  isEmptyRegisterRow,
  isRegisterBlock,
  objectiveSpans,
  parseRegisterRow,
  registerCapacity,
  registerExtent,
  registerFormulas,
  registerValidations,
  type RegisterRow,
} from '../core/layout/register';
import { textOf } from '../core/cellValues';
import { WriteSession } from './writer';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface RegisterSnapshot {
  /** Data rows (sheet row 2 onwards) up to the last row with content, as Sheets returns them. */
  values: unknown[][];
  formulas: string[][];
  /** Parsed rows that carry input, with their sheet row. */
  rows: { sheetRow: number; row: RegisterRow }[];
  /** Sheet rows that hold formulas today: 2..capacity+1. */
  capacity: number;
}

/** One read of the whole register: values and formulas of rows 2..last (2 calls + 2 for the size). */
export function readRegister(sheet: Sheet): RegisterSnapshot {
  const last = sheet.getLastRow();
  if (last < 2) return { values: [], formulas: [], rows: [], capacity: 0 };
  const range = sheet.getRange(2, 1, last - 1, REGISTER_WIDTH);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const rows: RegisterSnapshot['rows'] = [];
  let lastInput = 0;
  values.forEach((line, i) => {
    if (isEmptyRegisterRow(line)) return;
    rows.push({ sheetRow: i + 2, row: parseRegisterRow(line) });
    lastInput = i + 1;
  });
  return { values, formulas, rows, capacity: Math.max(last - 1, lastInput) };
}

/** The sheet row of the last row with input; 1 (the header) when there is none. */
export function lastInputSheetRow(snapshot: RegisterSnapshot): number {
  return snapshot.rows.length ? snapshot.rows[snapshot.rows.length - 1].sheetRow : 1;
}

/**
 * Rows a person inserted or appended get the formulas they need: the computed
 * block is rewritten (one `setFormulas`) whenever a formula is missing or
 * points at an outdated extent. Input columns are never written. When the
 * block grows, so does the rest of the register's layout (see `growRegister`).
 * Returns the number of rows whose formulas were filled or renewed.
 */
export function repairRegisterFormulas(sheet: Sheet, snapshot: RegisterSnapshot, lang: Language): number {
  const capacity = Math.max(registerCapacity(lastInputSheetRow(snapshot) - 1), snapshot.formulas.length);
  const lastRow = capacity + 1;
  const firstComputed = REGISTER_COLUMN[FIRST_COMPUTED];
  const expected: string[][] = [];
  // The last row that has formulas today (rows typed below them have none).
  let hadRow = snapshot.formulas.length + 1;
  while (hadRow > 1 && !snapshot.formulas[hadRow - 2][firstComputed - 1]) hadRow--;
  let renewed = 0;
  const spans = objectiveSpans(Array.from({ length: lastRow - 1 }, (_, i) => textOf(snapshot.values[i]?.[REGISTER_COLUMN.objectiveId - 1])));
  for (let row = 2; row <= lastRow; row++) {
    const wanted = registerFormulas(row, lastRow, lang, spans[row - 2]);
    const have = snapshot.formulas[row - 2]?.slice(firstComputed - 1) ?? [];
    if (wanted.some((formula, i) => have[i] !== formula)) renewed++;
    expected.push(wanted);
  }
  if (renewed === 0) return 0;
  const maxRows = sheet.getMaxRows();
  if (maxRows < lastRow) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  sheet.getRange(2, firstComputed, capacity, COMPUTED_KEYS.length).setFormulas(expected);
  if (lastRow > hadRow) growRegister(sheet, hadRow + 1, lastRow, lang);
  return renewed;
}

/**
 * Gives rows `from`..`lastRow` what `registerPlan` gives its rows: number
 * formats, and the drop-downs where a cell has no validation yet; moves the
 * protection, the conditional format ranges over the computed block (the
 * traffic lights; other rules stay as they are) and the named ranges to end
 * at `lastRow`. Values are not touched. Constant calls.
 */
function growRegister(sheet: Sheet, from: number, lastRow: number, lang: Language): void {
  const session = new WriteSession(sheet.getParent());
  const { block, namedRanges } = registerExtent(lastRow);
  const count = lastRow - from + 1;
  const rows = sheet.getRange(from, 1, count, REGISTER_WIDTH);
  rows.setNumberFormats(Array(count).fill(REGISTER_FORMATS));
  const rules = registerValidations(lang).map((plan) => {
    try {
      return session.validation(plan);
    } catch {
      return null; // Settings (the team list) is gone or renamed
    }
  });
  rows.setDataValidations(rows.getDataValidations().map((line) => line.map((have, c) => have ?? rules[c])));
  const target = sheet.getRange(block);
  const ours = (range: Range) => isRegisterBlock(range.getA1Notation());
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) if (isOurProtection(protection) && ours(protection.getRange())) protection.setRange(target);
  sheet.setConditionalFormatRules(
    sheet.getConditionalFormatRules().map((rule) => {
      const ranges = rule.getRanges().map((range) => (ours(range) ? target : range));
      return ranges.includes(target) ? rule.copy().setRanges(ranges).build() : rule;
    }),
  );
  // Existing names are moved with NamedRange.setRange (documented); only a missing one is added.
  const existing = new Map(session.spreadsheet.getNamedRanges().map((named) => [named.getName(), named]));
  for (const named of namedRanges) {
    const range = sheet.getRange(named.a1);
    const have = existing.get(named.name);
    if (have) have.setRange(range);
    else session.spreadsheet.setNamedRange(named.name, range);
  }
}

/** Whether a value about to be written (`cellValue` output) is what the cell shows now. */
function sameAsShown(next: unknown, shown: unknown): boolean {
  if (typeof next === 'string' && next.startsWith("'")) return next.slice(1) === shown;
  if (isDateValue(next)) return isDateValue(shown) && next.getTime() === shown.getTime();
  return next === shown;
}

/**
 * A row about to be rewritten keeps the formulas people put into it: where a
 * cell held a formula and the new value is what that formula shows, the
 * formula is written back instead of its value (e.g. a Current value that
 * links to another sheet).
 */
export function keepUserFormulas(next: readonly unknown[], shown: readonly unknown[], formulas: readonly string[]): unknown[] {
  return next.map((value, i) => (formulas[i] && sameAsShown(value, shown[i]) ? formulas[i] : value));
}
