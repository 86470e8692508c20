/**
 * Use case: start the next cycle. Reads the ending cycle (register, tactics,
 * Settings, the review's decisions, the retrospective's quick wins), asks the
 * person to confirm what will be carried and archived, then, under the
 * document lock: archives the old cycle's sheets (renamed, kept, sheet-wide
 * warning-only protection; never deleted; Sheets updates the formulas that
 * point at a renamed sheet) and sets up the new cycle through the setup code
 * path with the carried rows, tactics and quick wins.
 */
import { isDateValue } from '../core/cellValues';
import { parseDay } from '../core/cycleSetup';
import { isoDay } from '../core/isoWeek';
import { zoneOf } from '../sheets/writer';
import { UserError } from '../core/errors';
import { NO_CYCLE } from '../core/texts';
import { format, LANGUAGES, type Language } from '../core/i18n';
import { INPUT_KEYS, REGISTER_COLUMN, isEmptyRegisterRow, parseRegisterRow } from '../core/layout/register';
import { readQuickWins, retrospectiveSheetName } from '../core/layout/retrospective';
import { reviewSheetName } from '../core/layout/review';
import type { Level } from '../core/alignment';
import { MAX_TEAMS, QUICK_WINS, readTeamLevels } from '../core/layout/settings';
import { archiveNames, planNextCycle, readReviewDecisions, type CarryPlan } from '../core/nextCycle';
import type { Cycle } from '../core/schema';
import { parseCadence } from '../core/vocabulary';
import { readTactics, readUsedValues } from '../sheets/events';
import { spreadsheetLanguage } from '../sheets/locale';
import { withDocumentLock } from '../sheets/lock';
import { confirm, toast } from '../sheets/ui';
import { arrangeTabs } from '../sheets/tabs';
import { activeSpreadsheet, findSheet, registerMissing } from '../sheets/workbook';
import { setUpCycleLocked } from './setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TEXT = {
  title: { en: 'Start next cycle', de: 'Nächsten Zyklus starten' },
  noEnd: {
    en: 'Settings has no valid end date for the current cycle (cell B4). Enter it, then start the next cycle again.',
    de: 'In den Einstellungen fehlt ein gültiges Enddatum des aktuellen Zyklus (Zelle B4). Trage es ein und starte den nächsten Zyklus erneut.',
  },
  confirm: {
    en: 'Start {next} ({start} to {end}) after {old}?\n\nCarried: {carried|objective|objectives}, {krs|key result|key results}, {tactics|key tactic|key tactics}.\n• continue: {continued}\n• change (flagged): {changed}\n• no decision, carried as "continue?": {undecided}\n• dropped: {dropped}\nQuick wins: {wins}\n\nArchived (renamed and kept, nothing deleted):\n{archived}',
    de: '{next} ({start} bis {end}) nach {old} starten?\n\nÜbernommen werden {carried|Objective|Objectives}, {krs|Key Result|Key Results} und {tactics|Key Tactic|Key Tactics}.\n• fortführen: {continued}\n• ändern (markiert): {changed}\n• ohne Entscheidung, als „fortführen?“: {undecided}\n• gestrichen: {dropped}\nQuick Wins: {wins}\n\nArchiviert (umbenannt und erhalten, nichts gelöscht):\n{archived}',
  },
  none: { en: 'none', de: 'keine' },
  more: { en: '… and {count} more', de: '… und {count} weitere' },
  keeps: { en: '{name} (name kept)', de: '{name} (Name bleibt)' },
  protection: {
    en: 'Archived with cycle {cycle}: kept for reference. Start a new cycle rather than editing it.',
    de: 'Mit Zyklus {cycle} archiviert: zum Nachschlagen erhalten. Arbeitet im neuen Zyklus weiter, statt hier zu ändern.',
  },
  done: {
    en: 'Cycle {next} is set up: {krs|key result|key results} in {carried|objective|objectives} carried, {flagged} flagged (see the notes in the register); {archived|sheet|sheets} of {old} archived.',
    de: 'Zyklus {next} ist angelegt: {krs|Key Result|Key Results} in {carried|Objective|Objectives} übernommen, davon {flagged} markiert (siehe Notizen im Register); {archived|Blatt|Blätter} von {old} archiviert.',
  },
  cancelled: { en: 'Nothing was changed.', de: 'Es wurde nichts geändert.' },
  until: { en: 'until {end}', de: 'bis {end}' },
};

export interface NextCycleState {
  lang: Language;
  old: { cycle: Cycle; teams: string[]; levels: Map<string, Level> };
  plan: CarryPlan;
  archive: { from: string; to: string }[];
  /** The sheets as read (by name), so archiving them asks no sheet by name again. */
  sheets: Map<string, Sheet>;
}

