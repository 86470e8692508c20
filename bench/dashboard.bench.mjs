import { importTsEntry } from './lib.mjs';
/**
 * The dashboard at company scale: SpreadsheetApp calls of "Refresh dashboard"
 * (create, current, rebuild), "Open portfolio" and "Roll up team spreadsheets"
 * for 2 teams / 6 KRs and for 40 teams / 600 KRs (target: equal), and the
 * dashboard's recalculation for 600 KRs: how many formulas, how many call a
 * custom function (target: 0, so no per-row server round trip), and which
 * spreadsheet functions they use.
 */
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
import { createAppsScript } from './emulator/appsScript';
import { SETUP } from './tests/fixtures/realisticCycle';
import { setUpCycle } from './src/app/setup';
import { openPortfolio, refreshDashboard, rollUpTeams } from './src/app/dashboard';
export function measure(teams, perTeam) {
  const names = Array.from({ length: teams }, (_, i) => 'Team ' + (i + 1));
  const rows = [];
  names.forEach((team, t) => {
    for (let o = 0; o < perTeam; o++) for (let k = 0; k < 3; k++) {
      const id = 'O-' + (t + 1) + '-' + (o + 1);
      rows.push({ objectiveId: id, objective: 'Objective ' + id, team, goalType: o % 2 ? 'moonshot' : 'roofshot', parentId: o ? 'O-' + (t + 1) + '-1' : '',
        krId: 'KR-' + (rows.length + 1), keyResult: 'KR', kind: 'increase', start: 0, target: 100, current: (rows.length * 7) % 100, unit: '%',
        weight: null, confidence: 5 + (k % 3), dependsOn: k === 2 ? [names[(t + 1) % teams]] : [] });
    }
  });
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), locale: 'en_US' });
  const uninstall = h.installGlobals();
  try {
    setUpCycle({ ...SETUP, teams: names }, 'en', { rows });
    const out = {};
    const run = (name, fn) => { h.calls.reset(); fn(); out[name] = { total: h.calls.total, document: h.calls.document }; };
    run('refresh: create', () => refreshDashboard('en'));
    run('refresh: current', () => refreshDashboard('en'));
    h.spreadsheet.getSheetByName('OKRs').getRange(2, 1).setValue("'O-new");
    run('refresh: rebuild', () => refreshDashboard('en'));
    run('open portfolio', () => openPortfolio('en'));
    run('roll-up: create', () => rollUpTeams('en'));
    run('roll-up: write', () => rollUpTeams('en'));
    const sheet = h.spreadsheet.getSheetByName('Dashboard');
    const formulas = sheet.getDataRange().getFormulas().flat().filter(Boolean);
    const functions = {};
    for (const f of formulas) for (const name of f.match(/[A-Z][A-Z0-9_.]*(?=\\()/g) ?? []) functions[name] = (functions[name] ?? 0) + 1;
    return { calls: out, formulas: formulas.length, custom: formulas.filter((f) => /OKR_[A-Z_]+\\(/.test(f)).length, functions, krs: rows.length };
  } finally { uninstall(); }
}`;
const { measure } = await importTsEntry(entry, root, 'dashboard');
console.log('== Dashboard: SpreadsheetApp calls (target: equal for 6 and 600 KRs) and recalculation for 600 KRs ==');
const small = measure(2, 1);
const large = measure(40, 5);
for (const name of Object.keys(small.calls)) {
  const s = small.calls[name];
  const l = large.calls[name];
  const ok = s.total === l.total ? 'ok' : 'MISSED';
  console.log(`${name.padEnd(18)} 6 KRs: ${String(s.total).padStart(3)} (${s.document} document)   600 KRs: ${String(l.total).padStart(3)} (${l.document} document)   ${ok}`);
}
console.log(
  `dashboard for ${large.krs} KRs / 40 teams: ${large.formulas} formulas, ${large.custom} of them call a custom function (target 0) ${large.custom === 0 ? 'ok' : 'MISSED'}`,
);
console.log('functions used: ' + Object.entries(large.functions).sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', '));
