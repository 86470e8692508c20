/** Snapshots: a workbook of the emulator as plain JSON and back (the playground keeps its workbook with them). */
/*
 * A workbook of the fake as plain JSON and back: cells (values, formulas,
 * formats, notes, validations), sheet structure (order, sizes, frozen rows
 * and columns, widths, hidden rows/columns/sheets, merges), protections,
 * conditional format rules and named ranges. The playground keeps its
 * workbook in a file with it; `restoreSnapshot` replaces the content of an
 * existing FakeSpreadsheet in place, so a harness (and a vm context running
 * the bundle over it) keeps working.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Rect } from './a1';
import {
  FakeBooleanCondition,
  FakeConditionalFormatRule,
  FakeDataValidation,
  FakeNamedRange,
  FakeProtection,
  FakeRange,
  FakeSheet,
  type Cell,
  type FakeSpreadsheet,
} from './spreadsheet';

export const SNAPSHOT_VERSION = 1;

type Encoded = string | number | boolean | null | { $date: number } | { $range: { sheet: string; rect: Rect } } | Encoded[];

interface SheetSnapshot {
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  colWidths: [number, number][];
  rowHeights: [number, number][];
  hiddenCols: number[];
  hiddenRows: number[];
  hidden: boolean;
  tabColor: string | null;
  hiddenGridlines: boolean;
  merges: Rect[];
  /** [row, column, cell] of every cell that holds anything. */
  cells: [number, number, Record<string, any>][];
  protections: { rect: Rect | null; description: string; warningOnly: boolean; editors: string[]; unprotected: { sheet: string; rect: Rect }[] }[];
  cfRules: { condition: { type: string; values: Encoded[]; background: string | null; fontColor: string | null; bold: boolean | null; italic: boolean | null }; ranges: Rect[] }[];
}

export interface WorkbookSnapshot {
  version: number;
  name: string;
  locale: string;
  timeZone: string;
  active: string;
  sheets: SheetSnapshot[];
  namedRanges: { name: string; sheet: string; rect: Rect }[];
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function encode(v: any): Encoded {
  if (v === undefined || v === null) return null;
  if (isDate(v)) return { $date: v.getTime() };
  if (v instanceof FakeRange) return { $range: { sheet: v.sheet.name, rect: v.rect() } };
  if (Array.isArray(v)) return v.map(encode);
  if (typeof v === 'object') return String(v);
  return v;
}

function decode(v: Encoded, ss: FakeSpreadsheet): any {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => decode(x, ss));
  if ('$date' in v) return new Date(v.$date);
  if ('$range' in v) {
    const sheet = ss.sheetByName(v.$range.sheet);
    return sheet ? sheet.rangeOf(v.$range.rect) : null;
  }
  return v;
}

function encodeCell(cell: Cell): Record<string, any> | null {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(cell)) {
    if (v === undefined) continue;
    if (k === 'validation') {
      const rule = v as FakeDataValidation;
      out.validation = { type: rule.type, values: rule.values.map(encode), allowInvalid: rule.allowInvalid, helpText: rule.helpText };
    } else out[k] = k === 'value' ? encode(v) : v;
  }
  return Object.keys(out).length ? out : null;
}

/** The workbook as JSON-safe data. */
export function takeSnapshot(ss: FakeSpreadsheet): WorkbookSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    name: ss.name,
    locale: ss.locale,
    timeZone: ss.timeZone,
    active: ss.active.name,
    sheets: ss.sheets.map((sheet) => {
      const cells: SheetSnapshot['cells'] = [];
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          const encoded = cell && encodeCell(cell);
          if (encoded) cells.push([r + 1, c + 1, encoded]);
        }),
      );
      return {
        name: sheet.name,
        maxRows: sheet.maxRows,
        maxCols: sheet.maxCols,
        frozenRows: sheet.frozenRows,
        frozenCols: sheet.frozenCols,
        colWidths: [...sheet.colWidths.entries()],
        rowHeights: [...sheet.rowHeights.entries()],
        hiddenCols: [...sheet.hiddenCols],
        hiddenRows: [...sheet.hiddenRows],
        hidden: sheet.hidden,
        tabColor: sheet.tabColor,
        hiddenGridlines: sheet.hiddenGridlines,
        merges: sheet.merges.map((m) => ({ ...m })),
        cells,
        protections: sheet.protections.map((p) => ({
          rect: p.rect ? { ...p.rect } : null,
          description: p.description,
          warningOnly: p.warningOnly,
          editors: [...p.editors],
          unprotected: p.unprotected.map((u) => ({ sheet: u.sheet.name, rect: { ...u.rect } })),
        })),
        cfRules: sheet.cfRules.map((rule) => {
          const c = rule.condition;
          return {
            condition: { type: c.type, values: c.values.map(encode), background: c.background, fontColor: c.fontColor, bold: c.bold, italic: c.italic },
            ranges: rule.ranges.map((x) => ({ ...x.rect })),
          };
        }),
      };
    }),
    namedRanges: ss.namedRanges.map((n) => ({ name: n.name, sheet: n.target.sheet.name, rect: { ...n.target.rect } })),
  };
}

