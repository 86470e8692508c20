/**
 * Use cases of the cycle's events, from the menu: generate this week's
 * weekly check-in, apply it (register + Check-in log + Tactics), generate the
 * review and the retrospective. Every write runs under the document lock.
 * Generating never overwrites: a weekly is regenerated in place with every
 * entry carried over; an existing review or retrospective is opened as it is.
 */
import { planCheckIn, lastValues } from '../core/checkIn';
import { UserError } from '../core/errors';
import { PRODUCT_NAME } from '../core/texts';
import { format, type Language } from '../core/i18n';
import { isoWeek, weekLabel } from '../core/isoWeek';
import { dayIn } from '../core/timeZone';
import { rowsByKey } from '../core/layout/builder';
import { checkInLogPlan } from '../core/layout/checkInLog';
import { REGISTER_COLUMN } from '../core/layout/register';
import { quickWinFormulas, retrospectivePlan, retrospectiveSheetName, readQuickWins, quickWinsToCarry } from '../core/layout/retrospective';
import { reviewPlan, reviewSheetName } from '../core/layout/review';
import { OLD_WEEKLY_KEY_COLUMN, WEEKLY_COLUMN, readWeekly, upgradeWeekly, weeklyPlan, weeklySheetName } from '../core/layout/weekly';
import {
  appendLog,
  markTacticsDiscussed,
  readSettings,
  readTactics,
  readRegisterValues,
  readUsedCells,
  readUsedValues,
  rewritable,
  linkQuickWins,
  writeQuickWins,
} from '../sheets/events';
import { spreadsheetLanguage } from '../sheets/locale';
import { logStore, readLogWeeks, recordAppend, weeksForWeekly } from '../sheets/logIndex';
import { writeWeekToDashboard } from './dashboard';
import { withDocumentLock } from '../sheets/lock';
import type { RegisterSnapshot } from '../sheets/register';
import { arrangeTabs, runningCycleName } from '../sheets/tabs';
import { alert, toast } from '../sheets/ui';
import { activeSpreadsheet, findSheet, registerMissing } from '../sheets/workbook';
import { WriteSession, rewriteSheet, writeNewSheet } from '../sheets/writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TEXT = {
  weeklyCreated: {
    en: '"{name}" is ready: {krs|key result|key results} and {tactics|key tactic|key tactics} in {teams|team block|team blocks}.',
    de: '„{name}“ ist bereit: {krs|Key Result|Key Results} und {tactics|Key Tactic|Key Tactics} in {teams|Team-Block|Team-Blöcken}.',
  },
  weeklyRegenerated: {
    en: '"{name}" was brought up to date with the register; everything entered was kept.',
    de: '„{name}“ wurde mit dem Register abgeglichen; alles Eingetragene blieb erhalten.',
  },
  weeklySuffix: {
    en: '"{taken}" is not a weekly of this add-on and was left alone; the weekly is "{name}".',
    de: '„{taken}“ ist kein Weekly dieses Add-ons und blieb unverändert; das Weekly heißt „{name}“.',
  },
  noWeekly: {
    en: 'There is no weekly for {week}: open the weekly you want to apply, or create this week\'s weekly first.',
    de: 'Es gibt kein Weekly für {week}: Öffne das Weekly, das du übernehmen willst, oder lege zuerst das Weekly dieser Woche an.',
  },
  applied: {
    en: 'Check-in of {week} applied: {krs|key result|key results} updated in the register, {entries|entry|entries} added to the Check-in log.',
    de: 'Check-in der {week} übernommen: {krs|Key Result|Key Results} im Register aktualisiert, {entries|Eintrag|Einträge} ins Check-in-Log geschrieben.',
  },
  nothingNew: {
    en: 'Nothing new to apply for {week}.',
    de: 'Für {week} gibt es nichts Neues zu übernehmen.',
  },
  already: {
    en: '{count|entry was|entries were} applied before and not again (the log keeps its history).',
    de: '{count|Eintrag war|Einträge waren} schon übernommen und wurde nicht erneut übernommen (das Log bleibt unverändert).',
  },
  rejected: { en: 'Not applied, please check:', de: 'Nicht übernommen, bitte prüfen:' },
  reviewCreated: { en: '"{name}" is ready for {objectives|objective|objectives}.', de: '„{name}“ ist bereit für {objectives|Objective|Objectives}.' },
  exists: {
    en: '"{name}" already exists and was opened as it is; nothing was overwritten.',
    de: '„{name}“ gibt es schon und wurde so geöffnet, wie es ist; nichts wurde überschrieben.',
  },
  retroCreated: { en: '"{name}" is ready.', de: '„{name}“ ist bereit.' },
  carried: {
    en: '{count|quick win was|quick wins were} carried into Settings (F2:F4) for the next cycle.',
    de: '{count|Quick Win wurde|Quick Wins wurden} für den nächsten Zyklus in die Einstellungen (F2:F4) übertragen.',
  },
  title: { en: PRODUCT_NAME, de: PRODUCT_NAME },
};


