/**
 * Use cases behind the sidebar: load what it needs, open, save and delete one
 * objective with its key results and key tactics. The server validates every
 * draft again with the zod schema; writes happen under the document lock, in
 * one block per sheet.
 */
import {
  fieldError,
  validateDraft,
  type FieldError,
  type ObjectiveDraft,
  type ObjectiveSummary,
  type SaveResult,
  type SidebarBootstrap,
} from '../core/drafts';
import { UserError } from '../core/errors';
import type { Language } from '../core/i18n';
import { INPUT_KEYS, REGISTER_COLUMN, registerInputCells, type RegisterRow } from '../core/layout/register';
import { MAX_TEAMS, SETTINGS_CELLS, TEAM_COLUMN } from '../core/layout/settings';
import { TACTIC_KEYS, tacticCells, tacticsPlan, type TacticRow } from '../core/layout/tactics';
import { dayIn } from '../core/timeZone';
import { spreadsheetLanguage } from '../sheets/locale';
import { withDocumentLock } from '../sheets/lock';
import { keepUserFormulas, lastInputSheetRow, readRegister, repairRegisterFormulas, type RegisterSnapshot } from '../sheets/register';
import { activeSpreadsheet, findSheet, registerMissing } from '../sheets/workbook';
import { WriteSession, asText, rowValues, writeNewSheet, zoneOf } from '../sheets/writer';
import { idCounters } from '../sheets/ids';
import { readTactics, rewritable } from '../sheets/events';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TEXT = {
  unknownObjective: {
    en: 'Objective {id} is not in the register (any more). Reload the sidebar.',
    de: 'Objective {id} steht nicht (mehr) im Register. Lade die Seitenleiste neu.',
  },
};

interface Sheets {
  lang: Language;
  register: Sheet;
  tactics: Sheet | null;
  settings: Sheet | null;
}

export function sheets(): Sheets {
  const lang = spreadsheetLanguage();
  const spreadsheet = activeSpreadsheet();
  const register = findSheet(spreadsheet, 'register', lang);
  if (!register) throw registerMissing(spreadsheet, lang);
  return { lang, register, tactics: findSheet(spreadsheet, 'tactics', lang), settings: findSheet(spreadsheet, 'settings', lang) };
}

export function readSettings(settings: Sheet | null): { cycleName: string; teams: string[] } {
  if (!settings) return { cycleName: '', teams: [] };
  const values = settings.getRange(1, 1, MAX_TEAMS + 1, 6).getValues();
  const cycleRow = Number(SETTINGS_CELLS.cycleName.slice(1)) - 1;
  const teamColumn = TEAM_COLUMN.charCodeAt(0) - 65;
  const teams = values
    .slice(1)
    .map((line) => String(line[teamColumn] ?? '').trim())
    .filter(Boolean);
  return { cycleName: String(values[cycleRow][1] ?? ''), teams: [...new Set(teams)] };
}

function summaries(snapshot: RegisterSnapshot): ObjectiveSummary[] {
  const seen = new Map<string, ObjectiveSummary>();
  for (const { row } of snapshot.rows) {
    if (!row.objectiveId || seen.has(row.objectiveId)) continue;
    seen.set(row.objectiveId, { id: row.objectiveId, title: row.objective, team: row.team, goalType: row.goalType ?? 'roofshot' });
  }
  return [...seen.values()];
}

export function bootstrap(): SidebarBootstrap {
  const { lang, register, settings } = sheets();
  const { cycleName, teams } = readSettings(settings);
  return { lang, cycleName, teams, objectives: summaries(readRegister(register)) };
}

export function loadObjective(id: string): ObjectiveDraft {
  const { lang, register, tactics } = sheets();
  const rows = readRegister(register).rows.filter(({ row }) => row.objectiveId === String(id));
  if (rows.length === 0) throw new UserError(TEXT.unknownObjective[lang].replace('{id}', String(id)));
  const first = rows[0].row;
  return {
    id: first.objectiveId,
    team: first.team,
    title: first.objective,
    goalType: first.goalType ?? 'roofshot',
    parentId: first.parentId,
    contact: rows.map(({ row }) => row.contact ?? '').find(Boolean) ?? '',
    keyResults: rows
      .filter(({ row }) => row.krId || row.keyResult)
      .map(({ row }) => ({
        id: row.krId,
        title: row.keyResult,
        kind: row.kind ?? 'increase',
        start: row.start,
        target: row.target,
        current: row.current,
        currentAsLoaded: row.current,
        unit: row.unit,
        weight: row.weight ?? 1,
        confidence: row.confidence,
        dependsOn: row.dependsOn,
      })),
    tactics: readTactics(tactics)
      .rows.filter((row) => row.objectiveId === first.objectiveId)
      .map((row) => ({ id: row.id, principle: row.principle })),
  };
}

/**
 * The objective's contact into column T of its rows (one read-free write over
 * the span of its rows; other rows in the span keep their cells as they were).
 */