/** Replaces everything in `ss` with the snapshot's workbook (in place). */
export function restoreSnapshot(ss: FakeSpreadsheet, snap: WorkbookSnapshot): void {
  if (!snap || snap.version !== SNAPSHOT_VERSION || !Array.isArray(snap.sheets) || snap.sheets.length === 0) {
    throw new Error(`Not a workbook snapshot of version ${SNAPSHOT_VERSION}.`);
  }
  ss.name = snap.name;
  ss.locale = snap.locale;
  ss.timeZone = snap.timeZone;
  // Sheets first (ranges in validations and rules may point to any sheet), then their content.
  ss.sheets = snap.sheets.map((s) => new FakeSheet(ss, s.name));
  snap.sheets.forEach((s, i) => {
    const sheet = ss.sheets[i];
    Object.assign(sheet, {
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      hidden: s.hidden,
      tabColor: s.tabColor,
      hiddenGridlines: s.hiddenGridlines,
    });
    sheet.colWidths = new Map(s.colWidths);
    sheet.rowHeights = new Map(s.rowHeights);
    sheet.hiddenCols = new Set(s.hiddenCols);
    sheet.hiddenRows = new Set(s.hiddenRows);
    sheet.merges = s.merges.map((m) => ({ ...m }));
    const rules = new Map<string, FakeDataValidation>();
    for (const [r, c, encoded] of s.cells) {
      const cell: Cell = {};
      for (const [k, v] of Object.entries(encoded)) {
        if (k === 'validation') {
          // Cells that shared one rule share one again (as after setDataValidation on a range).
          const key = JSON.stringify(v);
          let rule = rules.get(key);
          if (!rule) {
            rule = new FakeDataValidation(v.type, (v.values as Encoded[]).map((x) => decode(x, ss)), v.allowInvalid, v.helpText);
            rules.set(key, rule);
          }
          cell.validation = rule;
        } else (cell as any)[k] = k === 'value' ? decode(v, ss) : v;
      }
      (sheet.rows[r - 1] ??= [])[c - 1] = cell;
    }
    for (let r = 0; r < sheet.rows.length; r++) if (!(r in sheet.rows)) sheet.rows[r] = undefined as never;
    sheet.protections = s.protections.map((p) => {
      const protection = new FakeProtection(sheet, p.rect ? { ...p.rect } : null);
      protection.description = p.description;
      protection.warningOnly = p.warningOnly;
      protection.editors = [...p.editors];
      protection.unprotected = p.unprotected
        .map((u) => ({ sheet: ss.sheetByName(u.sheet)!, rect: { ...u.rect } }))
        .filter((u) => u.sheet);
      return protection;
    });
    sheet.cfRules = s.cfRules.map((rule) => {
      const c = rule.condition;
      const condition = new FakeBooleanCondition(c.type, c.values.map((x) => decode(x, ss)), c.background, c.fontColor, c.bold, c.italic);
      return new FakeConditionalFormatRule(condition, rule.ranges.map((rect) => ({ sheet, rect: { ...rect } })));
    });
  });
  ss.namedRanges = snap.namedRanges
    .filter((n) => ss.sheetByName(n.sheet))
    .map((n) => new FakeNamedRange(ss, n.name, { sheet: ss.sheetByName(n.sheet)!, rect: { ...n.rect } }));
  ss.active = ss.sheetByName(snap.active) ?? ss.sheets[0];
  ss.selection = null;
  ss.resetEngine();
}
