/**
 * Entry of `npm run test:soak` (scripts/soak.mjs bundles it): runs the
 * model-based property of addonModel.ts and prints, as one JSON line, the
 * number of sequences, the longest sequence and, on failure, the seed, the
 * path and the shrunk counterexample, so it can be replayed.
 */
import fc from 'fast-check';
import { property, type RunStats } from './addonModel';

export function soak(options: { runs: number; seed: number; path?: string; maxSteps: number }) {
  const started = Date.now();
  const stats: RunStats = {
    runs: 0,
    longest: 0,
    onRun: (s) => {
      if (s.runs % 250 === 0) console.log(`  seed ${options.seed}: ${s.runs} sequences, longest ${s.longest} steps, ${Math.round((Date.now() - started) / 1000)} s`);
    },
  };
  const details = fc.check(property(stats, options.maxSteps), {
    numRuns: options.runs,
    seed: options.seed,
    ...(options.path ? { path: options.path, endOnFailure: false } : {}),
  });
  return {
    sequences: details.numRuns,
    executed: stats.runs,
    longest: stats.longest,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    seed: details.seed,
    failed: details.failed,
    ...(details.failed
      ? {
          path: details.counterexamplePath,
          counterexample: fc.stringify(details.counterexample),
          error: String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance).slice(0, 4000),
        }
      : {}),
  };
}
