/**
 * Importing goals people already keep in a sheet of their own: propose which
 * column means what from the header row (English or German words and common
 * synonyms), then read the rows below into register drafts grouped into
 * objectives, and list every row that cannot be read with the reason.
 *
 * Rules (README, "Import existing OKRs"):
 * - A blank objective cell takes the objective (and team) of the row above:
 *   sheets often write an objective once, or merge its cells.
 * - A row with only an objective (no KR title, no numbers) names the
 *   objective; its key results may follow on the next rows.
 * - Rows with the same team and objective title (case and spaces ignored) form
 *   one objective, wherever they stand.
 * - A team that is not in Settings is rejected with a hint to add it there
 *   first: the import never changes Settings behind the user's back.
 * - Numbers may be typed as text: `12,5`, `1.234,5`, `1,234.5`, `40 %`, `50.000 €`.
 * - A KR already in the register (same team, objective and KR title) or twice
 *   in the selection is reported as a duplicate, so importing twice adds nothing twice.
 */
import { isDateValue } from './cellValues';
import { DECIMAL_SEPARATORS, format, type Bilingual, type Language } from './i18n';
import { parseGoalType, parseKrKind, type GoalType, type KrKind } from './vocabulary';

export const IMPORT_ROLES = ['ignore', 'objective', 'keyResult', 'team', 'start', 'target', 'current', 'unit', 'goalType', 'kind'] as const;
export type ImportRole = (typeof IMPORT_ROLES)[number];
/** One role per column of the selection. */
export type ImportMapping = ImportRole[];

export const ROLE_LABELS: Record<Language, Record<ImportRole, string>> = {
  en: {
    ignore: '(ignore)',
    objective: 'Objective',
    keyResult: 'Key result',
    team: 'Team / owner',
    start: 'Start',
    target: 'Target',
    current: 'Current',
    unit: 'Unit',
    goalType: 'Goal type',
    kind: 'Direction',
  },
  de: {
    ignore: '(ignorieren)',
    objective: 'Objective',
    keyResult: 'Key Result',
    team: 'Team / verantwortlich',
    start: 'Startwert',
    target: 'Zielwert',
    current: 'Aktueller Wert',
    unit: 'Einheit',
    goalType: 'Zieltyp',
    kind: 'Richtung',
  },
};

/** Header words per role, normalized (see `normalizeHeader`). "ziel" is ambiguous and handled apart. */
const SYNONYMS: Record<Exclude<ImportRole, 'ignore'>, string[]> = {
  objective: ['objective', 'objectives', 'objective titel', 'objective title', 'objektiv', 'oberziel', 'goal', 'goals', 'ziele', 'zielsetzung', 'o'],
  keyResult: ['key result', 'key results', 'keyresult', 'kr', 'krs', 'kr titel', 'kr title', 'schlüsselergebnis', 'schlüsselergebnisse', 'messgröße', 'messgrösse', 'messgroesse', 'kennzahl', 'kpi', 'metric', 'measure', 'ergebnis'],
  team: ['team', 'owner', 'owners', 'verantwortlich', 'verantwortlicher', 'verantwortliche', 'verantwortung', 'abteilung', 'department', 'bereich', 'zuständig', 'zuständigkeit', 'eigentümer'],
  start: ['start', 'startwert', 'start value', 'ausgangswert', 'ausgang', 'baseline', 'basis', 'basiswert', 'from', 'von', 'anfangswert'],
  target: ['target', 'target value', 'zielwert', 'ziel wert', 'soll', 'sollwert', 'soll wert', 'to', 'bis', 'goal value'],
  current: ['current', 'current value', 'aktuell', 'aktueller wert', 'aktueller stand', 'ist', 'istwert', 'ist wert', 'stand', 'actual', 'fortschritt', 'progress'],
  unit: ['unit', 'units', 'einheit', 'maßeinheit'],
  goalType: ['goal type', 'zieltyp', 'ziel typ', 'type', 'typ', 'art', 'shot', 'roofshot moonshot'],
  kind: ['direction', 'richtung', 'trend'],
};

