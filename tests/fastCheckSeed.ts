/**
 * Under CI=true every fast-check property runs with a fixed seed, so a CI run
 * is reproducible and a red build always means the same failure; locally
 * (and in `npm run test:soak`) seeds are random, to keep finding new cases.
 * FC_SEED=<n> overrides it anywhere.
 */
import fc from 'fast-check';

export const CI_SEED = 20261124;

const chosen = process.env.FC_SEED ?? (process.env.CI === 'true' ? String(CI_SEED) : undefined);
if (chosen !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(chosen) });
