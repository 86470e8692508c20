/**
 * Bundles the playground (playground/*.ts, with the in-memory workbook of
 * emulator/) for node, and its page script for the browser, into
 * .playground/build/ (git-ignored). Used by start.mjs and export.mjs; needs
 * dist/ built first (npm start and npm run export build it).
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const paths = { root, distDir: join(root, 'dist'), staticDir: join(root, '.playground', 'build', 'static') };

/** Builds both bundles and imports the node one (playground/cli.ts). */
export async function loadPlayground() {
  if (!existsSync(join(paths.distDir, 'Code.js'))) throw new Error('dist/Code.js is missing: run `npm run build` first.');
  const out = join(root, '.playground', 'build');
  mkdirSync(paths.staticDir, { recursive: true });
  await Promise.all([
    build({ entryPoints: [join(root, 'playground/cli.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
      // The fake requires fast-formula-parser (CommonJS): give the ES module a require.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      outfile: join(out, 'playground.mjs'), logLevel: 'warning' }),
    build({ entryPoints: [join(root, 'playground/client/main.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2020', outfile: join(paths.staticDir, 'playground.js'), logLevel: 'warning' }),
  ]);
  copyFileSync(join(root, 'playground/client/page.css'), join(paths.staticDir, 'page.css'));
  return import(`${pathToFileURL(join(out, 'playground.mjs')).href}?t=${Date.now()}`);
}
