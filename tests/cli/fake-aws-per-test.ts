import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll } from 'vitest';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from '../fake-aws/server';
import { ensureBuiltCli } from './built-cli';

/** One test's fake AWS, and the home and state folders the built `coldstart` uses against it. */
export interface CliAgainstFake {
  fake: FakeAws;
  /** A fresh temporary folder: HOME, with the state folder in `state/`. */
  dir: string;
  /** The environment for runCli: the fake's endpoint and credentials, short poll and retry delays. */
  env: NodeJS.ProcessEnv;
}

/**
 * For CLI test files that start a fake AWS of their own in each test: builds the CLI once (beforeAll), and
 * closes the fake and removes the folder after each test. `start` is called in the test, with its functions.
 */
export function fakeAwsPerTest(): { start: (options: FakeAwsOptions) => Promise<CliAgainstFake> } {
  let current: CliAgainstFake | null = null;
  beforeAll(() => {
    ensureBuiltCli();
  });
  afterEach(async () => {
    const done = current;
    current = null;
    await done?.fake.close();
    if (done) await rm(done.dir, { recursive: true, force: true });
  });
  return {
    async start(options) {
      const fake = await startFakeAws(options);
      const dir = await mkdtemp(join(tmpdir(), 'coldstart-cli-'));
      const env = {
        ...fake.env,
        HOME: dir,
        COLDSTART_STATE_DIR: join(dir, 'state'),
        COLDSTART_POLL_MS: '10',
        COLDSTART_RETRY_BASE_MS: '5',
      };
      current = { fake, dir, env };
      return current;
    },
  };
}
