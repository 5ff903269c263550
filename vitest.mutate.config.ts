import { fileURLToPath } from 'node:url';

// The tests Stryker runs (stryker.config.mjs): the node tests that load shared/ and the engine in-process.
// Not the CLI, e2e and Electron tests, which spawn built files that never see a mutant, nor the renderer
// and bench projects. MUTATE_TESTS (comma-separated paths or globs) narrows them for a run on one module;
// Stryker's own `testFiles` option is not used because with it static mutants are never activated
// (stryker-js issues 6144 and 6209) and survive falsely.
const include = process.env.MUTATE_TESTS?.split(',').filter(Boolean) ?? [
  'tests/shared/**/*.test.ts',
  'tests/engine/**/*.test.ts',
];

// A plain object, not vitest/config's defineConfig: importing that augments Vite's types for the whole
// typecheck, and vite.config.ts's widened project literals would no longer fit them.
export default {
  test: {
    name: 'node',
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    include,
    // MUTATE_ISOLATE=0 keeps the loaded modules between the runs of one mutant after another (a mutant is
    // switched on at run time), instead of loading the AWS SDK and the engine again for each of them. Only for
    // modules without static mutants: code that runs at load would keep its first variant.
    isolate: process.env.MUTATE_ISOLATE !== '0',
    // Instrumented code on a loaded machine: the 200,000-row duplicates test alone passed 60 s.
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
};
