/** Shared by the bench/*.bench.mjs files: bundles a TypeScript entry (given as text) for node and imports it. */
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importTsEntry(entry, resolveDir, name) {
  const dir = mkdtempSync(join(tmpdir(), 'okr-bench-'));
  const outfile = join(dir, `${name}.mjs`);
  await build({
    stdin: { contents: entry, resolveDir, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  });
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  return import(pathToFileURL(outfile).href);
}

/**
 * emulator/loadAddon.ts for the .mjs benchmarks: `const { loadAddon } = await importLoader(root)`, then
 * `loadAddon({ ..., distDir: join(root, 'dist') })` (the bundled loader cannot find dist/ by itself).
 */
export function importLoader(root) {
  return importTsEntry("export * from './emulator/loadAddon';", root, 'loadAddon');
}
