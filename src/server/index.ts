/**
 * The add-on's exposed surface, and nothing else: every export here becomes a
 * top-level function in dist/Code.js (see scripts/build.mjs). Custom functions
 * carry the JSDoc that Sheets shows in autocomplete.
 */
import * as cells from './customFunctions';
import * as menu from './menu';
import { guarded } from './guard';
import { setUpCycleFromMenu } from '../app/setup';
import * as objectives from '../app/objectives';
import * as events from '../app/events';
import * as importer from '../app/import';
import { startNextCycleFromMenu } from '../app/nextCycle';
import * as dashboard from '../app/dashboard';

/**
 * Scores key results on the 0.0-1.0 scale: progress from start to target,
 * clamped to [0, 1]. Accepts single values or whole ranges (one call fills a
 * column); blank inputs give a blank score.
 *
 * @param {number|Array<Array<number>>} start The start value of each key result, e.g. B2:B40.
 * @param {number|Array<Array<number>>} target The target value of each key result, e.g. C2:C40.
 * @param {number|Array<Array<number>>} current The current value of each key result, e.g. D2:D40.
 * @param {string|Array<Array<string>>} [direction] Optional: increase, decrease, maintain (start and target are the edges of a band), milestone (0 or 1) or baseline (no score); German words work too. Left out, it follows from start and target.
 * @return {number|Array<Array<number>>} The score of each key result, 0.0 to 1.0.
 * @customfunction
 */
export function OKR_SCORE(start: unknown, target: unknown, current: unknown, direction?: unknown) {
  return cells.score(start as never, target as never, current as never, direction as never);
}

/**
 * Scores an objective: the weighted mean of its key-result scores. Blank
 * scores are ignored; a blank weight counts as 1.
 *
 * @param {Array<Array<number>>} scores The key-result scores, e.g. E2:E5.
 * @param {Array<Array<number>>} [weights] Optional weights of the same size, e.g. F2:F5; none may be negative.
 * @return {number} The objective's score, 0.0 to 1.0.
 * @customfunction
 */
export function OKR_OBJECTIVE_SCORE(scores: unknown, weights?: unknown) {
  return cells.objectiveScore(scores as never, weights as never);
}

/**
 * The verdict for a score and goal type, in the spreadsheet's language: a
 * roofshot (committed) is achieved only at 1.0; a moonshot (stretch) from 0.6.
 * From half the success level it is partial, below that missed.
 *
 * @param {number|Array<Array<number>>} score The score, 0.0 to 1.0, or a range of scores.
 * @param {string|Array<Array<string>>} goal_type roofshot or moonshot (also committed, stretch, aspirational, verbindlich, ambitioniert).
 * @param {number} [success_from] Optional success level between 0 and 1, e.g. 0.7; by default 1.0 for roofshots, 0.6 for moonshots.
 * @return {string|Array<Array<string>>} achieved, partial or missed (erreicht, teilweise, verfehlt).
 * @customfunction
 */
export function OKR_ATTAINMENT(score: unknown, goal_type: unknown, success_from?: unknown) {
  return cells.attainment(score as never, goal_type as never, success_from as never);
}

/**
 * Whether a key result is on track, given how much of the cycle has passed:
 * the expected score rises linearly to the goal type's success level.
 *
 * @param {number|Array<Array<number>>} score The current score, 0.0 to 1.0, or a range of scores.
 * @param {Date} cycle_start The first day of the cycle.
 * @param {Date} cycle_end The last day of the cycle.
 * @param {Date} [today] Optional: the day to judge on; by default today.
 * @param {string|Array<Array<string>>} [goal_type] Optional: roofshot (default) or moonshot.
 * @return {string|Array<Array<string>>} on track, at risk or off track (im Plan, gefährdet, nicht im Plan).
 * @customfunction
 */
export function OKR_PACE(score: unknown, cycle_start: unknown, cycle_end: unknown, today?: unknown, goal_type?: unknown) {
  return cells.pace(score as never, cycle_start as never, cycle_end as never, today as never, goal_type as never);
}

