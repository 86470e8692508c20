/**
 * The model-based test in CI: random sequences of user actions against the
 * built dist/Code.js (see addonModel.ts for the invariants and how to add
 * commands). `npm run test:soak` runs the same property 10,000 times.
 *
 * A failure prints the seed and the shrunk path; replay it with
 *   MODEL_SEED=<seed> MODEL_PATH=<path> npx jest tests/model
 * or `npm run test:soak -- --seed <seed> --path <path>`.
 */
import fc from 'fast-check';
import { property, type RunStats } from './addonModel';

const RUNS = Number(process.env.MODEL_RUNS ?? 200);

describe('the add-on against random sequences of user actions', () => {
  it(`keeps every invariant over ${RUNS} sequences of up to 30 steps`, () => {
    const stats: RunStats = { runs: 0, longest: 0 };
    const seed = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);
    const started = Date.now();
    fc.assert(property(stats, 30), {
      numRuns: RUNS,
      ...(seed === undefined ? {} : { seed, path: process.env.MODEL_PATH, endOnFailure: !process.env.MODEL_PATH }),
    });
    console.log(`model test: ${stats.runs} sequences (longest ${stats.longest} steps) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);
});
