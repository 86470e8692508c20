/**
 * The model-based test in CI: random sequences of user actions against the
 * built dist/Code.js (see addonModel.ts for the invariants and how to add
 * commands). CI runs 200 sequences of up to 30 steps in two files, so jest
 * runs them on two workers; `npm run test:soak` runs 10,000.
 *
 * A failure prints the seed and the shrunk path (and the shrunk steps);
 * replay it with
 *   MODEL_SEED=<seed> MODEL_PATH=<path> npx jest tests/model/addon.model
 * or `npm run test:soak -- --seed <seed> --path <path>`.
 */
import fc from 'fast-check';
import { property, type RunStats } from './addonModel';

export const CI_SEQUENCES = 200;
export const MAX_STEPS = 30;

/** `shard` (1..shards) gives each file its own sequences; under CI=true their seeds are fixed (tests/fastCheckSeed.ts). */
export function modelTest(shards: number, shard: number) {
  const runs = Math.ceil(Number(process.env.MODEL_RUNS ?? CI_SEQUENCES) / shards);
  it(`keeps every invariant over ${runs} sequences of up to ${MAX_STEPS} steps`, () => {
    const stats: RunStats = { runs: 0, longest: 0 };
    const global = fc.readConfigureGlobal().seed;
    const seed = process.env.MODEL_SEED !== undefined ? Number(process.env.MODEL_SEED) : global === undefined ? undefined : global + shard;
    const started = Date.now();
    fc.assert(property(stats, MAX_STEPS), {
      numRuns: runs,
      ...(seed === undefined ? {} : { seed, path: process.env.MODEL_PATH }),
    });
    console.log(`model test: seed ${seed ?? 'random'}, ${stats.runs} sequences (longest ${stats.longest} steps) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);
}
