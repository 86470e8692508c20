#!/usr/bin/env node
/** `npm run push`: pushes dist/ with clasp, after checking that a script id is set. */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let config;
try {
  config = JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8'));
} catch (error) {
  console.error(`push: cannot read .clasp.json (${error.message}).`);
  process.exit(1);
}
if (!config.scriptId || !String(config.scriptId).trim()) {
  console.error(
    [
      'push: no script id is set in .clasp.json.',
      'Bind the add-on to a spreadsheet first:',
      '  npx clasp login',
      '  npx clasp create --type sheets --title "OKR for Sheets" --rootDir dist   (creates a new sheet), or',
      '  put the id of an existing script (Extensions > Apps Script > Project settings > Script ID) into .clasp.json "scriptId".',
    ].join('\n'),
  );
  process.exit(1);
}
if (config.rootDir !== 'dist') {
  console.error(`push: .clasp.json rootDir is "${config.rootDir}"; it must be "dist" (the built bundle).`);
  process.exit(1);
}
const result = spawnSync('npx', ['clasp', 'push', '--force'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
