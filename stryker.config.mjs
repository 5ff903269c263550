// @ts-check
// Mutation testing (`npm run mutate`, never part of `npm test`): which changes to shared/ and to the engine's
// measure/restore/recover would the unit and engine tests notice? Scores are in the README ("Mutation testing").
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const tempDirName = '.stryker-tmp';

// The seed-run fixtures sit beside the repository (../shared) and tests find them two levels up from tests/.
// A sandbox lives at .stryker-tmp/sandbox-*/, so without this link those tests would skip inside it and the
// score would not be the one `npm test` earns.
const seedRuns = fileURLToPath(new URL('../shared', import.meta.url));
const seedLink = fileURLToPath(new URL(`${tempDirName}/shared`, import.meta.url));
if (existsSync(seedRuns) && !existsSync(seedLink)) {
  mkdirSync(fileURLToPath(new URL(tempDirName, import.meta.url)), { recursive: true });
  symlinkSync(seedRuns, seedLink, 'dir');
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the in-process node tests; see vitest.mutate.config.ts (and MUTATE_TESTS there).
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  mutate: [
    'shared/**/*.ts',
    'electron/engine/measure/**/*.ts',
    'electron/engine/restore.ts',
    'electron/engine/recover.ts',
    // Decides whether a function is still ours before every write and every undo: safety-critical.
    'electron/engine/ownership.ts',
  ],
  coverageAnalysis: 'perTest',
  // A mutant's time limit is its tests' time in the first run x timeoutFactor + timeoutMS. The fake-AWS
  // engine tests wait for updates and invocations over HTTP, and on a loaded machine take several times
  // longer than in that first run: with the default 5 s a slow but correct run would count as a timeout
  // (that is, as killed). 20 s leaves that margin; a mutant that really hangs still times out.
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // Two cores, shared with everything else on the machine.
  concurrency: 2,
  tempDirName,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 80, low: 70, break: null },
};
