#!/usr/bin/env node
/**
 * The browser tests need Debian's Chromium at /usr/bin/chromium. Installs it
 * when it can (as root with apt-get); otherwise says so. Under CI=true a
 * missing browser fails the run instead of letting the browser tests skip.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
const ci = process.env.CI === 'true';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (root && apt) {
    console.log('Installing Chromium for the browser tests (apt-get install chromium)…');
    run('apt-get', ['update']) && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  }
}
if (existsSync(CHROMIUM)) process.exit(0);
if (ci) {
  console.error(`${CHROMIUM} is missing and could not be installed: the browser tests cannot run (CI=true fails instead of skipping).`);
  process.exit(1);
}
console.warn(`${CHROMIUM} is missing: the browser tests will be skipped. Install it with: sudo apt-get install chromium`);
