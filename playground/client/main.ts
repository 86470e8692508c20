/**
 * The playground page: tabs with a grid per sheet, the add-on menu, the
 * sidebar, dialogs and toasts. Cell content is only ever set with
 * textContent / value / title: nothing from the workbook is parsed as HTML.
 *
 * The grid behaves like Sheets': the sheet's column widths and row heights,
 * wrapping, text running into empty neighbours, merges, frozen rows and
 * columns, hidden rows and columns; the keyboard (arrows, Shift+arrows,
 * Ctrl+arrows, Tab, Enter, Escape, F2, Delete, Ctrl+C / Ctrl+V of a range).
 *
 * Typing never races the server: the focus lives in one editor element
 * (`#cell-editor`) laid over the active cell, which the grid's redraws never
 * touch, and every edit is queued with the cell it belongs to and sent one
 * after the other. A redraw keeps the selection and an edit in progress.
 */
import type { GridView, MenuAnswer, MenuOutcome, StateView } from '../session';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const lang = document.documentElement.lang === 'de' ? 'de' : 'en';
const T = {
  en: { menu: 'Extensions › OKR for Sheets', export: 'Download .xlsx', ok: 'OK', cancel: 'Cancel', yes: 'Yes', no: 'No', busy: 'Working…', saved: 'Saved', saving: 'Saving…', title: 'OKR for Sheets — playground (no Google account: the add-on runs on an in-memory workbook)', confirm: 'Continue', error: 'Error', close: 'Close sidebar', loading: 'Loading' },
  de: { menu: 'Erweiterungen › OKR for Sheets', export: '.xlsx herunterladen', ok: 'OK', cancel: 'Abbrechen', yes: 'Ja', no: 'Nein', busy: 'Läuft…', saved: 'Gespeichert', saving: 'Wird gespeichert…', title: 'OKR for Sheets — Spielwiese (ohne Google-Konto: das Add-on läuft auf einer Arbeitsmappe im Speicher)', confirm: 'Fortfahren', error: 'Fehler', close: 'Seitenleiste schließen', loading: 'Wird geladen' },
}[lang];

const ROW_HEIGHT = 21;
const HEADER_WIDTH = 46;

let state: StateView;
let current = '';
let grid: GridView | null = null;
/** The selection: the active cell (ar, ac) and the opposite corner (fr, fc) of the selected range. */
let sel = { ar: 1, ac: 1, fr: 1, fc: 1 };
/** Where a run of Tabs started: Enter goes back to this column in the next row, as in Sheets. */
let tabStart: number | null = null;
let sidebarSeq = -1;
let sidebarClosedSeq = -1;
/** The cell being edited: 'enter' (typed over: arrows commit and move) or 'edit' (F2, Enter, double-click: arrows move the caret). */
let editing: { sheet: string; r: number; c: number; mode: 'enter' | 'edit' } | null = null;
/** What Ctrl+C put on the clipboard, with the cells' inputs, so a paste inside the playground carries formulas. */
let clipboard: { text: string; inputs: string[][]; row: number; col: number } | null = null;

// Visible rows and columns of the sheet on show, and merges by cell.
let visRows: number[] = [];
let visCols: number[] = [];
let mergeAt = new Map<string, { r1: number; c1: number; r2: number; c2: number }>();

const editor = () => $<HTMLInputElement>('cell-editor');
const bar = () => $<HTMLInputElement>('formula-input');

