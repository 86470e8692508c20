/**
 * Planning the next cycle from the one that ends: which objectives, key
 * results and key tactics are carried (by the review's decisions), the quick
 * wins the retrospective chose, the next cycle's name and dates, and the new
 * names of the old cycle's sheets (archived: renamed, kept, never deleted).
 *
 * Carry rules (README, "Start the next cycle"):
 * - continue: the objective and its key results are carried with their ids;
 *   change: carried the same way and flagged for rework (a note on the
 *   objective); drop: not carried; no decision in the review: carried and
 *   flagged "continue?".
 * - A carried key result's current value and confidence start blank. Its new
 *   start is the last current value for "increase" and "decrease" key results
 *   that have one and have not reached the target yet (progress goes on from
 *   where it ended); a reached target keeps the old start and is flagged
 *   (raise the target); "maintain" (a band), "milestone" and unmeasured key
 *   results keep their start; a "baseline" key result takes the measured
 *   value as its start and is flagged (set a target).
 * - A parent objective that is not carried is cleared from its children.
 * - Key tactics of carried objectives and team-wide tactics of teams still
 *   in the cycle are carried ("last discussed" cleared).
 */
import { quarterDates, type CycleSetup } from './cycleSetup';
import { format, LANGUAGES, type Bilingual, type Language } from './i18n';
import { pad } from './isoWeek';
import type { RegisterRow } from './layout/register';
import { REVIEW_COLUMN, reviewSheetName } from './layout/review';
import { retrospectiveSheetName } from './layout/retrospective';
import type { TacticRow } from './layout/tactics';
import type { Cycle } from './schema';
import { SHEET_NAMES } from './texts';

export type Decision = 'continue' | 'change' | 'drop';

const DECISION_WORDS: Record<string, Decision> = {
  continue: 'continue',
  keep: 'continue',
  fortführen: 'continue',
  fortfuehren: 'continue',
  fortsetzen: 'continue',
  weiter: 'continue',
  weiterführen: 'continue',
  beibehalten: 'continue',
  change: 'change',
  adapt: 'change',
  ändern: 'change',
  aendern: 'change',
  anpassen: 'change',
  drop: 'drop',
  stop: 'drop',
  streichen: 'drop',
  beenden: 'drop',
  verwerfen: 'drop',
};

export function parseDecision(value: unknown): Decision | null {
  const word = String(value ?? '')
    .trim()
    .toLowerCase();
  return DECISION_WORDS[word] ?? null;
}

/** The review's decisions by objective id, from the review sheet's values (any row whose column A is an id and column I a decision). */
export function readReviewDecisions(values: readonly (readonly unknown[])[]): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  for (const line of values) {
    const id = String(line[REVIEW_COLUMN.objectiveId - 1] ?? '').trim();
    const decision = parseDecision(line[REVIEW_COLUMN.decision - 1]);
    if (id && decision) decisions.set(id, decision);
  }
  return decisions;
}


/**
 * The cycle after `old`: it starts the day after the old end. Quarterly:
 * the quarter that day falls in, up to that quarter's end, named in the old
 * name's style (`1. Quartal 2027` → `2. Quartal 2027`, `2027-Q1` → `2027-Q2`,
 * else `Q2 2027`). Monthly: that month (named `2027-02`).
 */
export function followingCycle(old: Pick<Cycle, 'end' | 'cadence'> & { name?: string }): Cycle {
  const [y, m, d] = old.end.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const year = next.getUTCFullYear();
  const month = next.getUTCMonth() + 1;
  const start = `${year}-${pad(month)}-${pad(next.getUTCDate())}`;
  if (old.cadence === 'monthly') {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { name: `${year}-${pad(month)}`, start, end: `${year}-${pad(month)}-${pad(last)}`, cadence: 'monthly' };
  }
  const name = quarterNameLike(old.name ?? '', Math.floor((month - 1) / 3) + 1, year);
  const quarter = quarterDates(name)!;
  return { name, start, end: quarter.end, cadence: 'quarterly' };
}

