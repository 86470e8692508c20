/**
 * The Import page (dist/Import.html): shows the proposed column mapping of the
 * selected range (a select per column), the rows it can read and the rows it
 * cannot, with the reason; "Import" appends the readable rows to the register.
 * User data only goes in through textContent (see dom.ts).
 */
import type { ImportPreview, ImportResult } from '../app/import';
import { format, LOCALE_TAGS } from '../core/i18n';
import { IMPORT_ROLES, ROLE_LABELS } from '../core/importMapping';
import { clear, el } from './dom';
import { errorMessage } from './server';

type Lang = 'en' | 'de';

const T = {
  en: {
    title: 'Import existing OKRs',
    range: 'Range {range}: {rows|readable key result|readable key results} in {objectives|objective|objectives}, {problems|row that cannot|rows that cannot} be read.',
    mapping: 'Columns',
    mappingHelp: 'What each column means. Change a choice to read the range again.',
    preview: 'Will be imported',
    more: '… and {count} more',
    problems: 'Cannot be read',
    row: 'Row {row}: ',
    none: 'None.',
    import: 'Import {count|key result|key results}',
    importing: 'Importing…',
    loading: 'Reading the range…',
    noKr: '(objective without key results)',
  },
  de: {
    title: 'Vorhandene OKRs importieren',
    range: 'Bereich {range}: {rows|lesbares Key Result|lesbare Key Results} in {objectives|Objective|Objectives}, {problems|Zeile lässt|Zeilen lassen} sich nicht lesen.',
    mapping: 'Spalten',
    mappingHelp: 'Was jede Spalte bedeutet. Eine geänderte Wahl liest den Bereich neu.',
    preview: 'Wird importiert',
    more: '… und {count} weitere',
    problems: 'Lässt sich nicht lesen',
    row: 'Zeile {row}: ',
    none: 'Keine.',
    import: '{count|Key Result|Key Results} importieren',
    importing: 'Wird importiert…',
    loading: 'Bereich wird gelesen…',
    noKr: '(Objective ohne Key Results)',
  },
};

const fill = format;

interface Runner {
  withSuccessHandler(h: (v: unknown) => void): Runner;
  withFailureHandler(h: (e: unknown) => void): Runner;
  [name: string]: unknown;
}

function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const google = (globalThis as unknown as { google?: { script?: { run?: Runner } } }).google;
    const run = google?.script?.run;
    if (!run) return reject(new Error('google.script.run is not available'));
    const r = run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler((e) => reject(new Error(errorMessage(e))));
    (r[name] as (...a: unknown[]) => void)(...args);
  });
}

const app = document.getElementById('app') as HTMLElement;
let lang: Lang = /^de\b/i.test(navigator.language) ? 'de' : 'en';
let current: ImportPreview | null = null;
let message: { text: string; ok: boolean } | null = null;
let busy = false;

function number(n: number | null): string {
  return n === null ? '–' : n.toLocaleString(LOCALE_TAGS[lang]);
}

function render(): void {
  clear(app);
  app.setAttribute('aria-busy', busy ? 'true' : 'false');
  const t = T[lang];
  app.append(el('h1', { text: t.title }));
  if (message) app.append(el('p', { class: message.ok ? 'ok' : 'error', role: 'status', text: message.text }));
  const p = current;
  if (!p) {
    if (busy) app.append(el('p', { class: 'muted', role: 'status', text: t.loading }));
    return;
  }
  app.append(
    el('p', {
      class: 'summary',
      text: fill(t.range, { range: `${p.sheetName}!${p.a1}`, rows: p.readable, objectives: p.objectives, problems: p.problems.length }),
    }),
  );
  const mapping = el('section', { class: 'mapping' }, el('h2', { text: t.mapping }), el('p', { class: 'muted', text: t.mappingHelp }));
  p.headers.forEach((header, i) => {
    const id = `col-${i}`;
    const select = el(
      'select',
      { id, 'data-column': i, disabled: busy, onchange: () => void refresh(readMapping()) },
      ...IMPORT_ROLES.map((role) => el('option', { value: role, text: ROLE_LABELS[lang][role], selected: p.mapping[i] === role })),
    );
    mapping.append(el('label', { for: id, text: header }), select);
  });
  app.append(mapping);

  const preview = el('section', { class: 'rows' }, el('h2', { text: t.preview }));
  const list = el('ul');
  for (const row of p.rows) {
    const numbers = row.keyResult ? ` (${number(row.start)} → ${number(row.target)}${row.unit ? ` ${row.unit}` : ''}; ${number(row.current)})` : '';
    list.append(
      el(
        'li',
        { 'data-row': row.sourceRow },
        el('strong', { text: `${row.team} · ${row.objective}` }),
        el('br'),
        `${row.keyResult || t.noKr}${numbers}`,
      ),
    );
  }
  if (!p.rows.length) list.append(el('li', { text: t.none }));
  if (p.readable > p.rows.length) list.append(el('li', { class: 'muted', text: fill(t.more, { count: p.readable - p.rows.length }) }));
  preview.append(list);
  app.append(preview);

  const problems = el('section', { class: 'problems' }, el('h2', { text: `${t.problems} (${p.problems.length})` }));
  const plist = el('ul');
  for (const problem of p.problems) plist.append(el('li', { 'data-row': problem.row }, el('strong', { text: fill(t.row, { row: problem.row }) }), problem.reason));
  if (!p.problems.length) plist.append(el('li', { class: 'muted', text: t.none }));
  problems.append(plist);
  app.append(problems);

  app.append(el('button', { id: 'import', type: 'button', disabled: busy || p.readable === 0, onclick: () => void runImport(), text: busy ? t.importing : fill(t.import, { count: p.readable }) }));
}

function readMapping(): string[] {
  return Array.from(app.querySelectorAll('select[data-column]')).map((s) => (s as HTMLSelectElement).value);
}

async function refresh(mapping?: string[]): Promise<void> {
  busy = true;
  render();
  try {
    const request = current ? { sheetName: current.sheetName, a1: current.a1, mapping } : undefined;
    current = await call<ImportPreview>('importPreview', request);
    lang = current.lang;
  } catch (error) {
    message = { text: errorMessage(error), ok: false };
  }
  busy = false;
  render();
}

async function runImport(): Promise<void> {
  if (!current) return;
  const request = { sheetName: current.sheetName, a1: current.a1, mapping: readMapping() };
  busy = true;
  message = null;
  render();
  try {
    const result = await call<ImportResult>('importRun', request);
    message = { text: result.message, ok: result.ok };
    if (result.ok) current = await call<ImportPreview>('importPreview', request);
  } catch (error) {
    message = { text: errorMessage(error), ok: false };
  }
  busy = false;
  render();
}

void refresh();
