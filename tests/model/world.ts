/**
 * The world the model-based test drives: the BUILT dist/Code.js run in a
 * node:vm context over the in-memory workbook (as tests/dist/addon.test.ts
 * does), with a clock the test controls (the bundle's `new Date()` is the
 * test's "today"), plus what a person does by hand (typing into cells,
 * renaming, deleting, inserting rows) through the raw fake, which is neither
 * counted nor restricted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createAppsScript, type AppsScriptHarness, type FakeSheet } from '../../emulator/appsScript';

const DIST = join(__dirname, '../../dist/Code.js');
let script: vm.Script | undefined;

/** Replaces the context's Date so `new Date()` and `Date.now()` give the test's "now"; every other use is untouched. */
const CLOCK = `
(function () {
  var RealDate = Date;
  var now = 0;
  class TestDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(now); else super(...args); }
    static now() { return now; }
  }
  globalThis.Date = TestDate;
  globalThis.__setNow = function (t) { now = t; };
})();
`;

export type Bundle = Record<string, (...args: unknown[]) => any>;

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
  const h = createAppsScript({ locale, userLocale: lang, now });
  const context = vm.createContext(h.globals);
  vm.runInContext(CLOCK, context);
  script ??= new vm.Script(readFileSync(DIST, 'utf8'), { filename: 'Code.js' });
  script.runInContext(context);
  const bundle = context as unknown as Bundle;
  const json = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  const world: World = {
    h,
    bundle,
    lang,
    setNow(date) {
      (context as any).__setNow(date.getTime());
      h.setNow(date);
    },
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
