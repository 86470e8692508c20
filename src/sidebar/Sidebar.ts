/**
 * The "Write objectives" sidebar: a team lead writes one objective with its
 * key results and key tactics and saves it in one server call. The server
 * validates again and writes the register; this file only builds the form,
 * shows quality hints while typing and shows the server's field errors next
 * to the fields. All user text goes into the DOM as text (see dom.ts).
 */
import type { FieldError, SidebarBootstrap } from '../core/drafts';
import { format, type Language } from '../core/i18n';
import { qualityHints, type QualityHint } from '../core/quality';
import { OBJECTIVE_TEMPLATES, TACTIC_TEMPLATES, templateDraft } from '../core/templates';
import { GOAL_TYPES, GOAL_TYPE_LABELS, KR_KINDS, KR_KIND_LABELS } from '../core/vocabulary';
import { clear, el } from './dom';
import {
  blankForm,
  blankKeyResult,
  draftFromForm,
  formFromDraft,
  hintKeyResults,
  move,
  parseNumberText,
  type FormState,
  type KrForm,
} from './form';
import { callServer } from './server';
import { UI_TEXT, type TextKey } from './texts';

/** The id the quality hints use for the objective in the form. */
const CURRENT = '__current__';

type StatusKind = 'info' | 'ok' | 'error';

interface State {
  lang: Language;
  boot: SidebarBootstrap | null;
  form: FormState;
  /** Field errors from the server, by path (`keyResults.1.target`). */
  errors: Map<string, string>;
  status: { text: string; kind: StatusKind } | null;
  confirmingDelete: boolean;
  busy: boolean;
  openChoice: string;
  templateChoice: string;
  tacticChoice: string;
}

const state: State = {
  lang: /^de\b/i.test(navigator.language || '') ? 'de' : 'en',
  boot: null,
  form: blankForm(''),
  errors: new Map(),
  status: null,
  confirmingDelete: false,
  busy: false,
  openChoice: '',
  templateChoice: '',
  tacticChoice: '0',
};

/** Paths that have a field on screen in the current render. */
let renderedPaths = new Set<string>();
let hintsList: HTMLElement | null = null;

function t(key: TextKey, params?: Record<string, string | number>): string {
  return format(UI_TEXT[state.lang][key], params);
}

const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;
const errorId = (path: string) => `e-${path.replace(/\./g, '-')}`;

function app(): HTMLElement {
  const root = document.getElementById('app');
  if (!root) throw new Error('#app is missing');
  return root;
}

// ---------------------------------------------------------------- fields

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** A labelled field; its error (if any) sits right below it. */
function field(path: string, label: string, control: Control, className = 'field'): HTMLElement {
  renderedPaths.add(path);
  control.id = fieldId(path);
  control.setAttribute('data-path', path);
  const error = state.errors.get(path);
  if (error) {
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', errorId(path));
  }
  return el(
    'div',
    { class: className + (error ? ' has-error' : '') },
    el('label', { for: control.id, text: label }),
    control,
    error ? el('p', { id: errorId(path), class: 'field-error', 'data-error-for': path, text: error }) : null,
  );
}

/** Drops the error of a field as soon as the user changes it. */
function clearError(path: string, control: Element): void {
  if (!state.errors.delete(path)) return;
  control.removeAttribute('aria-invalid');
  control.removeAttribute('aria-describedby');
  const box = control.parentElement;
  box?.classList.remove('has-error');
  document.getElementById(errorId(path))?.remove();
}

function textControl(path: string, value: string, onValue: (value: string) => void, options: { multiline?: boolean; numeric?: boolean } = {}): Control {
  const control = options.multiline
    ? el('textarea', { rows: 2, value })
    : el('input', { type: 'text', value, inputmode: options.numeric ? 'decimal' : undefined, autocomplete: 'off' });
  control.addEventListener('input', () => {
    onValue(control.value);
    clearError(path, control);
    clearOkStatus();
    updateHints();
  });
  return control;
}

function select(options: { value: string; label: string }[], value: string, onValue: (value: string) => void, path?: string): HTMLSelectElement {
  const control = el('select', {});
  for (const option of options) control.appendChild(el('option', { value: option.value, text: option.label, selected: option.value === value }));
  control.value = value;
  control.addEventListener('change', () => {
    onValue(control.value);
    if (path) clearError(path, control);
  });
  return control;
}

