/** The emulator's entry: createAppsScript() builds a spreadsheet and the Apps Script global services, behind call-counting, auth-mode-enforcing proxies. */
/*
 * Public entry of the in-memory Apps Script fake: `createAppsScript()` builds
 * a spreadsheet plus the global services (SpreadsheetApp, LockService,
 * HtmlService, ScriptApp, Session, PropertiesService, Utilities, Logger,
 * CacheService). Every object handed to code under test is a Proxy that
 * counts calls and enforces the auth mode; the harness fields (`spreadsheet`,
 * helpers) are the raw fakes and are neither counted nor restricted.
 *
 * Two users: `asUser('user-b', () => ...)` runs a block as another user
 * (locks and user properties belong to the current user), and
 * `holdLock('document', 'user-b')` makes another user hold a lock until
 * `releaseLock('document')`.
 *
 * Running the bundle: `vm.createContext(harness.globals)` then
 * `vm.runInContext(code, context)`; register the bundle's custom functions
 * with `harness.registerCustomFunctions({ OKR_SCORE: context.OKR_SCORE })`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { parseA1, splitSheet } from './a1';
import {
  AuthMode,
  FakeCacheService,
  FakeHtmlService,
  FakeLock,
  FakeLockService,
  FakeLogger,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeUi,
  FakeUtilities,
  LockState,
  type AuthModeName,
} from './services';
import {
  Enums,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
  FakeRange,
  FakeSheet,
  FakeSpreadsheet,
  KIND,
  type Host,
  type Kind,
} from './spreadsheet';

export { FakeSpreadsheet, FakeSheet, FakeRange, FakeUi };
export type { AuthModeName };

export interface AppsScriptOptions {
  locale?: string;
  timeZone?: string;
  now?: Date;
  htmlFiles?: Record<string, string>;
  userLocale?: string;
}

export interface AppsScriptGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  CacheService: GoogleAppsScript.Cache.CacheService;
}

export interface CallCounter {
  readonly total: number;
  readonly document: number;
  readonly builder: number;
  /** Ui, Lock, Properties, Html, Session, ... calls. */
  readonly service: number;
  readonly byMethod: Record<string, number>;
  reset(): void;
  snapshot(): { total: number; document: number; builder: number; service: number; byMethod: Record<string, number> };
}

class Counter implements CallCounter {
  total = 0;
  document = 0;
  builder = 0;
  service = 0;
  byMethod: Record<string, number> = {};
  count(kind: Kind, name: string): void {
    this.total++;
    if (kind === 'document') this.document++;
    else if (kind === 'builder') this.builder++;
    else this.service++;
    this.byMethod[name] = (this.byMethod[name] ?? 0) + 1;
  }
  reset(): void {
    this.total = this.document = this.builder = this.service = 0;
    this.byMethod = {};
  }
  snapshot() {
    return { total: this.total, document: this.document, builder: this.builder, service: this.service, byMethod: { ...this.byMethod } };
  }
}

/** The SpreadsheetApp global. */
class FakeSpreadsheetApp {
  readonly [KIND]: Kind = 'document';
  static label = 'SpreadsheetApp';
  readonly ProtectionType = Enums.ProtectionType;
  readonly DataValidationCriteria = Enums.DataValidationCriteria;
  readonly BooleanCriteria = Enums.BooleanCriteria;
  readonly BorderStyle = Enums.BorderStyle;
  readonly WrapStrategy = Enums.WrapStrategy;
  readonly Dimension = Enums.Dimension;
  readonly Direction = Enums.Direction;
  readonly CopyPasteType = Enums.CopyPasteType;
  readonly AutoFillSeries = { DEFAULT_SERIES: 'DEFAULT_SERIES', ALTERNATE_SERIES: 'ALTERNATE_SERIES' };
  constructor(
    private readonly ss: FakeSpreadsheet,
    private readonly ui: FakeUi,
  ) {}
  getActive(): FakeSpreadsheet {
    return this.ss;
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.ss;
  }
  getActiveSheet(): FakeSheet {
    return this.ss.getActiveSheet();
  }
  getActiveRange(): FakeRange | null {
    return this.ss.getActiveRange();
  }
  getCurrentCell(): FakeRange | null {
    return this.ss.getCurrentCell();
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    return this.ss.setActiveSheet(sheet);
  }
  setActiveRange(range: FakeRange): FakeRange {
    return this.ss.setActiveRange(range);
  }
  getUi(): FakeUi {
    return this.ui;
  }
  flush(): void {}
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder();
  }
  openById(_id: string): never {
    throw new Error('SpreadsheetApp.openById is not available in the fake (and not in add-ons with currentonly scope).');
  }
}

