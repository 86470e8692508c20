/**
 * A typed promise wrapper over `google.script.run` (asynchronous, success and
 * failure handlers; only primitives and plain objects cross, no Dates).
 */
import type { ObjectiveDraft, SaveResult, SidebarBootstrap } from '../core/drafts';

export type DeleteResult = { ok: true } | { ok: false; message: string };

/** The server functions the sidebar calls (global functions in dist/Code.js). */
export interface SidebarServer {
  sidebarBootstrap(): SidebarBootstrap;
  sidebarLoadObjective(id: string): ObjectiveDraft;
  sidebarSaveObjective(draft: unknown): SaveResult;
  sidebarDeleteObjective(id: string): DeleteResult;
}

/** The part of `google.script.run` the sidebar uses. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown, userObject?: unknown) => void): ScriptRunner;
  withUserObject(userObject: unknown): ScriptRunner;
  [serverFunction: string]: unknown;
}

interface GoogleGlobal {
  script: { run: ScriptRunner };
}

function runner(): ScriptRunner {
  const google = (globalThis as unknown as { google?: GoogleGlobal }).google;
  if (!google?.script?.run) throw new Error('google.script.run is not available');
  return google.script.run;
}

/** The message of whatever a failure handler received. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

export function callServer<K extends keyof SidebarServer>(
  name: K,
  ...args: Parameters<SidebarServer[K]>
): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    const run = runner()
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarServer[K]>))
      .withFailureHandler((error) => reject(new Error(errorMessage(error))));
    const fn = run[name];
    if (typeof fn !== 'function') {
      reject(new Error(`No server function ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(run, args);
  });
}