/** A quarter's name written the way `like` writes its quarter (the forms `quarterDates` reads); `Q2 2027` otherwise. */
export function quarterNameLike(like: string, quarter: number, year: number): string {
  const text = like.trim();
  let m: RegExpExecArray | null;
  if ((m = /^([Qq])(\s*[/ -]?\s*)(\d{4})$/.exec(text.replace(/^([Qq])[1-4]/, '$1')))) return `${m[1]}${quarter}${m[2]}${year}`;
  if ((m = /^(\d{4})(\s*[/ -]?\s*)([Qq])[1-4]$/.exec(text))) return `${year}${m[2]}${m[3]}${quarter}`;
  if ((m = /^[1-4]\.(\s*)(Quartal)(\s+)\d{4}$/i.exec(text))) return `${quarter}.${m[1]}${m[2]}${m[3]}${year}`;
  return `Q${quarter} ${year}`;
}

export type CarryFlag = 'change' | 'undecided' | 'targetReached' | 'baseline';

export const FLAG_NOTES: Record<CarryFlag, Bilingual> = {
  change: {
    en: 'Carried from {cycle}: the review decided "change". Rework this objective and its key results.',
    de: 'Aus {cycle} übernommen: Das Review hat „ändern“ entschieden. Überarbeitet dieses Objective und seine Key Results.',
  },
  undecided: {
    en: 'Carried from {cycle} without a decision in the review: continue? Decide, or delete it in the sidebar.',
    de: 'Aus {cycle} ohne Entscheidung im Review übernommen: Fortführen? Entscheidet das oder löscht es in der Seitenleiste.',
  },
  targetReached: {
    en: 'Reached its target in {cycle} ({value}): raise the target, or drop the key result.',
    de: 'Hat seinen Zielwert in {cycle} erreicht ({value}): Hebt den Zielwert an oder streicht das Key Result.',
  },
  baseline: {
    en: 'Baseline measured in {cycle}: {value}. Set a direction and a target.',
    de: 'Basiswert in {cycle} gemessen: {value}. Legt Richtung und Zielwert fest.',
  },
};

export interface CarriedRow {
  row: RegisterRow;
  /** Notes for the objective cell and the key-result cell ('' for none). */
  objectiveNote: string;
  keyResultNote: string;
}

export interface CarryPlan {
  setup: CycleSetup;
  rows: CarriedRow[];
  tactics: TacticRow[];
  quickWins: string[];
  /** Objective ids by what happens to them. */
  continued: string[];
  changed: string[];
  undecided: string[];
  dropped: string[];
}

export interface CarryInput {
  lang: Language;
  old: { cycle: Cycle; teams: string[] };
  rows: readonly RegisterRow[];
  tactics: readonly TacticRow[];
  decisions: ReadonlyMap<string, Decision>;
  quickWins: readonly string[];
}

function carriedKeyResult(row: RegisterRow, say: (flag: CarryFlag, value?: number) => string): { start: number | null; note: string } {
  const current = row.current;
  if (current === null || !row.krId) return { start: row.start, note: '' };
  if (row.kind === 'baseline') return { start: current, note: say('baseline', current) };
  const kind = row.kind ?? (row.start !== null && row.target !== null && row.target < row.start ? 'decrease' : 'increase');
  if ((kind === 'increase' || kind === 'decrease') && row.target !== null) {
    const reached = kind === 'increase' ? current >= row.target : current <= row.target;
    if (reached) return { start: row.start, note: say('targetReached', current) };
    return { start: current, note: '' };
  }
  return { start: row.start, note: '' };
}

