/**
 * Model-based test of the whole add-on: random sequences of what people do
 * (menu actions, sidebar saves, typing values and formulas into cells,
 * renaming, deleting, inserting rows, starting the next cycle) run against the BUILT dist/Code.js over the in-memory
 * workbook (see world.ts), and after every step `checkInvariants` compares the
 * workbook with a simple model of what people typed:
 *
 * 1. every value a user typed (or saved through the sidebar) is still where
 *    they put it; a weekly's new value, once applied, is also in the register
 *    and exactly once in the Check-in log;
 * 2. the Check-in log only grows and has no (week, kind, id) twice (and an
 *    archived one keeps every row when the next cycle starts);
 * 3. every computed cell of a key-result row in the register holds its
 *    formula and its value equals the scoring code (src/core/scoring.ts);
 * 4. no action throws or ends in guard's "That did not work" alert: what
 *    cannot be done ends in an explained message;
 * 5. no cell holds a formula built from hostile text unless a person typed
 *    it there, and ids are never reused while the register, Tactics or log
 *    still mention them.
 *
 * Adding commands (Import, ...): write a class implementing
 * `AddonCommand` (`check` says when it makes sense, `run` does it through
 * `world`, updates the model for what it legitimately changes, then calls
 * `step(...)`), add an arbitrary for it to `COMMANDS` below, and extend
 * `Model` if the action creates user data the model must follow.
 */
import fc from 'fast-check';
import { REGISTER_COLUMN } from '../../src/core/layout/register';
import { WEEKLY_COLUMN } from '../../src/core/layout/weekly';
import { TACTIC_COLUMN } from '../../src/core/layout/tactics';
import { LOG_COLUMN, LOG_KIND_LABELS } from '../../src/core/layout/checkInLog';
import { INPUT_BACKGROUND, numberOf, textOf } from '../../src/core/layout/builder';
import { SHEET_NAMES } from '../../src/core/texts';
import { objectiveScore, scoreKeyResult } from '../../src/core/scoring';
import { SCORE_WARNING } from '../../src/core/formulas';
import { parseKrKind } from '../../src/core/vocabulary';
import { inertText } from '../../src/core/text';
import { HOSTILE, stored } from '../fixtures/hostile';
import { createWorld, UNEXPLAINED, type World } from './world';

// ---------------------------------------------------------------- the model

/** What a cell holds: a formula a person typed, or a value. */
export interface Cell {
  formula: string;
  value: unknown;
  /** Compared with trimmed text: a register cell, which a sidebar save writes back trimmed (see sameText). */
  loose?: boolean;
}

export interface WeeklyCell extends Cell {
  key: string;
  column: number;
  /** The KR (or tactic) of the row went away; the row now sits in the "kept" section. */
  kept: boolean;
}

export interface Model {
  lang: 'en' | 'de';
  /** The register's name while the add-on can find it; null before set-up or after it was renamed or deleted. */
  register: string | null;
  settings: boolean;
  tactics: boolean;
  teams: string[];
  objectives: Map<string, { krs: Set<string>; tactics: Set<string> }>;
  /** Register input cells by KR id and column. */
  krCells: Map<string, Map<number, Cell>>;
  /** Principle of each tactic by id. */
  tacticText: Map<string, string>;
  /** Weekly sheets by name: their week and the cells people typed (by row key and column). */
  weeklies: Map<string, { week: string; cells: WeeklyCell[] }>;
  /** Cells nothing of the add-on writes any more (review, retrospective, renamed sheets): sheet → "row:col" → cell. */
  frozen: Map<string, Map<string, Cell>>;
  /** Review/retrospective sheets the add-on made (their free-text cells can be typed into). */
  freeTextSheets: Set<string>;
  /** (week|KR id) → what the log must hold for it, exactly once. */
  logged: Map<string, { value: number | null; confidence: number | null; note: string }>;
  /** The log rows after the previous step (serialised): the next step must keep them as a prefix. */
  lastLog: string[];
  /** Every id the add-on gave out: none may be given out again (the log and old weeklies refer to them). */
  usedIds: Set<string>;
  steps: string[];
}

export function initialModel(lang: 'en' | 'de'): Model {
  return {
    lang,
    register: null,
    settings: false,
    tactics: false,
    teams: [],
    objectives: new Map(),
    krCells: new Map(),
    tacticText: new Map(),
    weeklies: new Map(),
    frozen: new Map(),
    freeTextSheets: new Set(),
    logged: new Map(),
    lastLog: [],
    usedIds: new Set(),
    steps: [],
  };
}

export const WEEKS = [
  { week: '2026-W48', day: new Date(2026, 10, 24, 9) },
  { week: '2026-W49', day: new Date(2026, 11, 1, 9) },
  { week: '2026-W50', day: new Date(2026, 11, 8, 9) },
];

const names = (m: Model) => SHEET_NAMES[m.lang];

// ---------------------------------------------------------------- helpers

function fail(model: Model, message: string): never {
  throw new Error(`${message}\n  steps so far:\n    ${model.steps.join('\n    ')}`);
}

/** A cell as stored (no recompute): its formula, or its value. */
function cellOf(world: World, sheet: string, row: number, column: number): Cell {
  const cell = world.sheet(sheet)!.cell(row, column);
  return { formula: cell?.formula ?? '', value: cell?.formula ? undefined : (cell?.value ?? '') };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

function show(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return text && text.length > 80 ? `${text.slice(0, 77)}…(${text.length})` : String(text);
}

/**
 * Text the add-on writes again is written through `inertText` (src/core/text.ts); a register row the sidebar
 * saves has its text trimmed, as every title is (`loose`).
 */
function sameText(a: unknown, b: unknown, loose: boolean): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return same(a, b);
  return loose ? stored(a).trim() === stored(b).trim() : stored(a) === stored(b);
}

function expectCell(model: Model, where: string, want: Cell, have: Cell, loose = false) {
  if (want.formula) {
    if (have.formula !== want.formula) fail(model, `${where}: the formula ${show(want.formula)} a person typed became ${show(have.formula || have.value)}`);
    return;
  }
  if (have.formula) fail(model, `${where}: the value ${show(want.value)} became the formula ${show(have.formula)}`);
  if (!sameText(want.value, have.value, loose)) fail(model, `${where}: ${show(want.value)} was typed here, now it holds ${show(have.value)}`);
}

