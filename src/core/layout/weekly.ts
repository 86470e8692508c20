/**
 * The weekly check-in sheet ("Weekly 2026-W48"): one block per team, laid
 * out for a laptop screen with the sidebar open (every input visible without
 * scrolling sideways) and printed A4 landscape "fit to width", with the four
 * parts of the 30-minute weekly (DOMAIN.md, "The cycle and its events"):
 * (a) status of every key result: start, target, last value, new value,
 *     change, score, pace, confidence, note;
 * (b) the tactical dialog: per key tactic "did we decide the way we want to
 *     decide?" and the one tactical assumption tested this week;
 * (c) problems, improvements, and "target feels unrealistic" (yes/no, KR, why);
 * (d) focus for next week.
 * Column L (hidden) holds a key per row (`kr:KR-1`, `tactic:T-1`,
 * `focus:Sales`, ...) so that "Apply" and a regeneration find every entry
 * again, wherever people moved it.
 */
import { format, type Language } from '../i18n';
import { weekLabel, weekMonday } from '../isoWeek';
import { BLANK, columnLetter, formula, num, text, type CellPlan, type SheetPlan, type ValidationPlan } from './plan';
import { PlanBuilder, SECTION_BACKGROUND, TEAM_BACKGROUND, TypedFormula, carriedCell, textOf } from './builder';
import { type RegisterRow } from './register';
import { weeklyPaceFormula, weeklyScoreFormula } from './lookups';
import type { TacticRow } from './tactics';

/**
 * 1-based columns of the weekly. Inputs are always in F (new value, tactic
 * rating, a team's answer), J (confidence, the KR of an unrealistic target)
 * and K (note, example, why).
 */
export const WEEKLY_COLUMN = { id: 1, title: 2, start: 3, target: 4, last: 5, input: 6, change: 7, score: 8, pace: 9, second: 10, note: 11, key: 12 } as const;
export const WEEKLY_WIDTH = 11;
/**
 * Widths in pixels: 976 in all, what a 1366-px laptop window shows beside the
 * 300-px sidebar (row numbers, scroll bar and side panel take the rest), so
 * the three input columns are on screen without scrolling sideways. Numbers up
 * to 9,999,999 and German one-word headers (Startwert, Zielwert, Änderung) fit
 * a 76-px cell, "nicht im Plan" and "Zuversicht" a 90-px one; notes wrap in the
 * widest. Five runs of equal widths: five `setColumnWidths` calls.
 */
export const WEEKLY_WIDTHS: Record<number, number> = { 1: 55, 2: 135, 3: 76, 4: 76, 5: 76, 6: 76, 7: 76, 8: 76, 9: 90, 10: 90, 11: 150 };
/** The layout before the status block showed start, target and score (key in column J): still read and carried. */
const OLD_COLUMN = { id: 1, title: 3, last: 4, input: 5, second: 6, note: 9, key: 10 } as const;
export const OLD_WEEKLY_KEY_COLUMN = OLD_COLUMN.key;

export const TACTIC_RATINGS = ['yes', 'partly', 'no'] as const;
export type TacticRating = (typeof TACTIC_RATINGS)[number];
export const TACTIC_RATING_LABELS: Record<Language, Record<TacticRating, string>> = {
  en: { yes: 'yes, fully', partly: 'partly', no: 'no' },
  de: { yes: 'ja, voll', partly: 'teilweise', no: 'nein' },
};
export const YES_NO: Record<Language, { yes: string; no: string }> = { en: { yes: 'yes', no: 'no' }, de: { yes: 'ja', no: 'nein' } };

export function parseTacticRating(value: string): TacticRating | undefined {
  const wanted = value.trim().toLowerCase();
  for (const lang of ['en', 'de'] as const)
    for (const code of TACTIC_RATINGS) if (TACTIC_RATING_LABELS[lang][code].toLowerCase() === wanted || code === wanted) return code;
  return undefined;
}

export function parseYes(value: string): boolean {
  return ['yes', 'ja', 'y', 'j', 'true'].includes(value.trim().toLowerCase());
}

