/** The script's clock and time zone inside the vm: `Date` whose local time is the manifest's zone (Session.getScriptTimeZone), whatever the process's TZ. */
/*
 * Apps Script runs every script in the time zone of its manifest
 * (appsscript.json `timeZone`): `new Date(2026, 10, 24)` is midnight in
 * Europe/Berlin for every user of this add-on, and `getDate()` answers in that
 * zone. Node has one process-wide zone (TZ), which jest cannot change from
 * inside a test. So the loader gives the bundle's vm context its own `Date`: a
 * subclass of the context's Date whose local-time constructor, getters,
 * setters, `getTimezoneOffset` and `toString` use the script's zone, and whose
 * "now" is the add-on's clock. Dates the emulator hands the bundle
 * (getValues, custom-function arguments, Utilities.parseDate) are converted to
 * this class at the boundary (`toScriptDate`), so `instanceof Date` holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { wallClock } from './formula';

/** The manifest's time zone (appsscript.json next to emulator/); Europe/Berlin if it cannot be read. */
export function manifestTimeZone(): string {
  const root = typeof __dirname === 'string' ? join(__dirname, '..') : process.cwd();
  try {
    const zone = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')).timeZone;
    return typeof zone === 'string' && zone ? zone : 'Europe/Berlin';
  } catch {
    return 'Europe/Berlin';
  }
}