/** The step's messages: none may be guard's "That did not work" or a thrown error. */
function checkMessages(model: Model, world: World, mark: ReturnType<World['mark']>) {
  const { alerts } = world.messagesSince(mark);
  for (const alert of alerts) if (UNEXPLAINED.test(alert)) fail(model, `an unexplained error reached the user: ${alert}`);
}

function menu(model: Model, world: World, name: string, user?: string): { alerts: string[]; toasts: string[] } {
  const mark = world.mark();
  try {
    if (user) world.h.asUser(user, () => world.bundle[name]());
    else world.bundle[name]();
  } catch (error) {
    fail(model, `${name} threw instead of telling the user: ${(error as Error)?.stack ?? error}`);
  }
  checkMessages(model, world, mark);
  const messages = world.messagesSince(mark);
  return { alerts: messages.alerts, toasts: messages.toasts };
}

/** A sidebar call: a result, or a UserError (explained); anything else fails. */
function sidebar(model: Model, world: World, name: string, ...args: unknown[]): { ok: true; value: any } | { ok: false; message: string } {
  const result = world.call(name, ...args);
  if (result.ok) return result;
  if (result.error.name !== 'UserError') fail(model, `${name} failed with an unexplained ${result.error.name}: ${result.error.message}`);
  return { ok: false, message: result.error.message };
}

/**
 * A sheet's used block as stored, without evaluating formulas (a formula cell's value is undefined): what
 * people typed can be compared without making the in-memory workbook recompute every formula. `evaluated`
 * reads the computed values too (one recompute of the workbook).
 */
function sheetValues(world: World, name: string, evaluated = false): { values: unknown[][]; formulas: string[][] } {
  const sheet = world.sheet(name)!;
  if (evaluated) {
    const range = sheet.getDataRange();
    return { values: range.getValues(), formulas: range.getFormulas() };
  }
  const rows = Math.max(1, sheet.lastRow());
  const columns = Math.max(1, sheet.lastColumn());
  const values: unknown[][] = [];
  const formulas: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: unknown[] = [];
    const formulaLine: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.cell(r, c);
      formulaLine.push(cell?.formula ?? '');
      line.push(cell?.formula ? undefined : (cell?.value ?? ''));
    }
    values.push(line);
    formulas.push(formulaLine);
  }
  return { values, formulas };
}

/** The Check-in log's filled rows below its header, serialised (to compare one state of the log with a later one). */
function logLines(world: World, name: string): string[] {
  return sheetValues(world, name)
    .values.slice(1)
    .filter((line) => !line.every((v) => v === ''))
    .map((line) => JSON.stringify(line));
}

/** Row index (0-based, in `values`) of every KR id in the register. */
function krRows(values: unknown[][]): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  values.forEach((line, i) => {
    if (i === 0) return;
    const id = textOf(line[REGISTER_COLUMN.krId - 1]);
    if (!id) return;
    rows.set(id, [...(rows.get(id) ?? []), i]);
  });
  return rows;
}