function button(id: string, label: string, onClick: () => void, options: { ariaLabel?: string; disabled?: boolean; kind?: string } = {}): HTMLButtonElement {
  return el('button', {
    type: 'button',
    id,
    class: options.kind ?? 'secondary',
    text: label,
    'aria-label': options.ariaLabel,
    disabled: options.disabled,
    onclick: onClick,
  });
}

// ---------------------------------------------------------------- render

/** Rebuilds the form; focus goes to `focusId` (or the first existing of several), else stays where it was. */
function render(...focusIds: string[]): void {
  const root = app();
  const active = document.activeElement instanceof HTMLElement && document.activeElement.id ? document.activeElement.id : '';
  renderedPaths = new Set();
  clear(root);
  root.setAttribute('aria-busy', 'false');
  if (!state.boot) {
    root.appendChild(el('p', { class: 'status status-' + (state.status?.kind ?? 'info'), role: 'status', text: state.status?.text ?? t('loading') }));
    return;
  }
  root.append(header(), startSection(), objectiveSection(), keyResultSection(), tacticSection(), hintSection(), actionSection());
  updateHints();
  for (const id of [...focusIds, active]) {
    const target = id ? document.getElementById(id) : null;
    if (target && !(target as HTMLButtonElement).disabled) {
      target.focus();
      break;
    }
  }
}

function header(): HTMLElement {
  const boot = state.boot!;
  return el(
    'header',
    {},
    el('h1', { text: t('heading') }),
    boot.cycleName ? el('p', { class: 'muted', id: 'cycle-name', text: t('cycle', { cycle: boot.cycleName }) }) : null,
  );
}

/** The one status line (a polite live region), next to the Save button where the user is. */
function statusLine(): HTMLElement {
  return el('p', {
    id: 'status',
    role: 'status',
    'aria-live': 'polite',
    class: 'status' + (state.status ? ' status-' + state.status.kind : ''),
    text: state.status?.text ?? '',
  });
}

function startSection(): HTMLElement {
  const boot = state.boot!;
  const form = state.form;
  const teams = [...boot.teams];
  if (form.team && !teams.includes(form.team)) teams.unshift(form.team);
  const section = el('section', { 'aria-labelledby': 'start-h' }, el('h2', { id: 'start-h', text: t('startSection') }));
  if (teams.length === 0) section.appendChild(el('p', { class: 'notice', text: t('noTeams') }));
  section.appendChild(
    field(
      'team',
      t('team'),
      select(
        teams.map((team) => ({ value: team, label: team })),
        form.team,
        (team) => {
          form.team = team;
          state.openChoice = '';
          render();
        },
        'team',
      ),
    ),
  );

  const existing = boot.objectives.filter((o) => o.team === form.team);
  if (!existing.some((o) => o.id === state.openChoice)) state.openChoice = '';
  const openSelect = select(
    [{ value: '', label: t('openNone') }, ...existing.map((o) => ({ value: o.id, label: o.title || t('untitled') }))],
    state.openChoice,
    (value) => (state.openChoice = value),
  );
  openSelect.id = 'open-select';
  section.appendChild(
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'open-select', text: t('openExisting') }),
      el('div', { class: 'row' }, openSelect, button('open-btn', t('open'), () => void openChosen())),
    ),
  );

  const templateSelect = select(
    [
      { value: '', label: t('blankTemplate') },
      ...OBJECTIVE_TEMPLATES.map((template) => ({ value: template.key, label: template.area[state.lang] })),
    ],
    state.templateChoice,
    (value) => (state.templateChoice = value),
  );
  templateSelect.id = 'template-select';
  templateSelect.setAttribute('aria-describedby', 'template-note');
  section.appendChild(
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'template-select', text: t('startFrom') }),
      el('div', { class: 'row' }, templateSelect, button('template-btn', t('useTemplate'), startFromTemplate)),
      el('p', { id: 'template-note', class: 'muted', text: t('replaceNote') }),
    ),
  );
  return section;
}

