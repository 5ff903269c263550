import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The read-only seed runs beside the repository (../shared); tests that need them skip without them. */
export const SEED_RUNS_DIR = fileURLToPath(new URL('../../shared/fixtures/seed-runs/', import.meta.url));
export const HAVE_SEED_RUNS = existsSync(SEED_RUNS_DIR);
export const SEED_FILES = ['speed-x86-128.csv', 'speed-x86-1024.csv', 'speed-arm-1024.csv'] as const;

/** Call at the top of a test file that uses the seed runs, so a skip says why. */
export function noteSeedRunsSkip(): void {
  if (!HAVE_SEED_RUNS) {
    console.log(
      `Skipping seed-run tests: ${SEED_RUNS_DIR} is absent (it sits beside the repository as ../shared).`,
    );
  }
}
