/** The formula engine: fast-formula-parser with Sheets' operators, blank-cell rules, extra functions, dates, number formats and reference shifting. */
/*
 * Formula support for the Sheets fake, on top of the MIT library
 * fast-formula-parser: Sheets semantics for operators (element-wise array
 * math, blank cells, case-insensitive text comparison), functions the library
 * lacks or gets wrong, reference rewriting for inserted/deleted rows and
 * columns, date serials and number formats.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { columnToLetters, lettersToColumn, shiftSpan, unquoteSheetName, type Axis } from './a1';

// The library ships no types; it is loaded through require on purpose.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const FFP: any = require('fast-formula-parser');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const operators: any = require('fast-formula-parser/formulas/operators');

export const FormulaParser: any = FFP;
export const FormulaError: any = FFP.FormulaError;
export const MAX_ROW: number = FFP.MAX_ROW;
export const MAX_COLUMN: number = FFP.MAX_COLUMN;

export function isFormulaError(v: unknown): boolean {
  return v instanceof FormulaError;
}

export function isDateLike(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

// ---------------------------------------------------------------------------
// Operators with Sheets semantics (patched into the library's shared module).

const TYPE_ORDER: Record<string, number> = { number: 1, string: 2, boolean: 3 };

function compareScalar(a: any, op: string, b: any): any {
  if (isFormulaError(a)) return a;
  if (isFormulaError(b)) return b;
  if (a == null && b == null) {
    a = 0;
    b = 0;
  } else if (a == null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  else if (b == null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  let ta = typeof a;
  let tb = typeof b;
  if (ta === 'string' && tb === 'string') {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  let cmp: number;
  if (ta === tb) cmp = a < b ? -1 : a > b ? 1 : 0;
  else {
    ta = TYPE_ORDER[ta] as any;
    tb = TYPE_ORDER[tb] as any;
    cmp = (ta as any) < (tb as any) ? -1 : 1;
  }
  switch (op) {
    case '=':
      return cmp === 0;
    case '<>':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '>':
      return cmp > 0;
    case '<=':
      return cmp <= 0;
    case '>=':
      return cmp >= 0;
  }
  return FormulaError.VALUE;
}

export function toNumber(v: any): any {
  if (isFormulaError(v)) return v;
  if (v == null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(t)) {
      return t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
    }
  }
  return FormulaError.VALUE;
}

function mathScalar(a: any, op: string, b: any): any {
  const x = toNumber(a);
  if (isFormulaError(x)) return x;
  const y = toNumber(b);
  if (isFormulaError(y)) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? FormulaError.DIV0 : x / y;
    case '^':
      return x ** y;
  }
  return FormulaError.VALUE;
}

function concatScalar(a: any, _op: string, b: any): any {
  if (isFormulaError(a)) return a;
  if (isFormulaError(b)) return b;
  const s = (v: any) => (v == null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
  return s(a) + s(b);
}

function broadcast(fn: (a: any, op: string, b: any) => any) {
  return (v1: any, op: string, v2: any) => {
    const a1 = Array.isArray(v1);
    const a2 = Array.isArray(v2);
    if (!a1 && !a2) return fn(v1, op, v2);
    const m1: any[][] = a1 ? v1 : [[v1]];
    const m2: any[][] = a2 ? v2 : [[v2]];
    const rows = Math.max(m1.length, m2.length);
    const cols = Math.max(m1[0]?.length ?? 0, m2[0]?.length ?? 0);
    const pick = (m: any[][], i: number, j: number) => {
      const row = m.length === 1 ? m[0] : m[i];
      if (!row) return FormulaError.NA;
      const v = row.length === 1 ? row[0] : row[j];
      return v === undefined ? FormulaError.NA : v;
    };
    const out: any[][] = [];
    for (let i = 0; i < rows; i++) {
      const r: any[] = [];
      for (let j = 0; j < cols; j++) r.push(fn(pick(m1, i, j), op, pick(m2, i, j)));
      out.push(r);
    }
    return out;
  };
}

operators.Infix.compareOp = broadcast(compareScalar);
operators.Infix.mathOp = broadcast(mathScalar);
operators.Infix.concatOp = broadcast(concatScalar);
const originalUnary = operators.Prefix.unaryOp;
operators.Prefix.unaryOp = (prefixes: string[], value: any, isArray: boolean) => {
  const neg = prefixes.filter((p) => p === '-').length % 2 === 1;
  const one = (v: any) => {
    const n = toNumber(v);
    return isFormulaError(n) ? n : neg ? -n : n;
  };
  if (Array.isArray(value)) return value.map((row: any[]) => row.map(one));
  if (value == null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return neg || value == null ? one(value) : value;
  }
  return originalUnary(prefixes, value, isArray);
};

// ---------------------------------------------------------------------------
// Functions.

type Arg = { value: any; isArray?: boolean; isRangeRef?: boolean; isCellRef?: boolean; omitted?: boolean; ref?: any };

function argValue(a: Arg | undefined): any {
  if (a == null) return undefined;
  if (typeof a !== 'object' || !('value' in a)) return a;
  return a.value;
}

function scalar(a: Arg | undefined): any {
  const v = argValue(a);
  if (Array.isArray(v)) return v[0]?.[0];
  return v;
}

function matrix(a: Arg | undefined): any[][] {
  const v = argValue(a);
  if (Array.isArray(v)) return v as any[][];
  return [[v]];
}

function flatValues(a: Arg): { v: any; fromRef: boolean }[] {
  const fromRef = !!(a.isRangeRef || a.isCellRef || a.isArray || Array.isArray(a.value));
  return matrix(a)
    .flat()
    .map((v) => ({ v, fromRef }));
}

function throwIfError(v: any): void {
  if (isFormulaError(v)) throw v;
}

function numbersOf(args: Arg[]): number[] {
  const out: number[] = [];
  for (const a of args) {
    if (a == null || a.omitted) continue;
    for (const { v, fromRef } of flatValues(a)) {
      throwIfError(v);
      if (typeof v === 'number') out.push(v);
      else if (!fromRef) {
        const n = toNumber(v);
        throwIfError(n);
        out.push(n);
      }
    }
  }
  return out;
}

/** Criteria of COUNTIF(S)/SUMIF(S): "x", ">=5", "<>a", "=", wildcards * and ?. */
export function criterionMatcher(criterion: any): (v: any) => boolean {
  if (typeof criterion === 'number' || typeof criterion === 'boolean') {
    return (v) => v === criterion || (typeof v === 'string' && v !== '' && toNumber(v) === criterion && typeof criterion === 'number');
  }
  const text = criterion == null ? '' : String(criterion);
  const m = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(text)!;
  const op = m[1] ?? '=';
  const operand = m[2];
  const num = operand.trim() !== '' ? toNumber(operand) : FormulaError.VALUE;
  const isNum = !isFormulaError(num);
  const lower = operand.toLowerCase();
  const bool = lower === 'true' ? true : lower === 'false' ? false : null;
  if (op === '=' || op === '<>') {
    let test: (v: any) => boolean;
    if (operand === '') test = (v) => v == null || v === '';
    else if (isNum) test = (v) => typeof v === 'number' && v === num;
    else if (bool !== null) test = (v) => v === bool;
    else {
      const re = new RegExp(
        '^' +
          lower
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/~\*/g, '\u0001')
            .replace(/~\?/g, '\u0002')
            .replace(/\*/g, '[\\s\\S]*')
            .replace(/\?/g, '[\\s\\S]')
            .replace(/\u0001/g, '\\*')
            .replace(/\u0002/g, '\\?') +
          '$',
      );
      test = (v) => typeof v === 'string' && re.test(v.toLowerCase());
    }
    return op === '=' ? test : (v) => !test(v);
  }
  return (v) => {
    if (isNum) {
      if (typeof v !== 'number') return false;
      return compareScalar(v, op, num) === true;
    }
    if (typeof v !== 'string' || v === '') return false;
    return compareScalar(v, op, operand) === true;
  };
}