function writeContact(register: Sheet, snapshot: RegisterSnapshot, objectiveId: string, contact: string): void {
  const rows = snapshot.rows.filter(({ row }) => row.objectiveId === objectiveId).map(({ sheetRow }) => sheetRow);
  if (!rows.length) return;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const column = REGISTER_COLUMN.contact;
  const mine = new Set(rows);
  const cells = Array.from({ length: last - first + 1 }, (_, i) => {
    const row = first + i;
    if (mine.has(row)) return [contact ? asText(contact) : ''];
    return [snapshot.formulas[row - 2]?.[column - 1] || rewritable(snapshot.values[row - 2]?.[column - 1] ?? '')];
  });
  if (cells.some(([cell]) => cell !== '') || rows.some((row) => snapshot.values[row - 2]?.[column - 1] !== ''))
    register.getRange(first, column, cells.length, 1).setValues(cells);
}

/**
 * Puts `lines` (input cells) where the rows `existing` were: in place when
 * they are one contiguous block, growing or shrinking it by inserting or
 * deleting rows right after it; new objectives go below the last row.
 */
export function writeBlock(sheet: Sheet, existing: number[], lines: unknown[][], width: number, appendAfter: number): void {
  const sorted = [...existing].sort((a, b) => a - b);
  const contiguous = sorted.every((row, i) => i === 0 || row === sorted[i - 1] + 1);
  if (sorted.length && !contiguous) {
    // Rows moved apart by hand: keep them where they are, write them one by one, add or remove at the end.
    lines.slice(0, sorted.length).forEach((line, i) => sheet.getRange(sorted[i], 1, 1, width).setValues([line]));
    const extra = lines.slice(sorted.length);
    if (extra.length) {
      sheet.insertRowsAfter(sorted[sorted.length - 1], extra.length);
      sheet.getRange(sorted[sorted.length - 1] + 1, 1, extra.length, width).setValues(extra);
    }
    for (const row of sorted.slice(lines.length).reverse()) sheet.deleteRow(row);
    return;
  }
  const first = sorted.length ? sorted[0] : appendAfter + 1;
  const had = sorted.length;
  if (lines.length > had && had > 0) sheet.insertRowsAfter(sorted[had - 1], lines.length - had);
  if (lines.length < had) sheet.deleteRows(first + lines.length, had - lines.length);
  if (lines.length) sheet.getRange(first, 1, lines.length, width).setValues(lines);
}

/** A new, empty Tactics sheet; its team drop-down reads Settings, so without Settings it has none. */
function recreateTactics(lang: Language, haveSettings: boolean): Sheet {
  const plan = tacticsPlan(lang, []);
  const validations = haveSettings ? plan.validations : plan.validations.map((line) => line.map((v) => (v?.kind === 'listFromRange' ? null : v)));
  return writeNewSheet(new WriteSession(activeSpreadsheet()), { ...plan, validations });
}