async function api<R>(path: string, body?: unknown): Promise<R> {
  const response = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const value = await response.json();
  if (!response.ok) throw new Error(value?.error ?? response.statusText);
  return value as R;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const colName = (c: number) => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const a1 = (r: number, c: number) => `${colName(c)}${r}`;
const tdAt = (r: number, c: number) => document.querySelector<HTMLTableCellElement>(`#grid td[data-a1="${a1(r, c)}"]`);

function status(text: string): void {
  $('status').textContent = text;
}

// --- dialogs and toasts -------------------------------------------------------

type Button = { label: string; value: string };

function dialog(title: string, text: string, buttons: Button[], withInput = false): Promise<{ button: string; text: string }> {
  const d = $<HTMLDialogElement>('dialog');
  $('dialog-title').textContent = title;
  $('dialog-text').textContent = text;
  const input = $<HTMLInputElement>('dialog-input');
  input.hidden = !withInput;
  input.value = '';
  const menu = $('dialog-buttons');
  menu.replaceChildren(
    ...buttons.map((b, i) => {
      const button = el('button', b.label);
      button.value = b.value;
      if (i === 0) button.setAttribute('autofocus', '');
      return button;
    }),
  );
  return new Promise((resolve) => {
    d.addEventListener(
      'close',
      () => {
        resolve({ button: d.returnValue || 'CANCEL', text: input.value });
        focusGrid();
      },
      { once: true },
    );
    d.returnValue = '';
    d.showModal();
    if (withInput) input.focus();
  });
}

function toast(title: string, message: string): void {
  const box = el('div', undefined, 'toast');
  box.append(el('strong', title), el('div', message));
  $('toasts').append(box);
  setTimeout(() => box.remove(), 8000);
}

// --- the edit queue -------------------------------------------------------------

type Job =
  | { kind: 'edit'; sheet: string; r: number; c: number; input: string }
  | { kind: 'paste'; sheet: string; r: number; c: number; rows: string[][]; from?: { row: number; col: number } };

const queue: Job[] = [];
let working = false;
/** Counts finished jobs: a redraw that started before one finished draws again. */
let finished = 0;
let drainedWaiters: (() => void)[] = [];

function enqueue(job: Job): void {
  queue.push(job);
  document.body.dataset.pending = String(queue.length);
  showPending();
  status(T.saving);
  void work();
}

/** Resolves when every queued edit has reached the server (and the grid was redrawn). */
function drained(): Promise<void> {
  return !working && !queue.length ? Promise.resolve() : new Promise((resolve) => drainedWaiters.push(resolve));
}

async function runJob(job: Job, confirmed = false): Promise<void> {
  const outcome =
    job.kind === 'edit'
      ? await api<{ ok: boolean; confirm?: string; rejected?: string }>('/api/edit', { sheet: job.sheet, row: job.r, col: job.c, input: job.input, confirmed })
      : await api<{ ok: boolean; confirm?: string; rejected?: string }>('/api/paste', { sheet: job.sheet, row: job.r, col: job.c, rows: job.rows, from: job.from, confirmed });
  if (outcome.confirm) {
    const answer = await dialog('OKR for Sheets', outcome.confirm, [{ label: T.confirm, value: 'OK' }, { label: T.cancel, value: 'CANCEL' }]);
    if (answer.button === 'OK') return runJob(job, true);
  } else if (outcome.rejected) {
    await dialog(T.error, outcome.rejected, [{ label: T.ok, value: 'OK' }]);
  }
}

async function work(): Promise<void> {
  if (working) return;
  working = true;
  try {
    while (queue.length) {
      try {
        await runJob(queue[0]);
      } catch (error) {
        await dialog(T.error, String((error as Error).message ?? error), [{ label: T.ok, value: 'OK' }]);
      }
      queue.shift();
      finished++;
      document.body.dataset.pending = String(queue.length);
    }
    status(T.saved);
    await refresh();
  } finally {
    working = false;
  }
  if (queue.length) return void work();
  const waiters = drainedWaiters;
  drainedWaiters = [];
  for (const w of waiters) w();
}

/** Queued values show in their cells at once (grey until saved), also across redraws. */
function showPending(): void {
  for (const job of queue) {
    if (job.sheet !== current) continue;
    const cells = job.kind === 'edit' ? [[job.input]] : job.rows;
    cells.forEach((line, i) =>
      line.forEach((input, j) => {
        const td = tdAt(job.r + i, job.c + j);
        if (!td || td.querySelector('select')) return;
        td.textContent = input;
        td.classList.add('pending');
      }),
    );
  }
}

// --- menu ----------------------------------------------------------------------

async function runMenu(functionName: string): Promise<void> {
  commitEdit();
  await drained();
  const answers: MenuAnswer[] = [];
  for (;;) {
    status(T.busy);
    const outcome = await api<MenuOutcome>(`/api/menu/${encodeURIComponent(functionName)}`, { answers });
    if (outcome.prompt) {
      status('');
      const p = outcome.prompt;
      if (p.kind === 'confirm') {
        // A Yes/No (or OK/Cancel) question, as Sheets asks it: buttons only.
        const yesNo = p.buttons.startsWith('YES_NO');
        const buttons = yesNo ? [{ label: T.yes, value: 'YES' }, { label: T.no, value: 'NO' }] : [{ label: T.ok, value: 'OK' }, { label: T.cancel, value: 'CANCEL' }];
        const answer = await dialog(p.title, p.prompt, buttons);
        answers.push({ kind: 'confirm', text: '', button: yesNo ? (answer.button === 'YES' ? 'YES' : 'NO') : answer.button === 'OK' ? 'OK' : 'CANCEL' });
        continue;
      }
      const buttons = p.buttons === 'OK' ? [{ label: T.ok, value: 'OK' }] : [{ label: T.ok, value: 'OK' }, { label: T.cancel, value: 'CANCEL' }];
      const answer = await dialog(p.title, p.prompt, buttons, true);
      answers.push({ kind: 'prompt', text: answer.text, button: answer.button === 'OK' ? 'OK' : 'CANCEL' });
      continue;
    }
    if (outcome.sidebarOpened) sidebarClosedSeq = -1;
    for (const t of outcome.toasts) toast(t.title, t.message);
    for (const a of outcome.alerts) await dialog(a.title, a.message, [{ label: T.ok, value: 'OK' }]);
    status(T.saved);
    await refresh();
    return;
  }
}

function renderMenu(): void {
  const menuBar = $('menubar');
  const wrap = el('div', undefined, 'menu');
  const button = el('button', T.menu, 'menu-button');
  button.id = 'addon-menu';
  button.setAttribute('aria-haspopup', 'true');
  const list = el('ul', undefined, 'menu-list');
  list.hidden = true;
  list.setAttribute('role', 'menu');
  for (const item of state.menu) {
    if (item.separator) {
      list.append(el('li', undefined, 'separator'));
      continue;
    }
    if (!item.functionName) continue;
    const li = el('li');
    const entry = el('button', item.caption ?? item.functionName);
    entry.setAttribute('role', 'menuitem');
    entry.dataset.fn = item.functionName;
    entry.addEventListener('click', () => {
      list.hidden = true;
      void runMenu(item.functionName!).catch((e) => dialog(T.error, String(e.message ?? e), [{ label: T.ok, value: 'OK' }]));
    });
    li.append(entry);
    list.append(li);
  }
  button.addEventListener('click', () => (list.hidden = !list.hidden));
  document.addEventListener('click', (event) => {
    if (!wrap.contains(event.target as Node)) list.hidden = true;
  });
  wrap.append(button, list);
  const exportLink = el('a', T.export, 'menu-button');
  exportLink.id = 'export';
  exportLink.href = '/api/export.xlsx';
  exportLink.setAttribute('download', 'okr-playground.xlsx');
  menuBar.replaceChildren(wrap, exportLink);
}

// --- tabs and grid -------------------------------------------------------------

function renderTabs(): void {
  $('tabs').replaceChildren(
    ...state.sheets
      .filter((s) => !s.hidden)
      .map((s) => {
        const tab = el('button', s.name, s.name === current ? 'tab active' : 'tab');
        tab.dataset.sheet = s.name;
        tab.addEventListener('click', () => {
          commitEdit();
          void openSheet(s.name, true).then(focusGrid);
        });
        return tab;
      }),
  );
}

const key = (r: number, c: number) => `${r},${c}`;
const rangeOf = () => ({ r1: Math.min(sel.ar, sel.fr), c1: Math.min(sel.ac, sel.fc), r2: Math.max(sel.ar, sel.fr), c2: Math.max(sel.ac, sel.fc) });

/** What the formula bar shows for a cell: its formula, its text as typed back ('=text), or its display value. */
function inputOf(r: number, c: number): string {
  if (!grid) return '';
  const k = key(r, c);
  return grid.formulaText[k] ?? grid.input[k] ?? grid.display[r - 1]?.[c - 1] ?? '';
}

function paintSelection(): void {
  document.querySelectorAll('#grid td.selected, #grid td.in-range').forEach((td) => td.classList.remove('selected', 'in-range'));
  document.querySelectorAll('#grid th.sel').forEach((th) => th.classList.remove('sel'));
  if (!grid) return;
  const r = rangeOf();
  if (r.r1 !== r.r2 || r.c1 !== r.c2) {
    for (const row of visRows) {
      if (row < r.r1 || row > r.r2) continue;
      for (const col of visCols) if (col >= r.c1 && col <= r.c2) tdAt(row, col)?.classList.add('in-range');
    }
  }
  tdAt(sel.ar, sel.ac)?.classList.add('selected');
  document.querySelector(`#grid thead th[data-col="${sel.ac}"]`)?.classList.add('sel');
  document.querySelector(`#grid tbody th[data-row="${sel.ar}"]`)?.classList.add('sel');
  $('cell-name').textContent = r.r1 === r.r2 && r.c1 === r.c2 ? a1(sel.ar, sel.ac) : `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;
  if (!editing && document.activeElement !== bar()) bar().value = inputOf(sel.ar, sel.ac);
  placeEditor();
  document.body.dataset.active = a1(sel.ar, sel.ac);
}

/** Selects a cell (a merged cell selects its top-left); `extend` keeps the active cell and moves the range's corner. */
function select(r: number, c: number, extend = false): void {
  const m = mergeAt.get(key(r, c));
  if (m && !extend) [r, c] = [m.r1, m.c1];
  if (extend) sel = { ...sel, fr: r, fc: c };
  else sel = { ar: r, ac: c, fr: r, fc: c };
  paintSelection();
  const td = tdAt(sel.fr, sel.fc) ?? tdAt(r, c);
  td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  if (!extend) void api('/api/activate', { sheet: current, row: sel.ar, col: sel.ac }).catch(() => undefined);
}

/** The next visible row/column from `from` in a direction, leaving a merged cell at its far edge. */
function step(r: number, c: number, dr: number, dc: number): [number, number] {
  const m = mergeAt.get(key(r, c));
  if (m) {
    if (dr > 0) r = m.r2;
    if (dc > 0) c = m.c2;
    if (dr < 0) r = m.r1;
    if (dc < 0) c = m.c1;
  }
  const ri = visRows.indexOf(r);
  const ci = visCols.indexOf(c);
  const nr = visRows[Math.max(0, Math.min(visRows.length - 1, ri + dr))] ?? r;
  const nc = visCols[Math.max(0, Math.min(visCols.length - 1, ci + dc))] ?? c;
  return [nr, nc];
}

const filled = (r: number, c: number) => !!grid && (grid.display[r - 1]?.[c - 1] ?? '') !== '';

/** Ctrl+arrow: to the edge of the block of filled cells, or to the next filled cell, or to the sheet's edge. */
function jump(r: number, c: number, dr: number, dc: number): [number, number] {
  let [nr, nc] = step(r, c, dr, dc);
  if (nr === r && nc === c) return [r, c];
  if (filled(r, c) && filled(nr, nc)) {
    for (;;) {
      const [xr, xc] = step(nr, nc, dr, dc);
      if ((xr === nr && xc === nc) || !filled(xr, xc)) return [nr, nc];
      [nr, nc] = [xr, xc];
    }
  }
  while (!filled(nr, nc)) {
    const [xr, xc] = step(nr, nc, dr, dc);
    if (xr === nr && xc === nc) return [nr, nc];
    [nr, nc] = [xr, xc];
  }
  return [nr, nc];
}

function move(dr: number, dc: number, extend = false, toEdge = false): void {
  const [r, c] = extend ? [sel.fr, sel.fc] : [sel.ar, sel.ac];
  const [nr, nc] = toEdge ? jump(r, c, dr, dc) : step(r, c, dr, dc);
  select(nr, nc, extend);
}

// --- the editor over the active cell --------------------------------------------

function focusGrid(): void {
  if ($<HTMLDialogElement>('dialog').open) return;
  editor().focus({ preventScroll: true });
}

/** Lays the editor over the active cell: visible while editing, an invisible caret-catcher otherwise. */
function placeEditor(): void {
  const input = editor();
  const r = editing ? editing.r : sel.ar;
  const c = editing ? editing.c : sel.ac;
  const td = editing && editing.sheet !== current ? null : tdAt(r, c);
  const wrap = $('grid-wrap');
  if (!td) {
    input.classList.remove('open');
    return;
  }
  const box = td.getBoundingClientRect();
  const outer = wrap.getBoundingClientRect();
  input.style.left = `${box.left - outer.left + wrap.scrollLeft}px`;
  input.style.top = `${box.top - outer.top + wrap.scrollTop}px`;
  input.style.minWidth = `${box.width}px`;
  input.style.height = `${box.height}px`;
  input.classList.toggle('open', !!editing);
  if (editing) input.style.width = `${Math.max(box.width, Math.min(600, input.scrollWidth + 12))}px`;
  else input.style.width = `${box.width}px`;
}

function startEdit(mode: 'enter' | 'edit', initial?: string): void {
  if (!grid) return;
  tabStart = tabStart ?? null;
  editing = { sheet: current, r: sel.ar, c: sel.ac, mode };
  const input = editor();
  if (initial !== undefined) input.value = initial;
  placeEditor();
  focusGrid();
  input.setSelectionRange(input.value.length, input.value.length);
  bar().value = input.value;
}

/** Ends the edit in progress and queues what was typed for its cell. */
function commitEdit(): void {
  if (!editing) return;
  const { sheet, r, c } = editing;
  const value = editor().value;
  editing = null;
  editor().value = '';
  editor().classList.remove('open');
  enqueue({ kind: 'edit', sheet, r, c, input: value });
}

function cancelEdit(): void {
  editing = null;
  editor().value = '';
  editor().classList.remove('open');
  paintSelection();
}

function onEditorKey(event: KeyboardEvent): void {
  const k = event.key;
  if (!grid && !editing) {
    if (k.length > 1) event.preventDefault();
    return;
  }
  if ((event.ctrlKey || event.metaKey) && !editing) {
    if (k.startsWith('Arrow')) {
      event.preventDefault();
      const [dr, dc] = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[k] ?? [0, 0];
      move(dr, dc, event.shiftKey, true);
    }
    return; // Ctrl+C / Ctrl+V / Ctrl+X arrive as copy / paste events
  }
  if (editing) {
    if (k === 'Enter' && !event.altKey) {
      event.preventDefault();
      const back = tabStart;
      commitEdit();
      tabStart = null;
      if (back !== null && !event.shiftKey) sel = { ar: sel.ar, ac: back, fr: sel.ar, fc: back };
      move(event.shiftKey ? -1 : 1, 0);
    } else if (k === 'Tab') {
      event.preventDefault();
      if (tabStart === null) tabStart = sel.ac;
      commitEdit();
      move(0, event.shiftKey ? -1 : 1);
    } else if (k === 'Escape') {
      event.preventDefault();
      cancelEdit();
      bar().value = inputOf(sel.ar, sel.ac);
    } else if (editing.mode === 'enter' && k.startsWith('Arrow')) {
      event.preventDefault();
      commitEdit();
      tabStart = null;
      const [dr, dc] = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[k] ?? [0, 0];
      move(dr, dc);
    } else if (k === 'F2') {
      event.preventDefault();
      editing.mode = 'edit';
    }
    return;
  }
  switch (k) {
    case 'ArrowUp':
    case 'ArrowDown':
    case 'ArrowLeft':
    case 'ArrowRight': {
      event.preventDefault();
      tabStart = null;
      const [dr, dc] = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[k]!;
      move(dr, dc, event.shiftKey);
      return;
    }
    case 'Tab':
      event.preventDefault();
      if (tabStart === null) tabStart = sel.ac;
      move(0, event.shiftKey ? -1 : 1);
      return;
    case 'Enter':
      event.preventDefault();
      if (event.shiftKey) return move(-1, 0);
      startEdit('edit', inputOf(sel.ar, sel.ac));
      return;
    case 'F2':
      event.preventDefault();
      startEdit('edit', inputOf(sel.ar, sel.ac));
      return;
    case 'Delete':
    case 'Backspace': {
      event.preventDefault();
      const r = rangeOf();
      const rows = Array.from({ length: r.r2 - r.r1 + 1 }, () => Array.from({ length: r.c2 - r.c1 + 1 }, () => ''));
      enqueue({ kind: 'paste', sheet: current, r: r.r1, c: r.c1, rows });
      return;
    }
    case 'Escape':
      event.preventDefault();
      return;
  }
  // Any other key types into the editor; its input event starts the edit (nothing typed is lost).
}

function onEditorInput(): void {
  if (!grid) {
    editor().value = ''; // no sheet on screen yet: no cell to type into
    return;
  }
  if (!editing) {
    tabStart = tabStart ?? null;
    editing = { sheet: current, r: sel.ar, c: sel.ac, mode: 'enter' };
  }
  placeEditor();
  bar().value = editor().value;
}

/** Ctrl+C: the selected range as tab-separated display values (and, for the playground, the cells' inputs). */
function onCopy(event: ClipboardEvent): void {
  if (editing || !grid || !event.clipboardData || (event.target as HTMLElement) !== editor()) return;
  const r = rangeOf();
  const inputs: string[][] = [];
  const shown: string[][] = [];
  for (let row = r.r1; row <= r.r2; row++) {
    const line: string[] = [];
    const text: string[] = [];
    for (let col = r.c1; col <= r.c2; col++) {
      line.push(inputOf(row, col));
      text.push(grid.display[row - 1]?.[col - 1] ?? '');
    }
    inputs.push(line);
    shown.push(text);
  }
  const text = shown.map((line) => line.join('\t')).join('\n');
  clipboard = { text, inputs, row: r.r1, col: r.c1 };
  event.clipboardData.setData('text/plain', text);
  event.preventDefault();
}

/** Ctrl+V: a copied range lands with its top-left on the active cell; formulas copied here move along. */
function onPaste(event: ClipboardEvent): void {
  if (editing || !grid || !event.clipboardData || (event.target as HTMLElement) !== editor()) return;
  event.preventDefault();
  const text = event.clipboardData.getData('text/plain');
  if (!text) return;
  const r = rangeOf();
  const ours = clipboard && clipboard.text === text ? clipboard : null;
  const rows = ours ? ours.inputs : text.replace(/\r?\n$/, '').split(/\r?\n/).map((line) => line.split('\t'));
  enqueue({ kind: 'paste', sheet: current, r: r.r1, c: r.c1, rows, from: ours ? { row: ours.row, col: ours.col } : undefined });
  sel = { ar: r.r1, ac: r.c1, fr: r.r1 + rows.length - 1, fc: r.c1 + Math.max(...rows.map((l) => l.length)) - 1 };
  paintSelection();
}

// --- drawing the grid -------------------------------------------------------------

function renderGrid(view: GridView): void {
  grid = view;
  const hiddenCols = new Set(view.hiddenCols);
  const hiddenRows = new Set(view.hiddenRows);
  visRows = [];
  for (let r = 1; r <= view.rows; r++) if (!hiddenRows.has(r)) visRows.push(r);
  visCols = [];
  for (let c = 1; c <= view.cols; c++) if (!hiddenCols.has(c)) visCols.push(c);
  mergeAt = new Map();
  for (const m of view.merges) for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) mergeAt.set(key(r, c), m);
  const width = (c: number) => view.widths[c - 1] ?? 100;

  const table = el('table', undefined, 'sheet');
  table.dataset.sheet = view.name;
  // A fixed layout needs a width: each column then keeps the sheet's width, whatever its text.
  table.style.width = `${HEADER_WIDTH + visCols.reduce((sum, c) => sum + width(c), 0)}px`;
  const colgroup = el('colgroup');
  const headCol = el('col');
  headCol.style.width = `${HEADER_WIDTH}px`;
  colgroup.append(headCol);
  for (const c of visCols) {
    const col = el('col');
    col.style.width = `${width(c)}px`;
    colgroup.append(col);
  }
  table.append(colgroup);
  // Frozen columns stick at the left, one after the other.
  const stickLeft = new Map<number, number>();
  let left = HEADER_WIDTH;
  for (const c of visCols) {
    if (c > view.frozenCols) break;
    stickLeft.set(c, left);
    left += width(c);
  }
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', '', 'corner'));
  for (const c of visCols) {
    const th = el('th', colName(c));
    th.dataset.col = String(c);
    if (hiddenCols.has(c - 1)) th.classList.add('after-hidden');
    if (stickLeft.has(c)) {
      th.classList.add('fc');
      th.style.left = `${stickLeft.get(c)}px`;
    }
    headRow.append(th);
  }
  head.append(headRow);
  table.append(head);

  const body = el('tbody');
  for (const r of visRows) {
    const tr = el('tr');
    tr.style.height = `${view.rowHeights[r] ?? ROW_HEIGHT}px`;
    const frozen = r <= view.frozenRows;
    if (frozen) tr.className = 'frozen';
    if (r === view.frozenRows) tr.classList.add('frozen-last');
    const th = el('th', String(r));
    th.dataset.row = String(r);
    if (hiddenRows.has(r - 1)) th.classList.add('after-hidden');
    tr.append(th);
    const display = view.display[r - 1];
    const bg = view.background[r - 1];
    for (let i = 0; i < visCols.length; i++) {
      const c = visCols[i];
      const k = key(r, c);
      const merge = mergeAt.get(k);
      if (merge && (merge.r1 !== r || merge.c1 !== c)) continue;
      const td = el('td');
      td.dataset.a1 = a1(r, c);
      if (merge) {
        td.colSpan = visCols.filter((x) => x >= merge.c1 && x <= merge.c2).length;
        td.rowSpan = visRows.filter((x) => x >= merge.r1 && x <= merge.r2).length;
        td.classList.add('merged');
      }
      if (stickLeft.has(c)) {
        td.classList.add('fc');
        td.style.left = `${stickLeft.get(c)}px`;
        if (c === view.frozenCols) td.classList.add('fc-last');
      }
      if (bg[c - 1]) td.style.background = bg[c - 1];
      const style = view.style[k];
      const kind = view.kind[k];
      if (kind === 'n') td.classList.add('num');
      if (kind === 'b') td.style.textAlign = 'center';
      if (style) {
        if (style.bold) td.style.fontWeight = 'bold';
        if (style.italic) td.style.fontStyle = 'italic';
        if (style.color) td.style.color = style.color;
        if (style.align) td.style.textAlign = style.align;
        if (style.valign) td.style.verticalAlign = style.valign === 'center' ? 'middle' : style.valign;
        if (style.size) td.style.fontSize = `${Math.round(style.size * 1.333)}px`;
        if (style.wrap) td.classList.add('wrap');
      }
      const note = view.notes[k];
      if (note) {
        td.title = note;
        td.classList.add('noted');
      }
      const shown = display[c - 1];
      const list = view.dropdown[k];
      const points = view.sparkline[k];
      if (points) {
        td.append(sparkline(points, width(c) - 8));
        td.classList.add('sparkline');
      }
      if (list !== undefined) {
        const choices = view.lists[list];
        const dropdown = el('select');
        dropdown.tabIndex = -1;
        dropdown.append(el('option', ''));
        for (const choice of choices) dropdown.append(el('option', choice));
        if (shown && !choices.includes(shown)) dropdown.append(el('option', shown));
        dropdown.value = shown;
        if (!shown) dropdown.className = 'empty';
        dropdown.addEventListener('change', () => {
          enqueue({ kind: 'edit', sheet: view.name, r, c, input: dropdown.value });
          focusGrid();
        });
        td.classList.add('dropdown');
        td.append(dropdown);
      } else if (shown !== '') {
        // Text runs on into empty cells to its right, as in Sheets (numbers, wrapped and aligned text stay in their cell).
        let room = 0;
        if (!style?.wrap && !merge && !kind && !style?.align) {
          for (let j = i + 1; j < visCols.length; j++) {
            const next = visCols[j];
            if ((display[next - 1] ?? '') !== '' || view.dropdown[key(r, next)] !== undefined || mergeAt.has(key(r, next))) break;
            room += width(next);
          }
        }
        if (room > 0) {
          const span = el('span', shown, 'spill');
          span.style.width = `${width(c) + room - 9}px`;
          td.classList.add('spills');
          td.append(span);
        } else td.textContent = shown;
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  table.addEventListener('mousedown', onMouseDown);
  table.addEventListener('dblclick', (event) => {
    const td = (event.target as HTMLElement).closest('td');
    if (!td?.dataset.a1 || td.querySelector('select')) return;
    startEdit('edit', inputOf(sel.ar, sel.ac));
  });
  $('grid').replaceChildren(table);
  // Frozen rows stick under the column letters, one after the other (their heights are known only now).
  let top = head.getBoundingClientRect().height;
  for (const tr of Array.from(body.querySelectorAll<HTMLTableRowElement>("tr.frozen"))) {
    for (const cellEl of Array.from(tr.children)) (cellEl as HTMLElement).style.top = `${top}px`;
    top += tr.getBoundingClientRect().height;
  }
  const last = (a: number[], n: number) => a.filter((x) => x <= n).pop() ?? a[a.length - 1] ?? 1;
  sel = { ar: last(visRows, sel.ar), ac: last(visCols, sel.ac), fr: last(visRows, sel.fr), fc: last(visCols, sel.fc) };
  showPending();
  paintSelection();
}

/** A SPARKLINE as Sheets draws it: a line through the numbers, as wide as the cell. */
function sparkline(points: number[], width: number): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const height = 15;
  svg.setAttribute('width', String(Math.max(10, width)));
  svg.setAttribute('height', String(height));
  const min = Math.min(...points);
  const max = Math.max(...points);
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute(
    'points',
    points.map((p, i) => `${((i / (points.length - 1)) * (Math.max(10, width) - 2) + 1).toFixed(1)},${(max === min ? height / 2 : height - 1 - ((p - min) / (max - min)) * (height - 2)).toFixed(1)}`).join(' '),
  );
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#1a73e8');
  line.setAttribute('stroke-width', '1.5');
  svg.append(line);
  return svg;
}

let dragging = false;
function onMouseDown(event: MouseEvent): void {
  const target = event.target as HTMLElement;
  const td = target.closest('td');
  if (!td?.dataset.a1) return;
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(td.dataset.a1)!;
  const c = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r = Number(digits);
  if (editing && editing.r === r && editing.c === c && editing.sheet === current) return;
  commitEdit();
  tabStart = null;
  if (target.tagName !== 'SELECT') event.preventDefault(); // the focus stays in the editor
  select(r, c, event.shiftKey);
  if (target.tagName !== 'SELECT') focusGrid();
  dragging = true;
}

function onMouseOver(event: MouseEvent): void {
  if (!dragging || !(event.buttons & 1)) return void (dragging = false);
  const td = (event.target as HTMLElement).closest('td');
  if (!td?.dataset.a1) return;
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(td.dataset.a1)!;
  const c = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (sel.fr !== Number(digits) || sel.fc !== c) select(Number(digits), c, true);
}

async function openSheet(name: string, activate: boolean): Promise<void> {
  if (name !== current) {
    // Another sheet: nothing of the old one stays on screen (or takes typing) while the new one loads.
    sel = { ar: 1, ac: 1, fr: 1, fc: 1 };
    grid = null;
    $('grid').replaceChildren(el('p', `${T.loading}: ${name}…`, 'loading'));
    $('cell-name').textContent = '';
    bar().value = '';
    placeEditor();
  }
  current = name;
  if (activate) await api('/api/activate', { sheet: name });
  renderTabs();
  const before = finished;
  const view = await api<GridView>(`/api/grid?sheet=${encodeURIComponent(name)}`);
  if (current !== name) return;
  renderGrid(view);
  // An edit finished while this was drawn: draw again, so no cell shows a value from before it.
  if (before !== finished && !queue.length) return openSheet(name, false);
  document.body.dataset.ready = String(Date.now());
}

// --- the sidebar -----------------------------------------------------------------

function renderSidebar(): void {
  const aside = $('sidebar');
  if (!state.sidebar || state.sidebar.seq === sidebarClosedSeq) {
    aside.hidden = true;
    return;
  }
  aside.hidden = false;
  $('sidebar-title').textContent = state.sidebar.title;
  if (state.sidebar.seq !== sidebarSeq) {
    sidebarSeq = state.sidebar.seq;
    $<HTMLIFrameElement>('sidebar-frame').src = `/sidebar?seq=${sidebarSeq}`;
  }
}

/** The X of the sidebar (and google.script.host.close()): closed until a menu item opens it again. */
function closeSidebar(): void {
  sidebarClosedSeq = state.sidebar?.seq ?? -1;
  $('sidebar').hidden = true;
  $<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
  sidebarSeq = -1;
  focusGrid();
  requestAnimationFrame(placeEditor);
}

async function refresh(): Promise<void> {
  state = await api<StateView>('/api/state');
  renderSidebar();
  if (state.active !== current) renderTabs();
  // A menu item may have activated another sheet (a new weekly); an edit in progress keeps its sheet on show.
  await openSheet(editing ? current : state.active, false);
}

async function main(): Promise<void> {
  $('doc-title').textContent = T.title;
  const close = $<HTMLButtonElement>('sidebar-close');
  close.title = T.close;
  close.setAttribute('aria-label', T.close);
  close.addEventListener('click', closeSidebar);
  state = await api<StateView>('/api/state');
  renderMenu();
  renderSidebar();
  await openSheet(state.active, false);
  const input = editor();
  input.addEventListener('keydown', onEditorKey);
  input.addEventListener('input', onEditorInput);
  input.addEventListener('blur', () => {
    // Clicking elsewhere (menu, tabs, sidebar, formula bar) ends the edit as Sheets does; a dialog does not.
    if (editing && !$<HTMLDialogElement>('dialog').open) commitEdit();
  });
  document.addEventListener('copy', onCopy);
  document.addEventListener('paste', onPaste);
  document.addEventListener('mouseover', onMouseOver);
  document.addEventListener('mouseup', () => (dragging = false));
  $('grid-wrap').addEventListener('scroll', () => editing && placeEditor());
  window.addEventListener('resize', placeEditor);
  bar().addEventListener('focus', () => commitEdit());
  bar().addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      enqueue({ kind: 'edit', sheet: current, r: sel.ar, c: sel.ac, input: bar().value });
      focusGrid();
    } else if (event.key === 'Escape') {
      bar().value = inputOf(sel.ar, sel.ac);
      focusGrid();
    }
  });
  window.addEventListener('message', (event) => {
    if (event.origin !== window.location.origin) return;
    if (event.data?.okrPlayground === 'changed') void refresh();
    if (event.data?.okrPlayground === 'close') closeSidebar();
  });
  focusGrid();
}

void main();