function weeklyRowOf(values: unknown[][], key: string): number {
  const pattern = new RegExp(`^(kept:)*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return values.findIndex((line) => pattern.test(textOf(line[WEEKLY_COLUMN.key - 1])));
}

/** What the register's KR score must be for a row, from its raw cells, by the scoring code. */
function expectedScore(line: unknown[], lang: 'en' | 'de'): number | string {
  const warn = SCORE_WARNING[lang];
  const raw = (key: keyof typeof REGISTER_COLUMN) => line[REGISTER_COLUMN[key] - 1];
  const kindText = textOf(raw('kind'));
  const kind = kindText ? parseKrKind(kindText) : undefined;
  const [s, t, v] = [raw('start'), raw('target'), raw('current')];
  if (kind === 'baseline' || s === '' || t === '' || v === '') return '';
  if ((kindText && !kind) || typeof s !== 'number' || typeof t !== 'number' || typeof v !== 'number') return warn;
  try {
    return scoreKeyResult(s, t, v, kind) ?? '';
  } catch {
    return warn;
  }
}

// ---------------------------------------------------------------- invariants

/** `computed`: also check the register's computed cells (makes the workbook recompute every formula). */
export function checkInvariants(model: Model, world: World, computed = true): void {
  const lang = model.lang;
  const trackedFormulas = new Set<string>();

  // 1a. the register: every KR the model knows is there once, with what people typed; computed cells are formulas equal to the scoring code.
  if (model.register) {
    if (!world.sheet(model.register)) fail(model, `the register "${model.register}" is gone`);
    const { values, formulas } = sheetValues(world, model.register, computed);
    const rows = krRows(values);
    for (const [krId, cells] of model.krCells) {
      const at = rows.get(krId) ?? [];
      if (at.length !== 1) fail(model, `${krId} is in the register ${at.length} times`);
      for (const [column, want] of cells) {
        if (want.formula) trackedFormulas.add(want.formula);
        expectCell(model, `register ${krId} column ${column}`, want, { formula: formulas[at[0]][column - 1] ?? '', value: values[at[0]][column - 1] }, true);
      }
    }
    const scores = new Map<number, number | string>();
    if (computed) for (const [, at] of rows)
      for (const i of at) {
        const line = values[i];
        for (let c = REGISTER_COLUMN.krScore; c <= REGISTER_COLUMN.pace; c++)
          if (!String(formulas[i][c - 1] ?? '').startsWith('=')) fail(model, `register row ${i + 1} (${textOf(line[5])}) lost the formula in column ${c}`);
        const want = expectedScore(line, lang);
        const have = line[REGISTER_COLUMN.krScore - 1];
        if (!same(have, want)) fail(model, `register row ${i + 1}: KR score ${show(have)}, the scoring code says ${show(want)} for ${show(line.slice(7, 11))}`);
        scores.set(i, want);
      }
    // Objective score: the weighted mean of its KR scores (rows with the same objective id).
    const byObjective = new Map<string, number[]>();
    values.forEach((line, i) => {
      const id = textOf(line[0]);
      if (i > 0 && id) byObjective.set(id, [...(byObjective.get(id) ?? []), i]);
    });
    if (computed) for (const [id, at] of byObjective) {
      const krLines = at.filter((i) => scores.has(i));
      if (!krLines.length) continue;
      const weights = at.map((i) => values[i][REGISTER_COLUMN.weight - 1]);
      let want: number | string;
      if (weights.some((w) => w !== '' && typeof w !== 'number')) want = SCORE_WARNING[lang];
      else
        try {
          want =
            objectiveScore(
              at.map((i) => (typeof scores.get(i) === 'number' ? (scores.get(i) as number) : null)),
              weights.map((w) => (w === '' ? null : (w as number))),
            ) ?? '';
        } catch {
          want = SCORE_WARNING[lang];
        }
      for (const i of krLines) {
        const have = values[i][REGISTER_COLUMN.objectiveScore - 1];
        if (!same(have, want)) fail(model, `register row ${i + 1}: objective score of ${id} is ${show(have)}, the scoring code says ${show(want)}`);
      }
    }
  }

  // 1b. tactics written from the sidebar are in Tactics.
  if (model.tactics && model.tacticText.size) {
    const { values } = sheetValues(world, names(model).tactics);
    const byId = new Map(values.slice(1).map((line) => [textOf(line[TACTIC_COLUMN.id - 1]), line[TACTIC_COLUMN.principle - 1]]));
    for (const [id, text] of model.tacticText) {
      if (!byId.has(id)) fail(model, `tactic ${id} is missing from ${names(model).tactics}`);
      if (byId.get(id) !== text) fail(model, `tactic ${id}: ${show(text)} was saved, the sheet holds ${show(byId.get(id))}`);
    }
  }

  // 1c. weeklies: every typed entry is in its row (found by key), or in the "kept" section.
  for (const [name, weekly] of model.weeklies) {
    if (!world.sheet(name)) fail(model, `the weekly "${name}" is gone`);
    const { values, formulas } = sheetValues(world, name);
    for (const cell of weekly.cells) {
      const i = weeklyRowOf(values, cell.key);
      if (i < 0) fail(model, `${name}: the row of ${cell.key} with the entry ${show(cell.value)} is gone`);
      expectCell(model, `${name} ${cell.key} column ${cell.column}`, cell, { formula: formulas[i][cell.column - 1] ?? '', value: values[i][cell.column - 1] });
    }
  }

  // 1d. cells nothing of the add-on writes any more.
  for (const [name, cells] of model.frozen) {
    if (!world.sheet(name)) fail(model, `the sheet "${name}" is gone`);
    for (const [at, want] of cells) {
      if (want.formula) trackedFormulas.add(want.formula);
      const [row, column] = at.split(':').map(Number);
      expectCell(model, `${name}!R${row}C${column}`, want, cellOf(world, name, row, column), want.loose);
    }
  }

  // 2. the Check-in log only grows, has no (week, kind, id) twice, and holds each applied KR entry exactly once.
  const logName = names(model).checkInLog;
  const log: string[] = [];
  if (world.sheet(logName)) {
    const { values } = sheetValues(world, logName);
    const seen = new Set<string>();
    for (const line of values.slice(1)) {
      if (line.every((v) => v === '')) continue;
      const key = [line[0], line[1], line[2]].map(textOf).join('|');
      if (seen.has(key)) fail(model, `the Check-in log has ${key} twice`);
      seen.add(key);
    }
    log.push(...logLines(world, logName));
    for (const [key, want] of model.logged) {
      const [week, krId] = key.split('|');
      const rows = values.filter((line) => textOf(line[0]) === week && textOf(line[1]) === LOG_KIND_LABELS[lang].kr && textOf(line[2]) === krId);
      if (rows.length !== 1) fail(model, `the Check-in log has ${week} ${krId} ${rows.length} times`);
      const line = rows[0];
      const got = {
        value: numberOf(line[LOG_COLUMN.value - 1]),
        confidence: numberOf(line[LOG_COLUMN.confidence - 1]),
        note: String(line[LOG_COLUMN.note - 1] ?? ''),
      };
      // The add-on writes every text inert (README "What we guarantee"): control characters go, lone surrogates become U+FFFD.
      if (got.value !== want.value || got.confidence !== want.confidence || got.note !== inertText(want.note))
        fail(model, `the Check-in log holds ${show(got)} for ${week} ${krId}, the weekly had ${show(want)}`);
    }
  } else if (model.logged.size) fail(model, 'the Check-in log is gone');
  for (let i = 0; i < model.lastLog.length; i++)
    if (log[i] !== model.lastLog[i]) fail(model, `the Check-in log changed a row it had: ${model.lastLog[i]} became ${log[i] ?? 'nothing'}`);
  model.lastLog = log;

  // 5. no formula anywhere is made of hostile text unless a person typed it there.
  for (const sheet of world.h.spreadsheet.getSheets()) {
    for (const line of sheetValues(world, sheet.getName()).formulas)
      for (const formula of line)
        if (formula && !trackedFormulas.has(formula) && !isOwnLink(formula) && /HYPERLINK|IMPORTXML|IMAGE\(|cmd\||A1\*100|^=1\+1$|SUM\(1,2\)/.test(formula))
          fail(model, `"${sheet.getName()}" holds the formula ${show(formula)}, made of text`);
  }
}

// ---------------------------------------------------------------- commands

export type AddonCommand = fc.Command<Model, World>;

/**
 * Records the step, runs it, checks every invariant. The register's computed cells are checked after steps
 * that write the register (`computed`), and at the end of every sequence (see `property`), since checking
 * them makes the workbook recompute every formula: most of the test's time.
 */
function step(model: Model, world: World, label: string, action: () => void, computed = true) {
  model.steps.push(label);
  action();
  checkInvariants(model, world, computed);
}

const WORDS = ['Customers love us', 'Grow revenue', 'Faster delivery', 'Ship the app', 'Fewer incidents', 'Happy team'];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE.map((h) => h.text)) },
);
const TEAM_CHOICES = ['Sales', 'IT', 'HR', 'Marketing', '=1+1', '@SUM(1,2)', '<b>Ops</b>', 'Grow 🚀', '\u202Eevil', '-2+3'];

function rememberIds(model: Model, ids: readonly string[]) {
  for (const id of ids) {
    if (model.usedIds.has(id)) fail(model, `the id ${id} was given out a second time`);
    model.usedIds.add(id);
  }
}

export class SetUpCycle implements AddonCommand {
  constructor(readonly teams: string[], readonly badFirst: boolean) {}
  check = () => true;
  toString = () => `setUpCycle(${JSON.stringify(this.teams)}${this.badFirst ? ', bad answer first' : ''})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      if (this.badFirst) world.h.ui.queuePrompt('Summer; Sales');
      world.h.ui.queuePrompt(`Q4 2026; ${this.teams.join(', ')}`);
      const hadRegister = Boolean(world.sheet(names(model).register));
      const blocked = hadRegister || Boolean(world.sheet(names(model).settings) || world.sheet(names(model).tactics));
      const { alerts, toasts } = menu(model, world, 'menuSetUpCycle');
      if (blocked) {
        if (!alerts.length) fail(model, 'set-up over existing sheets said nothing');
        return;
      }
      if (!toasts.length && !alerts.length) fail(model, 'set-up said nothing');
      if (world.sheet(names(model).register)) {
        model.register = names(model).register;
        model.settings = model.tactics = true;
        model.teams = world.call('sidebarBootstrap').ok ? (world.call('sidebarBootstrap') as any).value.teams : [];
        for (const team of model.teams) if (world.sheet(names(model).settings)!.getRange('D2:D101').getFormulas().flat().some(Boolean)) fail(model, `team ${show(team)} became a formula`);
      }
    });
  }
}

