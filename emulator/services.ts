/** Ui, Lock, Properties, Html, Cache, Utilities, Session and Logger fakes. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { wallClock } from './formula';
import { KIND, SheetsError, type Kind } from './common';

// ---------------------------------------------------------------------------
// Ui

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { submenu: RecordedMenu };
export interface RecordedMenu {
  name: string;
  addon: boolean;
  items: MenuEntry[];
}

export class FakeMenu {
  readonly [KIND]: Kind = 'ui';
  static label = 'Menu';
  readonly menu: RecordedMenu;
  constructor(
    private readonly ui: FakeUi,
    name: string,
    addon: boolean,
  ) {
    this.menu = { name, addon, items: [] };
  }
  addItem(caption: string, functionName: string): this {
    this.menu.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.menu.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.menu.items.push({ submenu: menu.menu });
    return this;
  }
  addToUi(): void {
    this.ui.menus = this.ui.menus.filter((m) => !(m.name === this.menu.name && m.addon === this.menu.addon));
    this.ui.menus.push(this.menu);
  }
}

export interface RecordedDialog {
  kind: 'alert' | 'prompt' | 'modal' | 'modeless';
  title?: string;
  prompt?: string;
  buttons?: string;
  html?: string;
  response?: string;
}

export class FakeUi {
  readonly [KIND]: Kind = 'ui';
  static label = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  menus: RecordedMenu[] = [];
  dialogs: RecordedDialog[] = [];
  sidebars: { title: string; html: string; width: number | undefined }[] = [];
  toasts: { message: string; title: string; timeoutSeconds: number }[] = [];
  private responses: string[] = [];
  private prompts: { text: string; button: string }[] = [];

  /** Test helper: the button the next question alert() (Yes/No, OK/Cancel) returns (default YES, or OK for OK_CANCEL). */
  queueResponse(button: string): void {
    this.responses.push(button);
  }
  /** Test helper: the text and button the next prompt() returns. */
  queuePrompt(text: string, button: string = 'OK'): void {
    this.prompts.push({ text, button });
  }
  /** Test helper: forgets queued prompt answers and alert responses that were not used. */
  clearQueues(): void {
    this.prompts = [];
    this.responses = [];
  }

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this, 'Add-on', true);
  }
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this, caption, false);
  }
  alert(a: string, b?: any, c?: any): any {
    const [title, prompt, buttons] = b === undefined ? [undefined, a, 'OK'] : c === undefined && typeof b === 'string' && b in ButtonSet && !(String(a) in ButtonSet) ? [undefined, a, b] : [a, String(b), c ?? 'OK'];
    // Only a question (Yes/No, OK/Cancel) takes a queued response; a plain OK alert is always OK.
    const choice = buttons !== undefined && String(buttons) !== 'OK';
    const fallback = buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK';
    const response = choice ? (this.responses.shift() ?? fallback) : 'OK';
    this.dialogs.push({ kind: 'alert', title, prompt, buttons: String(buttons), response });
    return response;
  }
  prompt(a: string, b?: any, c?: any): { getResponseText(): string; getSelectedButton(): any } {
    const [title, prompt, buttons] = b === undefined ? [undefined, a, 'OK'] : c === undefined && typeof b === 'string' && b in ButtonSet ? [undefined, a, b] : [a, String(b), c ?? 'OK'];
    const next = this.prompts.shift();
    if (!next) throw new Error(`unexpected prompt: ${prompt}`);
    this.dialogs.push({ kind: 'prompt', title, prompt, buttons: String(buttons), response: next.text });
    return { getResponseText: () => next.text, getSelectedButton: () => next.button };
  }
  showSidebar(html: FakeHtmlOutput): void {
    this.sidebars.push({ title: html.title, html: html.getContent(), width: html.width });
  }
  showModalDialog(html: FakeHtmlOutput, title: string): void {
    this.dialogs.push({ kind: 'modal', title, html: html.getContent() });
  }
  showModelessDialog(html: FakeHtmlOutput, title: string): void {
    this.dialogs.push({ kind: 'modeless', title, html: html.getContent() });
  }
}

