/**
 * SpreadsheetApp calls to set up a cycle with 3 and with 300 key results,
 * counted by the in-memory workbook (emulator/), running the built
 * dist/Code.js the way Apps Script does. Target: the same, under 40.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLoader } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { loadAddon } = await importLoader(root);

console.log('== SpreadsheetApp calls: set up a cycle from the menu (dist/Code.js), target: equal and under 40 ==');
for (const krs of [3, 300]) {
  const { harness, bundle: addOn } = loadAddon({ now: new Date(2026, 10, 24), distDir: join(root, 'dist') });
  harness.ui.queuePrompt('Q1 2027; Sales, Marketing, IT, HR');
  harness.calls.reset();
  addOn.menuSetUpCycle();
  const setup = harness.calls.snapshot();
  // Then the sidebar saves the objectives (3 KRs each); the set-up itself does not depend on them.
  const objectives = Math.ceil(krs / 3);
  harness.calls.reset();
  for (let o = 0; o < objectives; o++) {
    const result = addOn.sidebarSaveObjective({
      team: ['Sales', 'Marketing', 'IT', 'HR'][o % 4],
      title: `Objective ${'ABCDEFGHIJ'[o % 10]}`,
      goalType: 'roofshot',
      keyResults: [0, 1, 2].map((k) => ({ title: `KR ${k}`, kind: 'increase', start: 0, target: 10 + k })),
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
  const perSave = harness.calls.snapshot();
  console.log(
    `${String(krs).padStart(3)} KRs: set-up ${setup.document} document calls (+${setup.builder} builder, ${setup.service} lock/ui); ` +
      `saving one objective from the sidebar: ${(perSave.document / objectives).toFixed(1)} document calls on average`,
  );
}