interface KrSpec {
  title: string;
  kind: 'increase' | 'decrease' | 'maintain' | 'milestone' | 'baseline';
  current: number | null;
}

const krSpec = fc.record({
  title: text,
  kind: fc.constantFrom('increase', 'decrease', 'maintain', 'milestone', 'baseline') as fc.Arbitrary<KrSpec['kind']>,
  current: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
});

const RANGE: Record<KrSpec['kind'], [number | null, number | null]> = {
  increase: [0, 100],
  decrease: [100, 10],
  maintain: [90, 95],
  milestone: [0, 1],
  baseline: [null, null],
};

function krDraft(spec: KrSpec) {
  const [start, target] = RANGE[spec.kind];
  return { title: spec.title, kind: spec.kind, start, target, current: spec.current, unit: '', weight: 1 };
}

/** What saving a draft must do to the model (after the server said ok). */
function recordSaved(model: Model, world: World, draft: any, result: any, before?: any) {
  const id = result.objectiveId as string;
  const title = stored(draft.title).trim();
  const previous = model.objectives.get(id);
  const krs = new Set<string>(result.keyResultIds);
  const fresh = result.keyResultIds.filter((kr: string) => !previous?.krs.has(kr));
  rememberIds(model, fresh);
  if (!previous) rememberIds(model, [id]);
  for (const kr of previous?.krs ?? []) if (!krs.has(kr)) model.krCells.delete(kr);
  draft.keyResults.forEach((kr: any, i: number) => {
    const krId = result.keyResultIds[i];
    const cells = model.krCells.get(krId) ?? new Map<number, Cell>();
    const put = (column: number, value: unknown) => cells.set(column, { formula: '', value: value ?? '' });
    put(REGISTER_COLUMN.objective, title);
    put(REGISTER_COLUMN.team, draft.team.trim());
    put(REGISTER_COLUMN.keyResult, stored(kr.title).trim());
    put(REGISTER_COLUMN.start, kr.start);
    put(REGISTER_COLUMN.target, kr.target);
    const known = before?.keyResults.find((k: any) => k.id === krId);
    if (!known || kr.current !== known.currentAsLoaded) put(REGISTER_COLUMN.current, kr.current);
    model.krCells.set(krId, cells);
  });
  const tactics = new Set<string>(result.tacticIds);
  rememberIds(model, result.tacticIds.filter((t: string) => !previous?.tactics.has(t)));
  for (const t of previous?.tactics ?? []) if (!tactics.has(t)) model.tacticText.delete(t);
  draft.tactics.forEach((tactic: any, i: number) => model.tacticText.set(result.tacticIds[i], stored(tactic.principle).trim()));
  if (draft.tactics.length) model.tactics = Boolean(world.sheet(names(model).tactics));
  if (result.tacticIds.length !== draft.tactics.length) fail(model, `${draft.tactics.length} tactic(s) saved, ${result.tacticIds.length} written`);
  model.objectives.set(id, { krs, tactics });
}

/** A refused save must say why, field by field, and change nothing. */
function checkRefused(model: Model, draft: any, result: any) {
  if (!Array.isArray(result.errors) || !result.errors.length) fail(model, `a refused save gave no field errors: ${show(result)}`);
  const title = stored(draft.title).trim();
  if (title.length > 500 && !result.errors.some((e: any) => e.path === 'title' && e.code === 'too_long'))
    fail(model, `a ${title.length}-character title gave ${show(result.errors)}, not "too long"`);
  if (!title && !result.errors.some((e: any) => e.path === 'title' && e.code === 'empty')) fail(model, `an empty title gave ${show(result.errors)}`);
}

export class SaveNewObjective implements AddonCommand {
  constructor(
    readonly team: number | string,
    readonly title: string,
    readonly krs: KrSpec[],
    readonly tactics: string[],
  ) {}
  check = () => true;
  toString = () => `saveNewObjective(${show(this.team)}, ${show(this.title)}, ${show(this.krs)}, ${show(this.tactics)})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const team = typeof this.team === 'number' ? model.teams[this.team % Math.max(1, model.teams.length)] ?? 'Sales' : this.team;
      const draft = { team, title: this.title, goalType: 'roofshot', keyResults: this.krs.map(krDraft), tactics: this.tactics.map((principle) => ({ principle })) };
      const result = sidebar(model, world, 'sidebarSaveObjective', draft);
      if (!result.ok) {
        if (model.register) fail(model, `saving failed although there is a register: ${result.message}`);
        return;
      }
      if (!result.value.ok) return checkRefused(model, draft, result.value);
      if (!model.register) fail(model, 'saved without a register');
      recordSaved(model, world, { ...draft, team: String(team) }, result.value);
    });
  }
}

export class EditObjective implements AddonCommand {
  constructor(
    readonly pick: number,
    readonly title: string | null,
    readonly current: { kr: number; value: number } | null,
    readonly drop: boolean,
    readonly add: KrSpec | null,
    readonly tactic: string | null,
  ) {}
  check = (m: Readonly<Model>) => m.objectives.size > 0 && m.register !== null;
  toString = () => `editObjective(#${this.pick}, title ${show(this.title)}, current ${show(this.current)}, drop ${this.drop}, add ${show(this.add)}, tactic ${show(this.tactic)})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const ids = [...model.objectives.keys()];
      const id = ids[this.pick % ids.length];
      const loaded = sidebar(model, world, 'sidebarLoadObjective', id);
      if (!loaded.ok) fail(model, `could not load ${id}: ${loaded.message}`);
      const before = loaded.value;
      const draft = JSON.parse(JSON.stringify(before));
      if (this.title !== null) draft.title = this.title;
      if (this.current && draft.keyResults.length) draft.keyResults[this.current.kr % draft.keyResults.length].current = this.current.value;
      if (this.drop && draft.keyResults.length > 1) draft.keyResults.pop();
      if (this.add) draft.keyResults.push(krDraft(this.add));
      if (this.tactic !== null) draft.tactics.push({ principle: this.tactic });
      const result = sidebar(model, world, 'sidebarSaveObjective', draft);
      if (!result.ok) fail(model, `saving ${id} failed: ${result.message}`);
      if (!result.value.ok) {
        // A KR typed by hand may not pass the sidebar's rules (that is the person's to fix, with the field errors shown).
        return checkRefused(model, { ...draft, title: draft.title }, { errors: result.value.errors.length ? result.value.errors : [] });
      }
      recordSaved(model, world, draft, result.value, before);
    });
  }
}

