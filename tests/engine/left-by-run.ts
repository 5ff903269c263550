import { LambdaClient } from '@aws-sdk/client-lambda';
import { MARKER_KEY, type OriginalConfig } from '../../electron/engine/journal';
import { restoreFunction } from '../../electron/engine/restore';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from '../fake-aws/server';

// A function in the state a run left it, for restoreFunction against the fake with the real SDK client.

export const RUN = '20261201-101010-beef';
export const TIMING = { minDelayS: 0.01, maxDelayS: 0.05, maxWaitS: 10 };
export const ORIGINAL: OriginalConfig = {
  memoryMB: 256,
  variables: { A: '1', B: 'two' },
  revisionId: null,
  kmsKeyArn: null,
};
export const WRITTEN = [{ marker: `${RUN}-7`, memoryMB: 1024 }];
export const OURS = { ...ORIGINAL.variables, [MARKER_KEY]: `${RUN}-7` };

export interface LeftByTheRun {
  fake: FakeAws;
  lambda: LambdaClient;
  restore: (functionName?: string) => ReturnType<typeof restoreFunction>;
  close: () => Promise<void>;
}

/** Function `f`: original variables + our marker, at our memory, as the run left it. */
export async function leftByTheRun(options: FakeAwsOptions = {}): Promise<LeftByTheRun> {
  const fake = await startFakeAws({
    ...options,
    functions: [{ name: 'f', memoryMB: 256, variables: ORIGINAL.variables }],
  });
  fake.lambda.externalChange('f', { variables: OURS, memoryMB: 1024 });
  const lambda = newClient(fake);
  return {
    fake,
    lambda,
    restore: (name = 'f') =>
      restoreFunction(lambda, name, { original: ORIGINAL, written: WRITTEN }, RUN, TIMING),
    close: async () => {
      lambda.destroy();
      await fake.close();
    },
  };
}

export function newClient(fake: FakeAws): LambdaClient {
  return new LambdaClient({
    region: fake.region,
    endpoint: fake.url,
    credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
    maxAttempts: 1,
  });
}