export const WEEKLY_TEXT = {
  en: {
    title: 'Weekly {week}',
    from: '{week}, from Monday, {monday}',
    hint: "Enter this week's values in the yellow cells. Then: Extensions > OKR for Sheets > Apply this week's check-in. Print: File > Print > Landscape, Fit to width.",
    team: 'Team: {team}',
    noTeam: '(no team)',
    status: '(a) Status of the key results',
    statusHeaders: ['KR ID', 'Key result', 'Start', 'Target', 'Last value', 'New value', 'Change', 'Score', 'Pace', 'Confidence (0-10)', 'Note'],
    dialog: '(b) Tactical dialog: not "did we hit the numbers?" but "did we decide the way we want to decide?"',
    dialogHeaders: ['Tactic ID', 'Key tactic', '', '', '', 'Did we decide this way?', '', '', '', '', 'Example'],
    noTactics: 'No key tactics yet: write them in the Tactics sheet.',
    assumption: 'The one tactical assumption we tested this week (and what we saw)',
    reflection: '(c) Reflection',
    problems: 'Problems and changed conditions',
    improvements: 'What we improve',
    unrealistic: 'Does a target value feel unrealistic? Yes/no, KR ID, why',
    outlook: '(d) Outlook',
    focus: 'Our focus for next week',
    kept: 'Kept from the earlier version of this sheet (rows that no longer match a key result or tactic)',
  },
  de: {
    title: 'Weekly {week}',
    from: '{week}, ab Montag, {monday}',
    hint: 'Tragt die Werte dieser Woche in die gelben Zellen ein. Danach: Erweiterungen > OKR for Sheets > Check-in dieser Woche übernehmen. Drucken: Datei > Drucken > Querformat, An Breite anpassen.',
    team: 'Team: {team}',
    noTeam: '(ohne Team)',
    status: '(a) Stand der Key Results',
    statusHeaders: ['KR-ID', 'Key Result', 'Startwert', 'Zielwert', 'Letzter Wert', 'Neuer Wert', 'Änderung', 'Score', 'Status', 'Zuversicht (0-10)', 'Notiz'],
    dialog: '(b) Taktischer Dialog: nicht „Haben wir die Zahlen erreicht?“, sondern „Haben wir so entschieden, wie wir entscheiden wollen?“',
    dialogHeaders: ['Taktik-ID', 'Key Tactic', '', '', '', 'So entschieden?', '', '', '', '', 'Beispiel'],
    noTactics: 'Noch keine Key Tactics: Schreibt sie ins Blatt Taktiken.',
    assumption: 'Die eine taktische Annahme, die wir diese Woche getestet haben (und was wir gesehen haben)',
    reflection: '(c) Reflexion',
    problems: 'Probleme und veränderte Bedingungen',
    improvements: 'Was wir verbessern',
    unrealistic: 'Wirkt ein Zielwert unrealistisch? Ja/nein, KR-ID, warum',
    outlook: '(d) Ausblick',
    focus: 'Unser Fokus für die nächste Woche',
    kept: 'Aus der früheren Fassung dieses Blatts behalten (Zeilen ohne passendes Key Result oder Taktik)',
  },
} as const;

export function weeklySheetName(week: string): string {
  return `Weekly ${week}`;
}

/** The team-level entries of a weekly, by the key prefix of their row. */
export const TEAM_ENTRY_KINDS = ['assumption', 'problems', 'improvements', 'unrealistic', 'focus'] as const;
export type TeamEntryKind = (typeof TEAM_ENTRY_KINDS)[number];

export interface WeeklyInput {
  lang: Language;
  week: string;
  rows: readonly RegisterRow[];
  tactics: readonly TacticRow[];
  /** Last value per KR id (from the check-in log); KRs not in it show the register's current value. */
  lastValues?: ReadonlyMap<string, number | null>;
  /** The register's sheet row of each KR ID (default: the rows in order from row 2, as the register plan writes them). */
  registerRows?: ReadonlyMap<string, number>;
  /** The values of an earlier version of this sheet (typed formulas as TypedFormula): what people entered is carried over. */
  previous?: readonly (readonly unknown[])[];
}


/** Teams in register order, then teams that only have tactics. */
function teamOrder(rows: readonly RegisterRow[], tactics: readonly TacticRow[]): string[] {
  const teams: string[] = [];
  for (const team of [...rows.map((r) => r.team), ...tactics.map((t) => t.team)]) if (!teams.includes(team)) teams.push(team);
  return teams;
}

