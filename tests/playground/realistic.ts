/**
 * The realistic cycle (tests/fixtures/realisticCycle.ts) made in a playground
 * session through the bundle's entry points: the menu's set-up, then every
 * objective saved from the sidebar with its key results' current values.
 */
import { join } from 'node:path';
import type { SaveResult } from '../../src/core/drafts';
import { REGISTER_ROWS, TEAMS } from '../fixtures/realisticCycle';
import { PlaygroundSession, type Lang } from '../../playground/session';

export const DIST = join(__dirname, '../../dist');

export function realisticSession(lang: Lang, stateFile?: string): PlaygroundSession {
  const session = new PlaygroundSession({ distDir: DIST, lang, stateFile, today: '2026-11-24' });
  const setup = session.runMenu('menuSetUpCycle', [{ text: `Q4 2026; ${TEAMS.join(', ')}`, button: 'OK' }]);
  if (setup.prompt || setup.alerts.length) throw new Error(JSON.stringify(setup));
  const objectives = [...new Set(REGISTER_ROWS.map((r) => r.objectiveId))];
  for (const id of objectives) {
    const rows = REGISTER_ROWS.filter((r) => r.objectiveId === id);
    const draft = {
      id: '',
      team: rows[0].team,
      title: rows[0].objective,
      goalType: rows[0].goalType,
      parentId: '',
      keyResults: rows.map((r) => ({
        id: '',
        title: r.keyResult,
        kind: r.kind,
        start: r.start,
        target: r.target,
        current: r.current,
        unit: r.unit,
        weight: r.weight,
        confidence: r.confidence,
        dependsOn: r.dependsOn,
      })),
      tactics: [],
    };
    const saved = session.call('sidebarSaveObjective', [draft]) as SaveResult;
    if (!saved.ok) throw new Error(JSON.stringify(saved));
  }
  return session;
}