class DeleteObjective implements AddonCommand {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.objectives.size > 0 && m.register !== null;
  toString = () => `deleteObjective(#${this.pick})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const ids = [...model.objectives.keys()];
      const id = ids[this.pick % ids.length];
      const result = sidebar(model, world, 'sidebarDeleteObjective', id);
      if (!result.ok || !result.value.ok) fail(model, `deleting ${id} failed: ${show(result)}`);
      const objective = model.objectives.get(id)!;
      for (const kr of objective.krs) model.krCells.delete(kr);
      if (model.tactics) for (const t of objective.tactics) model.tacticText.delete(t);
      model.objectives.delete(id);
    });
  }
}

/** A person types into the register: current value, confidence or unit of a KR. */
export class TypeIntoRegister implements AddonCommand {
  constructor(
    readonly pick: number,
    readonly column: 'current' | 'confidence' | 'unit',
    readonly input: string | number,
  ) {}
  check = (m: Readonly<Model>) => m.krCells.size > 0 && m.register !== null;
  toString = () => `typeIntoRegister(#${this.pick}, ${this.column}, ${show(this.input)})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const krIds = [...model.krCells.keys()];
      const krId = krIds[this.pick % krIds.length];
      const sheet = world.sheet(model.register!)!;
      const row = krRows(sheetValues(world, model.register!).values).get(krId)![0] + 1;
      const column = REGISTER_COLUMN[this.column];
      sheet.getRange(row, column).setValue(this.input);
      model.krCells.get(krId)!.set(column, cellOf(world, model.register!, row, column));
    });
  }
}

class InsertRegisterRow implements AddonCommand {
  constructor(readonly at: number) {}
  check = (m: Readonly<Model>) => m.register !== null;
  toString = () => `insertRegisterRow(${this.at})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const sheet = world.sheet(model.register!)!;
      sheet.insertRowsBefore(2 + (this.at % Math.max(1, sheet.getLastRow())), 1);
    });
  }
}

function atWeek(world: World, week: number) {
  world.setNow(WEEKS[week % WEEKS.length].day);
}

export class GenerateWeekly implements AddonCommand {
  constructor(readonly week: number) {}
  check = () => true;
  toString = () => `generateWeekly(${WEEKS[this.week].week})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      atWeek(world, this.week);
      const before = new Set(world.h.spreadsheet.getSheets().map((s) => s.getName()));
      const { alerts, toasts } = menu(model, world, 'menuNewWeekly');
      if (!model.register) {
        if (!alerts.length) fail(model, 'a weekly without a register said nothing');
        return;
      }
      if (!alerts.length && !toasts.length) fail(model, 'generating a weekly said nothing');
      const name = world.h.spreadsheet.getActiveSheet().getName();
      if (!before.has(name)) model.weeklies.set(name, { week: WEEKS[this.week].week, cells: [] });
      const weekly = model.weeklies.get(name);
      if (!weekly) fail(model, `the weekly went into "${name}", a sheet that was not a weekly`);
      for (const cell of weekly.cells) if (cell.key.startsWith('kr:') && !model.krCells.has(cell.key.slice(3))) cell.kept = true;
    }, false);
  }
}

