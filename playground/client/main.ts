/**
 * The playground page: tabs with a grid per sheet, the add-on menu, the
 * sidebar frame, dialogs and toasts. Cell content is only ever set with
 * textContent / value / title: nothing from the workbook is parsed as HTML.
 */
import type { GridView, MenuAnswer, MenuOutcome, StateView } from '../session';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const lang = document.documentElement.lang === 'de' ? 'de' : 'en';
const T = {
  en: { menu: 'Extensions › OKR for Sheets', export: 'Download .xlsx', ok: 'OK', cancel: 'Cancel', yes: 'Yes', no: 'No', busy: 'Working…', saved: 'Saved', title: 'OKR for Sheets — playground (no Google account: the add-on runs on an in-memory workbook)', confirm: 'Continue', error: 'Error' },
  de: { menu: 'Erweiterungen › OKR for Sheets', export: '.xlsx herunterladen', ok: 'OK', cancel: 'Abbrechen', yes: 'Ja', no: 'Nein', busy: 'Läuft…', saved: 'Gespeichert', title: 'OKR for Sheets — Spielwiese (ohne Google-Konto: das Add-on läuft auf einer Arbeitsmappe im Speicher)', confirm: 'Fortfahren', error: 'Fehler' },
}[lang];

let state: StateView;
let current = '';
let grid: GridView | null = null;
let selected: { r: number; c: number } | null = null;
let sidebarSeq = -1;

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
    d.addEventListener('close', () => resolve({ button: d.returnValue || 'CANCEL', text: input.value }), { once: true });
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

// --- menu ----------------------------------------------------------------------

async function runMenu(functionName: string): Promise<void> {
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
    for (const t of outcome.toasts) toast(t.title, t.message);
    for (const a of outcome.alerts) await dialog(a.title, a.message, [{ label: T.ok, value: 'OK' }]);
    status(T.saved);
    await refresh();
    return;
  }
}

function renderMenu(): void {
  const bar = $('menubar');
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
  bar.replaceChildren(wrap, exportLink);
}

// --- tabs and grid -------------------------------------------------------------

function renderTabs(): void {
  $('tabs').replaceChildren(
    ...state.sheets
      .filter((s) => !s.hidden)
      .map((s) => {
        const tab = el('button', s.name, s.name === current ? 'tab active' : 'tab');
        tab.dataset.sheet = s.name;
        tab.addEventListener('click', () => void openSheet(s.name, true));
        return tab;
      }),
  );
}

function a1(r: number, c: number): string {
  return `${colName(c)}${r}`;
}

function select(r: number, c: number): void {
  if (!grid) return;
  document.querySelector('td.selected')?.classList.remove('selected');
  selected = { r, c };
  const td = document.querySelector<HTMLTableCellElement>(`td[data-a1="${a1(r, c)}"]`);
  td?.classList.add('selected');
  $('cell-name').textContent = a1(r, c);
  const key = `${r},${c}`;
  const bar = $<HTMLInputElement>('formula-input');
  bar.value = grid.input[key] ?? grid.display[r - 1]?.[c - 1] ?? '';
  if (grid.formulas.includes(key)) {
    const sheet = current;
    void api<{ formula: string }>(`/api/formula?sheet=${encodeURIComponent(sheet)}&row=${r}&col=${c}`).then(({ formula }) => {
      if (current === sheet && selected?.r === r && selected?.c === c) bar.value = formula;
    });
  }
}

async function commit(r: number, c: number, input: string, confirmed = false): Promise<void> {
  const outcome = await api<{ ok: boolean; confirm?: string; rejected?: string }>('/api/edit', { sheet: current, row: r, col: c, input, confirmed });
  if (outcome.confirm) {
    const answer = await dialog('OKR for Sheets', outcome.confirm, [{ label: T.confirm, value: 'OK' }, { label: T.cancel, value: 'CANCEL' }]);
    if (answer.button === 'OK') return commit(r, c, input, true);
  } else if (outcome.rejected) {
    await dialog(T.error, outcome.rejected, [{ label: T.ok, value: 'OK' }]);
  }
  status(T.saved);
  await refresh();
  select(r, c);
}

function editInCell(td: HTMLTableCellElement, r: number, c: number, initial?: string): void {
  const input = el('input', undefined, 'cell-editor');
  input.value = initial ?? $<HTMLInputElement>("formula-input").value;
  td.replaceChildren(input);
  input.focus();
  let done = false;
  const finish = (save: boolean) => {
    if (done) return;
    done = true;
    if (save) void commit(r, c, input.value);
    else void refresh();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') finish(true);
    else if (event.key === 'Escape') finish(false);
    event.stopPropagation();
  });
  input.addEventListener('blur', () => finish(true));
}