export function weeklyPlan(input: WeeklyInput): SheetPlan {
  const { lang, week } = input;
  const t = WEEKLY_TEXT[lang];
  const C = WEEKLY_COLUMN;
  const b = new PlanBuilder(WEEKLY_WIDTH, true);
  const previousRow = new Map<string, number>();
  const previous = input.previous ? upgradeWeekly(input.previous) : undefined;
  (previous ?? []).forEach((line, i) => {
    const key = textOf(line[C.key - 1]);
    if (key && !previousRow.has(key)) previousRow.set(key, i);
  });
  const used = new Set<string>();
  /** What people entered before in a cell of an earlier row (a formula they typed, read as TypedFormula, stays one). */
  const entered = (index: number, column: number): CellPlan => carriedCell(previous?.[index]?.[column - 1]);
  /** The cell for an input column: what people entered before, else blank. */
  const carried = (key: string, column: number): CellPlan => {
    const index = previousRow.get(key);
    return index === undefined ? BLANK : entered(index, column);
  };
  const inOrder = new Map<string, number>();
  input.rows.forEach((r, i) => inOrder.has(r.krId) || inOrder.set(r.krId, i + 2));
  const registerRowOf = (krId: string) => (input.registerRows ?? inOrder).get(krId) ?? inOrder.get(krId)!;
  const confidence: ValidationPlan = {
    kind: 'list',
    values: Array.from({ length: 11 }, (_, i) => String(i)),
    allowInvalid: false,
  };
  const rating: ValidationPlan = { kind: 'list', values: Object.values(TACTIC_RATING_LABELS[lang]), allowInvalid: false };
  const yesNo: ValidationPlan = { kind: 'list', values: [YES_NO[lang].yes, YES_NO[lang].no], allowInvalid: false };
  const monday = weekMonday(week) ?? '';

  // The dates go in C: it does not wrap, so they run on over the empty cells to its right.
  b.row([text(format(t.title, { week })), BLANK, text(format(t.from, { week: weekLabel(week, lang), monday: dayLabel(monday, lang) }))], { bold: true, key: '#title' });
  b.row([text(t.hint)], { key: '#hint' });
  b.blank();

  for (const team of teamOrder(input.rows, input.tactics)) {
    const teamName = team || t.noTeam;
    const teamRow: CellPlan[] = [text(format(t.team, { team: teamName }))];
    teamRow[WEEKLY_WIDTH - 1] = text(weekLabel(week, lang));
    b.row(teamRow, {
      bold: true,
      background: TEAM_BACKGROUND,
      key: `#team:${team}`,
    });
    // (a) status
    b.row([text(t.status)], { bold: true, background: SECTION_BACKGROUND, key: `#status:${team}` });
    b.row(t.statusHeaders.map((h) => (h ? text(h) : BLANK)), { bold: true, wrap: true, key: `#statusHeaders:${team}` });
    for (const kr of input.rows.filter((r) => r.team === team && r.krId)) {
      const key = `kr:${kr.krId}`;
      used.add(key);
      const row = b.nextRow;
      const last = input.lastValues?.has(kr.krId) ? input.lastValues.get(kr.krId) ?? null : kr.current;
      const newValue = `$${columnLetter(C.input)}${row}`;
      const lastValue = `$${columnLetter(C.last)}${row}`;
      const title = kr.unit ? `${kr.keyResult} (${kr.unit})` : kr.keyResult;
      const cells: CellPlan[] = [];
      cells[C.id - 1] = text(kr.krId);
      cells[C.title - 1] = title ? text(title) : BLANK;
      cells[C.start - 1] = num(kr.start);
      cells[C.target - 1] = num(kr.target);
      cells[C.last - 1] = num(last);
      cells[C.input - 1] = carried(key, C.input);
      cells[C.change - 1] = formula(`=IF(AND(ISNUMBER(${newValue}),ISNUMBER(${lastValue})),${newValue}-${lastValue},"")`);
      cells[C.score - 1] = formula(weeklyScoreFormula(lang, `$A${row}`, registerRowOf(kr.krId)));
      cells[C.pace - 1] = formula(weeklyPaceFormula(lang, `$A${row}`, registerRowOf(kr.krId)));
      cells[C.second - 1] = carried(key, C.second);
      cells[C.note - 1] = carried(key, C.note);
      const number = '#,##0.##';
      b.row(cells, {
        key,
        inputs: [C.input, C.second, C.note],
        formats: { [C.start]: number, [C.target]: number, [C.last]: number, [C.input]: number, [C.second]: '0', [C.change]: '+#,##0.##;-#,##0.##;0', [C.score]: '0%' },
        validations: { [C.second]: confidence },
      });
    }
    // (b) tactical dialog
    b.row([text(t.dialog)], { bold: true, background: SECTION_BACKGROUND, key: `#dialog:${team}` });
    const tactics = input.tactics.filter((tactic) => tactic.team === team && tactic.id);
    if (tactics.length) b.row(t.dialogHeaders.map((h) => (h ? text(h) : BLANK)), { bold: true, key: `#dialogHeaders:${team}` });
    else b.row([BLANK, text(t.noTactics)], { key: `#noTactics:${team}` });
    for (const tactic of tactics) {
      const key = `tactic:${tactic.id}`;
      used.add(key);
      const cells: CellPlan[] = [];
      cells[C.id - 1] = text(tactic.id);
      cells[C.title - 1] = text(tactic.objectiveId ? `${tactic.principle} (${tactic.objectiveId})` : tactic.principle);
      cells[C.input - 1] = carried(key, C.input);
      cells[C.note - 1] = carried(key, C.note);
      b.row(cells, { key, inputs: [C.input, C.note], validations: { [C.input]: rating } });
    }
    const entry = (kind: TeamEntryKind, label: string, options: { inputs?: number[]; validations?: Record<number, ValidationPlan> } = {}) => {
      const key = `${kind}:${team}`;
      used.add(key);
      const inputs = options.inputs ?? [C.input];
      const cells: CellPlan[] = [];
      cells[C.title - 1] = text(label);
      for (const column of inputs) cells[column - 1] = carried(key, column);
      b.row(cells, { key, inputs, validations: options.validations });
    };
    entry('assumption', t.assumption);
    // (c) reflection
    b.row([text(t.reflection)], { bold: true, background: SECTION_BACKGROUND, key: `#reflection:${team}` });
    entry('problems', t.problems);
    entry('improvements', t.improvements);
    entry('unrealistic', t.unrealistic, { inputs: [C.input, C.second, C.note], validations: { [C.input]: yesNo } });
    // (d) outlook
    b.row([text(t.outlook)], { bold: true, background: SECTION_BACKGROUND, key: `#outlook:${team}` });
    entry('focus', t.focus);
    b.blank();
  }

  // Anything people typed that has no place in the new layout stays, below.
  const kept: number[] = [];
  for (const [index, line] of (previous ?? []).entries()) {
    const key = textOf(line[C.key - 1]);
    if (key.startsWith('#') || used.has(key)) continue;
    const content = line.slice(0, WEEKLY_WIDTH);
    if (!content.some((value) => value !== '' && value !== null && value !== undefined)) continue;
    if (key && !isEntered(key, line)) continue;
    kept.push(index);
  }
  if (kept.length) {
    b.row([text(t.kept)], { bold: true, background: SECTION_BACKGROUND, key: '#kept' });
    for (const index of kept) {
      const key = textOf(previous![index][C.key - 1]);
      // People's cells as they were; the add-on's own formulas (change, pace) as the value they showed, since their row moves.
      const theirs = key ? inputColumns(key) : null;
      const cells = Array.from({ length: WEEKLY_WIDTH }, (_, i) => {
        const value = previous![index][i];
        return !theirs || theirs.includes(i + 1) || !(value instanceof TypedFormula) ? entered(index, i + 1) : carriedCell(value.shown);
      });
      b.row(cells, { key: `kept:${key}` });
    }
  }

  return b.plan(weeklySheetName(week), {
    frozenRows: 0,
    trim: { spareRows: 20 }, // room below the block for people's own rows
    columnWidths: WEEKLY_WIDTHS,
    wrapColumns: [C.title, C.note],
  });
}