function requireRegister(spreadsheet: Spreadsheet, lang: Language, withFormulas = false): { sheet: Sheet; snapshot: RegisterSnapshot } {
  const sheet = findSheet(spreadsheet, 'register', lang);
  if (!sheet) throw registerMissing(spreadsheet, lang);
  return { sheet, snapshot: readRegisterValues(sheet, withFormulas) };
}

/** A sheet this add-on generated as a weekly: its hidden key column has the title key. */
function isWeekly(values: readonly (readonly unknown[])[]): boolean {
  return rowsByKey(upgradeWeekly(values), WEEKLY_COLUMN.key).has('#title');
}

/** A weekly of the layout before start, target and score were shown (its key in column J). */
function isOldWeekly(values: readonly (readonly unknown[])[]): boolean {
  return !rowsByKey(values, WEEKLY_COLUMN.key).has('#title') && isWeekly(values);
}

export type WeeklyOutcome = { kind: 'created' | 'regenerated' | 'suffixed'; name: string; taken?: string; krs: number; tactics: number; teams: number };

/** Generates (or regenerates, keeping every entry) the weekly of the week `today` is in. */
export function generateWeekly(lang: Language, today = new Date()): WeeklyOutcome {
  return withDocumentLock(lang, () => {
    const spreadsheet = activeSpreadsheet();
    const { snapshot } = requireRegister(spreadsheet, lang);
    const tactics = readTactics(findSheet(spreadsheet, 'tactics', lang));
    const week = isoWeek(dayIn(today, spreadsheet.getSpreadsheetTimeZone()));
    // Only this week's rows (see weeksForWeekly): flat over a long log. Read-only, so the index's last row is not checked.
    const log = readLogWeeks(findSheet(spreadsheet, 'checkInLog', lang), weeksForWeekly(week), false).entries;
    const wanted = weeklySheetName(week);
    let name = wanted;
    let existing = spreadsheet.getSheetByName(name);
    let previous = existing ? readUsedCells(existing) : undefined;
    let kind: WeeklyOutcome['kind'] = existing ? 'regenerated' : 'created';
    // A foreign sheet under the weekly's name is never touched: the weekly gets a suffix.
    for (let n = 2; existing && previous && !isWeekly(previous); n++) {
      name = `${wanted} (${n})`;
      existing = spreadsheet.getSheetByName(name);
      previous = existing ? readUsedCells(existing) : undefined;
      kind = existing ? 'regenerated' : 'suffixed';
    }
    const rows = snapshot.rows.map((r) => r.row);
    const registerRows = new Map(snapshot.rows.filter((r) => r.row.krId).reverse().map((r) => [r.row.krId, r.sheetRow]));
    const plan = { ...weeklyPlan({ lang, week, rows, tactics: tactics.rows, lastValues: lastValues(log, week), registerRows, previous }), name };
    const session = new WriteSession(spreadsheet);
    const relayout = previous && isOldWeekly(previous) ? { shown: [OLD_WEEKLY_KEY_COLUMN] } : undefined;
    const sheet = existing ? rewriteSheet(session, existing, plan, previous?.length ?? 0, relayout) : writeNewSheet(session, plan);
    // A new weekly takes its place among the weeklies; a regenerated one stays where people keep it.
    if (existing) spreadsheet.setActiveSheet(sheet);
    else arrangeTabs(spreadsheet, runningCycleName(spreadsheet, lang), sheet);
    const teams = new Set([...rows.map((r) => r.team), ...tactics.rows.map((t) => t.team)]);
    return {
      kind: kind === 'created' && name !== wanted ? 'suffixed' : kind,
      name,
      ...(name !== wanted ? { taken: wanted } : {}),
      krs: rows.filter((r) => r.krId).length,
      tactics: tactics.rows.length,
      teams: teams.size,
    };
  });
}

export interface ApplyOutcome {
  week: string;
  registerUpdated: number;
  appended: number;
  alreadyLogged: number;
  rejected: { id: string; problem: string }[];
}

/** The weekly to apply: the active sheet when it is a weekly, else this week's. */
function weeklyToApply(spreadsheet: Spreadsheet, lang: Language, today: string): { sheet: Sheet; week: string } {
  const active = spreadsheet.getActiveSheet();
  const activeName = active ? active.getName() : '';
  const match = /^Weekly (\d{4}-W\d{2})(?: \(\d+\))?$/.exec(activeName);
  if (match) return { sheet: active, week: match[1] };
  const week = isoWeek(today);
  const sheet = spreadsheet.getSheetByName(weeklySheetName(week));
  if (!sheet) throw new UserError(format(TEXT.noWeekly[lang], { week: weekLabel(week, lang) }));
  return { sheet, week };
}

