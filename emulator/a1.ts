/** A1 notation helpers for the Sheets fake (1-based rows and columns). */

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function rectToA1(rect: Rect): string {
  const a = `${columnToLetters(rect.c1)}${rect.r1}`;
  if (rect.r1 === rect.r2 && rect.c1 === rect.c2) return a;
  return `${a}:${columnToLetters(rect.c2)}${rect.r2}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function unquoteSheetName(name: string): string {
  return name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Splits "Sheet!A1:B2" into sheet name (or null) and the A1 part. */
export function splitSheet(a1: string): { sheet: string | null; ref: string } {
  const idx = a1.lastIndexOf('!');
  if (idx < 0) return { sheet: null, ref: a1 };
  return { sheet: unquoteSheetName(a1.slice(0, idx)), ref: a1.slice(idx + 1) };
}

/**
 * Parses an A1 reference without sheet: "A1", "$A$1", "A1:B2", "A:A", "A2:A", "1:3".
 * Open ends are filled from maxRows / maxCols. Returns null if not a reference.
 */
export function parseA1(ref: string, maxRows: number, maxCols: number): Rect | null {
  const s = ref.replace(/\$/g, '').trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)$/.exec(s);
  if (m) {
    const r = Number(m[2]);
    const c = lettersToColumn(m[1]);
    return r >= 1 ? { r1: r, c1: c, r2: r, c2: c } : null;
  }
  m = /^([A-Z]{1,3})?(\d+)?:([A-Z]{1,3})?(\d+)?$/.exec(s);
  if (!m) return null;
  const [, ca, ra, cb, rb] = m;
  if (!ca && !ra) return null;
  if (!cb && !rb) return null;
  if ((ca && !cb && !rb) || (!ca && cb)) return null;
  const c1 = ca ? lettersToColumn(ca) : 1;
  const c2 = cb ? lettersToColumn(cb) : maxCols;
  const r1 = ra ? Number(ra) : 1;
  const r2 = rb ? Number(rb) : maxRows;
  if (r1 < 1 || r2 < 1) return null;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

export function rectContains(rect: Rect, r: number, c: number): boolean {
  return r >= rect.r1 && r <= rect.r2 && c >= rect.c1 && c <= rect.c2;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export type Axis = 'row' | 'col';

/**
 * Shifts a 1-D span [from, to] for an insertion (delta > 0: `delta` lines inserted
 * so that the first new line is `at`) or a deletion (delta < 0: lines at..at-delta-1 removed).
 * Returns null when the whole span was deleted.
 */
export function shiftSpan(from: number, to: number, at: number, delta: number): [number, number] | null {
  if (delta > 0) {
    return [from >= at ? from + delta : from, to >= at ? to + delta : to];
  }
  const n = -delta;
  const end = at + n - 1;
  const nf = from < at ? from : from > end ? from - n : at;
  const nt = to < at ? to : to > end ? to - n : at - 1;
  if (nt < nf) return null;
  return [nf, nt];
}

export function shiftRect(rect: Rect, axis: Axis, at: number, delta: number): Rect | null {
  if (axis === 'row') {
    const s = shiftSpan(rect.r1, rect.r2, at, delta);
    return s ? { ...rect, r1: s[0], r2: s[1] } : null;
  }
  const s = shiftSpan(rect.c1, rect.c2, at, delta);
  return s ? { ...rect, c1: s[0], c2: s[1] } : null;
}