function multiCriteria(pairs: Arg[]): boolean[] | null {
  let mask: boolean[] | null = null;
  let shape: [number, number] | null = null;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const range = matrix(pairs[i]);
    const s: [number, number] = [range.length, range[0]?.length ?? 0];
    if (shape && (shape[0] !== s[0] || shape[1] !== s[1])) throw FormulaError.VALUE;
    shape = s;
    const test = criterionMatcher(scalar(pairs[i + 1]));
    const flat = range.flat();
    mask = flat.map((v, k) => (mask ? mask[k] : true) && test(v));
  }
  return mask;
}

function isoWeek(serial: number): number {
  const d = new Date(Math.round((serial - 25569) * 864e5));
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 864e5 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

function mapArray(a: Arg, fn: (v: any) => any): any {
  const v = argValue(a);
  if (Array.isArray(v)) return v.map((row: any[]) => row.map(fn));
  return fn(v);
}

/** Functions added to or replacing the library's (all receive the library's argument objects). */
export function sheetsFunctions(now: () => number): Record<string, (...args: any[]) => any> {
  return {
    MIN: (...args: Arg[]) => {
      const n = numbersOf(args);
      return n.length ? Math.min(...n) : 0;
    },
    MAX: (...args: Arg[]) => {
      const n = numbersOf(args);
      return n.length ? Math.max(...n) : 0;
    },
    SUM: (...args: Arg[]) => numbersOf(args).reduce((s, x) => s + x, 0),
    AVERAGE: (...args: Arg[]) => {
      const n = numbersOf(args);
      if (!n.length) throw FormulaError.DIV0;
      return n.reduce((s, x) => s + x, 0) / n.length;
    },
    COUNT: (...args: Arg[]) => {
      let c = 0;
      for (const a of args) for (const { v, fromRef } of flatValues(a)) if (typeof v === 'number' || (!fromRef && !isFormulaError(toNumber(v)) && v !== '')) c++;
      return c;
    },
    COUNTA: (...args: Arg[]) => {
      let c = 0;
      for (const a of args) for (const { v } of flatValues(a)) if (v != null && !(a.isRangeRef && v === '' && false)) c++;
      return c;
    },
    COUNTBLANK: (a: Arg) => flatValues(a).filter(({ v }) => v == null || v === '').length,
    SUMPRODUCT: (...args: Arg[]) => {
      const ms = args.map(matrix);
      const rows = ms[0].length;
      const cols = ms[0][0]?.length ?? 0;
      for (const m of ms) if (m.length !== rows || (m[0]?.length ?? 0) !== cols) throw FormulaError.VALUE;
      let total = 0;
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          let p = 1;
          for (const m of ms) {
            const v = m[i][j];
            throwIfError(v);
            p *= typeof v === 'number' ? v : 0;
          }
          total += p;
        }
      }
      return total;
    },
    SUMIFS: (sumRange: Arg, ...pairs: Arg[]) => {
      const mask = multiCriteria(pairs);
      const values = matrix(sumRange).flat();
      if (mask && mask.length !== values.length) throw FormulaError.VALUE;
      let s = 0;
      values.forEach((v, k) => {
        if ((!mask || mask[k]) && typeof v === 'number') s += v;
      });
      return s;
    },
    COUNTIFS: (...pairs: Arg[]) => (multiCriteria(pairs) ?? []).filter(Boolean).length,
    COUNTIF: (range: Arg, criterion: Arg) => {
      const test = criterionMatcher(scalar(criterion));
      return matrix(range)
        .flat()
        .filter((v) => test(v)).length;
    },
    AVERAGEIFS: (avgRange: Arg, ...pairs: Arg[]) => {
      const mask = multiCriteria(pairs);
      const values = matrix(avgRange).flat();
      let s = 0;
      let n = 0;
      values.forEach((v, k) => {
        if ((!mask || mask[k]) && typeof v === 'number') {
          s += v;
          n++;
        }
      });
      if (!n) throw FormulaError.DIV0;
      return s / n;
    },
    MATCH: (lookup: Arg, range: Arg, type?: Arg) => {
      const key = scalar(lookup);
      throwIfError(key);
      const mode = type && !type.omitted ? toNumber(scalar(type)) : 1;
      const values = matrix(range).flat();
      if (mode === 0) {
        const test = typeof key === 'string' ? criterionMatcher(key) : (v: any) => v === key;
        const i = values.findIndex((v) => test(v));
        if (i < 0) throw FormulaError.NA;
        return i + 1;
      }
      let found = -1;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v == null || v === '') continue;
        if (mode > 0 ? compareScalar(v, '<=', key) === true : compareScalar(v, '>=', key) === true) found = i;
        else break;
      }
      if (found < 0) throw FormulaError.NA;
      return found + 1;
    },
    ISNUMBER: (a: Arg) => mapArray(a, (v) => typeof v === 'number'),
    ISTEXT: (a: Arg) => mapArray(a, (v) => typeof v === 'string'),
    ISBLANK: (a: Arg) => (a.ref || a.isCellRef || a.isRangeRef ? mapArray(a, (v) => v == null) : false),
    ISERROR: (a: Arg) => mapArray(a, (v) => isFormulaError(v)),
    ISNA: (a: Arg) => mapArray(a, (v) => isFormulaError(v) && v.error === '#N/A'),
    N: (a: Arg) => {
      const v = scalar(a);
      throwIfError(v);
      return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : 0;
    },
    LEN: (a: Arg) =>
      mapArray(a, (v) => {
        throwIfError(v);
        return v == null ? 0 : typeof v === 'boolean' ? (v ? 4 : 5) : String(v).length;
      }),
    TRIM: (a: Arg) =>
      mapArray(a, (v) => {
        throwIfError(v);
        // Like Sheets: inner runs of spaces fold to one, ends are cut; a blank cell is "".
        return v == null ? '' : (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v)).replace(/ +/g, ' ').trim();
      }),
    TODAY: () => Math.floor(now()),
    NOW: () => now(),
    ISOWEEKNUM: (a: Arg) => {
      const n = toNumber(scalar(a));
      throwIfError(n);
      return isoWeek(Math.floor(n));
    },
    SPARKLINE: () => '[sparkline]',
    // Element-wise like Sheets inside SUMPRODUCT: a range in `text` / `within` gives an array.
    SUBSTITUTE: (text: Arg, search: Arg, replacement: Arg) => {
      const from = String(scalar(search) ?? '');
      const to = String(scalar(replacement) ?? '');
      return mapArray(text, (v) => {
        throwIfError(v);
        const s = v == null ? '' : String(v);
        return from === '' ? s : s.split(from).join(to);
      });
    },
    SEARCH: (find: Arg, within: Arg) => {
      const needle = String(scalar(find) ?? '').toLowerCase();
      return mapArray(within, (v) => {
        throwIfError(v);
        const i = (v == null ? '' : String(v)).toLowerCase().indexOf(needle);
        if (i < 0) return FormulaError.VALUE;
        return i + 1;
      });
    },
    IMPORTRANGE: () => {
      throw FormulaError.REF;
    },
    IMPORTXML: () => '',
    IMPORTHTML: () => '',
    IMPORTDATA: () => '',
    IMAGE: () => '',
    HYPERLINK: (url: Arg, label?: Arg) => {
      const l = label && !label.omitted ? scalar(label) : undefined;
      return l ?? scalar(url) ?? '';
    },
    ARRAYFORMULA: (a: Arg) => argValue(a),
    CONCATENATE: (...args: Arg[]) =>
      args
        .map((a) => matrix(a).flat())
        .flat()
        .map((v) => {
          throwIfError(v);
          return v == null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
        })
        .join(''),
    TEXTJOIN: (delim: Arg, ignoreEmpty: Arg, ...args: Arg[]) => {
      const skip = !!scalar(ignoreEmpty);
      return args
        .map((a) => matrix(a).flat())
        .flat()
        .filter((v) => !(skip && (v == null || v === '')))
        .map((v) => (v == null ? '' : String(v)))
        .join(String(scalar(delim) ?? ''));
    },
    IFNA: (value: Arg, alt: Arg) => {
      const v = argValue(value);
      return isFormulaError(v) && v.error === '#N/A' ? argValue(alt) : v;
    },
    IFERROR: (value: Arg, alt: Arg) => {
      const v = argValue(value);
      if (isFormulaError(v)) return alt ? (argValue(alt) ?? '') : '';
      return v ?? '';
    },
    AND: (...args: Arg[]) => {
      let r = true;
      for (const a of args) for (const { v } of flatValues(a)) {
        throwIfError(v);
        if (v == null || v === '') continue;
        const n = toNumber(v);
        if (isFormulaError(n)) throw FormulaError.VALUE;
        if (!n) r = false;
      }
      return r;
    },
    OR: (...args: Arg[]) => {
      let r = false;
      for (const a of args) for (const { v } of flatValues(a)) {
        throwIfError(v);
        if (v == null || v === '') continue;
        const n = toNumber(v);
        if (isFormulaError(n)) throw FormulaError.VALUE;
        if (n) r = true;
      }
      return r;
    },
    NOT: (a: Arg) => {
      const v = scalar(a);
      throwIfError(v);
      const n = toNumber(v);
      if (isFormulaError(n)) throw FormulaError.VALUE;
      return !n;
    },
    ABS: (a: Arg) =>
      mapArray(a, (v) => {
        const n = toNumber(v);
        throwIfError(n);
        return Math.abs(n);
      }),
    ROUND: (a: Arg, d?: Arg) => {
      const n = toNumber(scalar(a));
      throwIfError(n);
      const digits = d && !d.omitted ? toNumber(scalar(d)) : 0;
      throwIfError(digits);
      const f = 10 ** Math.trunc(digits);
      return (Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9)) / f;
    },
  };
}