/**
 * Copies new values and confidences into the register, appends them to the
 * Check-in log (created on first use) and marks rated tactics as discussed.
 * Under the document lock, so two people applying at once give one log entry
 * per KR and week.
 */
export function applyCheckIn(lang: Language, today = new Date()): ApplyOutcome {
  return withDocumentLock(lang, () => {
    const spreadsheet = activeSpreadsheet();
    const day = dayIn(today, spreadsheet.getSpreadsheetTimeZone());
    const { sheet: weekly, week } = weeklyToApply(spreadsheet, lang, day);
    const entries = readWeekly(readUsedValues(weekly));
    const { sheet: registerSheet, snapshot } = requireRegister(spreadsheet, lang, true);
    const tacticsSheet = findSheet(spreadsheet, 'tactics', lang);
    const tactics = readTactics(tacticsSheet);
    let logSheet = findSheet(spreadsheet, 'checkInLog', lang);
    // Only this week's rows: a (week, kind, id) is logged once, so nothing else can collide.
    const logRead = readLogWeeks(logSheet, () => [week]);
    const log = logRead.entries;
    const plan = planCheckIn({
      lang,
      week,
      entries,
      log,
      register: snapshot.rows.map(({ row }) => ({ krId: row.krId, team: row.team, current: row.current, confidence: row.confidence })),
      tactics: tactics.rows.map((t) => ({ id: t.id, team: t.team })),
      today: day,
    });
    if (plan.registerUpdates.length) writeRegisterUpdates(registerSheet, snapshot, plan.registerUpdates);
    if (plan.append.length) {
      if (!logSheet) logSheet = writeNewSheet(new WriteSession(spreadsheet), checkInLogPlan(lang));
      const first = appendLog(logSheet, plan.append, lang, Math.max(1, logRead.index.last) + 1);
      if (!logRead.store) logRead.store = logStore();
      recordAppend(logRead, first, plan.append);
      writeWeekToDashboard(spreadsheet, lang, week, plan.append);
    }
    if (tacticsSheet) markTacticsDiscussed(tacticsSheet, tactics, plan.tacticsDiscussed, week);
    return {
      week,
      registerUpdated: plan.registerUpdates.length,
      appended: plan.append.length,
      alreadyLogged: plan.alreadyLogged.length,
      rejected: plan.rejected,
    };
  });
}

/**
 * Current value (K) and confidence (N) of the register: one `setValues` per column, over the rows read.
 * Every other row keeps its cell exactly: a formula someone typed there (=Sales!B7) is written back as the formula.
 */
function writeRegisterUpdates(sheet: Sheet, snapshot: RegisterSnapshot, updates: { krId: string; value: number | null; confidence: number | null }[]) {
  const byKr = new Map(updates.map((u) => [u.krId, u]));
  const krIndex = REGISTER_COLUMN.krId - 1;
  for (const [column, field] of [
    [REGISTER_COLUMN.current, 'value'],
    [REGISTER_COLUMN.confidence, 'confidence'],
  ] as const) {
    let changed = false;
    const values = snapshot.values.map((line, i) => {
      const update = byKr.get(String(line[krIndex] ?? '').trim());
      const next = update ? update[field] : null;
      if (next !== null && next !== undefined) {
        changed = true;
        return [next];
      }
      // Untouched cells are written back as they were: a formula someone put there stays a formula.
      return [snapshot.formulas[i]?.[column - 1] || rewritable(line[column - 1])];
    });
    if (changed) sheet.getRange(2, column, values.length, 1).setValues(values);
  }
}

export type SheetOutcome = { kind: 'created' | 'exists'; name: string; objectives?: number; carried?: number };

/** Generates the review of the cycle, or opens the existing one untouched. */
export function generateReview(lang: Language): SheetOutcome {
  return withDocumentLock(lang, () => {
    const spreadsheet = activeSpreadsheet();
    const settings = readSettings(findSheet(spreadsheet, 'settings', lang));
    const name = reviewSheetName(lang, settings.cycleName);
    const existing = spreadsheet.getSheetByName(name);
    if (existing) {
      spreadsheet.setActiveSheet(existing);
      return { kind: 'exists', name };
    }
    const { snapshot } = requireRegister(spreadsheet, lang);
    const rows = snapshot.rows.map((r) => r.row);
    const sheet = writeNewSheet(new WriteSession(spreadsheet), reviewPlan({ lang, cycle: settings.cycleName, teams: settings.teams, rows }));
    arrangeTabs(spreadsheet, settings.cycleName, sheet);
    return { kind: 'created', name, objectives: new Set(rows.map((r) => r.objectiveId).filter(Boolean)).size };
  });
}

