#!/usr/bin/env node
/** `npm run export -- out.xlsx`: the playground's workbook (or the sample cycle) as .xlsx, with exceljs. */
import { loadPlayground, paths } from './playground.mjs';

try {
  const playground = await loadPlayground();
  await playground.exportCommand(process.argv.slice(2), paths);
} catch (error) {
  console.error(String(error?.message ?? error));
  process.exit(1);
}