/** Custom-function-like wrappers need the reference (to hand over typed values such as Dates). */
export const PRESERVE_REF_FUNCTIONS = ['ISBLANK'];

// ---------------------------------------------------------------------------
// Reference rewriting.

const TOKEN =
  /"(?:[^"]|"")*"|(?<![\w.$'\u00C0-\uFFFF])((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![\w(!\u00C0-\uFFFF])/g;

interface RefPart {
  colAbs: boolean;
  col: number | null;
  rowAbs: boolean;
  row: number | null;
}

function parsePart(p: string): RefPart {
  const m = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/.exec(p)!;
  return {
    colAbs: m[1] === '$' && m[2] !== '',
    col: m[2] ? lettersToColumn(m[2]) : null,
    rowAbs: m[3] === '$' || (m[1] === '$' && !m[2]),
    row: m[4] ? Number(m[4]) : null,
  };
}

function formatPart(p: RefPart): string {
  return (p.col != null ? (p.colAbs ? '$' : '') + columnToLetters(p.col) : '') + (p.row != null ? (p.rowAbs ? '$' : '') + p.row : '');
}

/** Calls `fn` for each reference in the formula (outside string literals) and splices in what it returns. */
export function rewriteRefs(formula: string, fn: (sheet: string | null, parts: RefPart[]) => RefPart[] | null | undefined): string {
  return formula.replace(TOKEN, (whole, prefix: string | undefined, ref: string | undefined) => {
    if (!ref) return whole;
    const sheet = prefix ? unquoteSheetName(prefix.slice(0, -1)) : null;
    const parts = ref.split(':').map(parsePart);
    const res = fn(sheet, parts);
    if (res === undefined) return whole;
    if (res === null) return (prefix ?? '') + '#REF!';
    return (prefix ?? '') + res.map(formatPart).join(':');
  });
}