function objectiveSection(): HTMLElement {
  const form = state.form;
  const boot = state.boot!;
  const section = el(
    'section',
    { 'aria-labelledby': 'objective-h' },
    el('h2', { id: 'objective-h', text: t('objectiveSection') }),
    el('p', { class: 'muted', id: 'mode', text: form.id ? t('editing') : t('creating') }),
    field('title', t('title'), textControl('title', form.title, (v) => (form.title = v), { multiline: true })),
  );

  // Goal type: radios with a one-line explanation each.
  renderedPaths.add('goalType');
  const goalError = state.errors.get('goalType');
  const fieldset = el('fieldset', { class: 'goal-type' + (goalError ? ' has-error' : '') }, el('legend', { text: t('goalType') }));
  GOAL_TYPES.forEach((goalType, i) => {
    const id = i === 0 ? fieldId('goalType') : `${fieldId('goalType')}-${goalType}`;
    const helpId = `${id}-help`;
    const radio = el('input', {
      type: 'radio',
      name: 'goalType',
      id,
      value: goalType,
      checked: form.goalType === goalType,
      'aria-describedby': goalError ? `${helpId} ${errorId('goalType')}` : helpId,
      'aria-invalid': goalError ? 'true' : undefined,
      'data-path': i === 0 ? 'goalType' : undefined,
    });
    radio.addEventListener('change', () => {
      if (radio.checked) form.goalType = goalType;
      state.errors.delete('goalType');
    });
    fieldset.appendChild(
      el(
        'div',
        { class: 'radio' },
        radio,
        el(
          'label',
          { for: id },
          el('strong', { text: GOAL_TYPE_LABELS[state.lang][goalType] }),
          el('span', { id: helpId, class: 'help', text: t(goalType === 'roofshot' ? 'roofshotHelp' : 'moonshotHelp') }),
        ),
      ),
    );
  });
  if (goalError) fieldset.appendChild(el('p', { id: errorId('goalType'), class: 'field-error', 'data-error-for': 'goalType', text: goalError }));
  section.appendChild(fieldset);

  const parents = boot.objectives.filter((o) => o.id !== form.id);
  const parentOptions = [
    { value: '', label: t('noParent') },
    ...parents.map((o) => ({ value: o.id, label: `${o.team}: ${o.title || t('untitled')}` })),
  ];
  if (form.parentId && !parentOptions.some((o) => o.value === form.parentId)) parentOptions.push({ value: form.parentId, label: form.parentId });
  section.appendChild(field('parentId', t('parent'), select(parentOptions, form.parentId, (v) => (form.parentId = v), 'parentId')));
  section.appendChild(field('contact', t('contact'), textControl('contact', form.contact, (v) => (form.contact = v))));
  section.appendChild(el('p', { class: 'help', text: t('contactHelp') }));
  return section;
}

/** Up, down and remove buttons for item `i` of a list. */
function itemTools(prefix: string, i: number, count: number, itemName: string, onMove: (delta: number) => void, onRemove: () => void): HTMLElement {
  return el(
    'div',
    { class: 'tools' },
    button(`${prefix}-${i}-up`, '↑ ' + t('up'), () => onMove(-1), { ariaLabel: t('moveUp', { item: itemName }), disabled: i === 0 }),
    button(`${prefix}-${i}-down`, '↓ ' + t('down'), () => onMove(1), { ariaLabel: t('moveDown', { item: itemName }), disabled: i === count - 1 }),
    button(`${prefix}-${i}-remove`, t('del'), onRemove, { ariaLabel: t('remove', { item: itemName }), kind: 'danger-link' }),
  );
}

function keyResultSection(): HTMLElement {
  const form = state.form;
  const list = el('ol', { class: 'items', id: 'kr-list' });
  form.keyResults.forEach((kr, i) => list.appendChild(el('li', {}, keyResultItem(kr, i))));
  return el(
    'section',
    { 'aria-labelledby': 'kr-h' },
    el('h2', { id: 'kr-h', text: t('krSection') }),
    list,
    button('add-kr', '+ ' + t('addKr'), () => {
      form.keyResults.push(blankKeyResult());
      structureChanged();
      render(fieldId(`keyResults.${form.keyResults.length - 1}.title`));
    }),
  );
}

