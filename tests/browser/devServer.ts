/**
 * A temporary, in-memory stand-in for the four sidebar server functions, for
 * developing and testing the sidebar before the real server (dist/Code.js over
 * the in-memory workbook) is plugged in. It validates like the real one must:
 * with `validateDraft` from src/core/drafts.ts, never trusting the client.
 */
import { fieldError, validateDraft, type FieldError, type ObjectiveDraft, type SaveResult, type SidebarBootstrap } from '../../src/core/drafts';
import type { Language } from '../../src/core/i18n';
import type { ServerFunctions } from './harness';

export interface DevServerOptions {
  lang?: Language;
  cycleName?: string;
  teams?: string[];
  /** Objectives already in the "register"; blank ids are filled. */
  objectives?: unknown[];
}

/** What a browser test needs of a server: the functions, and a view of what it stored. */
export interface TestServer {
  functions: ServerFunctions;
  /** Every stored objective, as `sidebarLoadObjective` would return it. */
  stored(): ObjectiveDraft[];
}

export function createDevServer(options: DevServerOptions = {}): TestServer {
  const lang = options.lang ?? 'en';
  const teams = options.teams ?? ['Sales', 'IT', 'Customer Service'];
  const store = new Map<string, ObjectiveDraft>();
  let next = 1;
  const newId = (prefix: string) => `${prefix}-${next++}`;
  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  function save(input: unknown): SaveResult {
    const result = validateDraft(input, lang);
    if (!result.ok) return result;
    const draft = result.draft;
    const errors: FieldError[] = [];
    if (!teams.includes(draft.team)) errors.push(fieldError('team', 'unknown_team', lang));
    if (draft.id && !store.has(draft.id)) errors.push(fieldError('id', 'unknown_objective', lang));
    if (draft.parentId && (!store.has(draft.parentId) || draft.parentId === draft.id)) errors.push(fieldError('parentId', 'unknown_objective', lang));
    if (errors.length) return { ok: false, errors };
    const saved: ObjectiveDraft = {
      ...draft,
      id: draft.id || newId('O'),
      keyResults: draft.keyResults.map((kr) => ({ ...kr, id: kr.id || newId('KR') })),
      tactics: draft.tactics.map((tactic) => ({ ...tactic, id: tactic.id || newId('T') })),
    };
    store.set(saved.id, saved);
    return {
      ok: true,
      objectiveId: saved.id,
      keyResultIds: saved.keyResults.map((kr) => kr.id),
      tacticIds: saved.tactics.map((tactic) => tactic.id),
    };
  }

  for (const objective of options.objectives ?? []) {
    const result = save(objective);
    if (!result.ok) throw new Error(`bad seed objective: ${JSON.stringify(result.errors)}`);
  }

  const functions: ServerFunctions = {
    sidebarBootstrap(): SidebarBootstrap {
      return {
        lang,
        cycleName: options.cycleName ?? '2026-Q4',
        teams: [...teams],
        objectives: [...store.values()].map((o) => ({ id: o.id, title: o.title, team: o.team, goalType: o.goalType })),
      };
    },
    sidebarLoadObjective(id: unknown): ObjectiveDraft {
      const found = store.get(String(id));
      if (!found) throw new Error(`No objective ${String(id)}`);
      return clone(found);
    },
    sidebarSaveObjective: save,
    sidebarDeleteObjective(id: unknown) {
      return store.delete(String(id)) ? { ok: true } : { ok: false, message: `No objective ${String(id)}` };
    },
  };
  return { functions, stored: () => [...store.values()].map(clone) };
}