/** A person types into a weekly: new value, confidence or note of a KR row. */
export class TypeIntoWeekly implements AddonCommand {
  constructor(
    readonly pick: number,
    readonly row: number,
    readonly column: WeeklyInputColumn,
    readonly input: string | number,
  ) {}
  check = (m: Readonly<Model>) => m.weeklies.size > 0;
  toString = () => `typeIntoWeekly(#${this.pick}, row #${this.row}, column ${this.column}, ${show(this.input)})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const names = [...model.weeklies.keys()];
      const name = names[this.pick % names.length];
      const weekly = model.weeklies.get(name)!;
      const values = sheetValues(world, name).values;
      const rows = values.map((line, i) => ({ key: textOf(line[WEEKLY_COLUMN.key - 1]), i })).filter(({ key }) => key.startsWith('kr:'));
      if (!rows.length) return;
      const { key, i } = rows[this.row % rows.length];
      world.sheet(name)!.getRange(i + 1, this.column).setValue(this.input);
      const cell = cellOf(world, name, i + 1, this.column);
      // A typed formula counts with what it shows (constant formulas here): apply logs that value.
      if (cell.formula) cell.value = world.sheet(name)!.getRange(i + 1, this.column).getValue();
      weekly.cells = weekly.cells.filter((c) => !(c.key === key && c.column === this.column));
      if (cell.formula || cell.value !== '') weekly.cells.push({ ...cell, key, column: this.column, kept: false });
    }, false);
  }
}

/** The Archive sheet's links to archived sheets: a sheet id and its name as one quoted string literal (inert). */
function isOwnLink(formula: string): boolean {
  return /^=HYPERLINK\("#gid=\d+","(?:[^"]|"")*"\)$/.test(formula);
}

/** What applying `name` must do, from the model: log each valid new KR entry once, copy it into the register. */
function modelApply(model: Model, name: string) {
  const weekly = model.weeklies.get(name);
  if (!weekly || !model.register) return;
  const entries = new Map<string, Record<number, unknown>>();
  for (const cell of weekly.cells) {
    if (cell.kept || !cell.key.startsWith('kr:')) continue;
    const krId = cell.key.slice(3);
    entries.set(krId, { ...entries.get(krId), [cell.column]: cell.value });
  }
  const blank = (v: unknown) => v === '' || v === undefined || v === null;
  for (const [krId, entry] of entries) {
    const [rawValue, rawConfidence, rawNote] = [entry[WEEKLY_COLUMN.input], entry[WEEKLY_COLUMN.second], entry[WEEKLY_COLUMN.note]];
    const note = textOf(rawNote);
    if (blank(rawValue) && blank(rawConfidence) && !note) continue;
    const value = blank(rawValue) ? null : numberOf(rawValue);
    if (!blank(rawValue) && value === null) continue;
    const confidence = blank(rawConfidence) ? null : numberOf(rawConfidence);
    if (!blank(rawConfidence) && (confidence === null || !Number.isInteger(confidence) || confidence < 0 || confidence > 10)) continue;
    if (note.length > 5000) continue;
    if (!model.krCells.has(krId)) continue;
    const key = `${weekly.week}|${krId}`;
    if (model.logged.has(key)) continue;
    model.logged.set(key, { value, confidence, note });
    const cells = model.krCells.get(krId)!;
    if (value !== null) cells.set(REGISTER_COLUMN.current, { formula: '', value });
    if (confidence !== null) cells.set(REGISTER_COLUMN.confidence, { formula: '', value: confidence });
  }
}

export class ApplyCheckIn implements AddonCommand {
  constructor(
    readonly week: number,
    readonly onWeekly: number | null,
    readonly how: 'once' | 'twice' | 'interleaved',
  ) {}
  check = () => true;
  toString = () => `applyCheckIn(${WEEKS[this.week].week}, on weekly #${this.onWeekly}, ${this.how})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      atWeek(world, this.week);
      const weeklies = [...model.weeklies.keys()];
      if (this.onWeekly !== null && weeklies.length) world.h.spreadsheet.setActiveSheet(world.sheet(weeklies[this.onWeekly % weeklies.length])!);
      else world.h.spreadsheet.setActiveSheet(world.h.spreadsheet.getSheets()[0]);
      const active = world.h.spreadsheet.getActiveSheet().getName();
      const target = /^Weekly \d{4}-W\d{2}(?: \(\d+\))?$/.test(active) ? active : `Weekly ${WEEKS[this.week].week}`;
      const apply = (user?: string) => {
        world.h.spreadsheet.setActiveSheet(world.sheet(active)!);
        const { alerts, toasts } = menu(model, world, 'menuApplyCheckIn', user);
        if (!alerts.length && !toasts.length) fail(model, 'applying said nothing');
        if (world.sheet(target)) modelApply(model, target);
      };
      if (this.how === 'interleaved') {
        world.h.holdLock('document', 'user-b');
        const { alerts } = menu(model, world, 'menuApplyCheckIn');
        if (!alerts.some((a) => /Someone else|jemand anderes/.test(a))) fail(model, `a held lock did not say so: ${show(alerts)}`);
        world.h.releaseLock('document');
        apply('user-b');
        apply();
      } else {
        apply();
        if (this.how === 'twice') apply();
      }
    });
  }
}

export class GenerateEventSheet implements AddonCommand {
  constructor(readonly which: 'menuNewReview' | 'menuNewRetrospective') {}
  check = () => true;
  toString = () => `${this.which}()`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const before = new Set(world.h.spreadsheet.getSheets().map((s) => s.getName()));
      const { alerts, toasts } = menu(model, world, this.which);
      if (!alerts.length && !toasts.length) fail(model, `${this.which} said nothing`);
      for (const sheet of world.h.spreadsheet.getSheets())
        if (!before.has(sheet.getName())) {
          model.freeTextSheets.add(sheet.getName());
          model.frozen.set(sheet.getName(), new Map());
        }
    }, false);
  }
}

/** A person types into a yellow cell of a review or retrospective. */
export class TypeFreeText implements AddonCommand {
  constructor(
    readonly pick: number,
    readonly cell: number,
    readonly input: string,
  ) {}
  check = (m: Readonly<Model>) => [...m.freeTextSheets].some((n) => m.frozen.has(n));
  toString = () => `typeFreeText(#${this.pick}, cell #${this.cell}, ${show(this.input)})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const sheets = [...model.freeTextSheets].filter((n) => model.frozen.has(n));
      const name = sheets[this.pick % sheets.length];
      const backgrounds = world.sheet(name)!.getDataRange().getBackgrounds();
      const inputs: [number, number][] = [];
      backgrounds.forEach((line, r) => line.forEach((bg, c) => bg === INPUT_BACKGROUND && inputs.push([r + 1, c + 1])));
      if (!inputs.length) return;
      const [row, column] = inputs[this.cell % inputs.length];
      world.sheet(name)!.getRange(row, column).setValue(this.input);
      model.frozen.get(name)!.set(`${row}:${column}`, cellOf(world, name, row, column));
    }, false);
  }
}

/** Every cell the model follows in a sheet, by position now: for a sheet the add-on will not write any more. */
function freeze(model: Model, world: World, name: string): Map<string, Cell> {
  const cells = model.frozen.get(name) ?? new Map<string, Cell>();
  const { values } = sheetValues(world, name);
  if (name === model.register) {
    const rows = krRows(values);
    // The register's rule goes with its cells: text a sidebar save wrote back trimmed stays trimmed (found by the soak, seed 12001).
    for (const [krId, krCells] of model.krCells) for (const [column, cell] of krCells) cells.set(`${rows.get(krId)![0] + 1}:${column}`, { ...cell, loose: true });
  }
  const weekly = model.weeklies.get(name);
  if (weekly) for (const cell of weekly.cells) cells.set(`${weeklyRowOf(values, cell.key) + 1}:${cell.column}`, { formula: cell.formula, value: cell.value });
  return cells;
}

function generatedSheets(model: Model): string[] {
  return [
    ...(model.register ? [model.register] : []),
    ...model.weeklies.keys(),
    ...model.frozen.keys(),
  ];
}

export class RenameSheet implements AddonCommand {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => generatedSheets(m as Model).length > 0;
  toString = () => `renameSheet(#${this.pick})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const all = generatedSheets(model);
      const name = all[this.pick % all.length];
      let next = `${name} (renamed)`;
      for (let n = 2; world.sheet(next); n++) next = `${name} (renamed ${n})`;
      const cells = freeze(model, world, name);
      world.sheet(name)!.setName(next);
      model.frozen.delete(name);
      model.frozen.set(next, cells);
      if (model.freeTextSheets.delete(name)) model.freeTextSheets.add(next);
      if (name === model.register) {
        model.register = null;
        model.krCells.clear();
        model.objectives.clear();
      }
      model.weeklies.delete(name);
    }, false);
  }
}

