/**
 * The sidebar's form model: what the user typed, as text, and its conversion
 * to the draft the server validates. Pure (no DOM), so it is unit-tested.
 */
import type { ObjectiveDraft } from '../core/drafts';
import { DECIMAL_SEPARATORS, type Language } from '../core/i18n';
import type { HintKeyResult } from '../core/quality';
import type { GoalType, KrKind } from '../core/vocabulary';

export interface KrForm {
  id: string;
  title: string;
  kind: KrKind;
  start: string;
  target: string;
  current: string;
  unit: string;
  weight: string;
  /** The current value as the sidebar loaded it: if the user leaves it alone, the server keeps the sheet's newer one. */
  loadedCurrent: number | null;
  /** Not edited here, kept so that saving does not wipe them. */
  confidence: number | null;
  dependsOn: string[];
}

export interface TacticForm {
  id: string;
  principle: string;
}

export interface FormState {
  id: string;
  team: string;
  title: string;
  goalType: GoalType;
  parentId: string;
  /** A person to ask (optional, never rated). */
  contact: string;
  keyResults: KrForm[];
  tactics: TacticForm[];
}

export function blankKeyResult(): KrForm {
  return { id: '', title: '', kind: 'increase', start: '', target: '', current: '', loadedCurrent: null, unit: '', weight: '1', confidence: null, dependsOn: [] };
}

export function blankForm(team: string): FormState {
  return { id: '', team, title: '', goalType: 'roofshot', parentId: '', contact: '', keyResults: [blankKeyResult(), blankKeyResult()], tactics: [] };
}

/**
 * Reads a number typed as "12,5", "12.5", "1.250,5", "1,250.5" or "10 000".
 * A lone separator followed by exactly three digits groups thousands in the
 * language that writes it so ("60,000" in English, "60.000" in German);
 * otherwise either separator is the decimal one. Blank gives null; text that
 * is no number comes back unchanged (trimmed), so the server's schema rejects
 * it with a field error.
 */
export function parseNumberText(text: string, lang: Language = 'en'): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let s = trimmed.replace(/[\s\u00a0\u202f_']/g, '').replace(/^\u2212/, '-');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const count = (char: string) => s.split(char).length - 1;
  const grouping = DECIMAL_SEPARATORS[lang] === '.' ? ',' : '.';
  if (lastComma >= 0 && lastDot >= 0) {
    // The later separator is the decimal one; the other groups thousands.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (count(',') > 1 || count('.') > 1) {
    s = s.replace(count(',') > 1 ? /,/g : /\./g, '');
  } else if (s.includes(grouping) && /^[+-]?\d{1,3}[.,]\d{3}$/.test(s)) {
    s = s.replace(grouping, '');
  } else {
    s = s.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return trimmed;
  const value = Number(s);
  return Number.isFinite(value) ? value : trimmed;
}

/** A number as the user's language writes it: 12,5 in German, 12.5 in English. */
export function formatNumber(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return text.replace('.', DECIMAL_SEPARATORS[lang]);
}

export function formFromDraft(draft: ObjectiveDraft, lang: Language): FormState {
  return {
    id: draft.id ?? '',
    team: draft.team,
    title: draft.title,
    goalType: draft.goalType,
    parentId: draft.parentId ?? '',
    contact: draft.contact ?? '',
    keyResults: draft.keyResults.map((kr) => ({
      id: kr.id ?? '',
      title: kr.title,
      kind: kr.kind,
      start: formatNumber(kr.start, lang),
      target: formatNumber(kr.target, lang),
      current: formatNumber(kr.current, lang),
      loadedCurrent: kr.current ?? null,
      unit: kr.unit ?? '',
      weight: formatNumber(kr.weight ?? 1, lang),
      confidence: kr.confidence ?? null,
      dependsOn: [...(kr.dependsOn ?? [])],
    })),
    tactics: (draft.tactics ?? []).map((t) => ({ id: t.id ?? '', principle: t.principle })),
  };
}

/** What is sent to `sidebarSaveObjective`: plain data, numbers where the text was a number. */
export function draftFromForm(form: FormState, lang: Language): Record<string, unknown> {
  return {
    id: form.id,
    team: form.team,
    title: form.title,
    goalType: form.goalType,
    parentId: form.parentId,
    contact: form.contact,
    keyResults: form.keyResults.map((kr) => ({
      id: kr.id,
      title: kr.title,
      kind: kr.kind,
      start: parseNumberText(kr.start, lang),
      target: parseNumberText(kr.target, lang),
      current: parseNumberText(kr.current, lang),
      currentAsLoaded: kr.loadedCurrent,
      unit: kr.unit,
      weight: kr.weight.trim() === '' ? 1 : parseNumberText(kr.weight, lang),
      confidence: kr.confidence,
      dependsOn: kr.dependsOn,
    })),
    tactics: form.tactics.map((t) => ({ id: t.id, principle: t.principle })),
  };
}

/** The key results as the quality hints see them (text that is no number counts as blank). */
export function hintKeyResults(form: FormState, objectiveId: string, lang: Language): HintKeyResult[] {
  const num = (text: string) => {
    const value = parseNumberText(text, lang);
    return typeof value === 'number' ? value : null;
  };
  return form.keyResults.map((kr, i) => ({
    id: kr.id || `kr${i}`,
    objectiveId,
    title: kr.title,
    kind: kr.kind,
    start: num(kr.start),
    target: num(kr.target),
  }));
}

/** Moves item `from` by `delta` places; returns the new index (unchanged at the edges). */
export function move<T>(items: T[], from: number, delta: number): number {
  const to = from + delta;
  if (to < 0 || to >= items.length) return from;
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item);
  return to;
}

