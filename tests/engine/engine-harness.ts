import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine/engine-api';
import type { AwsConnection, MeasurePlan } from '../../shared/measure';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from '../fake-aws/server';

export interface Harness {
  fake: FakeAws;
  engine: Engine;
  stateDir: string;
  env: NodeJS.ProcessEnv;
  close: () => Promise<void>;
}

/** A fake AWS endpoint and an engine that reaches it through AWS_ENDPOINT_URL, with a temporary state dir. */
export async function startHarness(options: FakeAwsOptions = {}): Promise<Harness> {
  const fake = await startFakeAws(options);
  const stateDir = await mkdtemp(join(tmpdir(), 'coldstart-engine-'));
  const env: NodeJS.ProcessEnv = {
    ...fake.env,
    COLDSTART_POLL_MS: '10',
    COLDSTART_RETRY_BASE_MS: '5',
    HOME: stateDir,
  };
  const engine = createEngine({ stateDir, env });
  return {
    fake,
    engine,
    stateDir,
    env,
    close: async () => {
      await fake.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

export const defaultConnection: AwsConnection = { profile: null, region: null, endpoint: null };

export function plan(change: Partial<MeasurePlan> & Pick<MeasurePlan, 'functions'>): MeasurePlan {
  return { memorySizes: [], times: 3, parallel: 1, warm: 0, payload: '{}', ...change };
}