export class DeleteSheet implements AddonCommand {
  constructor(readonly pick: number) {}
  check = () => true;
  toString = () => `deleteSheet(#${this.pick})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const n = names(model);
      const all = [...generatedSheets(model), n.settings, n.tactics, n.checkInLog].filter((name) => world.sheet(name));
      // Sheets never lets a person delete the last sheet of a spreadsheet.
      if (!all.length || world.h.spreadsheet.getSheets().length < 2) return;
      const name = all[this.pick % all.length];
      world.h.spreadsheet.deleteSheet(world.sheet(name)!);
      model.frozen.delete(name);
      model.freeTextSheets.delete(name);
      model.weeklies.delete(name);
      if (name === model.register) {
        model.register = null;
        model.krCells.clear();
        model.objectives.clear();
      }
      if (name === n.settings) model.settings = false;
      if (name === n.tactics) {
        model.tactics = false;
        model.tacticText.clear();
      }
      if (name === n.checkInLog) {
        model.logged.clear();
        model.lastLog = [];
      }
    }, false);
  }
}

/** The register columns the model follows for a KR (what the sidebar saves and people type). */
const FOLLOWED = ['objective', 'team', 'keyResult', 'start', 'target', 'current', 'confidence', 'unit'] as const;

/**
 * "Start next cycle", answered Yes or No. Yes (where a cycle can end): every sheet of the old cycle is kept
 * under an archive name with everything people typed in it (checked from then on like a renamed sheet), the
 * archived Check-in log keeps every row, and the new cycle's register, Tactics and log are what the model
 * follows next. No, or no cycle to end: nothing changes, and the person is told why where it cannot be done.
 */
export class StartNextCycle implements AddonCommand {
  constructor(readonly answer: 'YES' | 'NO') {}
  check = () => true;
  toString = () => `startNextCycle(${this.answer})`;
  run(model: Model, world: World) {
    step(model, world, this.toString(), () => {
      const n = names(model);
      const sheetNames = () => world.h.spreadsheet.getSheets().map((sheet) => sheet.getName());
      const before = new Set(sheetNames());
      const frozen = new Map<string, Map<string, Cell>>();
      for (const name of generatedSheets(model)) if (world.sheet(name)) frozen.set(name, freeze(model, world, name));
      const oldLog = world.sheet(n.checkInLog) ? logLines(world, n.checkInLog) : [];
      world.h.ui.queueResponse(this.answer);
      const { alerts, toasts } = menu(model, world, 'menuStartNextCycle');
      world.h.ui.clearQueues();
      const after = sheetNames();
      const added = after.filter((name) => !before.has(name));
      const canEnd = Boolean(model.register && world.sheet(model.register) && before.has(n.settings));
      if (!added.length && after.length === before.size) {
        if (canEnd && this.answer === 'YES') fail(model, `the next cycle did not start: ${show([...alerts, ...toasts])}`);
        if (!canEnd && !alerts.length) fail(model, 'next cycle without a cycle said nothing');
        return;
      }
      if (!canEnd || this.answer === 'NO') fail(model, `the next cycle changed the sheets although ${canEnd ? 'No was answered' : 'there was no cycle'}`);
      if (!toasts.length) fail(model, 'the next cycle started without saying so');
      // Where each sheet went: an archive name "<name> (<cycle>)", or its own (review, retrospective, sheets renamed by people).
      const archived = (name: string) => added.find((a) => a.startsWith(`${name} (`) && a.endsWith(')')) ?? name;
      for (const [name, cells] of frozen) {
        const to = archived(name);
        if (!world.sheet(to)) fail(model, `"${name}" is gone after the next cycle started`);
        model.frozen.delete(name);
        model.frozen.set(to, cells);
        if (model.freeTextSheets.delete(name)) model.freeTextSheets.add(to);
      }
      if (oldLog.length) {
        const to = archived(n.checkInLog);
        const kept = world.sheet(to) ? logLines(world, to) : [];
        if (to === n.checkInLog || oldLog.some((line, i) => kept[i] !== line)) fail(model, `the archived Check-in log "${to}" lost or changed rows`);
      }
      model.weeklies.clear();
      model.logged.clear();
      model.lastLog = [];
      // The new cycle as the add-on made it: its register rows and tactics are what people go on from.
      model.register = world.sheet(n.register) ? n.register : null;
      model.settings = Boolean(world.sheet(n.settings));
      model.krCells.clear();
      model.objectives.clear();
      model.tacticText.clear();
      model.tactics = Boolean(world.sheet(n.tactics));
      const tacticsOf = new Map<string, Set<string>>();
      if (model.tactics)
        for (const line of sheetValues(world, n.tactics).values.slice(1)) {
          const id = textOf(line[TACTIC_COLUMN.id - 1]);
          if (!id) continue;
          model.tacticText.set(id, line[TACTIC_COLUMN.principle - 1] as string);
          const objective = textOf(line[TACTIC_COLUMN.objectiveId - 1]);
          tacticsOf.set(objective, (tacticsOf.get(objective) ?? new Set()).add(id));
          model.usedIds.add(id);
        }
      if (model.register) {
        const { values } = sheetValues(world, model.register);
        for (const [krId, [i]] of krRows(values)) {
          const cells = new Map<number, Cell>();
          for (const key of FOLLOWED) cells.set(REGISTER_COLUMN[key], cellOf(world, model.register, i + 1, REGISTER_COLUMN[key]));
          model.krCells.set(krId, cells);
          const objective = textOf(values[i][REGISTER_COLUMN.objectiveId - 1]);
          const entry = model.objectives.get(objective) ?? { krs: new Set<string>(), tactics: tacticsOf.get(objective) ?? new Set<string>() };
          model.objectives.set(objective, { ...entry, krs: entry.krs.add(krId) });
          model.usedIds.add(krId).add(objective);
        }
      }
    });
  }
}

// ---------------------------------------------------------------- the command list

const week = fc.integer({ min: 0, max: WEEKS.length - 1 });
const pick = fc.nat({ max: 50 });
const registerInput = (column: 'current' | 'confidence' | 'unit'): fc.Arbitrary<string | number> =>
  column === 'current'
    ? fc.oneof(fc.integer({ min: 0, max: 150 }), fc.constantFrom('about 40', '=40+2', '12,5', "'=HYPERLINK(\"http://x\",\"y\")", '7'), text.map((t) => `'${t}`))
    : column === 'confidence'
      ? fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 10 }) }, { weight: 1, arbitrary: fc.constantFrom('high', '=2*4') })
      : fc.oneof(fc.constantFrom('EUR', '%', 'customers'), text.map((t) => `'${t}`));