function isoOf(value: unknown, timeZone: () => string): string | null {
  if (isDateValue(value)) return isoDay(value, timeZone());
  return typeof value === 'string' ? parseDay(value) : null;
}

function cycleSheet(spreadsheet: Spreadsheet, cycleName: string, name: (lang: Language, cycle: string) => string): Sheet | null {
  for (const lang of LANGUAGES) {
    const sheet = spreadsheet.getSheetByName(name(lang, cycleName));
    if (sheet) return sheet;
  }
  return null;
}

/** The archive label of a cycle: its name, or "until <end>". */
function cycleLabel(cycle: Cycle, lang: Language): string {
  return cycle.name || format(TEXT.until[lang], { end: cycle.end });
}

/** Reads everything the next cycle needs (a constant number of calls, whatever the number of key results). */
export function readNextCycle(lang: Language): NextCycleState {
  const spreadsheet = activeSpreadsheet();
  const register = findSheet(spreadsheet, 'register', lang);
  const settingsSheet = findSheet(spreadsheet, 'settings', lang);
  if (!register) throw registerMissing(spreadsheet, lang);
  if (!settingsSheet) throw new UserError(NO_CYCLE[lang]);
  const settings = settingsSheet.getRange(1, 1, MAX_TEAMS + 1, 6).getValues();
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  const zone = zoneOf(settingsSheet);
  const end = isoOf(settings[3][1], zone);
  if (!end) throw new UserError(TEXT.noEnd[lang]);
  const cycle: Cycle = {
    name: text(settings[1][1]),
    start: isoOf(settings[2][1], zone) ?? end,
    end,
    cadence: parseCadence(text(settings[4][1])) ?? 'quarterly',
  };
  const teams = [...new Set(settings.slice(1).map((line) => text(line[3])).filter(Boolean))];
  const levels = readTeamLevels(settings);
  // Input columns only (A-O): the computed ones are not carried, and reading them would make Sheets evaluate them.
  const last = register.getLastRow();
  const inputs = last < 2 ? [] : register.getRange(2, 1, last - 1, INPUT_KEYS.length).getValues();
  // The contact (column T, right of the computed block) is read on its own and carried with its objective.
  const contacts = last < 2 || register.getMaxColumns() < REGISTER_COLUMN.contact ? [] : register.getRange(2, REGISTER_COLUMN.contact, last - 1, 1).getValues();
  const rows = inputs
    .map((line, i) => ({ line, contact: text(contacts[i]?.[0]) }))
    .filter(({ line }) => !isEmptyRegisterRow(line))
    .map(({ line, contact }) => ({ ...parseRegisterRow(line), contact }));
  const tactics = readTactics(findSheet(spreadsheet, 'tactics', lang)).rows;
  const review = cycleSheet(spreadsheet, cycle.name, reviewSheetName);
  const decisions = review ? readReviewDecisions(readUsedValues(review)) : new Map();
  const retro = cycleSheet(spreadsheet, cycle.name, retrospectiveSheetName);
  const retroWins = retro ? readQuickWins(readUsedValues(retro)) : [];
  // The retrospective's top 3 when it has any; else what Settings F2:F4 holds (carried there by the retrospective, or typed).
  const settingsWins = settings.slice(1, 1 + QUICK_WINS).map((line) => text(line[5])).filter(Boolean);
  const quickWins = retroWins.length ? retroWins : settingsWins;
  const plan = planNextCycle({ lang, old: { cycle, teams }, rows, tactics, decisions, quickWins });
  const sheets = new Map(spreadsheet.getSheets().map((sheet) => [sheet.getName(), sheet] as const));
  return { lang, old: { cycle, teams, levels }, plan, archive: archiveNames([...sheets.keys()], cycle.name, cycleLabel(cycle, lang)), sheets };
}

function list(ids: string[], lang: Language): string {
  if (!ids.length) return TEXT.none[lang];
  return ids.length > 12 ? `${ids.slice(0, 12).join(', ')} ${format(TEXT.more[lang], { count: ids.length - 12 })}` : ids.join(', ');
}

