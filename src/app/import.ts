/**
 * Use case: import goals from a range people already keep in a sheet of their
 * own. The menu item opens the Import page (dist/Import.html) in the sidebar;
 * it asks for a preview (proposed column mapping, readable rows, unreadable
 * rows with reasons) and imports with the mapping the person chose. The
 * source range is only ever read (one `getValues`); the import re-reads it,
 * validates again and appends to the register in one block under the lock.
 */
import { UserError } from '../core/errors';
import { COLUMN_NAME, PRODUCT_NAME } from '../core/texts';
import { format, type Language } from '../core/i18n';
import {
  IMPORT_ROLES,
  groupByObjective,
  looksLikeHeader,
  objectiveKey,
  proposeMapping,
  readImportRows,
  type ImportMapping,
  type ImportProblem,
  type ImportRead,
  type ImportRole,
} from '../core/importMapping';
import { INPUT_KEYS, registerInputCells, type RegisterRow } from '../core/layout/register';
import { GOAL_TYPE_LABELS } from '../core/vocabulary';
import { spreadsheetLanguage } from '../sheets/locale';
import { withDocumentLock } from '../sheets/lock';
import { lastInputSheetRow, readRegister, repairRegisterFormulas, type RegisterSnapshot } from '../sheets/register';
import { alert, showSidebarPage } from '../sheets/ui';
import { activeSpreadsheet, findSheet } from '../sheets/workbook';
import { rowValues, zoneOf } from '../sheets/writer';
import { readSettings, sheets, writeBlock } from './objectives';
import { idCounters } from '../sheets/ids';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TEXT = {
  title: { en: 'OKR: import existing OKRs', de: 'OKR: vorhandene OKRs importieren' },
  selectFirst: {
    en: 'Select the range with your goals first (with its header row, e.g. Objective, Key result, Start, Target, Current, Team), then choose "Import existing OKRs…" again.',
    de: 'Markiere zuerst den Bereich mit euren Zielen (mit Kopfzeile, z. B. Ziel, Schlüsselergebnis, Startwert, Zielwert, Ist, Team) und wähle dann erneut „Vorhandene OKRs importieren…“.',
  },
  notRegister: {
    en: 'The selection is in the register itself. Select the range in your own goal sheet.',
    de: 'Die Auswahl liegt im Register selbst. Markiere den Bereich in eurer eigenen Zieltabelle.',
  },
  gone: {
    en: 'The range {range} cannot be read any more (was its sheet renamed or deleted?). Open the import again.',
    de: 'Der Bereich {range} lässt sich nicht mehr lesen (Blatt umbenannt oder gelöscht?). Öffne den Import erneut.',
  },
  noRows: {
    en: 'Nothing to import: no row could be read with this mapping.',
    de: 'Nichts zu importieren: Mit dieser Zuordnung ließ sich keine Zeile lesen.',
  },
  needRoles: {
    en: 'Map at least the columns for objective and key result.',
    de: 'Ordne mindestens die Spalten für Objective und Key Result zu.',
  },
  imported: {
    en: 'Imported {krs|key result|key results} in {objectives|objective|objectives} into the register. {skipped|row was|rows were} not imported. The source range is unchanged.',
    de: '{krs|Key Result|Key Results} in {objectives|Objective|Objectives} ins Register importiert. {skipped|Zeile wurde|Zeilen wurden} nicht importiert. Der Quellbereich ist unverändert.',
  },
};

/** Where to read from: the range the preview showed. Without it, the active selection. */
export interface ImportRequest {
  sheetName?: string;
  a1?: string;
  mapping?: string[];
}

export interface ImportPreviewRow {
  sourceRow: number;
  objective: string;
  team: string;
  goalType: string;
  keyResult: string;
  start: number | null;
  target: number | null;
  current: number | null;
  unit: string;
}

export interface ImportPreview {
  lang: Language;
  sheetName: string;
  a1: string;
  /** Header text per column (or "Column C" where the range has no header row). */
  headers: string[];
  mapping: ImportRole[];
  /** The readable rows, at most PREVIEW_ROWS of them. */
  rows: ImportPreviewRow[];
  readable: number;
  objectives: number;
  problems: ImportProblem[];
}