/**
 * Calibration across cycles: for each row of past final scores (oldest first,
 * left to right) "set too low?" when the last two measured cycles ended at
 * 1.0, "set too high?" when a moonshot ended below 0.3 twice, else "ok";
 * blank with fewer than two measured cycles. Blank cells are skipped.
 *
 * @param {Array<Array<number>>} scores Past scores, one row per objective or key result, oldest first, e.g. B2:E20.
 * @param {string|Array<Array<string>>} [goal_type] Optional: roofshot or moonshot, one value or one per row; left out, both checks apply.
 * @return {string|Array<Array<string>>} set too low?, set too high?, ok (zu niedrig gesetzt?, zu hoch gesetzt?, ok), one per row.
 * @customfunction
 */
export function OKR_CALIBRATION(scores: unknown, goal_type?: unknown) {
  return cells.calibration(scores as never, goal_type as never);
}

/** Builds the add-on menu; in AuthMode.NONE it touches nothing else. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen) {
  menu.buildMenu(e);
}

/** Runs when the add-on is installed: the menu appears without reloading. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  menu.buildMenu(e);
}

/** Menu: set up a new cycle (Settings, OKR register, Tactics). */
export function menuSetUpCycle() {
  guarded(() => setUpCycleFromMenu());
}

/** Menu: open the sidebar to write objectives. */
export function menuOpenSidebar() {
  guarded(() => menu.openSidebar());
}

/** Menu: generate this week's check-in sheet. */
export function menuNewWeekly() {
  guarded(() => events.newWeeklyFromMenu());
}

/** Menu: apply this week's check-in to the register and the log. */
export function menuApplyCheckIn() {
  guarded(() => events.applyCheckInFromMenu());
}

/** Menu: generate the review sheet of the cycle. */
export function menuNewReview() {
  guarded(() => events.newReviewFromMenu());
}

/** Menu: generate the retrospective sheet of the cycle. */
export function menuNewRetrospective() {
  guarded(() => events.newRetrospectiveFromMenu());
}

/** Menu: create the dashboard, or rebuild its layout when teams or objectives changed. */
export function menuRefreshDashboard() {
  guarded(() => dashboard.refreshDashboardFromMenu());
}

/** Menu: open the Portfolio (created empty when missing). */
export function menuOpenPortfolio() {
  guarded(() => dashboard.openPortfolioFromMenu());
}

/** Menu: write IMPORTRANGE formulas that roll up team spreadsheets listed on the roll-up sheet. */
export function menuRollUpTeams() {
  guarded(() => dashboard.rollUpTeamsFromMenu());
}

/** Sidebar: what it loads when it opens (language, cycle, teams, objectives). */
export function sidebarBootstrap() {
  return objectives.bootstrap();
}

/** Sidebar: one objective with its key results and key tactics, for editing. */
export function sidebarLoadObjective(id: string) {
  return objectives.loadObjective(id);
}

/** Sidebar: validates the draft again and writes it (ids, or field errors). */
export function sidebarSaveObjective(draft: unknown) {
  return objectives.saveObjective(draft);
}

/** Sidebar: deletes an objective's rows and tactics; its check-in history stays in the log. */
export function sidebarDeleteObjective(id: string) {
  return objectives.deleteObjective(id);
}

/** Menu: import goals from the selected range (opens the Import page in the sidebar). */
export function menuImportOkrs() {
  guarded(() => importer.openImportFromMenu());
}

/** Menu: start the next cycle (carry by the review's decisions, archive the old cycle's sheets). */
export function menuStartNextCycle() {
  guarded(() => startNextCycleFromMenu());
}

/** Import page: the proposed or chosen column mapping, readable rows and unreadable rows with reasons. Reads only. */
export function importPreview(request?: importer.ImportRequest) {
  return importer.importPreview(request);
}

/** Import page: re-reads the range, validates again and appends the readable rows to the register. */
export function importRun(request: importer.ImportRequest) {
  return importer.importRun(request);
}
