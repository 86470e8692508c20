/**
 * The Portfolio (DOMAIN.md, 004): projects and investments, each tied to the
 * objectives it serves, with the quarterly decision now / later / stop. One
 * row per item, typed by people; the Check column is a native formula that
 * flags items serving no objective and a single objective ID the register
 * does not know. The dashboard counts the decisions per objective and flags
 * objectives with conflicting decisions (items marked "now" and "stop"); the
 * review's waste question shows the same counts next to it.
 */
import type { Language } from '../i18n';
import { quote } from '../formulas';
import { SHEET_NAMES } from '../texts';
import { BLANK, columnLetter, formula, grid, sheetRef, text, type CellPlan, type SheetPlan, type ValidationPlan } from './plan';
import { REGISTER_COLUMN } from './register';
import { settingsRefs } from './settings';
import { textOf } from './builder';

export const PORTFOLIO_KEYS = ['item', 'kind', 'team', 'objectives', 'cost', 'decision', 'note', 'check'] as const;
export type PortfolioKey = (typeof PORTFOLIO_KEYS)[number];
export const PORTFOLIO_COLUMN = Object.fromEntries(PORTFOLIO_KEYS.map((key, i) => [key, i + 1])) as Record<PortfolioKey, number>;
export const PORTFOLIO_WIDTH = PORTFOLIO_KEYS.length;
/** Item rows 2..PORTFOLIO_ROWS+1; every formula that reads the portfolio is bounded to them. */
export const PORTFOLIO_ROWS = 300;

export const PORTFOLIO_DECISIONS = ['now', 'later', 'stop'] as const;
export type PortfolioDecision = (typeof PORTFOLIO_DECISIONS)[number];
export const DECISION_LABELS: Record<Language, Record<PortfolioDecision, string>> = {
  en: { now: 'now', later: 'later', stop: 'stop' },
  de: { now: 'jetzt', later: 'später', stop: 'stoppen' },
};
export const KIND_LABELS: Record<Language, string[]> = { en: ['project', 'investment'], de: ['Projekt', 'Investition'] };

const HEADERS: Record<Language, Record<PortfolioKey, string>> = {
  en: {
    item: 'Item',
    kind: 'Kind',
    team: 'Team',
    objectives: 'Objectives served (IDs, comma-separated)',
    cost: 'Cost / effort',
    decision: 'Decision for this cycle',
    note: 'Note',
    check: 'Check',
  },
  de: {
    item: 'Vorhaben',
    kind: 'Art',
    team: 'Team',
    objectives: 'Dient den Objectives (IDs, durch Komma getrennt)',
    cost: 'Kosten / Aufwand',
    decision: 'Entscheidung für diesen Zyklus',
    note: 'Notiz',
    check: 'Prüfung',
  },
};

export const PORTFOLIO_WORDS = {
  en: { noObjective: '⚠ serves no objective', unknown: '⚠ unknown objective: ', ok: 'ok' },
  de: { noObjective: '⚠ dient keinem Objective', unknown: '⚠ unbekanntes Objective: ', ok: 'ok' },
} as const;

/** Absolute, bounded references to the portfolio's columns, e.g. `Portfolio!$D$2:$D$301`. */
export function portfolioRefs(lang: Language): Record<PortfolioKey, string> {
  const sheet = sheetRef(SHEET_NAMES[lang].portfolio);
  const ref = (key: PortfolioKey) => {
    const c = columnLetter(PORTFOLIO_COLUMN[key]);
    return `${sheet}!$${c}$2:$${c}$${PORTFOLIO_ROWS + 1}`;
  };
  return Object.fromEntries(PORTFOLIO_KEYS.map((key) => [key, ref(key)])) as Record<PortfolioKey, string>;
}

/**
 * How many portfolio items serving objective `idCell` have decision `decision`:
 * the IDs cell is matched as a list (",O-1," in ",O-1,O-12,"), so O-1 never counts O-12's items.
 */
export function portfolioCountFormula(idCell: string, decision: PortfolioDecision, lang: Language): string {
  const p = portfolioRefs(lang);
  const list = `","&SUBSTITUTE(SUBSTITUTE(${p.objectives}," ",""),";",",")&","`;
  return `SUMPRODUCT(ISNUMBER(SEARCH(","&TRIM(${idCell})&",",${list}))*(TRIM(${p.decision})=${quote(DECISION_LABELS[lang][decision])}))`;
}

/** "now · later · stop" counts for an objective, e.g. `2 · 0 · 1`; blank when no item serves it. */
export function portfolioSummaryFormula(idCell: string, lang: Language): string {
  const [now, later, stop] = PORTFOLIO_DECISIONS.map((d) => portfolioCountFormula(idCell, d, lang));
  return `=IFERROR(IF(TRIM(${idCell})="","",IF(${now}+${later}+${stop}=0,"",${now}&" · "&${later}&" · "&${stop})),"")`;
}

export const CONFLICT_LABEL: Record<Language, string> = { en: '⚠ conflict: now and stop', de: '⚠ Konflikt: jetzt und stoppen' };

