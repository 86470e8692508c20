/** The Tactics sheet: key tactics per objective or team, since when, last discussed. */
import type { Language } from '../i18n';
import type { KeyTactic } from '../schema';
import { SHEET_NAMES } from '../texts';
import { settingsRefs } from './settings';
import { BLANK, date, grid, text, type CellPlan, type SheetPlan, type ValidationPlan } from './plan';

export const TACTIC_KEYS = ['id', 'team', 'objectiveId', 'principle', 'since', 'lastDiscussed', 'note'] as const;
export type TacticKey = (typeof TACTIC_KEYS)[number];
export const TACTIC_COLUMN = Object.fromEntries(TACTIC_KEYS.map((key, i) => [key, i + 1])) as Record<TacticKey, number>;
export const TACTICS_CAPACITY = 300;

export const TACTIC_HEADERS: Record<Language, Record<TacticKey, string>> = {
  en: {
    id: 'Tactic ID',
    team: 'Team',
    objectiveId: 'Objective ID (blank: whole team)',
    principle: 'Key tactic (a decision principle)',
    since: 'Since',
    lastDiscussed: 'Last discussed (week)',
    note: 'Note',
  },
  de: {
    id: 'Taktik-ID',
    team: 'Team',
    objectiveId: 'Objective-ID (leer: ganzes Team)',
    principle: 'Key Tactic (Entscheidungsprinzip)',
    since: 'Seit',
    lastDiscussed: 'Zuletzt besprochen (KW)',
    note: 'Notiz',
  },
};

export interface TacticRow extends KeyTactic {
  lastDiscussed: string;
  note: string;
}

const FORMATS: Record<TacticKey, string> = {
  id: '',
  team: '',
  objectiveId: '',
  principle: '',
  since: 'yyyy-mm-dd',
  lastDiscussed: '',
  note: '',
};

export function tacticCells(row: TacticRow): CellPlan[] {
  const words = (value: string) => (value ? text(value) : BLANK);
  return [words(row.id), words(row.team), words(row.objectiveId), words(row.principle), date(row.since), words(row.lastDiscussed), words(row.note)];
}

export function tacticsPlan(lang: Language, rows: readonly TacticRow[]): SheetPlan {
  const total = Math.max(TACTICS_CAPACITY, rows.length + 50) + 1;
  const width = TACTIC_KEYS.length;
  const headers = TACTIC_HEADERS[lang];
  const team: ValidationPlan = { kind: 'listFromRange', a1: settingsRefs(lang).teams, allowInvalid: false };
  return {
    name: SHEET_NAMES[lang].tactics,
    cells: grid(total, width, (r, c) => (r === 0 ? text(headers[TACTIC_KEYS[c]]) : rows[r - 1] ? tacticCells(rows[r - 1])[c] : BLANK)),
    numberFormats: grid(total, width, (r, c) => (r === 0 ? '' : FORMATS[TACTIC_KEYS[c]])),
    validations: grid(total, width, (r, c) => (r > 0 && TACTIC_KEYS[c] === 'team' ? team : null)),
    bold: grid(total, width, (r) => r === 0),
    frozenRows: 0,
    columnWidths: { [TACTIC_COLUMN.principle]: 360 },
  };
}