/**
 * A weekly's values in the current layout: a weekly written before the status
 * block showed start, target and score (key in column J) has its entries moved
 * to their columns now, so regenerating or applying it loses nothing.
 */
export function upgradeWeekly(values: readonly (readonly unknown[])[]): (readonly unknown[])[] {
  const hasTitle = (column: number) => values.some((line) => textOf(line[column - 1]) === '#title');
  if (hasTitle(WEEKLY_COLUMN.key) || !hasTitle(OLD_COLUMN.key)) return values.slice();
  const C = WEEKLY_COLUMN;
  return values.map((line) => {
    const key = textOf(line[OLD_COLUMN.key - 1]);
    const next: unknown[] = Array.from({ length: C.key }, () => '');
    if (!key || key.startsWith('kept:')) {
      for (let i = 0; i < OLD_COLUMN.key - 1; i++) next[i] = line[i] ?? '';
    } else {
      for (const field of ['id', 'title', 'last', 'input', 'second', 'note'] as const) next[C[field] - 1] = line[OLD_COLUMN[field] - 1] ?? '';
    }
    next[C.key - 1] = line[OLD_COLUMN.key - 1] ?? '';
    return next;
  });
}

/** A day as people read it: 2026-11-23 in English, 23.11.2026 in German. */
const DAY_LABELS = { en: '{year}-{month}-{day}', de: '{d}.{m}.{year}' };
function dayLabel(iso: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? format(DAY_LABELS[lang], { year: m[1], month: m[2], day: m[3], m: Number(m[2]), d: Number(m[3]) }) : iso;
}

