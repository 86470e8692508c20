/**
 * The playground's workbook: the built dist/Code.js (the file `clasp push`
 * uploads) run in a node:vm context over the in-memory workbook of
 * emulator/. Everything the page does reaches the bundle's top-level
 * functions (menu handlers, sidebar functions) or the fake as a user would
 * (typing into a cell). Nothing here is a second implementation of the
 * add-on: what works here works in Sheets, because it is the same bundle.
 *
 * The workbook is kept in a JSON file after every change and loaded on start.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { columnToLetters, rectContains } from '../emulator/a1';
import { translateFormula } from '../emulator/formula';
import type { AppsScriptHarness } from '../emulator/appsScript';
import { loadAddon } from '../emulator/loadAddon';
import { restoreSnapshot, takeSnapshot, type WorkbookSnapshot } from '../emulator/snapshot';
import type { FakeSheet } from '../emulator/spreadsheet';

export type Lang = 'en' | 'de';

export interface SessionOptions {
  /** Folder with Code.js and the pages (Sidebar.html, Import.html): the build. */
  distDir: string;
  /** Where the workbook is kept; undefined keeps nothing. */
  stateFile?: string;
  lang: Lang;
  /** A fixed day (YYYY-MM-DD) the add-on sees as today, 09:00; default: the real clock. */
  today?: string;
}

export interface PromptRequest {
  title: string;
  prompt: string;
  buttons: string;
  /** 'prompt': a text answer (ui.prompt); 'confirm': a button only (ui.alert with Yes/No or OK/Cancel). */
  kind: 'prompt' | 'confirm';
}

/** An answer to a question of a menu handler, in the order they were asked. */
export interface MenuAnswer {
  kind?: 'prompt' | 'confirm';
  text: string;
  button: string;
}

export interface MenuOutcome {
  /** The handler asks this: answer it and call again with the answers so far plus this one. */
  prompt?: PromptRequest;
  alerts: { title: string; message: string }[];
  toasts: { title: string; message: string }[];
  sidebarOpened: boolean;
}

export interface EditOutcome {
  ok: boolean;
  /** The cell is protected with a warning: ask, then edit again with `confirmed`. */
  confirm?: string;
  /** The value was rejected (data validation) and the cell kept its content. */
  rejected?: string;
}

export interface GridView {
  name: string;
  rows: number;
  cols: number;
  frozenRows: number;
  frozenCols: number;
  widths: number[];
  hiddenCols: number[];
  hiddenRows: number[];
  /** Display values, row by row, as Sheets shows them. */
  display: string[][];
  /** Effective backgrounds (conditional formats applied); '' is white. */
  background: string[][];
  /** 'b' bold, 'i' italic, colour after '#' ; sparse "r,c" -> style. */
  style: Record<string, { bold?: boolean; italic?: boolean; color?: string; align?: string; wrap?: boolean; valign?: string; size?: number }>;
  /** What the formula bar shows for a cell holding text that would not type back as itself ('text); sparse. */
  input: Record<string, string>;
  /** Cells holding a formula ("r,c"): the formula bar asks for it (`formulaAt`) when one is selected. */
  formulas: string[];
  /** Drop-down choices: sparse "r,c" -> index into `lists`. */
  dropdown: Record<string, number>;
  lists: string[][];
  /** Notes and error messages; sparse. */
  notes: Record<string, string>;
  /** Row heights in px set on the sheet (others are 21); sparse. */
  rowHeights: Record<number, number>;
  /** Merged ranges that start inside the view. */
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  /** The formula of each formula cell ("r,c" -> '=...'), for the formula bar and copying. */
  formulaText: Record<string, string>;
  /** Cells holding a number or date ('n', right-aligned as in Sheets) or a boolean ('b', centred); sparse. */
  kind: Record<string, 'n' | 'b'>;
  /** SPARKLINE cells: the numbers of the range it draws (the page draws the line, as Sheets does); sparse. */
  sparkline: Record<string, number[]>;
}

export interface StateView {
  lang: Lang;
  locale: string;
  sheets: { name: string; hidden: boolean }[];
  active: string;
  menu: { caption?: string; functionName?: string; separator?: boolean }[];
  sidebar: { title: string; seq: number } | null;
  generation: number;
}

const UNANSWERED = '\u0000playground: not answered yet';
const LOCALES: Record<Lang, string> = { en: 'en_US', de: 'de_DE' };
function dayAt9(day: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`--today wants YYYY-MM-DD, not "${day}"`);
  return new Date(+m[1], +m[2] - 1, +m[3], 9, 0, 0);
}