/** Adjusts references to `targetSheet` after rows/columns were inserted (delta > 0) or deleted (delta < 0) at `at`. */
export function shiftFormula(formula: string, formulaSheet: string, targetSheet: string, axis: Axis, at: number, delta: number): string {
  return rewriteRefs(formula, (sheet, parts) => {
    if ((sheet ?? formulaSheet) !== targetSheet) return undefined;
    const key = axis === 'row' ? 'row' : 'col';
    const a = parts[0][key];
    const b = (parts[1] ?? parts[0])[key];
    if (a == null || b == null) return undefined;
    const span = shiftSpan(a, b, at, delta);
    if (!span) return null;
    const out = parts.map((p) => ({ ...p }));
    out[0][key] = span[0];
    if (out[1]) out[1][key] = span[1];
    return out;
  });
}

/** Moves relative references by (dr, dc), as when a formula is copied or applied to another cell. */
export function translateFormula(formula: string, dr: number, dc: number): string {
  if (!dr && !dc) return formula;
  return rewriteRefs(formula, (_sheet, parts) => {
    const out = parts.map((p) => ({
      ...p,
      row: p.row != null && !p.rowAbs ? p.row + dr : p.row,
      col: p.col != null && !p.colAbs ? p.col + dc : p.col,
    }));
    if (out.some((p) => (p.row != null && p.row < 1) || (p.col != null && p.col < 1))) return null;
    return out;
  });
}