/** Input columns of a keyed row, by its kind. */
function inputColumns(key: string): number[] {
  const kind = key.slice(0, key.indexOf(':'));
  const C = WEEKLY_COLUMN;
  if (kind === 'kr' || kind === 'unrealistic') return [C.input, C.second, C.note];
  if (kind === 'tactic') return [C.input, C.note];
  if (kind === 'kept') return Array.from({ length: WEEKLY_WIDTH }, (_, i) => i + 1);
  return [C.input];
}

/** Whether people typed anything into a keyed row's input cells. */
function isEntered(key: string, line: readonly unknown[]): boolean {
  return inputColumns(key).some((column) => {
    const value = line[column - 1];
    return value !== '' && value !== null && value !== undefined;
  });
}

/** What a filled-in weekly holds, read back by the keys in column J. */
export interface WeeklyEntries {
  krs: { krId: string; value: unknown; confidence: unknown; note: string }[];
  tactics: { id: string; rating: string; example: string }[];
  teams: { team: string; entries: Partial<Record<TeamEntryKind, { text: string; kr?: string; why?: string }>> }[];
}

export function readWeekly(read: readonly (readonly unknown[])[]): WeeklyEntries {
  const C = WEEKLY_COLUMN;
  const values = upgradeWeekly(read);
  const result: WeeklyEntries = { krs: [], tactics: [], teams: [] };
  const seen = new Set<string>();
  const teams = new Map<string, WeeklyEntries['teams'][number]>();
  for (const line of values) {
    const key = textOf(line[C.key - 1]);
    const colon = key.indexOf(':');
    if (colon < 0 || key.startsWith('#') || seen.has(key)) continue;
    seen.add(key);
    const kind = key.slice(0, colon);
    const id = key.slice(colon + 1);
    const at = (column: number) => line[column - 1];
    if (kind === 'kr') result.krs.push({ krId: id, value: at(C.input), confidence: at(C.second), note: textOf(at(C.note)) });
    else if (kind === 'tactic') result.tactics.push({ id, rating: textOf(at(C.input)), example: textOf(at(C.note)) });
    else if ((TEAM_ENTRY_KINDS as readonly string[]).includes(kind)) {
      let team = teams.get(id);
      if (!team) {
        team = { team: id, entries: {} };
        teams.set(id, team);
        result.teams.push(team);
      }
      const entry = { text: textOf(at(C.input)), ...(kind === 'unrealistic' ? { kr: textOf(at(C.second)), why: textOf(at(C.note)) } : {}) };
      team.entries[kind as TeamEntryKind] = entry;
    }
  }
  return result;
}
