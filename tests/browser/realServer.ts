/**
 * The real sidebar server: dist/Code.js (the file `clasp push` uploads) run in
 * a node:vm context over the in-memory workbook, with a cycle set up through
 * the add-on menu. What the browser sends reaches the same top-level
 * functions Apps Script would call.
 */
import type { ObjectiveDraft, SidebarBootstrap } from '../../src/core/drafts';
import type { AppsScriptHarness } from '../../emulator/appsScript';
import { loadAddon } from '../../emulator/loadAddon';
import type { DevServerOptions, TestServer } from './devServer';

export interface RealServer extends TestServer {
  harness: AppsScriptHarness;
  bundle: Record<string, (...args: unknown[]) => any>;
}

export function createRealServer(options: DevServerOptions = {}): RealServer {
  const lang = options.lang ?? 'en';
  const teams = options.teams ?? ['Sales', 'IT', 'Customer Service'];
  const { harness, bundle, entryPoints, customFunctions } = loadAddon({ locale: lang === 'de' ? 'de_DE' : 'en_US', now: new Date(2026, 10, 24, 9, 0, 0) });
  harness.ui.queuePrompt(`${options.cycleName ?? 'Q4 2026'}; ${teams.join(', ')}`);
  bundle.menuSetUpCycle();
  // Values cross google.script.run as JSON: no Dates, no functions, no objects of another realm.
  const json = <T>(value: unknown): T => JSON.parse(JSON.stringify(value ?? null)) as T;
  for (const objective of options.objectives ?? []) {
    const result = json<{ ok: boolean }>(bundle.sidebarSaveObjective(json(objective)));
    if (!result.ok) throw new Error(`seed objective rejected: ${JSON.stringify(result)}`);
  }
  const call =
    (name: string) =>
    (...args: unknown[]) =>
      json(bundle[name](...json<unknown[]>(args)));
  // What google.script.run may call: the bundle's entry points but its custom functions (the loader's lists, read from Code.js).
  const functions = Object.fromEntries([...entryPoints].filter((name) => !customFunctions.includes(name)).map((name) => [name, call(name)]));
  return {
    harness,
    bundle,
    functions,
    stored: () =>
      json<SidebarBootstrap>(bundle.sidebarBootstrap()).objectives.map((o) => json<ObjectiveDraft>(bundle.sidebarLoadObjective(o.id))),
  };
}
