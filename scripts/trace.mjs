#!/usr/bin/env node
/**
 * `npm run trace`: turns a stack trace from Sheets or the Apps Script log
 * ("at Rt (Code:2:48213)") back into source files, lines and function names,
 * using dist/Code.js and the source map the build keeps in build/Code.js.map
 * (never pushed). Paste the trace on standard input, or pass it as arguments.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAP = join(root, 'build/Code.js.map');
const CODE = join(root, 'dist/Code.js');

/** Line and column (1-based line, 0-based column) of an offset in the code. */
function position(code, offset) {
  const before = code.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') - 1 };
}

/**
 * Minified function name → its declarations (offset in the code, original name). The minifier gives
 * functions in different scopes the same short name, so a frame is matched with the nearest declaration
 * of its name before the frame's position (the function it is in), not with the first one in the file.
 */
function functionNames(code, consumer) {
  const names = new Map();
  const declaration = /function ([\w$]+)\(|[{,;(]([\w$]+)=(?:async )?(?:\([^)]*\)|[\w$]+)=>/g;
  let match;
  while ((match = declaration.exec(code))) {
    const minified = match[1] ?? match[2];
    // Where the name starts: after "function " (not at the first occurrence: a name like "nc" is also in "function"), or after the separator.
    const offset = match.index + (match[1] !== undefined ? 'function '.length : 1);
    const original = consumer.originalPositionFor(position(code, offset)).name;
    if (!original) continue;
    if (!names.has(minified)) names.set(minified, []);
    names.get(minified).push({ offset, original });
  }
  return names;
}

/** The original name of minified function `name` for a frame at `offset`: its nearest declaration before the frame. */
function originalName(names, name, offset) {
  const declarations = names.get(name);
  if (!declarations) return undefined;
  let best = declarations[0];
  for (const d of declarations) if (d.offset <= offset) best = d;
  return best.original;
}

/** Rewrites every "Code:LINE:COL" frame of a stack trace to its source position and original name. */
export function traceText(text, map = JSON.parse(readFileSync(MAP, 'utf8')), code = readFileSync(CODE, 'utf8')) {
  const consumer = new SourceMapConsumer(map);
  const names = functionNames(code, consumer);
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // V8 writes a method called under another property name as "Object.pa [as OKR_SCORE]".
  return text.replace(/at (?:([\w$.<>]+)(?: \[as [\w$]+\])? )?\(?(?:Code(?:\.js|\.gs)?):(\d+):(\d+)\)?/g, (whole, name, line, column) => {
    const pos = consumer.originalPositionFor({ line: Number(line), column: Number(column) - 1 });
    if (!pos.source) return whole;
    const short = name?.replace(/^Object\./, '');
    const offset = (lineStarts[Number(line) - 1] ?? 0) + Number(column) - 1;
    const fn = (short && originalName(names, short, offset)) ?? short ?? '<anonymous>';
    return `at ${fn} (${pos.source.replace(/^(\.\.\/)+/, '')}:${pos.line}:${(pos.column ?? 0) + 1})`;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(MAP) || !existsSync(CODE)) {
    console.error('trace: build/Code.js.map or dist/Code.js is missing; run `npm run build` on the commit that was pushed.');
    process.exit(1);
  }
  const input = process.argv.length > 2 ? process.argv.slice(2).join(' ') : readFileSync(0, 'utf8');
  process.stdout.write(`${traceText(input)}\n`);
}
