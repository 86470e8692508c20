/**
 * Times LibreOffice's full hard recalculation of exported .xlsx files
 * (Debian's libreoffice-calc-nogui has no Basic runtime for a timing macro,
 * so the recalculation is the difference between converting with and
 * without recalculation on load).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));

/** A throwaway profile whose Calc recalculates .xlsx formulas on load (mode 0: always) or never (mode 1: trusts the cached results). */
function profile(dir, mode) {
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`,
  );
  return pathToFileURL(dir).href;
}

/** Wall time of one headless conversion of `file` to CSV (load, recalculation as the profile says, save). */
function convert(file, profileUrl, outDir) {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(SOFFICE, [`-env:UserInstallation=${profileUrl}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', outDir, file], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`LibreOffice failed: ${result.stderr || result.error}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * LibreOffice's full hard recalculation of each .xlsx, in milliseconds: the
 * median of `repeats` conversions that recalculate every formula on load,
 * minus the median of `repeats` that trust the cached results (start-up,
 * loading and saving are the same in both). Returns { [file]: { recalc, base, ms } }.
 */
export function recalcTimes(files, repeats = 3) {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) is missing: sudo apt-get install libreoffice-calc-nogui');
  const dir = mkdtempSync(join(tmpdir(), 'okr-lo-'));
  try {
    const always = profile(join(dir, 'always'), 0);
    const never = profile(join(dir, 'never'), 1);
    convert(files[0], always, join(dir, 'out')); // first start of each profile initialises it: not timed
    convert(files[0], never, join(dir, 'out'));
    const out = {};
    for (const file of files) {
      const recalc = [];
      const base = [];
      for (let i = 0; i < repeats; i++) {
        recalc.push(convert(file, always, join(dir, 'out')));
        base.push(convert(file, never, join(dir, 'out')));
      }
      out[file] = { recalc: median(recalc), base: median(base), ms: Math.max(0, median(recalc) - median(base)) };
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