export class PlaygroundSession {
  readonly harness: AppsScriptHarness;
  readonly bundle: Record<string, (...args: any[]) => any>;
  /** The bundle's top-level functions: what the menu may call, and google.script.run but the custom functions. */
  readonly entryPoints: Set<string>;
  /** The bundle's custom functions: formulas call them, google.script.run may not. */
  readonly customFunctions: string[];
  readonly lang: Lang;
  /** Whether the workbook came from the state file (else it is new). */
  readonly restored: boolean;
  private clockOverride: Date | null = null;
  private sidebarSeq = 0;
  private lastSidebar: { title: string; html: string } | null = null;

  constructor(private readonly options: SessionOptions) {
    const saved = options.stateFile && existsSync(options.stateFile) ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as WorkbookSnapshot) : null;
    const locale = saved?.locale ?? LOCALES[options.lang];
    this.lang = locale.startsWith('de') ? 'de' : 'en';
    // Every page the build made (Sidebar, Import), as clasp pushes them: HtmlService finds them by name.
    // The add-on's clock is the playground's (a fixed day, a day set while seeding, or the real clock).
    const addon = loadAddon({ locale, userLocale: this.lang, now: () => this.now(), htmlFiles: true, distDir: options.distDir });
    this.harness = addon.harness;
    this.entryPoints = addon.entryPoints;
    this.customFunctions = addon.customFunctions;
    this.bundle = addon.bundle;
    if (saved) restoreSnapshot(this.harness.spreadsheet, saved);
    this.restored = !!saved;
    this.harness.setAuthMode('LIMITED');
    this.bundle.onOpen({ authMode: this.harness.globals.ScriptApp.AuthMode.LIMITED });
  }

  /** The add-on's "now": a fixed day, a day set while seeding, or the real clock. */
  now(): Date {
    if (this.clockOverride) return new Date(this.clockOverride.getTime());
    if (this.options?.today) return dayAt9(this.options.today);
    return new Date();
  }

  /** Runs fn with the add-on's clock at `date` (the sample's weeks). */
  at<T>(date: Date, fn: () => T): T {
    const saved = this.clockOverride;
    this.clockOverride = date;
    try {
      this.tick();
      return fn();
    } finally {
      this.clockOverride = saved;
      this.tick();
    }
  }

  /**
   * Brings the fake's clock (TODAY() in formulas) to the add-on's "now" when
   * the day changed (setting it recomputes every formula, so not more often).
   */
  private tick(): void {
    const now = this.now();
    const fakeNow = this.harness.spreadsheet.host.now();
    if (fakeNow.toDateString() !== now.toDateString()) this.harness.setNow(now);
  }

  get spreadsheet() {
    return this.harness.spreadsheet;
  }

  save(): void {
    const file = this.options.stateFile;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(takeSnapshot(this.spreadsheet)));
    renameSync(tmp, file);
  }

  private noteSidebar(): boolean {
    const ui = this.harness.ui;
    const opened = ui.sidebars.length > 0;
    if (opened) {
      const last = ui.sidebars[ui.sidebars.length - 1];
      this.lastSidebar = { title: last.title, html: last.html };
      this.sidebarSeq++;
      ui.sidebars = [];
    }
    return opened;
  }

  sidebar(): { title: string; html: string } | null {
    return this.lastSidebar;
  }

  /** google.script.run: a top-level function of the bundle, with values crossing as JSON both ways. */
  call(name: string, args: unknown[]): unknown {
    if (!this.entryPoints.has(name) || this.customFunctions.includes(name)) throw new Error(`Script function not found: ${name}`);
    this.tick();
    const json = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
    try {
      return json(this.bundle[name](...(json(args) as unknown[])));
    } finally {
      this.noteSidebar();
      this.save();
    }
  }

  /**
   * A menu item: runs the handler. When it asks a question that has no answer
   * yet, the workbook is put back as it was and the question is returned; the
   * page asks the person and calls again with every answer so far.
   */
  runMenu(functionName: string, answers: MenuAnswer[] = []): MenuOutcome {
    const menu = this.harness.ui.menus.find((m) => m.addon);
    const items = (menu?.items ?? []).filter((i): i is { caption: string; functionName: string } => 'functionName' in i);
    if (!items.some((i) => i.functionName === functionName)) throw new Error(`No menu item runs ${functionName}`);
    const ui = this.harness.ui;
    const before = takeSnapshot(this.spreadsheet);
    ui.dialogs = [];
    ui.toasts = [];
    ui.clearQueues();
    for (const a of answers) {
      if (a.kind === 'confirm') ui.queueResponse(a.button);
      else ui.queuePrompt(a.text, a.button);
    }
    ui.queuePrompt(UNANSWERED, 'CANCEL');
    ui.queueResponse(UNANSWERED);
    this.tick();
    let failure: string | null = null;
    try {
      this.bundle[functionName]();
    } catch (error) {
      // guarded() turns errors into messages; anything that still escapes is shown as Sheets would show it.
      failure = String((error as Error)?.message ?? error);
    }
    ui.clearQueues();
    const dialogs = ui.dialogs;
    const toasts = ui.toasts;
    ui.dialogs = [];
    ui.toasts = [];
    // The first question without an answer yet (a text prompt, or a Yes/No alert such as "Start next cycle?").
    const open = dialogs.find((d) => (d.kind === 'prompt' || d.kind === 'alert') && d.response === UNANSWERED);
    if (open) {
      restoreSnapshot(this.spreadsheet, before);
      ui.sidebars = [];
      const kind = open.kind === 'alert' ? 'confirm' : 'prompt';
      return { prompt: { title: open.title ?? '', prompt: open.prompt ?? '', buttons: open.buttons ?? 'OK', kind }, alerts: [], toasts: [], sidebarOpened: false };
    }
    // Answered questions were the person's own clicks; only plain alerts are shown after the run.
    const alerts = dialogs.filter((d) => d.kind === 'alert' && (d.buttons ?? 'OK') === 'OK').map((d) => ({ title: d.title ?? '', message: d.prompt ?? '' }));
    if (failure) alerts.push({ title: 'Error', message: failure });
    const sidebarOpened = this.noteSidebar();
    this.save();
    return { alerts, toasts: toasts.map((t) => ({ title: t.title, message: t.message })), sidebarOpened };
  }

  /** Opens the sidebar as the menu item does (on start, so it is there next to the grid). */
  openSidebar(): void {
    if (this.entryPoints.has('menuOpenSidebar')) {
      this.bundle.menuOpenSidebar();
      this.harness.ui.dialogs = [];
      this.noteSidebar();
    }
  }

  private sheet(name: string): FakeSheet {
    const sheet = this.spreadsheet.sheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  }

  /** Selecting a tab (and a cell) makes it the active sheet/range the add-on sees. */
  activate(sheetName: string, row?: number, col?: number): void {
    const sheet = this.sheet(sheetName);
    this.spreadsheet.active = sheet;
    this.spreadsheet.selection = { sheet, rect: { r1: row ?? 1, c1: col ?? 1, r2: row ?? 1, c2: col ?? 1 } };
  }

  private protectionAt(sheet: FakeSheet, row: number, col: number) {
    return sheet.protections.find((p) => (p.rect ? rectContains(p.rect, row, col) : !p.unprotected.some((u) => rectContains(u.rect, row, col))));
  }

  private protectedMessage(description: string | null | undefined): string {
    const base =
      this.lang === 'de'
        ? 'Du versuchst, einen geschützten Teil des Blatts zu bearbeiten. Nur fortfahren, wenn die Änderung gewollt ist.'
        : 'You are trying to edit a protected part of the sheet. Only continue if you mean to change it.';
    return description ? `${base}\n\n${description}` : base;
  }

  private checkCell(sheet: FakeSheet, row: number, col: number): void {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1 || row > sheet.maxRows || col > sheet.maxCols) {
      throw new Error(`No cell at row ${row}, column ${col}`);
    }
  }

  /** Writes typed input into one cell; a value the cell's validation rejects is undone and its message returned. */
  private write(sheet: FakeSheet, row: number, col: number, input: string): string | null {
    const existing = sheet.cell(row, col);
    const saved = existing ? { ...existing } : undefined;
    sheet.getRange(row, col).setValue(input);
    const rule = sheet.cell(row, col)?.validation;
    if (rule && !rule.allowInvalid && !this.spreadsheet.isValid(sheet, row, col)) {
      if (sheet.rows[row - 1]) sheet.rows[row - 1][col - 1] = saved;
      this.spreadsheet.touch();
      const text =
        this.lang === 'de'
          ? 'Die Eingabe verletzt die Datenvalidierungsregeln dieser Zelle.'
          : 'The data you entered violates the data validation rules set on this cell.';
      return rule.helpText ? `${text}\n${rule.helpText}` : text;
    }
    return null;
  }

  /** A person typing `input` into a cell (typed-input semantics: numbers, dates, formulas, 'text). */
  edit(sheetName: string, row: number, col: number, input: string, confirmed = false): EditOutcome {
    const sheet = this.sheet(sheetName);
    this.checkCell(sheet, row, col);
    const protection = this.protectionAt(sheet, row, col);
    if (protection && !confirmed) return { ok: false, confirm: this.protectedMessage(protection.description) };
    this.tick();
    const rejected = this.write(sheet, row, col, input);
    if (rejected) return { ok: false, rejected };
    this.save();
    return { ok: true };
  }

  /**
   * Ctrl+V (or Delete, with empty strings) of a block of typed inputs at
   * (row, col). With `from` (the top-left cell it was copied from, in the
   * playground) formulas move along as in Sheets (relative references
   * shift); pasted text from elsewhere is typed input. One warning for
   * protected cells in the block; cells whose validation rejects the value
   * keep their content and are reported.
   */
  paste(sheetName: string, row: number, col: number, block: string[][], from?: { row: number; col: number }, confirmed = false): EditOutcome {
    const sheet = this.sheet(sheetName);
    this.checkCell(sheet, row, col);
    const height = block.length;
    const width = Math.max(0, ...block.map((line) => line.length));
    if (!height || !width) return { ok: true };
    this.checkCell(sheet, row + height - 1, col + width - 1);
    if (!confirmed) {
      for (let r = 0; r < height; r++) {
        for (let c = 0; c < block[r].length; c++) {
          const protection = this.protectionAt(sheet, row + r, col + c);
          if (protection) return { ok: false, confirm: this.protectedMessage(protection.description) };
        }
      }
    }
    this.tick();
    const rejected: string[] = [];
    block.forEach((line, r) =>
      line.forEach((input, c) => {
        const text = from && input.startsWith('=') ? translateFormula(input, row - from.row, col - from.col) : input;
        const message = this.write(sheet, row + r, col + c, text);
        if (message) rejected.push(`${columnToLetters(col + c)}${row + r}: ${message.split('\n')[0]}`);
      }),
    );
    this.save();
    return rejected.length ? { ok: false, rejected: rejected.join('\n') } : { ok: true };
  }

  state(): StateView {
    const menu = this.harness.ui.menus.find((m) => m.addon);
    return {
      lang: this.lang,
      locale: this.spreadsheet.locale,
      sheets: this.spreadsheet.sheets.map((s) => ({ name: s.name, hidden: s.hidden })),
      active: this.spreadsheet.active.name,
      menu: (menu?.items ?? []).map((i) => ('separator' in i ? { separator: true } : 'functionName' in i ? { caption: i.caption, functionName: i.functionName } : {})),
      sidebar: this.lastSidebar ? { title: this.lastSidebar.title, seq: this.sidebarSeq } : null,
      generation: this.spreadsheet.generation,
    };
  }

  /** The formula of a cell, for the formula bar ('' when it holds none). */
  formulaAt(sheetName: string, row: number, col: number): string {
    return this.sheet(sheetName).cell(row, col)?.formula ?? '';
  }

  /** A sheet as the page draws it: display values, effective colours, drop-downs, frozen rows. */
  grid(sheetName: string): GridView {
    this.tick();
    const ss = this.spreadsheet;
    const sheet = this.sheet(sheetName);
    const rows = Math.min(sheet.maxRows, Math.max(sheet.lastRow() + 3, sheet.frozenRows + 1, 20));
    const cols = Math.min(sheet.maxCols, Math.max(sheet.lastColumn() + 1, sheet.frozenCols + 1, 8));
    const display: string[][] = [];
    const background: string[][] = [];
    const style: GridView['style'] = {};
    const input: GridView['input'] = {};
    const formulas: string[] = [];
    const dropdown: GridView['dropdown'] = {};
    const notes: GridView['notes'] = {};
    const lists: string[][] = [];
    const listIndex = new Map<unknown, number>();
    const formulaText: GridView['formulaText'] = {};
    const sparkline: GridView['sparkline'] = {};
    const kind: GridView['kind'] = {};
    const ruled = new Set<number>();
    for (const rule of sheet.cfRules) for (const area of rule.ranges) for (let c = area.rect.c1; c <= area.rect.c2; c++) ruled.add(c);
    for (let r = 1; r <= rows; r++) {
      const line: string[] = [];
      const colours: string[] = [];
      for (let c = 1; c <= cols; c++) {
        const cell = sheet.cell(r, c);
        const shown = cell || ruled.has(c) ? ss.displayValue(sheet, r, c) : '';
        line.push(shown);
        const bg = ruled.has(c) ? ss.effectiveBackground(sheet, r, c) : cell?.background ?? '#ffffff';
        colours.push(bg === '#ffffff' ? '' : bg);
        if (!cell) continue;
        const key = `${r},${c}`;
        const typed = shown === '' ? '' : ss.typedValue(sheet, r, c);
        if (typeof typed === 'number' || Object.prototype.toString.call(typed) === '[object Date]') kind[key] = 'n';
        else if (typeof typed === 'boolean') kind[key] = 'b';
        if (cell.fontWeight === 'bold' || cell.fontStyle === 'italic' || (cell.fontColor && cell.fontColor !== '#000000') || cell.hAlign || cell.wrap || (cell.vAlign && cell.vAlign !== 'bottom') || (cell.fontSize && cell.fontSize !== 10)) {
          style[key] = {
            ...(cell.vAlign && cell.vAlign !== 'bottom' ? { valign: cell.vAlign } : {}),
            ...(cell.fontSize && cell.fontSize !== 10 ? { size: cell.fontSize } : {}),
            ...(cell.fontWeight === 'bold' ? { bold: true } : {}),
            ...(cell.fontStyle === 'italic' ? { italic: true } : {}),
            ...(cell.fontColor && cell.fontColor !== '#000000' ? { color: cell.fontColor } : {}),
            ...(cell.hAlign ? { align: cell.hAlign } : {}),
            ...(cell.wrap ? { wrap: true } : {}),
          };
        }
        if (cell.formula !== undefined) {
          formulas.push(key);
          formulaText[key] = cell.formula;
          const points = shown === '[sparkline]' ? this.sparklinePoints(sheet, cell.formula) : null;
          if (points) {
            sparkline[key] = points;
            line[c - 1] = '';
          }
        }
        else if (typeof cell.value === 'string' && cell.value !== '' && (/^[=+\-@']/.test(cell.value) || ss.parseTyped(cell.value).value !== cell.value)) {
          input[key] = `'${cell.value}`;
        }
        const error = cell.formula !== undefined ? ss.errorMessage(sheet, r, c) : null;
        if (cell.note || error) notes[key] = [error, cell.note].filter(Boolean).join('\n');
        const rule = cell.validation;
        if (rule && (rule.type === 'VALUE_IN_LIST' || rule.type === 'VALUE_IN_RANGE') && rule.values[1] !== false) {
          let index = listIndex.get(rule);
          if (index === undefined) {
            const choices =
              rule.type === 'VALUE_IN_LIST'
                ? (rule.values[0] as unknown[]).map(String)
                : (rule.values[0] as { getDisplayValues(): string[][] }).getDisplayValues().flat().filter((v) => v !== '');
            index = lists.push([...new Set(choices)]) - 1;
            listIndex.set(rule, index);
          }
          dropdown[key] = index;
        }
      }
      display.push(line);
      background.push(colours);
    }
    const widths: number[] = [];
    for (let c = 1; c <= cols; c++) widths.push(sheet.getColumnWidth(c));
    return {
      name: sheet.name,
      rows,
      cols,
      frozenRows: sheet.frozenRows,
      frozenCols: sheet.frozenCols,
      widths,
      hiddenCols: [...sheet.hiddenCols].filter((c) => c <= cols),
      hiddenRows: [...sheet.hiddenRows].filter((r) => r <= rows),
      display,
      background,
      style,
      input,
      formulas,
      dropdown,
      lists,
      notes,
      rowHeights: Object.fromEntries([...sheet.rowHeights].filter(([r]) => r <= rows)),
      merges: sheet.merges.filter((m) => m.r1 <= rows && m.c1 <= cols).map((m) => ({ r1: m.r1, c1: m.c1, r2: Math.min(m.r2, rows), c2: Math.min(m.c2, cols) })),
      formulaText,
      kind,
      sparkline,
    };
  }

  /** The numbers a `SPARKLINE(range)` draws (a plain range, on its sheet or another); null when it is anything else. */
  private sparklinePoints(sheet: FakeSheet, formula: string): number[] | null {
    const m = /SPARKLINE\(\s*(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)\s*[,)]/i.exec(formula);
    if (!m) return null;
    const source = m[1] ? this.spreadsheet.sheetByName(m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1]) : sheet;
    if (!source) return null;
    const values = source.getRange(`${m[2]}${m[3]}:${m[4]}${m[5]}`).getValues().flat();
    const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return numbers.length >= 2 ? numbers : null;
  }
}
