#!/usr/bin/env node
/**
 * Benchmarks: prints figures, asserts nothing. `npm run bench` builds first.
 * - OKR_SCORE over 100,000 rows in one call (the built dist/Code.js, loaded
 *   as one script the way Apps Script loads it): time per row and the ratio to a
 *   plain arithmetic loop over the same arrays (target: under 3x).
 * - Size of dist/Code.js (target: under 150 KB).
 * Further sections (SpreadsheetApp call counts) are added by bench/*.mjs files.
 */
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = 100_000;

function columns(rows) {
  const start = [], target = [], current = [];
  for (let i = 0; i < rows; i++) {
    const s = i % 50;
    start.push([s]);
    target.push([s + 10 + (i % 7)]);
    current.push([s + (i % 13)]);
  }
  return { start, target, current };
}

/** The baseline: the same arithmetic with no validation, as tight as JavaScript gets, producing the same 2-D output. */
function plainLoop(start, target, current) {
  const out = new Array(start.length);
  for (let i = 0; i < start.length; i++) {
    const s = start[i][0], t = target[i][0], c = current[i][0];
    out[i] = [Math.min(1, Math.max(0, (c - s) / (t - s)))];
  }
  return out;
}

function best(fn, repeats = 15) {
  let bestMs = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms < bestMs) bestMs = ms;
  }
  return bestMs;
}

export function scoreBenchmark() {
  const code = readFileSync(join(root, 'dist/Code.js'), 'utf8');
  // runInThisContext, not a separate vm context: a vm context's global object
  // is intercepted, which makes every `Math` lookup slow there and nowhere else;
  // Apps Script's V8 global is an ordinary one, like Node's own.
  vm.runInThisContext(code, { filename: 'dist/Code.js' });
  const context = globalThis;
  const { start, target, current } = columns(ROWS);
  const viaAddOn = () => context.OKR_SCORE(start, target, current);
  const check = viaAddOn();
  const plain = plainLoop(start, target, current);
  for (let i = 0; i < ROWS; i++) if (check[i][0] !== plain[i][0]) throw new Error(`row ${i}: ${check[i][0]} != ${plain[i][0]}`);
  const addOnMs = best(viaAddOn);
  const plainMs = best(() => plainLoop(start, target, current));
  return { addOnMs, plainMs };
}

function main() {
  console.log('== OKR_SCORE, one call over 100,000 rows (dist/Code.js) ==');
  const { addOnMs, plainMs } = scoreBenchmark();
  console.log(`OKR_SCORE:        ${addOnMs.toFixed(1)} ms total, ${((addOnMs * 1e6) / ROWS).toFixed(0)} ns per row`);
  console.log(`plain loop:       ${plainMs.toFixed(1)} ms total, ${((plainMs * 1e6) / ROWS).toFixed(0)} ns per row`);
  console.log(`ratio:            ${(addOnMs / plainMs).toFixed(2)}x the plain loop (target: under 3x)`);
  console.log('');
  console.log('== Bundle ==');
  const size = statSync(join(root, 'dist/Code.js')).size;
  console.log(`dist/Code.js:     ${(size / 1024).toFixed(1)} KB (target: under 150 KB)`);
  for (const file of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.html'))) {
    console.log(`dist/${file}: ${(statSync(join(root, 'dist', file)).size / 1024).toFixed(1)} KB`);
  }
}

const sections = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.mjs')).sort();
main();
for (const section of sections) {
  console.log('');
  await import(pathToFileURL(join(root, 'bench', section)).href);
}