function keyResultItem(kr: KrForm, i: number): HTMLElement {
  const form = state.form;
  const name = t('kr', { n: i + 1 });
  const p = (key: string) => `keyResults.${i}.${key}`;
  const num = (key: 'start' | 'target' | 'current' | 'weight') =>
    field(p(key), t(key), textControl(p(key), kr[key], (v) => (kr[key] = v), { numeric: true }), 'field compact');
  return el(
    'fieldset',
    { class: 'item', 'data-kr-index': i },
    el('legend', { text: name }),
    field(p('title'), t('krTitle'), textControl(p('title'), kr.title, (v) => (kr.title = v), { multiline: true })),
    field(
      p('kind'),
      t('kind'),
      select(
        KR_KINDS.map((kind) => ({ value: kind, label: KR_KIND_LABELS[state.lang][kind] })),
        kr.kind,
        (v) => {
          kr.kind = v as KrForm['kind'];
          updateHints();
        },
        p('kind'),
      ),
    ),
    el('div', { class: 'grid3' }, num('start'), num('target'), num('current')),
    el(
      'div',
      { class: 'grid2' },
      field(p('unit'), t('unit'), textControl(p('unit'), kr.unit, (v) => (kr.unit = v)), 'field compact'),
      num('weight'),
    ),
    dependsOnField(kr, i),
    itemTools(
      'kr',
      i,
      form.keyResults.length,
      name,
      (delta) => {
        const to = move(form.keyResults, i, delta);
        structureChanged();
        render(`kr-${to}-${delta < 0 ? 'up' : 'down'}`, `kr-${to}-${delta < 0 ? 'down' : 'up'}`);
      },
      () => {
        form.keyResults.splice(i, 1);
        structureChanged();
        render(fieldId(`keyResults.${Math.min(i, form.keyResults.length - 1)}.title`), 'add-kr');
      },
    ),
  );
}

/** "Depends on teams": one checkbox per team of Settings (not the objective's own); names typed in the sheet stay ticked. */
function dependsOnField(kr: KrForm, i: number): HTMLElement {
  const own = state.form.team;
  const teams = (state.boot?.teams ?? []).filter((team) => team !== own);
  for (const team of kr.dependsOn) if (!teams.includes(team)) teams.push(team);
  const group = el('fieldset', { class: 'depends-on', 'data-path': `keyResults.${i}.dependsOn` }, el('legend', { text: t('dependsOn') }));
  if (!teams.length) group.appendChild(el('p', { class: 'help', text: t('dependsOnNone') }));
  teams.forEach((team, n) => {
    const id = `kr-${i}-depends-${n}`;
    const box = el('input', { type: 'checkbox', id, value: team, checked: kr.dependsOn.includes(team) });
    box.addEventListener('change', () => {
      kr.dependsOn = box.checked ? [...kr.dependsOn.filter((name) => name !== team), team] : kr.dependsOn.filter((name) => name !== team);
    });
    group.appendChild(el('div', { class: 'check' }, box, el('label', { for: id, text: team })));
  });
  return group;
}

function tacticSection(): HTMLElement {
  const form = state.form;
  const list = el('ol', { class: 'items', id: 'tactic-list' });
  form.tactics.forEach((tactic, i) => {
    const name = t('tactic', { n: i + 1 });
    const path = `tactics.${i}.principle`;
    list.appendChild(
      el(
        'li',
        {},
        el(
          'div',
          { class: 'item', 'data-tactic-index': i },
          field(path, name, textControl(path, tactic.principle, (v) => (tactic.principle = v), { multiline: true })),
          itemTools(
            'tactic',
            i,
            form.tactics.length,
            name,
            (delta) => {
              const to = move(form.tactics, i, delta);
              structureChanged();
              render(`tactic-${to}-${delta < 0 ? 'up' : 'down'}`, `tactic-${to}-${delta < 0 ? 'down' : 'up'}`);
            },
            () => {
              form.tactics.splice(i, 1);
              structureChanged();
              render(fieldId(`tactics.${Math.min(i, form.tactics.length - 1)}.principle`), 'add-tactic');
            },
          ),
        ),
      ),
    );
  });
  const addTactic = (principle: string) => {
    form.tactics.push({ id: '', principle });
    structureChanged();
    render(fieldId(`tactics.${form.tactics.length - 1}.principle`));
  };
  const templateSelect = select(
    TACTIC_TEMPLATES.map((tactic, i) => ({ value: String(i), label: tactic[state.lang] })),
    state.tacticChoice,
    (v) => (state.tacticChoice = v),
  );
  templateSelect.id = 'tactic-template-select';
  return el(
    'section',
    { 'aria-labelledby': 'tactic-h' },
    el('h2', { id: 'tactic-h', text: t('tacticSection') }),
    el('p', { class: 'muted', text: t('tacticHelp') }),
    list,
    button('add-tactic', '+ ' + t('addTactic'), () => addTactic('')),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'tactic-template-select', text: t('tacticTemplate') }),
      el(
        'div',
        { class: 'row' },
        templateSelect,
        button('add-tactic-template', t('addFromTemplate'), () => {
          const tactic = TACTIC_TEMPLATES[Number(state.tacticChoice)];
          if (tactic) addTactic(tactic[state.lang]);
        }),
      ),
    ),
  );
}

