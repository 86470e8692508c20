/** The one way to run the add-on on the emulator: builds the harness, runs dist/Code.js in a bare node:vm context, registers its custom functions, installs the clock. */
/*
 * Used by the jest tests (tests/dist, tests/sheets via the bundle, the model
 * test), the browser tests' real server, the playground and the benchmarks
 * (bench/lib.mjs bundles this file). Apps Script runs the bundle as one
 * script in a V8 context without require, module or process: so does this.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createAppsScript, type AppsScriptHarness, type AuthModeName } from './appsScript';

/** The repository's dist/: next to emulator/ under jest and CommonJS bundles; else (an ES module bundle) ./dist of the working directory. */
export function defaultDistDir(): string {
  return typeof __dirname === 'string' ? join(__dirname, '..', 'dist') : join(process.cwd(), 'dist');
}

export interface LoadAddonOptions {
  /** The spreadsheet's locale (`getSpreadsheetLocale`), e.g. 'en_US', 'de_DE'. Default en_US. */
  locale?: string;
  /** The user's locale (`Session.getActiveUserLocale`), e.g. 'en', 'de'. Default: the language of `locale` (the emulator's default). */
  userLocale?: string;
  /** The spreadsheet's time zone (`getSpreadsheetTimeZone`). Default: the emulator's (Europe/Berlin). */
  timeZone?: string;
  /**
   * The add-on's "now": `new Date()` and `Date.now()` in the bundle and TODAY()/NOW() in formulas.
   * A Date is a fixed clock, moved with `setNow`; a function is read on every call (the playground's
   * live clock), and the harness's formula clock then follows `setNow` only. Default 2026-11-24 09:00 local.
   */
  now?: Date | (() => Date);
  /** Runs everything as this user (the emulator's second user is 'user-b'). Default: the emulator's owner. */
  user?: string;
  /** The auth mode the calls run in. Default: the emulator's (LIMITED). */
  authMode?: AuthModeName;
  /** HTML files by name, as clasp pushes them; `true` reads every dist/*.html. Default none. */
  htmlFiles?: Record<string, string> | true;
  /** Where Code.js (and the .html files) are. Default: the repository's dist/. */
  distDir?: string;
  /** Register the bundle's custom functions (every `@customfunction` of Code.js). Default true. */
  customFunctions?: boolean;
}

export type Bundle = Record<string, (...args: any[]) => any>;

export interface Addon {
  harness: AppsScriptHarness;
  /** The vm context: its top-level functions are the bundle's entry points. */
  bundle: Bundle;
  /** Names of the bundle's top-level functions (what google.script.run and the menu may call). */
  entryPoints: Set<string>;
  /** Names of the bundle's custom functions (read from the `@customfunction` JSDoc of Code.js). */
  customFunctions: string[];
  /** Moves the add-on's clock (bundle and formulas) to `date`. */
  setNow(date: Date): void;
  /** Calls a server function the way google.script.run does: arguments and result cross as JSON. */
  call(name: string, ...args: unknown[]): unknown;
}

export const DEFAULT_NOW = () => new Date(2026, 10, 24, 9, 0, 0);

/**
 * Runs in the vm: `new Date()`, `Date()` and `Date.now()` read `clock()`; every other use of Date is untouched.
 */
const CLOCK_SHIM = `(function (clock) {
  var RealDate = Date;
  globalThis.Date = new Proxy(RealDate, {
    construct: function (target, args, newTarget) { return Reflect.construct(target, args.length ? args : [clock()], newTarget); },
    apply: function () { return new RealDate(clock()).toString(); },
    get: function (target, key) { return key === 'now' ? function () { return clock(); } : Reflect.get(target, key); }
  });
})`;

const scripts = new Map<string, { source: string; script: vm.Script }>();

/** Code.js of `distDir`, compiled once per process. */
export function bundleScript(distDir = defaultDistDir()): { source: string; script: vm.Script } {
  const file = join(distDir, 'Code.js');
  let cached = scripts.get(file);
  if (!cached) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
    const source = readFileSync(file, 'utf8');
    cached = { source, script: new vm.Script(source, { filename: 'Code.js' }) };
    scripts.set(file, cached);
  }
  return cached;
}

/** The names of the custom functions in a bundle: the top-level functions whose JSDoc says `@customfunction`. */
export function customFunctionNames(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g)) {
    if (/@customfunction\b/.test(m[1])) names.push(m[2]);
  }
  return names;
}

function readHtmlFiles(distDir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(distDir)
      .filter((file) => file.endsWith('.html'))
      .map((file) => [file.slice(0, -'.html'.length), readFileSync(join(distDir, file), 'utf8')]),
  );
}

export function loadAddon(options: LoadAddonOptions = {}): Addon {
  const distDir = options.distDir ?? defaultDistDir();
  const locale = options.locale ?? 'en_US';
  const live = typeof options.now === 'function' ? options.now : null;
  let fixed = (options.now instanceof Date ? options.now : live ? live() : DEFAULT_NOW()).getTime();
  const harness = createAppsScript({
    locale,
    userLocale: options.userLocale,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    now: new Date(fixed),
    htmlFiles: options.htmlFiles === true ? readHtmlFiles(distDir) : options.htmlFiles,
  });
  const { source, script } = bundleScript(distDir);
  const context = vm.createContext(harness.globals);
  script.runInContext(context);
  const bundle = context as unknown as Bundle;
  const entryPoints = new Set(Object.keys(context).filter((k) => typeof bundle[k] === 'function' && /^[A-Za-z]\w*$/.test(k) && !k.endsWith('_')));
  (vm.runInContext(CLOCK_SHIM, context) as (clock: () => number) => void)(live ? () => live().getTime() : () => fixed);
  const customFunctions = customFunctionNames(source).filter((name) => entryPoints.has(name));
  if (options.customFunctions !== false) harness.registerCustomFunctions(Object.fromEntries(customFunctions.map((name) => [name, bundle[name]])));
  if (options.authMode) harness.setAuthMode(options.authMode);
  if (options.user) harness.lockState.currentUser = options.user;
  const json = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  return {
    harness,
    bundle,
    entryPoints,
    customFunctions,
    setNow(date) {
      fixed = date.getTime();
      harness.setNow(date);
    },
    call: (name, ...args) => json(bundle[name](...(json(args) as unknown[]))),
  };
}