export type ImportResult =
  | { ok: true; keyResults: number; objectives: number; objectiveIds: string[]; problems: ImportProblem[]; message: string }
  | { ok: false; message: string; problems: ImportProblem[] };

export const PREVIEW_ROWS = 100;

interface Source {
  sheetName: string;
  a1: string;
  firstRow: number;
  firstColumn: number;
  values: unknown[][];
}

function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Reads the source range: the one named, or the active selection (a single cell means its sheet's data). */
function readSource(request: ImportRequest | undefined, lang: Language): Source {
  const spreadsheet = activeSpreadsheet();
  let range: GoogleAppsScript.Spreadsheet.Range;
  let sheet: Sheet;
  if (request?.sheetName && request.a1) {
    const named = spreadsheet.getSheetByName(String(request.sheetName));
    if (!named) throw new UserError(format(TEXT.gone[lang], { range: `${request.sheetName}!${request.a1}` }));
    sheet = named;
    try {
      range = sheet.getRange(String(request.a1));
    } catch {
      throw new UserError(format(TEXT.gone[lang], { range: `${request.sheetName}!${request.a1}` }));
    }
  } else {
    const active = spreadsheet.getActiveRange();
    if (!active) throw new UserError(TEXT.selectFirst[lang]);
    sheet = active.getSheet();
    range = active.getNumRows() * active.getNumColumns() > 1 ? active : sheet.getDataRange();
  }
  const register = findSheet(spreadsheet, 'register', lang);
  const sheetName = sheet.getName();
  if (register && register.getName() === sheetName) throw new UserError(TEXT.notRegister[lang]);
  const values = range.getValues();
  if (values.length < 2) throw new UserError(TEXT.selectFirst[lang]);
  return { sheetName, a1: range.getA1Notation(), firstRow: range.getRow(), firstColumn: range.getColumn(), values };
}

/** A mapping from the page, checked: known roles only, one column per role, as wide as the range. */
function cleanMapping(asked: unknown, width: number, proposed: ImportMapping): ImportMapping {
  if (!Array.isArray(asked)) return proposed;
  const used = new Set<ImportRole>();
  return Array.from({ length: width }, (_, i) => {
    const role = String(asked[i] ?? 'ignore') as ImportRole;
    if (!IMPORT_ROLES.includes(role) || (role !== 'ignore' && used.has(role))) return 'ignore';
    used.add(role);
    return role;
  });
}

interface Analysis {
  lang: Language;
  source: Source;
  headers: string[];
  mapping: ImportMapping;
  read: ImportRead;
}

function analyse(request: ImportRequest | undefined, lang: Language, teams: readonly string[], snapshot: RegisterSnapshot | null): Analysis {
  const source = readSource(request, lang);
  const width = source.values[0]?.length ?? 0;
  const hasHeader = looksLikeHeader(source.values[0] ?? []);
  const proposed = hasHeader ? proposeMapping(source.values[0]) : (Array.from({ length: width }, () => 'ignore') as ImportMapping);
  const mapping = cleanMapping(request?.mapping, width, proposed);
  const headers = Array.from({ length: width }, (_, i) => {
    const text = hasHeader ? String(source.values[0][i] ?? '').trim() : '';
    return text || format(COLUMN_NAME[lang], { letter: columnName(source.firstColumn + i) });
  });
  const existing = (snapshot?.rows ?? [])
    .filter(({ row }) => row.objective)
    .map(({ row }) => ({ team: row.team, objective: row.objective, keyResult: row.keyResult, krId: row.krId, objectiveId: row.objectiveId }));
  const read = readImportRows(source.values, mapping, lang, teams, { firstRow: source.firstRow, headerRows: hasHeader ? 1 : 0, existing });
  return { lang, source, headers, mapping, read };
}

/** Sidebar (Import page): the proposed or chosen mapping and what it reads. Reads only. */
export function importPreview(request?: ImportRequest): ImportPreview {
  const lang = spreadsheetLanguage();
  const { register, settings } = sheets();
  const { teams } = readSettings(settings);
  const { source, headers, mapping, read } = analyse(request, lang, teams, readRegister(register));
  return {
    lang,
    sheetName: source.sheetName,
    a1: source.a1,
    headers,
    mapping,
    rows: read.rows.slice(0, PREVIEW_ROWS).map((row) => ({
      sourceRow: row.sourceRow,
      objective: row.objective,
      team: row.team,
      goalType: GOAL_TYPE_LABELS[lang][row.goalType],
      keyResult: row.keyResult,
      start: row.start,
      target: row.target,
      current: row.current,
      unit: row.unit,
    })),
    readable: read.rows.length,
    objectives: read.objectives,
    problems: read.problems,
  };
}

/**
 * Sidebar (Import page): re-reads the range, validates again and appends the
 * readable rows to the register in one block, with ids like the sidebar's
 * (an objective already in the register with the same team and title keeps
 * its id). Never writes to the source range.
 */
export function importRun(request: ImportRequest): ImportResult {
  const lang = spreadsheetLanguage();
  return withDocumentLock(lang, () => {
    const { register, settings } = sheets();
    const { teams } = readSettings(settings);
    const snapshot = readRegister(register);
    const { read, mapping } = analyse(request, lang, teams, snapshot);
    if (!mapping.includes('objective') || !mapping.includes('keyResult')) return { ok: false, message: TEXT.needRoles[lang], problems: read.problems };
    if (!read.rows.length) return { ok: false, message: TEXT.noRows[lang], problems: read.problems };

    const objectiveIds = new Set(snapshot.rows.map(({ row }) => row.objectiveId).filter(Boolean));
    // An objective already in the register (same team and title) keeps its id, title, goal type and parent.
    const known = new Map<string, RegisterRow>();
    for (const { row } of snapshot.rows) {
      const k = objectiveKey(row.team, row.objective);
      if (row.objectiveId && !known.has(k)) known.set(k, row);
    }
    // Ids are never given out twice, also not after a delete (see src/sheets/ids.ts).
    const counters = idCounters();
    const newObjectiveId = counters.next('O', objectiveIds);
    const newKrId = counters.next('KR', snapshot.rows.map(({ row }) => row.krId));
    const rows: RegisterRow[] = [];
    const ids: string[] = [];
    for (const group of groupByObjective(read.rows)) {
      const first = group[0];
      const existing = known.get(first.objectiveKey);
      const id = existing?.objectiveId ?? newObjectiveId();
      ids.push(id);
      for (const draft of group)
        rows.push({
          objectiveId: id,
          objective: existing?.objective ?? first.objective,
          team: existing?.team ?? first.team,
          goalType: existing?.goalType ?? first.goalType,
          parentId: existing?.parentId ?? '',
          krId: draft.keyResult ? newKrId() : '',
          keyResult: draft.keyResult,
          kind: draft.kind,
          start: draft.start,
          target: draft.target,
          current: draft.current,
          unit: draft.unit,
          weight: null,
          confidence: null,
          dependsOn: [],
        });
    }
    const lastInputRow = lastInputSheetRow(snapshot);
    const needed = lastInputRow + rows.length;
    const maxRows = register.getMaxRows();
    if (needed > maxRows) register.insertRowsAfter(maxRows, needed - maxRows);
    const zone = zoneOf(register);
    writeBlock(
      register,
      [],
      rows.map((row) => rowValues(registerInputCells(row, lang), zone)),
      INPUT_KEYS.length,
      lastInputRow,
    );
    repairRegisterFormulas(register, readRegister(register), lang);
    counters.save();
    const keyResults = rows.filter((row) => row.krId).length;
    return {
      ok: true,
      keyResults,
      objectives: ids.length,
      objectiveIds: ids,
      problems: read.problems,
      message: format(TEXT.imported[lang], { krs: keyResults, objectives: ids.length, skipped: read.problems.length }),
    };
  });
}

/** Menu: checks there is a cycle and a selection, then opens the Import page. */
export function openImportFromMenu(): void {
  const lang = spreadsheetLanguage();
  sheets(); // a cycle must exist: explains otherwise
  const active = activeSpreadsheet().getActiveRange();
  if (!active) {
    alert(PRODUCT_NAME, TEXT.selectFirst[lang]);
    return;
  }
  showSidebarPage('Import', TEXT.title[lang]);
}
