#!/usr/bin/env node
/**
 * The .xlsx export test needs LibreOffice headless (Debian's
 * libreoffice-calc-nogui, about 700 MB) to recalculate the exported file.
 * Installs it when it can (as root with apt-get); otherwise says so. Under
 * CI=true a missing LibreOffice fails the run instead of letting the test skip.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];
const ci = process.env.CI === 'true';
const found = () => CANDIDATES.some((p) => existsSync(p));

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

if (!found()) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (root && apt) {
    console.log('Installing LibreOffice for the .xlsx test (apt-get install libreoffice-calc-nogui)…');
    run('apt-get', ['update']) && run('apt-get', ['install', '-y', '--no-install-recommends', 'libreoffice-calc-nogui']);
  }
}
if (found()) process.exit(0);
if (ci) {
  console.error('LibreOffice (soffice) is missing and could not be installed: the .xlsx test cannot run (CI=true fails instead of skipping).');
  process.exit(1);
}
console.warn('LibreOffice (soffice) is missing: the .xlsx recalculation test will be skipped. Install it with: sudo apt-get install libreoffice-calc-nogui');
