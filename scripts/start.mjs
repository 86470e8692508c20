#!/usr/bin/env node
/**
 * `npm start` (after the build): the local playground. Runs dist/Code.js (the
 * file `clasp push` uploads) over the in-memory workbook and serves it at
 * http://localhost:8080 (`--port N`, 0 for any free port), with a sample
 * cycle on first start (`--lang en|de`), kept in .playground/workbook.json
 * (`--reset` starts over). To put the add-on into a Google Sheet: README.md.
 */
import { loadPlayground, paths } from './playground.mjs';

try {
  const playground = await loadPlayground();
  await playground.start(process.argv.slice(2), paths);
} catch (error) {
  console.error(String(error?.message ?? error));
  process.exit(1);
}
