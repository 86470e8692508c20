import { importTsEntry } from './lib.mjs';
/**
 * Cells a quarter adds to the spreadsheet (13 weeklies, the review, the retrospective and the dashboard) for
 * 300 key results, counted by the emulator as Sheets counts them: every row times every column of every sheet.
 * A spreadsheet holds at most 10,000,000 cells. Target: under 150,000 a quarter.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
import { createAppsScript } from './emulator/appsScript';
import { cellCount, MAX_CELLS } from './emulator/limits';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS } from './tests/fixtures/realisticCycle';
import { setUpCycle } from './src/app/setup';
import { generateRetrospective, generateReview, generateWeekly } from './src/app/events';
import { refreshDashboard } from './src/app/dashboard';
export function measure(n) {
  const rows = Array.from({ length: n }, (_, i) => ({ ...REGISTER_ROWS[i % 36], objectiveId: 'O-' + (Math.floor(i / 3) + 1), krId: 'KR-' + (i + 1) }));
  const h = createAppsScript({ now: new Date('2026-10-01T10:00:00Z'), locale: 'en_US' });
  const uninstall = h.installGlobals();
  try {
    setUpCycle(SETUP, 'en', { rows, tactics: TACTIC_ROWS });
    const before = cellCount(h.spreadsheet.sheets);
    const perSheet = {};
    const track = (label, fn) => { const was = cellCount(h.spreadsheet.sheets); fn(); perSheet[label] = cellCount(h.spreadsheet.sheets) - was; };
    for (let week = 0; week < 13; week++) track('weekly ' + (week + 1), () => generateWeekly('en', new Date(Date.UTC(2026, 9, 1 + 7 * week, 10))));
    track('review', () => generateReview('en'));
    track('retrospective', () => generateRetrospective('en'));
    track('dashboard', () => refreshDashboard('en'));
    return { added: cellCount(h.spreadsheet.sheets) - before, perSheet, max: MAX_CELLS };
  } finally { uninstall(); }
}`;
const { measure } = await importTsEntry(entry, root, 'cells');
console.log('== Cells a quarter adds (300 KRs: 13 weeklies, review, retrospective, dashboard; target under 150,000) ==');
const { added, perSheet, max } = measure(300);
console.log(`weekly: ${perSheet['weekly 1']} cells, review: ${perSheet.review}, retrospective: ${perSheet.retrospective}, dashboard: ${perSheet.dashboard}`);
console.log(`cells a quarter adds: ${added}   ${added < 150_000 ? 'ok' : 'MISSED'} (quarters until the 10,000,000-cell limit: about ${Math.floor(max / added)})`);