// ---------------------------------------------------------------------------
// Dates and time zones.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock parts of an instant in a time zone. */
export function wallClock(date: Date, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(date)) parts[p.type] = p.value;
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  return { y: +parts.year, mo: +parts.month, d: +parts.day, h: +parts.hour % 24, mi: +parts.minute, s: +parts.second, wd };
}

export function dateToSerial(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const ms = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) + (date.getTime() % 1000 + 1000) % 1000;
  return ms / 864e5 + 25569;
}

/** The instant whose wall clock in `timeZone` is the given local date/time. */
export function localToDate(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): Date {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const w = wallClock(new Date(guess), timeZone);
    const seen = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
    guess += wall - seen;
  }
  return new Date(guess);
}

export function serialToDate(serial: number, timeZone: string): Date {
  const ms = Math.round((serial - 25569) * 864e5);
  const u = new Date(ms);
  return localToDate(u.getUTCFullYear(), u.getUTCMonth() + 1, u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds(), timeZone);
}

// ---------------------------------------------------------------------------
// Number formats (display values).

export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === '@') return false;
  const stripped = fmt.replace(/"[^"]*"|\\.|\[(?:Red|Black|Blue|Green|White|Magenta|Yellow|Cyan|Color\d+|[<>=][^\]]*)\]/gi, '');
  return /[yd]/i.test(stripped) || /h{1,2}:m/i.test(stripped);
}

