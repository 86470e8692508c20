/**
 * Loads the built dist/Code.js the way Apps Script does: one script in a bare
 * V8 context (no require, module, process), with only the globals given.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const BUNDLE_PATH = join(__dirname, '../../dist/Code.js');

export function bundleSource(): string {
  if (!existsSync(BUNDLE_PATH)) throw new Error('dist/Code.js is missing: run `npm run build` first (npm test does).');
  return readFileSync(BUNDLE_PATH, 'utf8');
}

/** Runs the bundle in a fresh context; returns the context, whose top-level functions are the entry points. */
export function loadBundle(globals: Record<string, unknown> = {}): Record<string, any> {
  const context = vm.createContext({ ...globals });
  vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
  return context as Record<string, any>;
}