function renderGrid(view: GridView): void {
  grid = view;
  const table = el('table', undefined, 'sheet');
  table.dataset.sheet = view.name;
  const hiddenCols = new Set(view.hiddenCols);
  const hiddenRows = new Set(view.hiddenRows);
  const colgroup = el('colgroup');
  colgroup.append(el('col'));
  for (let c = 1; c <= view.cols; c++) {
    const col = el('col');
    col.style.width = `${view.widths[c - 1]}px`;
    if (hiddenCols.has(c)) col.style.visibility = 'collapse';
    colgroup.append(col);
  }
  table.append(colgroup);
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', '', 'corner'));
  for (let c = 1; c <= view.cols; c++) {
    const th = el('th', colName(c));
    if (hiddenCols.has(c)) th.hidden = true;
    headRow.append(th);
  }
  head.append(headRow);
  table.append(head);
  const body = el('tbody');
  const fragment = document.createDocumentFragment();
  for (let r = 1; r <= view.rows; r++) {
    const tr = el('tr');
    if (hiddenRows.has(r)) tr.hidden = true;
    if (r <= view.frozenRows) {
      tr.className = 'frozen';
      tr.style.top = `${22 * r}px`;
    }
    tr.append(el('th', String(r)));
    const display = view.display[r - 1];
    const bg = view.background[r - 1];
    for (let c = 1; c <= view.cols; c++) {
      const key = `${r},${c}`;
      const td = el('td');
      td.dataset.a1 = a1(r, c);
      if (hiddenCols.has(c)) td.hidden = true;
      if (bg[c - 1]) td.style.background = bg[c - 1];
      const style = view.style[key];
      if (style) {
        if (style.bold) td.style.fontWeight = 'bold';
        if (style.italic) td.style.fontStyle = 'italic';
        if (style.color) td.style.color = style.color;
        if (style.align) td.style.textAlign = style.align;
        if (style.wrap) td.classList.add('wrap');
      }
      const note = view.notes[key];
      if (note) {
        td.title = note;
        td.classList.add('noted');
      }
      const list = view.dropdown[key];
      if (list !== undefined) {
        const choices = view.lists[list];
        const select = el('select');
        select.append(el('option', ''));
        for (const choice of choices) select.append(el('option', choice));
        if (display[c - 1] && !choices.includes(display[c - 1])) select.append(el('option', display[c - 1]));
        select.value = display[c - 1];
        if (!display[c - 1]) select.className = 'empty';
        select.addEventListener('change', () => void commit(r, c, select.value));
        td.append(select);
      } else if (display[c - 1] !== '') {
        td.textContent = display[c - 1];
        if (!style?.align && /^-?[\d.,]+\s?%?$/.test(display[c - 1])) td.classList.add('num');
      }
      tr.append(td);
    }
    fragment.append(tr);
  }
  body.append(fragment);
  table.append(body);
  body.addEventListener('click', (event) => {
    const td = (event.target as HTMLElement).closest('td');
    if (!td || !td.dataset.a1) return;
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(td.dataset.a1)!;
    const c = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    select(+digits, c);
    void api('/api/activate', { sheet: current, row: +digits, col: c });
  });
  body.addEventListener('dblclick', (event) => {
    const td = (event.target as HTMLElement).closest('td');
    if (!td || !selected || td.querySelector('select')) return;
    editInCell(td as HTMLTableCellElement, selected.r, selected.c);
  });
  $('grid').replaceChildren(table);
  if (selected && selected.r <= view.rows && selected.c <= view.cols) select(selected.r, selected.c);
}

async function openSheet(name: string, activate: boolean): Promise<void> {
  if (name !== current) {
    selected = null;
    $('cell-name').textContent = '';
    $<HTMLInputElement>('formula-input').value = '';
  }
  current = name;
  if (activate) await api('/api/activate', { sheet: name });
  renderTabs();
  renderGrid(await api<GridView>(`/api/grid?sheet=${encodeURIComponent(name)}`));
  document.body.dataset.ready = String(Date.now());
}

function renderSidebar(): void {
  const aside = $('sidebar');
  if (!state.sidebar) return;
  aside.hidden = false;
  $('sidebar-title').textContent = state.sidebar.title;
  if (state.sidebar.seq !== sidebarSeq) {
    sidebarSeq = state.sidebar.seq;
    $<HTMLIFrameElement>('sidebar-frame').src = `/sidebar?seq=${sidebarSeq}`;
  }
}

async function refresh(): Promise<void> {
  state = await api<StateView>('/api/state');
  renderSidebar();
  await openSheet(state.active, false);
}

async function main(): Promise<void> {
  $('doc-title').textContent = T.title;
  state = await api<StateView>('/api/state');
  renderMenu();
  renderSidebar();
  await openSheet(state.active, false);
  $<HTMLInputElement>('formula-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && selected) void commit(selected.r, selected.c, (event.target as HTMLInputElement).value);
  });
  document.addEventListener('keydown', (event) => {
    if (!selected || (event.target as HTMLElement).closest('input,select,dialog,textarea')) return;
    const td = document.querySelector<HTMLTableCellElement>('td.selected');
    if (!td) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      editInCell(td, selected.r, selected.c);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !td.querySelector('select')) {
      event.preventDefault();
      editInCell(td, selected.r, selected.c, event.key);
    }
  });
  window.addEventListener('message', (event) => {
    if (event.origin !== window.location.origin) return;
    if (event.data?.okrPlayground === 'changed') void refresh();
    if (event.data?.okrPlayground === 'close') $('sidebar').hidden = true;
  });
}

void main();
