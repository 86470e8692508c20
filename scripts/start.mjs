#!/usr/bin/env node
/** `npm start`: after the build, says what was built and how to put it into a Google Sheet. */
import { readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const files = readdirSync(dist).map((f) => `  dist/${f} (${(statSync(join(dist, f)).size / 1024).toFixed(1)} KB)`);
console.log(['', 'OKR for Sheets is built:', ...files, '', 'To use it in a Google Sheet:', '  npx clasp login', '  npx clasp create --type sheets --title "OKR for Sheets" --rootDir dist', '  npm run push', '', 'Then reload the sheet: Extensions > OKR for Sheets. See README.md.'].join('\n'));
