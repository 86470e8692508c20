import { importTsEntry } from './lib.mjs';
/**
 * SpreadsheetApp calls of "Import existing OKRs" (preview and import) and of
 * "Start next cycle" for 6 and for 600 key results, counted by the in-memory
 * fake (emulator/). Target: the same for 6 and 600 (import may add a fixed
 * 62 calls once, when the register grows past its first 200 formula rows: the
 * formulas, and the formats, drop-downs, protection, traffic lights and named
 * ranges of the new rows).
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
import { generateReview, generateRetrospective } from './src/app/events';
import { importPreview, importRun } from './src/app/import';
import { startNextCycle } from './src/app/nextCycle';
const count = (h, fn) => { h.calls.reset(); fn(); return { total: h.calls.total, document: h.calls.document }; };
export function measureImport(n) {
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), locale: 'en_US' });
  const uninstall = h.installGlobals();
  try {
    setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS });
    const values = [['Objective', 'Key result', 'Start', 'Target', 'Current', 'Team'],
      ...Array.from({ length: n }, (_, i) => ['Objective ' + (Math.floor(i / 3) + 1), 'KR ' + (i + 1), 0, 10, i % 10, SETUP.teams[i % 4]])];
    h.spreadsheet.insertSheet('Our goals').getRange(1, 1, values.length, 6).setValues(values);
    h.spreadsheet.setSelection('Our goals', 'A1:F' + values.length);
    return {
      'import preview': count(h, () => importPreview()),
      'import': count(h, () => importRun({ sheetName: 'Our goals', a1: 'A1:F' + values.length })),
    };
  } finally { uninstall(); }
}
export function measureNextCycle(n) {
  const rows = Array.from({ length: n }, (_, i) => ({ ...REGISTER_ROWS[i % 36], objectiveId: 'O-' + (Math.floor(i / 3) + 1), krId: 'KR-' + (i + 1), parentId: '' }));
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), locale: 'en_US' });
  const uninstall = h.installGlobals();
  try {
    setUpCycle(SETUP, 'en', { rows, tactics: TACTIC_ROWS });
    generateReview('en');
    generateRetrospective('en');
    return { 'next cycle': count(h, () => startNextCycle('en')) };
  } finally { uninstall(); }
}`;
const { measureImport, measureNextCycle } = await importTsEntry(entry, root, 'carryover');
console.log('== SpreadsheetApp calls of import and next cycle (target: the same for 6 and 600 KRs) ==');
const small = { ...measureImport(6), ...measureNextCycle(6) };
const large = { ...measureImport(600), ...measureNextCycle(600) };
for (const name of Object.keys(small)) {
  const s = small[name];
  const l = large[name];
  const ok = l.total === s.total ? 'ok' : name === 'import' && l.total - s.total <= 62 ? 'ok (register grew once)' : 'MISSED';
  console.log(`${name.padEnd(16)} 6 KRs: ${String(s.total).padStart(3)} (${s.document} document)   600 KRs: ${String(l.total).padStart(3)} (${l.document} document)   ${ok}`);
}