/** The weekly's input columns: new value, confidence, note. */
export type WeeklyInputColumn = typeof WEEKLY_COLUMN.input | typeof WEEKLY_COLUMN.second | typeof WEEKLY_COLUMN.note;

const weeklyInput = (column: WeeklyInputColumn): fc.Arbitrary<string | number> =>
  column === WEEKLY_COLUMN.input
    ? fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 150 }) }, { weight: 1, arbitrary: fc.constantFrom('n/a', '12,5', "'=1+1", '=40+2') })
    : column === WEEKLY_COLUMN.second
      ? fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 10 }) }, { weight: 1, arbitrary: fc.constantFrom(11, 'high', 7.5, '=3+4') })
      : fc.oneof(text.map((t) => `'${t}`), fc.constant(`'${'x'.repeat(5001)}`), fc.constant('="seen "&"today"'));

/**
 * Every action a person can take, as arbitraries of commands. To add one
 * (Import): append `fc.record(...).map((p) => new YourCommand(...))`.
 */
export const COMMANDS: fc.Arbitrary<AddonCommand>[] = [
  fc.constantFrom('YES' as const, 'NO' as const).map((answer) => new StartNextCycle(answer)),
  fc
    .record({ teams: fc.uniqueArray(fc.constantFrom(...TEAM_CHOICES), { minLength: 1, maxLength: 4 }), bad: fc.boolean() })
    .map(({ teams, bad }) => new SetUpCycle(teams, bad)),
  fc
    .record({
      team: fc.oneof({ weight: 9, arbitrary: pick }, { weight: 1, arbitrary: fc.constantFrom('Nobody', '=1+1 team') }),
      title: text,
      krs: fc.array(krSpec, { minLength: 1, maxLength: 4 }),
      tactics: fc.array(text, { maxLength: 2 }),
    })
    .map((p) => new SaveNewObjective(p.team, p.title, p.krs, p.tactics)),
  fc
    .record({
      pick,
      title: fc.option(text, { nil: null }),
      current: fc.option(fc.record({ kr: pick, value: fc.integer({ min: 0, max: 150 }) }), { nil: null }),
      drop: fc.boolean(),
      add: fc.option(krSpec, { nil: null }),
      tactic: fc.option(text, { nil: null, freq: 3 }),
    })
    .map((p) => new EditObjective(p.pick, p.title, p.current, p.drop, p.add, p.tactic)),
  pick.map((p) => new DeleteObjective(p)),
  fc
    .record({ pick, column: fc.constantFrom('current', 'confidence', 'unit') as fc.Arbitrary<'current' | 'confidence' | 'unit'> })
    .chain((p) => registerInput(p.column).map((input) => new TypeIntoRegister(p.pick, p.column, input))),
  pick.map((p) => new InsertRegisterRow(p)),
  week.map((w) => new GenerateWeekly(w)),
  fc
    .record({ pick, row: pick, column: fc.constantFrom<WeeklyInputColumn>(WEEKLY_COLUMN.input, WEEKLY_COLUMN.input, WEEKLY_COLUMN.second, WEEKLY_COLUMN.note) })
    .chain((p) => weeklyInput(p.column).map((input) => new TypeIntoWeekly(p.pick, p.row, p.column, input))),
  fc
    .record({ week, onWeekly: fc.option(pick, { nil: null }), how: fc.constantFrom('once', 'once', 'twice', 'interleaved') as fc.Arbitrary<'once' | 'twice' | 'interleaved'> })
    .map((p) => new ApplyCheckIn(p.week, p.onWeekly, p.how)),
  fc.constantFrom('menuNewReview', 'menuNewRetrospective').map((w) => new GenerateEventSheet(w as 'menuNewReview')),
  fc.record({ pick, cell: fc.nat({ max: 200 }), input: text.map((t) => `'${t}`) }).map((p) => new TypeFreeText(p.pick, p.cell, p.input)),
  pick.map((p) => new RenameSheet(p)),
  pick.map((p) => new DeleteSheet(p)),
];

/** A whole scenario: the language, whether it starts with a set-up, and the commands. */
export function scenario(maxCommands = 30) {
  return fc.record({
    lang: fc.constantFrom('en', 'en', 'de') as fc.Arbitrary<'en' | 'de'>,
    setUpFirst: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    commands: fc.commands(COMMANDS, { maxCommands, size: 'max' }),
  });
}

export interface RunStats {
  runs: number;
  longest: number;
  /** Called after every sequence (the soak prints progress with it). */
  onRun?: (stats: RunStats) => void;
}

/** The property: runs one scenario against a fresh world. */
export function property(stats: RunStats = { runs: 0, longest: 0 }, maxCommands = 30) {
  return fc.property(scenario(maxCommands), ({ lang, setUpFirst, commands }) => {
    const world = createWorld(lang);
    const model = initialModel(lang);
    stats.runs++;
    const all = setUpFirst ? [new SetUpCycle(lang === 'de' ? ['Vertrieb', 'IT'] : ['Sales', 'IT'], false), ...commands] : [...commands];
    fc.modelRun(() => ({ model, real: world }), all);
    checkInvariants(model, world, true);
    stats.longest = Math.max(stats.longest, model.steps.length);
    stats.onRun?.(stats);
  });
}