export function normalizeHeader(value: unknown): string {
  return String(value ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function roleOf(header: string): Exclude<ImportRole, 'ignore'> | 'ziel' | null {
  const full = normalizeHeader(header);
  // "Zielwert (EUR)" is still a target: try the header without a bracketed part too.
  const bare = normalizeHeader(String(header ?? '').replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
  for (const candidate of [full, bare]) {
    if (!candidate) continue;
    if (candidate === 'ziel') return 'ziel';
    for (const [role, words] of Object.entries(SYNONYMS) as [Exclude<ImportRole, 'ignore'>, string[]][]) {
      if (words.includes(candidate) || words.includes(candidate.replace(/ /g, ''))) return role;
    }
  }
  return null;
}

/**
 * A role per column from the header row. Each role goes to the first column
 * that names it; "Ziel" means the objective unless another column is the
 * objective, then the target. Unknown headers are ignored.
 */
export function proposeMapping(headerRow: readonly unknown[]): ImportMapping {
  const found = headerRow.map((header) => roleOf(String(header ?? '')));
  const mapping: ImportMapping = found.map(() => 'ignore');
  const taken = new Set<ImportRole>();
  found.forEach((role, i) => {
    if (role && role !== 'ziel' && !taken.has(role)) {
      mapping[i] = role;
      taken.add(role);
    }
  });
  found.forEach((role, i) => {
    if (role !== 'ziel') return;
    const pick: ImportRole | null = !taken.has('objective') ? 'objective' : !taken.has('target') ? 'target' : null;
    if (pick) {
      mapping[i] = pick;
      taken.add(pick);
    }
  });
  return mapping;
}

/** Whether a row looks like a header: it names at least two roles. */
export function looksLikeHeader(row: readonly unknown[]): boolean {
  return proposeMapping(row).filter((role) => role !== 'ignore').length >= 2;
}

/** A key result read from the source, before it gets ids. */
export interface ImportDraft {
  /** The sheet row it came from (1-based). */
  sourceRow: number;
  /** Rows with the same key share an objective: team + objective title, normalized. */
  objectiveKey: string;
  objective: string;
  team: string;
  goalType: GoalType;
  /** Blank for an objective named without key results. */
  keyResult: string;
  kind: KrKind | null;
  start: number | null;
  target: number | null;
  current: number | null;
  unit: string;
}

export interface ImportProblem {
  row: number;
  reason: string;
}

export interface ImportRead {
  rows: ImportDraft[];
  problems: ImportProblem[];
  /** Distinct objectives among `rows`. */
  objectives: number;
}

/** What the register already holds, to spot duplicates. */
export interface ExistingKeyResult {
  team: string;
  objective: string;
  keyResult: string;
  krId: string;
  objectiveId?: string;
}

const TEXT = {
  notNumber: { en: '{field} "{value}" is not a number.', de: '{field} „{value}“ ist keine Zahl.' },
  noObjective: { en: 'No objective: the objective cell is blank and no row above names one.', de: 'Kein Objective: die Objective-Zelle ist leer, und keine Zeile darüber nennt eines.' },
  noKeyResult: { en: 'No key result title, but values: what is measured here?', de: 'Kein Key-Result-Titel, aber Werte: Was wird hier gemessen?' },
  sameStartTarget: { en: 'Start and target are both {value}: the key result could never be scored.', de: 'Startwert und Zielwert sind beide {value}: Das Key Result ließe sich nie bewerten.' },
  noTeam: { en: 'No team: name the owning team.', de: 'Kein Team: nenne das verantwortliche Team.' },
  unknownTeam: {
    en: 'Team "{team}" is not in Settings. Add it to the team list (Settings, column D), then import again.',
    de: 'Team „{team}“ steht nicht in den Einstellungen. Ergänze es in der Teamliste (Einstellungen, Spalte D) und importiere erneut.',
  },
  unknownGoalType: { en: 'Goal type "{value}" is unknown (roofshot or moonshot).', de: 'Zieltyp „{value}“ ist unbekannt (Roofshot oder Moonshot).' },
  unknownKind: {
    en: 'Direction "{value}" is unknown (increase, decrease, maintain, milestone, baseline).',
    de: 'Richtung „{value}“ ist unbekannt (steigern, senken, halten, Meilenstein, Basiswert).',
  },
  duplicateRow: { en: 'Duplicate of row {row}: same team, objective and key result.', de: 'Doppelt zu Zeile {row}: gleiches Team, Objective und Key Result.' },
  duplicateRegister: { en: 'Already in the register as {id}.', de: 'Steht schon als {id} im Register.' },
  tooLong: { en: '{field} is longer than {max} characters.', de: '{field} ist länger als {max} Zeichen.' },
} satisfies Record<string, Bilingual>;

const FIELD: Record<Language, Record<'start' | 'target' | 'current' | 'objective' | 'keyResult', string>> = {
  en: { start: 'Start', target: 'Target', current: 'Current', objective: 'The objective', keyResult: 'The key result' },
  de: { start: 'Der Startwert', target: 'Der Zielwert', current: 'Der aktuelle Wert', objective: 'Das Objective', keyResult: 'Das Key Result' },
};

const MAX_TITLE = 500;

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDateValue(value)) return '';
  return String(value).replace(/\s+/g, ' ').trim();
}

const key = (...parts: string[]) => parts.map((p) => p.toLowerCase().replace(/\s+/g, ' ').trim()).join('\u0001');

/** The key that groups rows into one objective: team and title, case and spaces ignored. */
export const objectiveKey = (team: string, objective: string): string => key(team, objective);

/**
 * A number from a cell: numbers as they are; text such as `12,5`, `1.234,5`,
 * `1,234.5`, `40 %`, `50.000 €`, `-3`. `unit` is a unit symbol found in the text.
 * `undefined` for blank, `null` for text that is no number.
 */
export function readNumber(value: unknown, lang: Language): { value: number; unit: string } | null | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? { value, unit: '' } : null;
  if (typeof value !== 'string') return null;
  let s = value.replace(/\u00a0/g, ' ').trim();
  if (!s) return undefined;
  let unit = '';
  const symbol = /^(.*?)\s*(%|€|\$|£|eur|usd|chf)$/i.exec(s) ?? /^(€|\$|£)\s*(.*)$/.exec(s);
  if (symbol) {
    const [num, sym] = /^(€|\$|£)$/.test(symbol[1]) ? [symbol[2], symbol[1]] : [symbol[1], symbol[2]];
    s = num.trim();
    unit = sym === '%' ? '%' : sym.toUpperCase() === 'EUR' || sym === '€' ? 'EUR' : sym.toUpperCase() === 'USD' || sym === '$' ? 'USD' : sym.toUpperCase();
  }
  s = s.replace(/[ ']/g, '');
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one is the decimal mark.
    normalized = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const thousands = /^[+-]?\d{1,3}(,\d{3})+$/.test(s);
    if (thousands && lang === 'en') normalized = s.replace(/,/g, '');
    else if ((s.match(/,/g) ?? []).length > 1) normalized = s.replace(/,/g, '');
    else normalized = s.replace(',', '.');
  } else if (lastDot >= 0) {
    const thousands = /^[+-]?\d{1,3}(\.\d{3})+$/.test(s);
    normalized = (thousands && lang === 'de') || (s.match(/\./g) ?? []).length > 1 ? s.replace(/\./g, '') : s;
  } else normalized = s;
  const n = Number(normalized);
  return Number.isFinite(n) ? { value: n, unit } : null;
}

/**
 * Reads the selection. `values` is the whole selection as `getValues` returns
 * it; `headerRows` (0 or 1) rows at its top are headers; `firstRow` is the
 * sheet row of `values[0]`, for the problem list. `teams` are Settings' teams
 * (an empty list accepts any team).
 */
export function readImportRows(
  values: readonly (readonly unknown[])[],
  mapping: ImportMapping,
  lang: Language,
  teams: readonly string[],
  options: { firstRow?: number; headerRows?: number; existing?: readonly ExistingKeyResult[] } = {},
): ImportRead {
  const firstRow = options.firstRow ?? 1;
  const headerRows = options.headerRows ?? (values.length && looksLikeHeader(values[0]) ? 1 : 0);
  const column = (role: ImportRole) => mapping.indexOf(role);
  const teamByKey = new Map(teams.map((team) => [team.trim().toLowerCase(), team.trim()]));
  const existing = new Map((options.existing ?? []).map((kr) => [key(kr.team, kr.objective, kr.keyResult), kr.krId]));
  const seen = new Map<string, number>();
  const existingObjectives = new Map((options.existing ?? []).map((kr) => [key(kr.team, kr.objective), kr.objectiveId ?? '']));
  /** Objectives that rows with a key result or values mention, readable or not. */
  const mentioned = new Set<string>();
  const rows: ImportDraft[] = [];
  const problems: ImportProblem[] = [];
  const named = new Set<string>();
  let above: { objective: string; team: string; goalType: string } | null = null;

  for (let i = headerRows; i < values.length; i++) {
    const line = values[i];
    const row = firstRow + i;
    const cell = (role: ImportRole) => {
      const c = column(role);
      return c >= 0 ? line[c] : undefined;
    };
    const said: string[] = [];
    const problem = (text: Bilingual, params: Record<string, string | number> = {}) => said.push(format(text[lang], params));
    if (mapping.every((role, c) => role === 'ignore' || textOf(line[c]) === '')) continue;

    let objective = textOf(cell('objective'));
    let teamText = textOf(cell('team'));
    let goalText = textOf(cell('goalType'));
    if (!objective && above) {
      objective = above.objective;
      if (!teamText) teamText = above.team;
      if (!goalText) goalText = above.goalType;
    }
    const keyResult = textOf(cell('keyResult'));
    const numbers = {} as Record<'start' | 'target' | 'current', number | null>;
    let unit = textOf(cell('unit'));
    for (const field of ['start', 'target', 'current'] as const) {
      const raw = cell(field);
      const read = readNumber(raw, lang);
      numbers[field] = null;
      if (read === null) problem(TEXT.notNumber, { field: FIELD[lang][field], value: textOf(raw).slice(0, 40) });
      else if (read) {
        numbers[field] = read.value;
        if (!unit && read.unit) unit = read.unit;
      }
    }
    const hasValues = ['start', 'target', 'current', 'unit', 'kind'].some((role) => textOf(cell(role as ImportRole)) !== '');
    if (!objective) problem(TEXT.noObjective);
    if (!keyResult && hasValues) problem(TEXT.noKeyResult);
    if (objective.length > MAX_TITLE) problem(TEXT.tooLong, { field: FIELD[lang].objective, max: MAX_TITLE });
    if (keyResult.length > MAX_TITLE) problem(TEXT.tooLong, { field: FIELD[lang].keyResult, max: MAX_TITLE });

    let team = teamText;
    if (!teamText) problem(TEXT.noTeam);
    else if (teamByKey.size) {
      const known = teamByKey.get(teamText.toLowerCase());
      if (known) team = known;
      else problem(TEXT.unknownTeam, { team: teamText.slice(0, 80) });
    }
    const goalType = goalText ? parseGoalType(goalText) : 'roofshot';
    if (!goalType) problem(TEXT.unknownGoalType, { value: goalText.slice(0, 40) });
    const kindText = textOf(cell('kind'));
    let kind: KrKind | null = kindText ? parseKrKind(kindText) ?? null : null;
    if (kindText && !kind) problem(TEXT.unknownKind, { value: kindText.slice(0, 40) });
    if (keyResult && !kind && numbers.start !== null && numbers.target !== null) kind = numbers.target < numbers.start ? 'decrease' : 'increase';
    if (keyResult && numbers.start !== null && numbers.start === numbers.target && kind !== 'baseline')
      problem(TEXT.sameStartTarget, { value: String(numbers.start).replace('.', DECIMAL_SEPARATORS[lang]) });

    // A named objective stays "above" for the next rows even when this row has problems of its own.
    if (textOf(cell('objective'))) above = { objective, team: teamText, goalType: goalText };

    if (!said.length && keyResult) {
      const k = key(team, objective, keyResult);
      const earlier = seen.get(k);
      const inRegister = existing.get(k);
      if (earlier !== undefined) problem(TEXT.duplicateRow, { row: earlier });
      else if (inRegister) problem(TEXT.duplicateRegister, { id: inRegister });
      else seen.set(k, row);
    }
    const groupKey = key(team, objective);
    if (keyResult || hasValues) mentioned.add(groupKey);
    else if (!said.length && existingObjectives.has(groupKey)) problem(TEXT.duplicateRegister, { id: existingObjectives.get(groupKey) || objective.slice(0, 40) });
    if (said.length) {
      problems.push({ row, reason: said.join(' ') });
      continue;
    }
    // An objective-only row names an objective; it is dropped when key results of that objective follow.
    if (!keyResult && named.has(groupKey)) continue;
    named.add(groupKey);
    rows.push({
      sourceRow: row,
      objectiveKey: groupKey,
      objective,
      team,
      goalType: goalType as GoalType,
      keyResult,
      kind,
      start: numbers.start,
      target: numbers.target,
      current: numbers.current,
      unit,
    });
  }
  // Objective-only rows name an objective that has no key result rows at all (readable or not); otherwise they are not needed.
  const kept = rows.filter((r) => r.keyResult || !mentioned.has(r.objectiveKey));
  return { rows: kept, problems, objectives: new Set(kept.map((r) => r.objectiveKey)).size };
}

/** Orders drafts so each objective's key results stand together, objectives in order of first appearance. */
export function groupByObjective(rows: readonly ImportDraft[]): ImportDraft[][] {
  const groups = new Map<string, ImportDraft[]>();
  for (const row of rows) {
    const group = groups.get(row.objectiveKey);
    if (group) group.push(row);
    else groups.set(row.objectiveKey, [row]);
  }
  return [...groups.values()];
}