// ---------------------------------------------------------------------------
// Lock

/** Shared lock state: who holds the document/script lock and each user's lock. */
export class LockState {
  holders = new Map<string, string>(); // lock key -> user
  currentUser = 'user-a';
}

export class FakeLock {
  readonly [KIND]: Kind = 'service';
  static label = 'Lock';
  constructor(
    private readonly state: LockState,
    private readonly key: string,
    private readonly owner: string,
  ) {}
  tryLock(_timeoutInMillis: number): boolean {
    const holder = this.state.holders.get(this.key);
    if (holder === undefined || holder === this.owner) {
      this.state.holders.set(this.key, this.owner);
      return true;
    }
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new SheetsError('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.state.holders.get(this.key) === this.owner) this.state.holders.delete(this.key);
  }
  hasLock(): boolean {
    return this.state.holders.get(this.key) === this.owner;
  }
}

export class FakeLockService {
  readonly [KIND]: Kind = 'service';
  static label = 'LockService';
  constructor(private readonly state: LockState) {}
  getDocumentLock(): FakeLock {
    return new FakeLock(this.state, 'document', this.state.currentUser);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this.state, 'script', this.state.currentUser);
  }
  getUserLock(): FakeLock {
    return new FakeLock(this.state, `user:${this.state.currentUser}`, this.state.currentUser);
  }
}

// ---------------------------------------------------------------------------
// Properties

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class FakeProperties {
  readonly [KIND]: Kind = 'service';
  static label = 'Properties';
  readonly store = new Map<string, string>();
  private check(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (bytes(v) > VALUE_LIMIT) throw new SheetsError('Argument too large: value');
      total += bytes(k) + bytes(v);
    }
    if (total > STORE_LIMIT) throw new SheetsError('You have exceeded the property storage quota. Please remove some properties and try again.');
  }
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    const next = new Map(this.store);
    next.set(String(key), String(value));
    this.check(next);
    this.store.set(String(key), String(value));
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false): this {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.check(next);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
    return this;
  }
  deleteProperty(key: string): this {
    this.store.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this.store.clear();
    return this;
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
}

export class FakePropertiesService {
  readonly [KIND]: Kind = 'service';
  static label = 'PropertiesService';
  readonly document = new FakeProperties();
  readonly script = new FakeProperties();
  readonly users = new Map<string, FakeProperties>();
  constructor(private readonly lock: LockState) {}
  getDocumentProperties(): FakeProperties {
    return this.document;
  }
  getScriptProperties(): FakeProperties {
    return this.script;
  }
  getUserProperties(): FakeProperties {
    let p = this.users.get(this.lock.currentUser);
    if (!p) {
      p = new FakeProperties();
      this.users.set(this.lock.currentUser, p);
    }
    return p;
  }
}

// ---------------------------------------------------------------------------
// Cache

export class FakeCache {
  readonly [KIND]: Kind = 'service';
  static label = 'Cache';
  readonly store = new Map<string, string>();
  get(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    return Object.fromEntries(keys.filter((k) => this.store.has(k)).map((k) => [k, this.store.get(k)!]));
  }
  put(key: string, value: string, _seconds?: number): void {
    if (bytes(String(value)) > 100 * 1024) throw new SheetsError('Argument too large: value');
    this.store.set(key, String(value));
  }
  putAll(values: Record<string, string>, _seconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v);
  }
  remove(key: string): void {
    this.store.delete(key);
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.store.delete(k);
  }
}

export class FakeCacheService {
  readonly [KIND]: Kind = 'service';
  static label = 'CacheService';
  private readonly doc = new FakeCache();
  private readonly script = new FakeCache();
  private readonly user = new FakeCache();
  getDocumentCache(): FakeCache {
    return this.doc;
  }
  getScriptCache(): FakeCache {
    return this.script;
  }
  getUserCache(): FakeCache {
    return this.user;
  }
}