/**
 * Generates the retrospective, or opens the existing one untouched and
 * carries its top-3 quick wins into Settings' empty quick-win cells.
 */
export function generateRetrospective(lang: Language): SheetOutcome {
  return withDocumentLock(lang, () => {
    const spreadsheet = activeSpreadsheet();
    const settingsSheet = findSheet(spreadsheet, 'settings', lang);
    const settings = readSettings(settingsSheet);
    const name = retrospectiveSheetName(lang, settings.cycleName);
    const existing = spreadsheet.getSheetByName(name);
    if (existing) {
      spreadsheet.setActiveSheet(existing);
      const { cells, filled } = quickWinsToCarry(settings.quickWins, readQuickWins(readUsedValues(existing)));
      if (filled && settingsSheet) writeQuickWins(settingsSheet, cells);
      return { kind: 'exists', name, carried: filled };
    }
    const teams = settings.teams.length ? settings.teams : [...new Set(requireRegister(spreadsheet, lang).snapshot.rows.map((r) => r.row.team))];
    const plan = retrospectivePlan({ lang, cycle: settings.cycleName, teams });
    const sheet = writeNewSheet(new WriteSession(spreadsheet), plan);
    // Settings' empty quick-win cells show the top 3 as soon as they are filled in: no second click.
    if (settingsSheet) linkQuickWins(settingsSheet, settings.quickWins, quickWinFormulas(plan));
    arrangeTabs(spreadsheet, settings.cycleName, sheet);
    return { kind: 'created', name };
  });
}

export function weeklyMessage(outcome: WeeklyOutcome, lang: Language): string {
  if (outcome.kind === 'regenerated') return format(TEXT.weeklyRegenerated[lang], { name: outcome.name });
  const created = format(TEXT.weeklyCreated[lang], { name: outcome.name, krs: outcome.krs, tactics: outcome.tactics, teams: outcome.teams });
  return outcome.kind === 'suffixed' ? `${format(TEXT.weeklySuffix[lang], { name: outcome.name, taken: outcome.taken ?? '' })} ${created}` : created;
}

export function applyMessage(outcome: ApplyOutcome, lang: Language): string {
  const lines = [
    outcome.appended
      ? format(TEXT.applied[lang], { week: weekLabel(outcome.week, lang), krs: outcome.registerUpdated, entries: outcome.appended })
      : format(TEXT.nothingNew[lang], { week: weekLabel(outcome.week, lang) }),
  ];
  if (outcome.alreadyLogged) lines.push(format(TEXT.already[lang], { count: outcome.alreadyLogged }));
  if (outcome.rejected.length) lines.push(TEXT.rejected[lang], ...outcome.rejected.map((r) => `• ${r.id}: ${r.problem}`));
  return lines.join('\n');
}

export function sheetMessage(outcome: SheetOutcome, lang: Language): string {
  if (outcome.kind === 'exists') {
    const carried = outcome.carried ? ` ${format(TEXT.carried[lang], { count: outcome.carried })}` : '';
    return format(TEXT.exists[lang], { name: outcome.name }) + carried;
  }
  return outcome.objectives !== undefined
    ? format(TEXT.reviewCreated[lang], { name: outcome.name, objectives: outcome.objectives })
    : format(TEXT.retroCreated[lang], { name: outcome.name });
}

/** Menu handlers: run the use case, then tell the person what happened. */
export function newWeeklyFromMenu(): void {
  const lang = spreadsheetLanguage();
  const outcome = generateWeekly(lang);
  const message = weeklyMessage(outcome, lang);
  if (outcome.kind === 'created') toast(activeSpreadsheet(), message);
  else alert(TEXT.title[lang], message);
}

export function applyCheckInFromMenu(): void {
  const lang = spreadsheetLanguage();
  const outcome = applyCheckIn(lang);
  const message = applyMessage(outcome, lang);
  if (outcome.rejected.length || outcome.alreadyLogged) alert(TEXT.title[lang], message);
  else toast(activeSpreadsheet(), message);
}

export function newReviewFromMenu(): void {
  const lang = spreadsheetLanguage();
  const outcome = generateReview(lang);
  const message = sheetMessage(outcome, lang);
  if (outcome.kind === 'created') toast(activeSpreadsheet(), message);
  else alert(TEXT.title[lang], message);
}

export function newRetrospectiveFromMenu(): void {
  const lang = spreadsheetLanguage();
  const outcome = generateRetrospective(lang);
  const message = sheetMessage(outcome, lang);
  if (outcome.kind === 'created') toast(activeSpreadsheet(), message);
  else alert(TEXT.title[lang], message);
}
