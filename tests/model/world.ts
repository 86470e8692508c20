/**
 * The world the model-based test drives: the BUILT dist/Code.js run in a
 * node:vm context over the in-memory workbook (as tests/dist/addon.test.ts
 * does), with a clock the test controls (the bundle's `new Date()` is the
 * test's "today"), plus what a person does by hand (typing into cells,
 * renaming, deleting, inserting rows) through the raw fake, which is neither
 * counted nor restricted.
 */
import { loadAddon, type Bundle } from '../../emulator/loadAddon';
import type { AppsScriptHarness, FakeSheet } from '../../emulator/appsScript';

export type { Bundle };
export interface World {
  h: AppsScriptHarness;
  bundle: Bundle;
  lang: 'en' | 'de';
  setNow(date: Date): void;
  /** Calls a server function the way google.script.run does: arguments and result cross as JSON. */
  call(name: string, ...args: unknown[]): { ok: true; value: any } | { ok: false; error: { name: string; message: string } };
  /** Number of dialogs/toasts before the current step, to read only the step's messages. */
  mark(): { dialogs: number; toasts: number };
  messagesSince(mark: { dialogs: number; toasts: number }): { alerts: string[]; prompts: string[]; toasts: string[] };
  sheet(name: string): FakeSheet | null;
}

export function createWorld(lang: 'en' | 'de' = 'en', now = new Date(2026, 10, 24, 9)): World {
  const locale = lang === 'de' ? 'de_DE' : 'en_US';
  const addon = loadAddon({ locale, userLocale: lang, now });
  const h = addon.harness;
  const bundle = addon.bundle;
  const json = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  const world: World = {
    h,
    bundle,
    lang,
    setNow: addon.setNow,
    call(name, ...args) {
      try {
        return { ok: true, value: json(bundle[name](...(json(args) as unknown[]))) };
      } catch (error) {
        const e = error as { name?: unknown; message?: unknown };
        return { ok: false, error: { name: String(e?.name ?? 'Error'), message: String(e?.message ?? error) } };
      }
    },
    mark: () => ({ dialogs: h.ui.dialogs.length, toasts: h.ui.toasts.length }),
    messagesSince(mark) {
      const dialogs = h.ui.dialogs.slice(mark.dialogs) as { kind: string; prompt: string }[];
      return {
        alerts: dialogs.filter((d) => d.kind === 'alert').map((d) => String(d.prompt)),
        prompts: dialogs.filter((d) => d.kind === 'prompt').map((d) => String(d.prompt)),
        toasts: h.ui.toasts.slice(mark.toasts).map((t: any) => String(t.message)),
      };
    },
    sheet: (name) => h.spreadsheet.getSheetByName(name) as FakeSheet | null,
  };
  world.setNow(now);
  return world;
}

/** The start of every "unexpected error" alert of `guarded()` (src/server/guard.ts), in both languages. */
export const UNEXPLAINED = /^(That did not work:|Das hat nicht geklappt:)/;