// ---------------------------------------------------------------------------
// Html

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class FakeHtmlOutput {
  readonly [KIND]: Kind = 'service';
  static label = 'HtmlOutput';
  title = '';
  width: number | undefined;
  height: number | undefined;
  sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';
  metaTags: { name: string; content: string }[] = [];
  constructor(public content: string) {}
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getWidth(): number {
    return this.width ?? 0;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getHeight(): number {
    return this.height ?? 0;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = content;
    return this;
  }
  append(addition: string): this {
    this.content += addition;
    return this;
  }
  appendUntrusted(addition: string): this {
    this.content += escapeHtml(addition);
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  setSandboxMode(mode: any): this {
    this.sandboxMode = String(mode);
    return this;
  }
  setXFrameOptionsMode(mode: any): this {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name, content });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this.metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  setFaviconUrl(_url: string): this {
    return this;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class FakeHtmlTemplate {
  readonly [KIND]: Kind = 'service';
  static label = 'HtmlTemplate';
  [key: string]: any;
  constructor(private readonly source: string) {}
  getRawContent(): string {
    return this.source;
  }
  evaluate(): FakeHtmlOutput {
    // Compile <? code ?>, <?= escaped ?>, <?!= raw ?> into a function evaluated with this template's properties in scope.
    const parts: string[] = ["var __out = '';"];
    const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.source))) {
      parts.push(`__out += ${JSON.stringify(this.source.slice(last, m.index))};`);
      if (m[1] === '=') parts.push(`__out += __esc(String((${m[2]})));`);
      else if (m[1] === '!=') parts.push(`__out += String((${m[2]}));`);
      else parts.push(m[2]);
      last = re.lastIndex;
    }
    parts.push(`__out += ${JSON.stringify(this.source.slice(last))};`, 'return __out;');
    const scope: Record<string, any> = {};
    for (const k of Object.keys(this)) if (k !== 'source') scope[k] = this[k];
    const fn = new Function('__scope', '__esc', `with (__scope) { ${parts.join('\n')} }`);
    return new FakeHtmlOutput(fn(scope, escapeHtml));
  }
}

export class FakeHtmlService {
  readonly [KIND]: Kind = 'service';
  static label = 'HtmlService';
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(private readonly files: Record<string, string>) {}
  private file(name: string): string {
    const key = name.replace(/\.html$/, '');
    const content = this.files[key] ?? this.files[`${key}.html`];
    if (content === undefined) throw new SheetsError(`No HTML file named ${key} was found.`);
    return content;
  }
  createHtmlOutput(html?: any): FakeHtmlOutput {
    if (html && typeof html === 'object' && typeof html.getContent === 'function') return new FakeHtmlOutput(html.getContent());
    return new FakeHtmlOutput(html == null ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.file(filename));
  }
  createTemplate(html: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(String(html));
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.file(filename));
  }
}

// ---------------------------------------------------------------------------
// Utilities, Session, Logger