/** A warning when items of the same objective are marked both "now" and "stop". */
export function portfolioConflictFormula(idCell: string, lang: Language): string {
  return `=IFERROR(IF(AND(TRIM(${idCell})<>"",${portfolioCountFormula(idCell, 'now', lang)}>0,${portfolioCountFormula(idCell, 'stop', lang)}>0),${quote(CONFLICT_LABEL[lang])},""),"")`;
}

/**
 * The same warning read from a `portfolioSummaryFormula` cell ("now · later · stop", blank when no item
 * serves the objective): the first and the last count, instead of scanning the portfolio twice more.
 */
export function portfolioConflictFromSummary(summaryCell: string, lang: Language): string {
  const now = `LEFT(${summaryCell},FIND(" ",${summaryCell})-1)`;
  const stop = `TRIM(RIGHT(SUBSTITUTE(${summaryCell}," ",REPT(" ",20)),20))`;
  return `=IFERROR(IF(AND(${summaryCell}<>"",${now}<>"0",${stop}<>"0"),${quote(CONFLICT_LABEL[lang])},""),"")`;
}

function checkFormula(row: number, lang: Language, registerRows: number): string {
  const c = (key: PortfolioKey) => `$${columnLetter(PORTFOLIO_COLUMN[key])}${row}`;
  const register = sheetRef(SHEET_NAMES[lang].register);
  const ids = `${register}!$${columnLetter(REGISTER_COLUMN.objectiveId)}$2:$${columnLetter(REGISTER_COLUMN.objectiveId)}$${registerRows + 1}`;
  const words = PORTFOLIO_WORDS[lang];
  const single = `AND(ISERROR(SEARCH(",",${c('objectives')})),ISERROR(SEARCH(";",${c('objectives')})))`;
  return (
    `=IF(TRIM(${c('item')})="","",IF(TRIM(${c('objectives')})="",${quote(words.noObjective)},` +
    `IF(AND(${single},COUNTIF(${ids},TRIM(${c('objectives')}))=0),${quote(words.unknown)}&TRIM(${c('objectives')}),${quote(words.ok)})))`
  );
}

/** An empty portfolio: headers, drop-downs, check formulas. `registerRows` bounds the ID check (the register's capacity). */
export function portfolioPlan(lang: Language, registerRows: number): SheetPlan {
  const headers = HEADERS[lang];
  const rows = PORTFOLIO_ROWS + 1;
  const C = PORTFOLIO_COLUMN;
  const validations: Partial<Record<PortfolioKey, ValidationPlan>> = {
    kind: { kind: 'list', values: KIND_LABELS[lang], allowInvalid: true },
    team: { kind: 'listFromRange', a1: settingsRefs(lang).teams, allowInvalid: true },
    decision: { kind: 'list', values: Object.values(DECISION_LABELS[lang]), allowInvalid: false },
    cost: { kind: 'numberAtLeast', min: 0, allowInvalid: false },
  };
  const cells: CellPlan[][] = grid(rows, PORTFOLIO_WIDTH, (r, c) =>
    r === 0 ? text(headers[PORTFOLIO_KEYS[c]]) : c + 1 === C.check ? formula(checkFormula(r + 1, lang, registerRows)) : BLANK,
  );
  const check = columnLetter(C.check);
  return {
    name: SHEET_NAMES[lang].portfolio,
    cells,
    numberFormats: grid(rows, PORTFOLIO_WIDTH, (r, c) => (r > 0 && c + 1 === C.cost ? '#,##0.##' : '')),
    validations: grid(rows, PORTFOLIO_WIDTH, (r, c) => (r === 0 ? null : validations[PORTFOLIO_KEYS[c]] ?? null)),
    bold: grid(rows, PORTFOLIO_WIDTH, (r) => r === 0),
    backgrounds: grid(rows, PORTFOLIO_WIDTH, (r, c) => (r === 0 ? (c + 1 === C.check ? '#d2e3fc' : '#e8eaed') : null)),
    frozenRows: 1,
    columnWidths: { [C.item]: 240, [C.objectives]: 200, [C.note]: 240, [C.check]: 200 },
    protect: { a1: `${check}2:${check}${rows}` },
  };
}

export interface PortfolioItem {
  item: string;
  objectives: string[];
  decision: string;
}

/** Items as read (rows 2..): for the refresh message (unknown IDs in lists the Check formula cannot see). */
export function parsePortfolio(values: readonly (readonly unknown[])[]): PortfolioItem[] {
  return values
    .slice(1)
    .map((line) => ({
      item: textOf(line[PORTFOLIO_COLUMN.item - 1]),
      objectives: textOf(line[PORTFOLIO_COLUMN.objectives - 1])
        .split(/[,;]/)
        .map((id) => id.trim())
        .filter(Boolean),
      decision: textOf(line[PORTFOLIO_COLUMN.decision - 1]),
    }))
    .filter((item) => item.item);
}