const COMMA_LOCALES = /^(de|fr|es|it|nl|pt|ru|pl|sv|da|fi|nb|no|cs|tr|id|ro|hu|sk|sl|hr|uk|el|bg)/i;

export function decimalComma(locale: string): boolean {
  return COMMA_LOCALES.test(locale);
}

function formatFixed(n: number, decimals: number, grouping: boolean, locale: string): string {
  const comma = decimalComma(locale);
  const fixed = Math.abs(n).toFixed(decimals);
  let [int, frac] = fixed.split('.');
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? '.' : ',');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + int + (frac ? (comma ? ',' : '.') + frac : '');
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function formatDatePattern(serial: number, fmt: string): string {
  const ms = Math.round((serial - 25569) * 864e5);
  const d = new Date(ms);
  const hasTime = /h/i.test(fmt);
  return fmt.replace(/"([^"]*)"|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm/gi, (tok, lit) => {
    if (lit !== undefined) return lit;
    const t = tok.toLowerCase();
    switch (t) {
      case 'yyyy':
        return String(d.getUTCFullYear());
      case 'yy':
        return pad(d.getUTCFullYear() % 100);
      case 'mmmm':
        return d.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
      case 'mmm':
        return d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
      case 'mm':
        return hasTime && /h/i.test(fmt.slice(0, fmt.toLowerCase().indexOf('mm'))) ? pad(d.getUTCMinutes()) : pad(d.getUTCMonth() + 1);
      case 'm':
        return String(d.getUTCMonth() + 1);
      case 'dddd':
        return d.toLocaleString('en-US', { weekday: 'long', timeZone: 'UTC' });
      case 'ddd':
        return d.toLocaleString('en-US', { weekday: 'short', timeZone: 'UTC' });
      case 'dd':
        return pad(d.getUTCDate());
      case 'd':
        return String(d.getUTCDate());
      case 'hh':
        return pad(d.getUTCHours());
      case 'h':
        return String(d.getUTCHours());
      case 'ss':
        return pad(d.getUTCSeconds());
      case 's':
        return String(d.getUTCSeconds());
      default:
        return d.getUTCHours() < 12 ? 'AM' : 'PM';
    }
  });
}