function hintSection(): HTMLElement {
  hintsList = el('ul', { id: 'hints', class: 'hints' });
  return el(
    'section',
    { 'aria-labelledby': 'hints-h' },
    el('h2', { id: 'hints-h', text: t('hintsSection') }),
    el('p', { class: 'muted', text: t('hintsNote') }),
    hintsList,
  );
}

function actionSection(): HTMLElement {
  const form = state.form;
  const general = [...state.errors].filter(([path]) => !renderedPaths.has(path));
  const section = el(
    'section',
    { class: 'actions', 'aria-label': t('save') },
    general.length
      ? el(
          'div',
          { id: 'general-errors', class: 'general-errors', role: 'alert', tabindex: -1 },
          el('ul', {}, ...general.map(([path, message]) => el('li', { 'data-error-for': path, text: message }))),
        )
      : null,
    statusLine(),
    el(
      'div',
      { class: 'row' },
      button('save-btn', t('save'), () => void save(), { kind: 'primary' }),
      button('new-btn', t('newObjective'), () => {
        state.form = blankForm(form.team);
        resetMessages();
        render(fieldId('title'));
      }),
      form.id ? button('delete-btn', t('delete'), askDelete, { kind: 'danger' }) : null,
    ),
  );
  if (state.confirmingDelete && form.id) {
    section.appendChild(
      el(
        'div',
        { id: 'confirm-delete', class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-text' },
        el('p', { id: 'confirm-text', text: t('confirmDelete', { title: form.title || t('untitled') }) }),
        el(
          'div',
          { class: 'row' },
          button('confirm-delete-btn', t('confirmYes'), () => void confirmDelete(), { kind: 'danger' }),
          button('cancel-delete-btn', t('confirmNo'), () => {
            state.confirmingDelete = false;
            render('delete-btn');
          }),
        ),
      ),
    );
  }
  return section;
}

// ---------------------------------------------------------------- hints

function currentHints(): QualityHint[] {
  const form = state.form;
  const others = (state.boot?.objectives ?? [])
    .filter((o) => o.team === form.team && (!form.id || o.id !== form.id))
    .map((o) => ({ id: o.id, title: o.title, team: o.team }));
  const hints = qualityHints({
    objectives: [...others, { id: CURRENT, title: form.title, team: form.team }],
    keyResults: hintKeyResults(form, CURRENT, state.lang),
  });
  return hints.filter((hint) => hint.objectiveId === CURRENT || (hint.code === 'too_many_objectives' && hint.team === form.team));
}

function updateHints(): void {
  if (!hintsList) return;
  clear(hintsList);
  const hints = currentHints();
  if (hints.length === 0) hintsList.appendChild(el('li', { class: 'muted', text: t('hintsNone') }));
  for (const hint of hints) hintsList.appendChild(el('li', { class: 'hint', 'data-hint': hint.code, text: hint.message[state.lang] }));
}

// ---------------------------------------------------------------- actions

function resetMessages(): void {
  state.errors.clear();
  state.status = null;
  state.confirmingDelete = false;
}

/** Errors name fields by index; after a move or removal they no longer fit. */
function structureChanged(): void {
  state.errors.clear();
  state.confirmingDelete = false;
}

/** "Saved." no longer holds once the form changes. */
function clearOkStatus(): void {
  if (state.status?.kind === 'ok') setStatus('', 'info');
}

function setStatus(text: string, kind: StatusKind): void {
  state.status = text ? { text, kind } : null;
  const box = document.getElementById('status');
  if (box) {
    box.textContent = text;
    box.className = `status status-${kind}`;
  }
}

async function refreshBootstrap(): Promise<void> {
  try {
    const boot = await callServer('sidebarBootstrap');
    state.boot = boot;
  } catch {
    // The saved data stays; the lists are only a little stale.
  }
}

function applyErrors(errors: FieldError[]): void {
  state.errors.clear();
  for (const error of errors) {
    const before = state.errors.get(error.path);
    state.errors.set(error.path, before ? `${before} ${error.message}` : error.message);
  }
}

async function save(): Promise<void> {
  if (state.busy) return;
  state.busy = true;
  state.confirmingDelete = false;
  setStatus(t('saving'), 'info');
  const saveButton = document.getElementById('save-btn');
  saveButton?.setAttribute('aria-busy', 'true');
  try {
    const result = await callServer('sidebarSaveObjective', draftFromForm(state.form, state.lang));
    if (result.ok) {
      const form = state.form;
      form.id = result.objectiveId;
      result.keyResultIds.forEach((id, i) => {
        const kr = form.keyResults[i];
        if (!kr) return;
        kr.id = id;
        const saved = parseNumberText(kr.current, state.lang);
        kr.loadedCurrent = typeof saved === 'number' ? saved : null;
      });
      result.tacticIds.forEach((id, i) => {
        if (form.tactics[i]) form.tactics[i].id = id;
      });
      state.errors.clear();
      await refreshBootstrap();
      state.status = { text: t('saved'), kind: 'ok' };
      render('save-btn');
    } else {
      applyErrors(result.errors);
      state.status = { text: t('fixErrors'), kind: 'error' };
      render();
      const first = app().querySelector<HTMLElement>('[aria-invalid="true"]') ?? document.getElementById('general-errors');
      first?.focus();
    }
  } catch (error) {
    state.status = { text: t('saveFailed', { message: (error as Error).message }), kind: 'error' };
    render('save-btn');
  } finally {
    state.busy = false;
    document.getElementById('save-btn')?.removeAttribute('aria-busy');
  }
}

async function openChosen(): Promise<void> {
  const id = state.openChoice;
  if (!id || state.busy) return;
  state.busy = true;
  try {
    const draft = await callServer('sidebarLoadObjective', id);
    state.form = formFromDraft(draft, state.lang);
    resetMessages();
    state.status = { text: t('loaded'), kind: 'ok' };
    render(fieldId('title'));
  } catch (error) {
    setStatus(t('loadObjectiveFailed', { message: (error as Error).message }), 'error');
  } finally {
    state.busy = false;
  }
}

function startFromTemplate(): void {
  const team = state.form.team;
  state.form = state.templateChoice ? formFromDraft(templateDraft(state.templateChoice, state.lang, team), state.lang) : blankForm(team);
  resetMessages();
  render(fieldId('title'));
}

function askDelete(): void {
  state.confirmingDelete = true;
  render('cancel-delete-btn');
}

async function confirmDelete(): Promise<void> {
  if (state.busy || !state.form.id) return;
  state.busy = true;
  try {
    const result = await callServer('sidebarDeleteObjective', state.form.id);
    if (result.ok) {
      state.form = blankForm(state.form.team);
      resetMessages();
      state.openChoice = '';
      await refreshBootstrap();
      state.status = { text: t('deleted'), kind: 'ok' };
      render(fieldId('title'));
    } else {
      state.confirmingDelete = false;
      state.status = { text: t('deleteFailed', { message: result.message }), kind: 'error' };
      render('delete-btn');
    }
  } catch (error) {
    state.confirmingDelete = false;
    state.status = { text: t('deleteFailed', { message: (error as Error).message }), kind: 'error' };
    render('delete-btn');
  } finally {
    state.busy = false;
  }
}

// ---------------------------------------------------------------- start

async function init(): Promise<void> {
  render();
  try {
    const boot = await callServer('sidebarBootstrap');
    state.boot = boot;
    state.lang = boot.lang === 'de' ? 'de' : 'en';
    document.documentElement.lang = state.lang;
    state.form = blankForm(boot.teams[0] ?? '');
    render();
  } catch (error) {
    state.status = { text: t('loadFailed', { message: (error as Error).message }), kind: 'error' };
    render();
  }
}

void init();
