/** Part 2 of 2 of the model-based test (see modelRun.ts): two files so jest runs them in parallel. */
import { modelTest } from './modelRun';

describe('the add-on against random sequences of user actions (part 2 of 2)', () => modelTest(2, 2));
