import type { LambdaClient } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import type { AwsClients } from '../../../electron/engine/aws-clients';
import {
  accountUnreservedConcurrency,
  parallelFor,
  reservedConcurrency,
} from '../../../electron/engine/measure/concurrency';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from '../../fake-aws/server';
import { newClient } from '../left-by-run';

describe('parallelFor', () => {
  it('keeps --parallel when nothing bounds it, or the bound is at least as large', () => {
    expect(parallelFor('f', 10, null, null)).toEqual({ parallel: 10, cut: null });
    expect(parallelFor('f', 10, 10, null)).toEqual({ parallel: 10, cut: null });
    expect(parallelFor('f', 10, null, 10)).toEqual({ parallel: 10, cut: null });
  });

  it('is bounded by the reserved concurrency before the account pool, and says why', () => {
    expect(parallelFor('f', 10, 9, 3)).toEqual({
      parallel: 9,
      cut: 'f: --parallel 10 cut to 9: its reserved concurrency is 9.',
    });
    // A function's own pool: the account's smaller unreserved pool does not apply to it.
    expect(parallelFor('f', 10, 20, 3)).toEqual({ parallel: 10, cut: null });
  });

  it('is bounded by the account unreserved pool without a reservation', () => {
    expect(parallelFor('g', 10, null, 4)).toEqual({
      parallel: 4,
      cut: 'g: --parallel 10 cut to 4: the account has 4 unreserved concurrent executions.',
    });
  });

  it('never goes below one', () => {
    expect(parallelFor('g', 5, null, 0).parallel).toBe(1);
    expect(parallelFor('g', 5, null, -2)).toEqual({
      parallel: 1,
      cut: 'g: --parallel 5 cut to 1: the account has -2 unreserved concurrent executions.',
    });
  });
});

describe('the concurrency Lambda reports', () => {
  let fake: FakeAws | undefined;
  let lambda: LambdaClient | undefined;
  afterEach(async () => {
    lambda?.destroy();
    await fake?.close();
    fake = undefined;
  });

  async function clients(options: FakeAwsOptions): Promise<AwsClients> {
    fake = await startFakeAws(options);
    lambda = newClient(fake);
    return { lambda } as AwsClients;
  }

  it("reads the account's unreserved pool and a function's reservation", async () => {
    const c = await clients({
      accountConcurrency: 50,
      functions: [{ name: 'r', reservedConcurrency: 7 }, { name: 'p' }],
    });
    expect(await accountUnreservedConcurrency(c)).toBe(43);
    expect(await reservedConcurrency(c, 'r')).toBe(7);
    expect(await reservedConcurrency(c, 'p')).toBeNull();
  });

  it('does without them when Lambda will not tell (throttled here), but not for a function that does not exist', async () => {
    const c = await clients({ functions: [{ name: 'p' }] });
    await expect(reservedConcurrency(c, 'missing')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    fake!.lambda.faults.throttleRate = 1;
    expect(await accountUnreservedConcurrency(c)).toBeNull();
    expect(await reservedConcurrency(c, 'p')).toBeNull();
  });
});
