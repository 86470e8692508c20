#!/usr/bin/env node
/**
 * npm run test:soak [-- --runs 10000 --workers 2 --seed N --path P --max-steps 30]
 *
 * Runs the model-based test of tests/model/addonModel.ts (random sequences of
 * user actions against the built dist/Code.js) many times: 10,000 sequences
 * by default, split over worker processes with consecutive seeds. Prints the
 * count, the longest sequence and, for a failure, the seed and path that
 * replay it (`--seed N --path P` runs exactly that case, shrunk).
 */
import { build } from 'esbuild';
import { fork } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'okr-soak', 'soak.cjs');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

if (process.env.OKR_SOAK_CHILD) {
  // Worker: run a share of the sequences and report.
  const { soak } = await import(out).then((m) => m.default ?? m);
  process.send(soak(JSON.parse(process.env.OKR_SOAK_CHILD)));
  process.exit(0);
}

if (!existsSync(join(root, 'dist', 'Code.js'))) {
  console.error('dist/Code.js is missing: run `npm run build` first.');
  process.exit(2);
}
mkdirSync(dirname(out), { recursive: true });
await build({
  entryPoints: [join(root, 'tests', 'model', 'soak.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: out,
  logLevel: 'error',
  // emulator/loadAddon.ts finds dist/Code.js relative to its own folder.
  define: { __dirname: JSON.stringify(join(root, 'emulator')) },
});

const runs = Number(option('runs', 10_000));
const maxSteps = Number(option('max-steps', 30));
const path = option('path', undefined);
const seed = Number(option('seed', Date.now() % 2_147_483_647));
const workers = path ? 1 : Math.max(1, Math.min(Number(option('workers', cpus().length)), runs));

console.log(path ? `Replaying seed ${seed}, path ${path}` : `Soak: ${runs} sequences of up to ${maxSteps} steps, ${workers} worker(s), seeds ${seed}..${seed + workers - 1}`);
const shares = Array.from({ length: workers }, (_, i) => ({
  runs: Math.floor(runs / workers) + (i < runs % workers ? 1 : 0),
  seed: seed + i,
  path,
  maxSteps,
}));
const results = await Promise.all(
  shares.map(
    (share) =>
      new Promise((resolve, reject) => {
        const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, OKR_SOAK_CHILD: JSON.stringify(share) } });
        child.on('message', resolve);
        child.on('exit', (code) => code !== 0 && reject(new Error(`worker for seed ${share.seed} exited with ${code}`)));
      }),
  ),
);

const total = results.reduce((n, r) => n + r.sequences, 0);
const longest = Math.max(...results.map((r) => r.longest));
const failures = results.filter((r) => r.failed);
console.log(`sequences: ${total}`);
console.log(`longest sequence: ${longest} steps`);
console.log(`time: ${Math.max(...results.map((r) => r.seconds))} s`);
for (const f of failures) {
  console.log(`\nFAILED with seed ${f.seed}, path ${f.path}`);
  console.log(`replay: npm run test:soak -- --seed ${f.seed} --path ${f.path}`);
  console.log(`counterexample: ${f.counterexample}`);
  console.log(f.error);
}
if (!failures.length) console.log('failures: none');
process.exit(failures.length ? 1 : 0);