/**
 * A number format's sections (`positive;negative;zero;text`), split at `;`
 * outside quotes and escapes.
 */
export function formatSections(fmt: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') {
      const close = fmt.indexOf('"', i + 1);
      const to = close < 0 ? fmt.length : close + 1;
      current += fmt.slice(i, to);
      i = to - 1;
    } else if (ch === '\\') {
      current += fmt.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** The literal text of a piece of a format: quotes and escapes resolved, colours and `*x` dropped, `_x` as a space. */
function literalText(piece: string, text?: string): string {
  return piece
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"|\\(.)|_.|\*.|@/g, (m, quoted: string | undefined, escaped: string | undefined) =>
      quoted !== undefined ? quoted : escaped !== undefined ? escaped : m[0] === '_' ? ' ' : m[0] === '@' ? (text ?? '') : '',
    );
}

/** One section of a number format applied to a number (the sign is the caller's business when a negative section was picked). */
function formatSection(n: number, section: string, locale: string): string {
  // The digit placeholders: from the first 0/#/? to the last, with the grouping commas and the point between them.
  const masked = section.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, (m) => '\u0000'.repeat(m.length));
  const first = masked.search(/[0#?]/);
  if (first < 0) return literalText(section);
  let last = first;
  for (let i = first; i < masked.length; i++) if (/[0#?.,]/.test(masked[i])) last = i;
  else break;
  const digits = section.slice(first, last + 1);
  const before = section.slice(0, first);
  const after = section.slice(first + digits.length);
  const percent = /%/.test(masked.slice(0, first) + masked.slice(first + digits.length));
  const value = percent ? n * 100 : n;
  // Decimals: '0' always shown, '#' only when not zero (#,##0.## shows 99.5, 7.6 and 50,000).
  const decimals = /\.([0#?]+)/.exec(digits)?.[1] ?? '';
  const required = decimals.replace(/[#?].*/, '').length;
  const integerPart = digits.split('.')[0];
  const minInt = (integerPart.match(/0/g) ?? []).length;
  let body = formatFixed(value, decimals.length, integerPart.includes(','), locale);
  const sep = decimalComma(locale) ? ',' : '.';
  if (decimals.length > required) {
    const at = body.lastIndexOf(sep);
    const fraction = at >= 0 ? body.slice(at + 1) : '';
    let keep = fraction.length;
    while (keep > required && fraction[keep - 1] === '0') keep--;
    if (at >= 0) body = keep ? body.slice(0, at + 1) + fraction.slice(0, keep) : body.slice(0, at);
  }
  // '#.##' shows 0.5 as .5; '0' keeps the leading zero.
  if (minInt === 0) body = body.replace(new RegExp(`^(-?)0(?=\\${sep}|$)`), '$1');
  return literalText(before) + body + literalText(after);
}

/**
 * Formats a number (or a date serial) like Sheets displays it with the given
 * number format, with all its sections: `positive;negative;zero;text`. With
 * two sections the first is for zero too; a number shown by the negative
 * section carries no minus sign of its own (the section writes it, if any).
 */
export function formatNumber(n: number, fmt: string | undefined, locale: string, isDate: boolean): string {
  if (isDate && (!fmt || !isDateFormat(fmt))) fmt = decimalComma(locale) ? 'dd.mm.yyyy' : 'm/d/yyyy';
  if (!fmt || fmt === 'General' || fmt === '@') {
    if (Number.isInteger(n)) return String(n);
    const s = String(Number(n.toPrecision(10)));
    return decimalComma(locale) ? s.replace('.', ',') : s;
  }
  if (isDateFormat(fmt)) return formatDatePattern(n, fmt);
  const sections = formatSections(fmt);
  if (n < 0 && sections.length >= 2 && sections[1] !== '') return formatSection(-n, sections[1], locale);
  if (n === 0 && sections.length >= 3 && sections[2] !== '') return formatSection(0, sections[2], locale);
  return formatSection(n, sections[0], locale);
}

/** Text in a cell with a number format: its fourth section (`...;...;...;"Note: "@`) when there is one, else the text. */
export function formatText(text: string, fmt: string | undefined): string {
  if (!fmt) return text;
  const sections = formatSections(fmt);
  return sections.length >= 4 ? literalText(sections[3], text) : text;
}

export const ERROR_STRINGS = ['#N/A', '#VALUE!', '#DIV/0!', '#REF!', '#NAME?', '#ERROR!', '#NUM!', '#NULL!'];

/**
 * The arguments of `expr` when the whole expression is one call of `name`
 * (`IF(a,b,c)` → ['a','b','c']); null otherwise. Respects strings, quoted
 * sheet names, parentheses and array literals.
 */
const CALL_HEAD = /^\s*([A-Za-z][A-Za-z0-9_.]*)\s*\(/;

export function callArguments(expr: string, name: string): string[] | null {
  const head = CALL_HEAD.exec(expr);
  if (!head || head[1].toUpperCase() !== name) return null;
  const args: string[] = [];
  let depth = 0;
  let start = head[0].length;
  let quote: string | null = null;
  for (let i = start; i < expr.length; i++) {
    const ch = expr[i];
    if (quote) {
      if (ch === quote) {
        if (expr[i + 1] === quote) i++;
        else quote = null;
      }
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ',' && depth === 0) {
      args.push(expr.slice(start, i));
      start = i + 1;
    } else if (ch === ')' || ch === '}') {
      if (depth > 0) {
        depth--;
        continue;
      }
      args.push(expr.slice(start, i));
      return expr.slice(i + 1).trim() === '' ? args : null;
    }
  }
  return null;
}

/**
 * Parses a formula (without its `=`) with Sheets' lazy IF and IFERROR: only
 * the branch that is taken is evaluated, as in Sheets (fast-formula-parser
 * evaluates every argument). Besides matching Sheets (`IF(TRUE,1,1/0)` is 1),
 * this makes the register's 800 formulas, most of them on blank rows, cheap
 * to recompute. Anything it does not recognise goes to the parser as it is.
 */
export function lazyParse(parser: any, expr: string, position: unknown): any {
  const head = CALL_HEAD.exec(expr)?.[1].toUpperCase();
  if (head !== 'IF' && head !== 'IFERROR') return parser.parse(expr, position, true);
  const ifArgs = callArguments(expr, 'IF');
  if (ifArgs && (ifArgs.length === 2 || ifArgs.length === 3) && ifArgs.every((a) => a.trim() !== '')) {
    const condition = lazyParse(parser, ifArgs[0], position);
    if (isFormulaError(condition)) return condition;
    if (typeof condition === 'boolean' || typeof condition === 'number') {
      const truth = typeof condition === 'boolean' ? condition : condition !== 0;
      const branch = truth ? ifArgs[1] : ifArgs[2];
      return branch === undefined ? false : lazyParse(parser, branch, position);
    }
  }
  const errorArgs = callArguments(expr, 'IFERROR');
  if (errorArgs && errorArgs.length === 2 && errorArgs.every((a) => a.trim() !== '')) {
    let value: any;
    try {
      value = lazyParse(parser, errorArgs[0], position);
    } catch {
      value = FormulaError.ERROR;
    }
    if (isFormulaError(value)) return lazyParse(parser, errorArgs[1], position) ?? '';
    if (!Array.isArray(value)) return value ?? '';
  }
  return parser.parse(expr, position, true);
}