export function saveObjective(input: unknown): SaveResult {
  const lang = spreadsheetLanguage();
  const checked = validateDraft(input, lang);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const draft = checked.draft;
  return withDocumentLock(lang, () => {
    const { register, tactics, settings } = sheets();
    const errors: FieldError[] = [];
    const { teams } = readSettings(settings);
    if (teams.length && !teams.includes(draft.team)) errors.push(fieldError('team', 'unknown_team', lang));
    const snapshot = readRegister(register);
    const objectiveIds = new Set(snapshot.rows.map(({ row }) => row.objectiveId).filter(Boolean));
    if (draft.id && !objectiveIds.has(draft.id)) errors.push(fieldError('id', 'unknown_objective', lang));
    if (draft.parentId && (draft.parentId === draft.id || !objectiveIds.has(draft.parentId)))
      errors.push(fieldError('parentId', 'unknown_objective', lang));
    if (errors.length) return { ok: false, errors };

    const ids = idCounters();
    const objectiveId = draft.id || ids.next('O', objectiveIds)();
    const mine = snapshot.rows.filter(({ row }) => row.objectiveId === objectiveId);
    const registerById = new Map(mine.map(({ row }) => [row.krId, row]));
    const newKrId = ids.next('KR', snapshot.rows.map(({ row }) => row.krId));
    const keyResultIds: string[] = [];
    const rows: RegisterRow[] = draft.keyResults.map((kr) => {
      const known = kr.id ? registerById.get(kr.id) : undefined;
      const krId = known ? kr.id : newKrId();
      keyResultIds.push(krId);
      return {
        objectiveId,
        objective: draft.title,
        team: draft.team,
        goalType: draft.goalType,
        parentId: draft.parentId,
        krId,
        keyResult: kr.title,
        kind: kr.kind,
        start: kr.start,
        target: kr.target,
        // Progress is typed in the sheet: unless the sidebar changed it, an existing KR keeps the register's
        // current value (someone may have typed a newer one since the sidebar loaded), and always its confidence.
        current: known && kr.current === kr.currentAsLoaded ? known.current : kr.current,
        unit: kr.unit,
        weight: kr.weight,
        confidence: known ? known.confidence : kr.confidence,
        dependsOn: kr.dependsOn,
        contact: draft.contact,
      };
    });
    if (rows.length === 0)
      rows.push({
        objectiveId,
        objective: draft.title,
        team: draft.team,
        goalType: draft.goalType,
        parentId: draft.parentId,
        krId: '',
        keyResult: '',
        kind: null,
        start: null,
        target: null,
        current: null,
        unit: '',
        weight: null,
        confidence: null,
        dependsOn: [],
      });
    const lastInputRow = lastInputSheetRow(snapshot);
    // What people typed into an existing KR's current value (unless the sidebar changed it) and confidence stays
    // exactly as it was, also text ("about 40") or a formula (=Sales!B7) that the sidebar cannot show.
    const sheetRowOf = new Map(mine.map(({ sheetRow, row }) => [row.krId, sheetRow]));
    const registerZone = zoneOf(register);
    const lines = rows.map((row, i) => {
      const line = rowValues(registerInputCells(row, lang), registerZone) as unknown[];
      const kr = draft.keyResults[i];
      const sheetRow = kr && registerById.has(kr.id) ? sheetRowOf.get(kr.id) : undefined;
      if (sheetRow !== undefined) {
        const keep = (key: 'current' | 'confidence') => {
          const column = REGISTER_COLUMN[key] - 1;
          line[column] = snapshot.formulas[sheetRow - 2]?.[column] || rewritable(snapshot.values[sheetRow - 2]?.[column] ?? '');
        };
        if (kr.current === kr.currentAsLoaded) keep('current');
        keep('confidence');
        // Any other cell the sidebar left as it was keeps its formula too (e.g. a start value linked to a report).
        return keepUserFormulas(line, snapshot.values[sheetRow - 2] ?? [], snapshot.formulas[sheetRow - 2] ?? []);
      }
      return line;
    });
    writeBlock(
      register,
      mine.map(({ sheetRow }) => sheetRow),
      lines,
      INPUT_KEYS.length,
      lastInputRow,
    );
    const written = readRegister(register);
    writeContact(register, written, objectiveId, draft.contact);
    repairRegisterFormulas(register, written, lang);

    const tacticIds: string[] = [];
    // Tactics typed in the sidebar are never dropped: a deleted Tactics sheet is made again.
    const tacticsSheet = tactics ?? (draft.tactics.length ? recreateTactics(lang, Boolean(settings)) : null);
    if (tacticsSheet) {
      const tacticSnapshot = readTactics(tacticsSheet);
      const myTactics = tacticSnapshot.rows.filter((row) => row.objectiveId === objectiveId);
      const byId = new Map(myTactics.map((row) => [row.id, row]));
      const newTacticId = ids.next('T', tacticSnapshot.rows.map((row) => row.id));
      const tacticsZone = zoneOf(tacticsSheet);
      const today = dayIn(new Date(), tacticsZone());
      const tacticRows: TacticRow[] = draft.tactics.map((tactic) => {
        const known = tactic.id ? byId.get(tactic.id) : undefined;
        const id = known ? tactic.id : newTacticId();
        tacticIds.push(id);
        return {
          id,
          team: draft.team,
          objectiveId,
          principle: tactic.principle,
          since: known?.since || today,
          lastDiscussed: known?.lastDiscussed ?? '',
          note: known?.note ?? '',
        };
      });
      const lastTacticRow = tacticSnapshot.rows.length ? tacticSnapshot.rows[tacticSnapshot.rows.length - 1].sheetRow : 1;
      writeBlock(
        tacticsSheet,
        myTactics.map(({ sheetRow }) => sheetRow),
        tacticRows.map((row) => rowValues(tacticCells(row), tacticsZone)),
        TACTIC_KEYS.length,
        lastTacticRow,
      );
    }

    ids.save();
    // Quality hints are the sidebar's job: it computes them live from the same pure function.
    return { ok: true, objectiveId, keyResultIds, tacticIds };
  });
}

export function deleteObjective(id: string): { ok: true } | { ok: false; message: string } {
  const lang = spreadsheetLanguage();
  return withDocumentLock(lang, () => {
    const { register, tactics } = sheets();
    const rows = readRegister(register)
      .rows.filter(({ row }) => row.objectiveId === String(id))
      .map(({ sheetRow }) => sheetRow);
    if (rows.length === 0) return { ok: false, message: TEXT.unknownObjective[lang].replace('{id}', String(id)) };
    writeBlock(register, rows, [], INPUT_KEYS.length, 0);
    repairRegisterFormulas(register, readRegister(register), lang);
    if (tactics) {
      const tacticRows = readTactics(tactics)
        .rows.filter((row) => row.objectiveId === String(id))
        .map(({ sheetRow }) => sheetRow);
      if (tacticRows.length) writeBlock(tactics, tacticRows, [], TACTIC_KEYS.length, 0);
    }
    return { ok: true };
  });
}


