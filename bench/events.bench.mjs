import { importTsEntry } from './lib.mjs';
/**
 * SpreadsheetApp calls of the cycle's events (weekly, apply, regenerated
 * weekly, review, retrospective) for 3 and for 300 key results, counted by
 * the in-memory fake (emulator/). Target: equal, and under 40 each.
 * "total" counts every call, builders included; "document" only the calls
 * that reach the spreadsheet (round trips in Apps Script).
 */
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
import { createAppsScript } from './emulator/appsScript';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS } from './tests/fixtures/realisticCycle';
import { setUpCycle } from './src/app/setup';
import { applyCheckIn, generateRetrospective, generateReview, generateWeekly } from './src/app/events';
import { WEEKLY_COLUMN } from './src/core/layout/weekly';
export function measure(n) {
  const rows = Array.from({ length: n }, (_, i) => ({ ...REGISTER_ROWS[i % 36], objectiveId: 'O-' + (Math.floor(i / 3) + 1), krId: 'KR-' + (i + 1) }));
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), locale: 'en_US' });
  const uninstall = h.installGlobals();
  const today = new Date(2026, 10, 24);
  try {
    setUpCycle(SETUP, 'en', { rows, tactics: TACTIC_ROWS });
    const out = {};
    const run = (name, fn) => { h.calls.reset(); fn(); out[name] = { total: h.calls.total, document: h.calls.document }; };
    run('weekly', () => generateWeekly('en', today));
    const sheet = h.spreadsheet.getSheetByName('Weekly 2026-W48');
    const keys = sheet.getRange(1, WEEKLY_COLUMN.key, sheet.getLastRow(), 1).getValues();
    keys.forEach((line, i) => { if (String(line[0]).startsWith('kr:')) sheet.getRange(i + 1, WEEKLY_COLUMN.input).setValue(i); });
    run('apply', () => applyCheckIn('en', today));
    run('apply again', () => applyCheckIn('en', today));
    run('weekly again', () => generateWeekly('en', today));
    run('review', () => generateReview('en'));
    run('retrospective', () => generateRetrospective('en'));
    return out;
  } finally { uninstall(); }
}`;
const { measure } = await importTsEntry(entry, root, 'events');
console.log('== SpreadsheetApp calls of the cycle events (target: equal for 3 and 300 KRs, under 40) ==');
const small = measure(3);
const large = measure(300);
for (const name of Object.keys(small)) {
  const s = small[name];
  const l = large[name];
  const ok = s.total === l.total && l.total < 40 ? 'ok' : 'MISSED';
  console.log(`${name.padEnd(16)} 3 KRs: ${String(s.total).padStart(3)} (${s.document} document)   300 KRs: ${String(l.total).padStart(3)} (${l.document} document)   ${ok}`);
}