export function planNextCycle(input: CarryInput): CarryPlan {
  const { lang } = input;
  const cycle = followingCycle(input.old.cycle);
  const oldName = input.old.cycle.name;
  const say = (flag: CarryFlag, value?: number) => format(FLAG_NOTES[flag][lang], { cycle: oldName, value: value ?? '' });
  const decisionOf = (id: string): Decision | null => input.decisions.get(id) ?? null;
  const ids: string[] = [];
  for (const row of input.rows) if (row.objectiveId && !ids.includes(row.objectiveId)) ids.push(row.objectiveId);
  const continued = ids.filter((id) => decisionOf(id) === 'continue');
  const changed = ids.filter((id) => decisionOf(id) === 'change');
  const undecided = ids.filter((id) => decisionOf(id) === null);
  const dropped = ids.filter((id) => decisionOf(id) === 'drop');
  const carriedIds = new Set([...continued, ...changed, ...undecided]);
  const noted = new Set<string>();
  const rows: CarriedRow[] = [];
  for (const row of input.rows) {
    if (!row.objectiveId || !carriedIds.has(row.objectiveId)) continue;
    const decision = decisionOf(row.objectiveId);
    let objectiveNote = '';
    if (!noted.has(row.objectiveId)) {
      noted.add(row.objectiveId);
      if (decision === 'change') objectiveNote = say('change');
      else if (decision === null) objectiveNote = say('undecided');
    }
    const { start, note } = carriedKeyResult(row, say);
    rows.push({
      row: {
        ...row,
        parentId: row.parentId && carriedIds.has(row.parentId) ? row.parentId : '',
        start,
        current: null,
        confidence: null,
        dependsOn: [...row.dependsOn],
      },
      objectiveNote,
      keyResultNote: note,
    });
  }
  const teams = new Set(input.old.teams);
  const tactics = input.tactics
    .filter((t) => (t.objectiveId ? carriedIds.has(t.objectiveId) : teams.has(t.team) || teams.size === 0))
    .map((t) => ({ ...t, lastDiscussed: '' }));
  return {
    setup: { cycle, teams: [...input.old.teams] },
    rows,
    tactics,
    quickWins: input.quickWins.slice(0, 3),
    continued,
    changed,
    undecided,
    dropped,
  };
}

/** Sheet names may hold at most 100 characters. */
export const MAX_SHEET_NAME = 100;

const WEEKLY_NAME = /^Weekly \d{4}-W\d{2}(?: \(\d+\))?$/;

function isEventSheetOf(name: string, cycleName: string): boolean {
  return Boolean(cycleName) && LANGUAGES.some((lang) => name === reviewSheetName(lang, cycleName) || name === retrospectiveSheetName(lang, cycleName));
}

/** Whether a sheet belongs to the running cycle and is archived with it. */
export function isCycleSheet(name: string, cycleName: string): boolean {
  // Every sheet of the cycle but the Archive list, which lists all cycles.
  if (LANGUAGES.some((lang) => Object.entries(SHEET_NAMES[lang]).some(([role, sheet]) => role !== 'archive' && sheet === name))) return true;
  return isEventSheetOf(name, cycleName) || WEEKLY_NAME.test(name);
}

/**
 * New names for the old cycle's sheets: `OKRs (Q4 2026)`, `Weekly 2026-W48 (Q4 2026)`.
 * The cycle's review and retrospective are already named after it and keep
 * their names. At most 100 characters; unique among `sheetNames` (case
 * ignored) and each other. `label` names the cycle in the suffix (its name,
 * or "until <end>" when it has none).
 */
export function archiveNames(sheetNames: readonly string[], cycleName: string, label = cycleName): { from: string; to: string }[] {
  const taken = new Set(sheetNames.map((n) => n.toLowerCase()));
  const renames: { from: string; to: string }[] = [];
  for (const name of sheetNames) {
    if (!isCycleSheet(name, cycleName)) continue;
    if (isEventSheetOf(name, cycleName)) {
      renames.push({ from: name, to: name });
      continue;
    }
    let to = '';
    for (let n = 1; !to || taken.has(to.toLowerCase()); n++) {
      const suffix = ` (${label}${n > 1 ? ` ${n}` : ''})`;
      to = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(to.toLowerCase());
    renames.push({ from: name, to });
  }
  return renames;
}