export function confirmText(state: NextCycleState): string {
  const { lang, plan } = state;
  const carried = new Set(plan.rows.map((r) => r.row.objectiveId)).size;
  const archived = state.archive.map(({ from, to }) => (from === to ? format(TEXT.keeps[lang], { name: from }) : `${from} → ${to}`));
  const shown = archived.length > 15 ? [...archived.slice(0, 15), format(TEXT.more[lang], { count: archived.length - 15 })] : archived;
  return format(TEXT.confirm[lang], {
    next: plan.setup.cycle.name,
    start: plan.setup.cycle.start,
    end: plan.setup.cycle.end,
    old: cycleLabel(state.old.cycle, lang),
    carried,
    krs: plan.rows.filter((r) => r.row.krId).length,
    tactics: plan.tactics.length,
    continued: list(plan.continued, lang),
    changed: list(plan.changed, lang),
    undecided: list(plan.undecided, lang),
    dropped: list(plan.dropped, lang),
    wins: plan.quickWins.length ? plan.quickWins.join('; ') : TEXT.none[lang],
    archived: shown.join('\n'),
  });
}

export interface NextCycleOutcome {
  cycle: string;
  archived: { from: string; to: string }[];
  keyResults: number;
  objectives: number;
  flagged: number;
}

/** Named ranges are unique per spreadsheet: the old register's keep theirs under an archived name. */
function archiveNamedRanges(register: Sheet, label: string): void {
  const tag = label.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'archived';
  const taken = new Set(activeSpreadsheet().getNamedRanges().map((n) => n.getName().toLowerCase()));
  for (const named of register.getNamedRanges()) {
    let name = '';
    for (let n = 1; !name || taken.has(name.toLowerCase()); n++) name = `${named.getName()}_${tag}${n > 1 ? `_${n}` : ''}`;
    taken.add(name.toLowerCase());
    named.setName(name);
  }
}

/**
 * Archives the old cycle and sets up the next one, under the document lock.
 * `proceed` sees the plan (read again under the lock) and may cancel.
 */
export function startNextCycle(lang: Language, proceed: (state: NextCycleState) => boolean = () => true): NextCycleOutcome | null {
  return withDocumentLock(lang, () => {
    const state = readNextCycle(lang);
    if (!proceed(state)) return null;
    const spreadsheet = activeSpreadsheet();
    const label = cycleLabel(state.old.cycle, lang);
    const register = findSheet(spreadsheet, 'register', lang);
    if (register) archiveNamedRanges(register, label);
    const description = format(TEXT.protection[lang], { cycle: label });
    // Per archived sheet: its name (read above), the rename, the protection and its warning-only mode and description.
    for (const { from, to } of state.archive) {
      const sheet = state.sheets.get(from);
      if (!sheet) continue;
      if (to !== from) sheet.setName(to);
      sheet.protect().setWarningOnly(true).setDescription(description);
    }
    const { plan } = state;
    setUpCycleLocked(plan.setup, lang, { rows: plan.rows.map((r) => r.row), tactics: plan.tactics, quickWins: plan.quickWins, levels: state.old.levels });
    // Flags as cell notes on the objective (B) and key result (G) cells: one call over the block.
    if (plan.rows.some((r) => r.objectiveNote || r.keyResultNote)) {
      const sheet = findSheet(spreadsheet, 'register', lang)!;
      const first = REGISTER_COLUMN.objective;
      const width = REGISTER_COLUMN.keyResult - first + 1;
      const notes = plan.rows.map((r) =>
        Array.from({ length: width }, (_, i) => (i === 0 ? r.objectiveNote : i === width - 1 ? r.keyResultNote : '')),
      );
      sheet.getRange(2, first, notes.length, width).setNotes(notes);
    }
    // The running cycle in front; the old one hidden behind the Archive list that links to each of its sheets.
    arrangeTabs(spreadsheet, plan.setup.cycle.name, findSheet(spreadsheet, 'register', lang), { archive: true, lang });
    return {
      cycle: plan.setup.cycle.name,
      archived: state.archive,
      keyResults: plan.rows.filter((r) => r.row.krId).length,
      objectives: new Set(plan.rows.map((r) => r.row.objectiveId)).size,
      flagged: plan.changed.length + plan.undecided.length,
    };
  });
}

/** Menu: shows what will be carried and archived, asks, then does it. */
export function startNextCycleFromMenu(): void {
  const lang = spreadsheetLanguage();
  // Asked outside the lock (a dialog may stay open for minutes); the work re-reads under the lock.
  const preview = readNextCycle(lang);
  if (!confirm(TEXT.title[lang], confirmText(preview))) {
    toast(activeSpreadsheet(), TEXT.cancelled[lang]);
    return;
  }
  const outcome = startNextCycle(lang);
  if (!outcome) return;
  toast(
    activeSpreadsheet(),
    format(TEXT.done[lang], {
      next: outcome.cycle,
      krs: outcome.keyResults,
      carried: outcome.objectives,
      flagged: outcome.flagged,
      archived: outcome.archived.length,
      old: cycleLabel(preview.old.cycle, lang),
    }),
  );
}