/** Milliseconds to add to UTC to get the wall clock of `timeZone` at instant `ms`. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (!Number.isFinite(ms)) return 0;
  const w = wallClock(new Date(ms), timeZone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
}

/** Runs in the vm context; returns `toScriptDate(ms)`. */
const SCRIPT_DATE = `(function (clock, offset, zoneName) {
  var RealDate = Date;
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function fromLocal(y, mo, d, h, mi, s, ms) {
    var wall = RealDate.UTC(y, mo, d, h, mi, s, ms);
    if (wall !== wall) return NaN;
    var guess = wall - offset(wall);
    return wall - offset(guess);
  }
  function local(t) { return new RealDate(t + offset(t)); }
  function fields(t) {
    var l = local(t);
    return [l.getUTCFullYear(), l.getUTCMonth(), l.getUTCDate(), l.getUTCHours(), l.getUTCMinutes(), l.getUTCSeconds(), l.getUTCMilliseconds()];
  }
  var EXPLICIT = /(Z|[+-]\\d\\d:?\\d\\d|GMT|UTC)\\)?$|^\\d{4}-\\d\\d(-\\d\\d)?$/i;
  function parse(s) {
    var str = String(s).trim();
    var t = RealDate.parse(str);
    if (t !== t || EXPLICIT.test(str) || /GMT|UTC/i.test(str)) return t;
    var h = new RealDate(t); // read by the process's zone, rebuilt in the script's
    return fromLocal(h.getFullYear(), h.getMonth(), h.getDate(), h.getHours(), h.getMinutes(), h.getSeconds(), h.getMilliseconds());
  }
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function zonePart(t) {
    var o = Math.round(offset(t) / 60000), sign = o < 0 ? '-' : '+';
    o = Math.abs(o);
    return 'GMT' + sign + two(Math.floor(o / 60)) + two(o % 60) + ' (' + zoneName + ')';
  }
  class ScriptDate extends RealDate {
    constructor() {
      var a = arguments;
      if (a.length === 0) super(clock());
      else if (a.length === 1) super(typeof a[0] === 'string' ? parse(a[0]) : Object.prototype.toString.call(a[0]) === '[object Date]' ? RealDate.prototype.getTime.call(a[0]) : a[0]);
      else super(fromLocal(+a[0], +a[1], a.length > 2 ? +a[2] : 1, a.length > 3 ? +a[3] : 0, a.length > 4 ? +a[4] : 0, a.length > 5 ? +a[5] : 0, a.length > 6 ? +a[6] : 0));
    }
    getFullYear() { return fields(this.getTime())[0]; }
    getYear() { return fields(this.getTime())[0] - 1900; }
    getMonth() { return fields(this.getTime())[1]; }
    getDate() { return fields(this.getTime())[2]; }
    getDay() { var t = this.getTime(); return t !== t ? NaN : local(t).getUTCDay(); }
    getHours() { return fields(this.getTime())[3]; }
    getMinutes() { return fields(this.getTime())[4]; }
    getSeconds() { return fields(this.getTime())[5]; }
    getMilliseconds() { return fields(this.getTime())[6]; }
    getTimezoneOffset() { var t = this.getTime(); return t !== t ? NaN : -Math.round(offset(t) / 60000); }
    toString() {
      var t = this.getTime();
      if (t !== t) return 'Invalid Date';
      return this.toDateString() + ' ' + this.toTimeString();
    }
    toDateString() {
      var t = this.getTime();
      if (t !== t) return 'Invalid Date';
      var l = local(t);
      return DAYS[l.getUTCDay()] + ' ' + MONTHS[l.getUTCMonth()] + ' ' + two(l.getUTCDate()) + ' ' + l.getUTCFullYear();
    }
    toTimeString() {
      var t = this.getTime();
      if (t !== t) return 'Invalid Date';
      var l = local(t);
      return two(l.getUTCHours()) + ':' + two(l.getUTCMinutes()) + ':' + two(l.getUTCSeconds()) + ' ' + zonePart(t);
    }
    toLocaleString(locales, options) { return RealDate.prototype.toLocaleString.call(this, locales, Object.assign({ timeZone: zoneName }, options)); }
    toLocaleDateString(locales, options) { return RealDate.prototype.toLocaleDateString.call(this, locales, Object.assign({ timeZone: zoneName }, options)); }
    toLocaleTimeString(locales, options) { return RealDate.prototype.toLocaleTimeString.call(this, locales, Object.assign({ timeZone: zoneName }, options)); }
  }
  function setter(index, count) {
    return function () {
      var t = this.getTime();
      var f = t !== t && index === 0 ? [NaN, 0, 1, 0, 0, 0, 0] : fields(t);
      if (t !== t && index !== 0) return NaN;
      for (var i = 0; i < count && i < arguments.length; i++) f[index + i] = +arguments[i];
      if (arguments.length === 0) f[index] = NaN;
      return this.setTime(fromLocal(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
    };
  }
  var P = ScriptDate.prototype;
  P.setFullYear = setter(0, 3);
  P.setMonth = setter(1, 2);
  P.setDate = setter(2, 1);
  P.setHours = setter(3, 4);
  P.setMinutes = setter(4, 3);
  P.setSeconds = setter(5, 2);
  P.setMilliseconds = setter(6, 1);
  P.setYear = function (y) { y = +y; return P.setFullYear.call(this, y >= 0 && y <= 99 ? 1900 + y : y); };
  var Script = new Proxy(ScriptDate, {
    apply: function () { return new ScriptDate().toString(); },
    construct: function (target, args, newTarget) { return Reflect.construct(target, args, newTarget === Script ? target : newTarget); },
    get: function (target, key) {
      if (key === 'now') return function now() { return clock(); };
      if (key === 'parse') return parse;
      return Reflect.get(target, key);
    }
  });
  globalThis.Date = Script;
  return function toScriptDate(ms) { return new ScriptDate(ms); };
})`;

/**
 * Installs the script's `Date` in a vm context: local time in `timeZone`, now from `clock()` (ms).
 * Returns the converter for Dates that cross into the context.
 */
export function installScriptDate(context: vm.Context, timeZone: string, clock: () => number): (date: Date) => Date {
  const install = vm.runInContext(SCRIPT_DATE, context) as (clock: () => number, offset: (ms: number) => number, zone: string) => (ms: number) => Date;
  const toScriptDate = install(clock, (ms) => zoneOffsetMs(ms, timeZone), timeZone);
  return (date: Date) => toScriptDate(date.getTime());
}