function isoWeekOf(y: number, mo: number, d: number): number {
  const date = new Date(Date.UTC(y, mo - 1, d));
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3);
  const jan4 = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  return 1 + Math.round((date.getTime() - jan4.getTime()) / 864e5 / 7 - ((jan4.getUTCDay() + 6) % 7) / 7 + 3 / 7);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java SimpleDateFormat subset: yyyy yy MMMM MMM MM M dd d HH H hh h mm ss SSS a EEEE EEE w u Z XXX 'literal'. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (Object.prototype.toString.call(date) !== '[object Date]') throw new SheetsError('The parameters (String,String,String) don\'t match the method signature for Utilities.formatDate.');
  const w = wallClock(date, timeZone);
  const offsetMin = Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMin >= 0 ? '+' : '-';
  const oh = String(Math.floor(Math.abs(offsetMin) / 60)).padStart(2, '0');
  const om = String(Math.abs(offsetMin) % 60).padStart(2, '0');
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return pattern.replace(/'([^']*)'|y+|M+|d+|H+|h+|m+|s+|S+|a|E+|w+|u|Z|X+/g, (tok, lit) => {
    if (lit !== undefined) return lit === '' ? "'" : lit;
    switch (tok[0]) {
      case 'y':
        return tok.length === 2 ? p(w.y % 100) : String(w.y);
      case 'M':
        return tok.length >= 4 ? MONTHS[w.mo - 1] : tok.length === 3 ? MONTHS[w.mo - 1].slice(0, 3) : p(w.mo, tok.length);
      case 'd':
        return p(w.d, tok.length);
      case 'H':
        return p(w.h, tok.length);
      case 'h':
        return p(w.h % 12 === 0 ? 12 : w.h % 12, tok.length);
      case 'm':
        return p(w.mi, tok.length);
      case 's':
        return p(w.s, tok.length);
      case 'S':
        return p(date.getTime() % 1000, 3);
      case 'a':
        return w.h < 12 ? 'AM' : 'PM';
      case 'E':
        return tok.length >= 4 ? DAYS[w.wd] : DAYS[w.wd].slice(0, 3);
      case 'w':
        return p(isoWeekOf(w.y, w.mo, w.d), tok.length);
      case 'u':
        return String(w.wd === 0 ? 7 : w.wd);
      case 'Z':
        return `${sign}${oh}${om}`;
      case 'X':
        return offsetMin === 0 ? 'Z' : tok.length === 1 ? `${sign}${oh}` : tok.length === 2 ? `${sign}${oh}${om}` : `${sign}${oh}:${om}`;
    }
    return tok;
  });
}

export class FakeUtilities {
  readonly [KIND]: Kind = 'service';
  static label = 'Utilities';
  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDate(date, timeZone, format);
  }
  sleep(_ms: number): void {}
  getUuid(): string {
    return globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : '00000000-0000-4000-8000-' + Math.random().toString(16).slice(2, 14).padEnd(12, '0');
  }
  base64Encode(data: string): string {
    return Buffer.from(String(data), 'utf8').toString('base64');
  }
  base64Decode(encoded: string): number[] {
    return [...Buffer.from(encoded, 'base64')];
  }
  newBlob(data: any): { getDataAsString(): string } {
    return { getDataAsString: () => String(data) };
  }
  formatString(template: string, ...args: any[]): string {
    let i = 0;
    return template.replace(/%[sdif]/g, () => String(args[i++]));
  }
}

export class FakeLogger {
  readonly [KIND]: Kind = 'service';
  static label = 'Logger';
  readonly lines: string[] = [];
  log(format: any, ...values: any[]): this {
    let i = 0;
    const text = typeof format === 'string' && values.length ? format.replace(/%s/g, () => String(values[i++])) : typeof format === 'string' ? format : JSON.stringify(format);
    this.lines.push(text);
    return this;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  clear(): void {
    this.lines.length = 0;
  }
}

export class FakeUser {
  readonly [KIND]: Kind = 'service';
  static label = 'User';
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export class FakeSession {
  readonly [KIND]: Kind = 'service';
  static label = 'Session';
  constructor(
    private readonly tz: () => string,
    private readonly userLocale: () => string,
    private readonly lock: LockState,
  ) {}
  getScriptTimeZone(): string {
    return this.tz();
  }
  getActiveUserLocale(): string {
    return this.userLocale();
  }
  getActiveUser(): FakeUser {
    return new FakeUser('');
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser('');
  }
  getTemporaryActiveUserKey(): string {
    return `temp-key-${this.lock.currentUser}`;
  }
}

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export type AuthModeName = keyof typeof AuthMode;

export class FakeScriptApp {
  readonly [KIND]: Kind = 'service';
  static label = 'ScriptApp';
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };
  readonly EventType = { ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', CLOCK: 'CLOCK' };
  getScriptId(): string {
    return 'fake-script-id';
  }
  getAuthorizationInfo(_mode: any): { getAuthorizationStatus(): string; getAuthorizationUrl(): string | null } {
    return { getAuthorizationStatus: () => 'NOT_REQUIRED', getAuthorizationUrl: () => null };
  }
  getProjectTriggers(): never[] {
    return [];
  }
  getUserTriggers(_doc: any): never[] {
    return [];
  }
  getOAuthToken(): string {
    return 'fake-oauth-token';
  }
}