const READ = /^(get|is|can|has|flush|toString|copy|offset)/;
const PERMISSION_URL = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

export interface AppsScriptHarness {
  globals: AppsScriptGlobals;
  spreadsheet: FakeSpreadsheet;
  calls: CallCounter;
  ui: FakeUi;
  logs: string[];
  lockState: LockState;
  services: { properties: FakePropertiesService; cache: FakeCacheService };
  readonly authMode: AuthModeName;
  setAuthMode(mode: AuthModeName): void;
  setNow(date: Date): void;
  registerCustomFunctions(map: Record<string, (...args: any[]) => any>): void;
  errorMessage(sheetName: string, a1: string): string | null;
  effectiveBackground(sheetName: string, a1: string): string;
  isValid(sheetName: string, a1: string): boolean;
  installGlobals(target?: any): () => void;
  asUser<T>(user: string, fn: () => T): T;
  holdLock(kind?: 'document' | 'script', user?: string): void;
  releaseLock(kind?: 'document' | 'script'): void;
}

export function createAppsScript(options: AppsScriptOptions = {}): AppsScriptHarness {
  const state = {
    mode: 'LIMITED' as AuthModeName,
    now: options.now ? new Date(options.now.getTime()) : new Date(),
    custom: {} as Record<string, (...args: any[]) => any>,
  };
  const counter = new Counter();
  const ui = new FakeUi();
  const host: Host = {
    now: () => state.now,
    customFunctions: state.custom,
    runAsCustomFunction<T>(fn: () => T): T {
      const saved = state.mode;
      state.mode = 'CUSTOM_FUNCTION';
      try {
        return fn();
      } finally {
        state.mode = saved;
      }
    },
    toast: (message, title, timeoutSeconds) => ui.toasts.push({ message, title, timeoutSeconds }),
  };
  const ss = new FakeSpreadsheet(host, options.locale ?? 'en_US', options.timeZone ?? 'Europe/Berlin');
  const lockState = new LockState();
  const properties = new FakePropertiesService(lockState);
  const cache = new FakeCacheService();
  const logger = new FakeLogger();
  const userLocale = options.userLocale ?? (options.locale ?? 'en_US').split('_')[0];

  // --- proxies: counting and auth
  const proxies = new WeakMap<object, any>();
  const targets = new WeakMap<object, object>();

  function deny(label: string, method: string): never {
    const name = label === 'SpreadsheetApp' || /Service$/.test(label) ? `${label}.${method}` : method;
    throw new Error(`You do not have permission to call ${name}. Required permissions: ${PERMISSION_URL}`);
  }

  function checkAuth(kind: Kind, label: string, method: string): void {
    const mode = state.mode;
    if (mode === 'LIMITED' || mode === 'FULL') return;
    if (mode === 'NONE') {
      if (kind === 'document') deny(label, method);
      if (label === 'Ui' && method !== 'createAddonMenu' && method !== 'createMenu') deny(label, method);
      if (label === 'LockService' && method === 'getDocumentLock') deny(label, method);
      if (label === 'PropertiesService' && method === 'getDocumentProperties') deny(label, method);
      if (label === 'CacheService' && method === 'getDocumentCache') deny(label, method);
      return;
    }
    // CUSTOM_FUNCTION: read-only document access, no Ui, Lock or Html.
    if (kind === 'document' && !READ.test(method)) deny(label, method);
    if (kind === 'ui') deny(label, method);
    if (['LockService', 'Lock', 'HtmlService', 'HtmlOutput', 'HtmlTemplate'].includes(label)) deny(label, method);
  }

  function methodKind(target: any, label: string, method: string): Kind {
    if (label === 'SpreadsheetApp') {
      if (method === 'getUi') return 'ui';
      if (method.startsWith('new')) return 'builder';
    }
    return target[KIND] as Kind;
  }

  function unwrap(v: any): any {
    if (v && typeof v === 'object') {
      const t = targets.get(v);
      if (t) return t;
      if (Array.isArray(v)) return v.map(unwrap);
    }
    return v;
  }

  function wrap(v: any): any {
    if (!v || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      if (v.length && Array.isArray(v[0])) return v.map(wrap);
      return v.some((x) => x && typeof x === 'object' && KIND in x) ? v.map(wrap) : v;
    }
    if (!(KIND in v)) return v;
    let p = proxies.get(v);
    if (p) return p;
    p = new Proxy(v, {
      get(target: any, prop: string | symbol) {
        const value = target[prop];
        if (typeof prop === 'symbol' || typeof value !== 'function' || prop === 'constructor') return value;
        return (...args: any[]) => {
          const label = (target.constructor as any).label ?? 'Object';
          const kind = methodKind(target, label, prop);
          checkAuth(kind, label, prop);
          counter.count(kind, `${label}.${prop}`);
          return wrap(value.apply(target, args.map(unwrap)));
        };
      },
    });
    proxies.set(v, p);
    targets.set(p, v);
    return p;
  }

  const app = new FakeSpreadsheetApp(ss, ui);
  const globals = {
    SpreadsheetApp: wrap(app),
    LockService: wrap(new FakeLockService(lockState)),
    HtmlService: wrap(new FakeHtmlService(options.htmlFiles ?? {})),
    ScriptApp: wrap(new FakeScriptApp()),
    Session: wrap(new FakeSession(() => ss.timeZone, () => userLocale, lockState)),
    PropertiesService: wrap(properties),
    Utilities: wrap(new FakeUtilities()),
    Logger: wrap(logger),
    CacheService: wrap(cache),
  } as unknown as AppsScriptGlobals;

  function locate(sheetName: string, a1: string): { sheet: FakeSheet; r: number; c: number } {
    const split = splitSheet(a1);
    const sheet = ss.sheetByName(split.sheet ?? sheetName);
    if (!sheet) throw new Error(`No sheet named ${sheetName}`);
    const rect = parseA1(split.ref, sheet.maxRows, sheet.maxCols);
    if (!rect) throw new Error(`Bad cell ${a1}`);
    return { sheet, r: rect.r1, c: rect.c1 };
  }

  const harness: AppsScriptHarness = {
    globals,
    spreadsheet: ss,
    calls: counter,
    ui,
    logs: logger.lines,
    lockState,
    services: { properties, cache },
    get authMode() {
      return state.mode;
    },
    setAuthMode(mode) {
      if (!(mode in AuthMode)) throw new Error(`Unknown auth mode ${mode}`);
      state.mode = mode;
    },
    setNow(date) {
      state.now = new Date(date.getTime());
      ss.touch();
    },
    registerCustomFunctions(map) {
      for (const [k, fn] of Object.entries(map)) state.custom[k.toUpperCase()] = fn;
      ss.resetEngine();
    },
    errorMessage(sheetName, a1) {
      const { sheet, r, c } = locate(sheetName, a1);
      return ss.errorMessage(sheet, r, c);
    },
    effectiveBackground(sheetName, a1) {
      const { sheet, r, c } = locate(sheetName, a1);
      return ss.effectiveBackground(sheet, r, c);
    },
    isValid(sheetName, a1) {
      const { sheet, r, c } = locate(sheetName, a1);
      return ss.isValid(sheet, r, c);
    },
    installGlobals(target: any = globalThis) {
      const saved = new Map<string, PropertyDescriptor | undefined>();
      for (const [k, v] of Object.entries(globals)) {
        saved.set(k, Object.getOwnPropertyDescriptor(target, k));
        Object.defineProperty(target, k, { value: v, configurable: true, writable: true, enumerable: false });
      }
      return () => {
        for (const [k, d] of saved) {
          if (d) Object.defineProperty(target, k, d);
          else delete target[k];
        }
      };
    },
    asUser(user, fn) {
      const saved = lockState.currentUser;
      lockState.currentUser = user;
      try {
        return fn();
      } finally {
        lockState.currentUser = saved;
      }
    },
    holdLock(kind = 'document', user = 'user-b') {
      new FakeLock(lockState, kind, user).waitLock(0);
    },
    releaseLock(kind = 'document') {
      lockState.holders.delete(kind);
    },
  };
  return harness;
}
