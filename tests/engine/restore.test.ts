import type { LambdaClient } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreFunction } from '../../electron/engine/restore';
import { startFakeAws, type FakeAws } from '../fake-aws/server';
import { leftByTheRun as leave, newClient, ORIGINAL, OURS, RUN, TIMING, WRITTEN } from './left-by-run';

// restoreFunction against the fake, with the real SDK client: it may only undo what is provably ours.
let fake: FakeAws;
let lambda: LambdaClient;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function leftByTheRun() {
  const left = await leave();
  ({ fake, lambda, close } = left);
}

const restore = () => restoreFunction(lambda, 'f', { original: ORIGINAL, written: WRITTEN }, RUN, TIMING);

describe('restoreFunction', () => {
  it('restores a function that is exactly as the run left it, and verifies it', async () => {
    await leftByTheRun();
    const result = await restore();
    expect(result).toMatchObject({ action: 'restored' });
    expect(fake.lambda.describe('f').variables).toEqual(ORIGINAL.variables);
    expect(fake.lambda.describe('f').memoryMB).toBe(256);
  });

  it('leaves a console edit that kept our marker; only our marker key is removed, with their revision', async () => {
    await leftByTheRun();
    fake.lambda.externalChange('f', { variables: { ...OURS, NEW: 'theirs' }, memoryMB: 2048 });
    const updatesBefore = fake.lambda.stats.updates;
    const result = await restore();
    expect(result.action).toBe('skipped');
    expect(result.detail).toMatch(
      /changed by someone else since: memory 1024 → 2048 MB; variable\(s\) added: NEW/,
    );
    expect(result.detail).toMatch(/only our marker key COLDSTART_LAB_RUN was removed/);
    expect(result.detail).not.toMatch(/theirs/); // names, never values
    expect(fake.lambda.describe('f').variables).toEqual({ A: '1', B: 'two', NEW: 'theirs' });
    expect(fake.lambda.describe('f').memoryMB).toBe(2048);
    expect(fake.lambda.stats.updates).toBe(updatesBefore + 1);
  });

  it('leaves a memory-only edit (all variables and our marker kept) in place', async () => {
    await leftByTheRun();
    fake.lambda.externalChange('f', { memoryMB: 512 });
    expect((await restore()).action).toBe('skipped');
    expect(fake.lambda.describe('f').memoryMB).toBe(512);
    expect(fake.lambda.describe('f').variables).toEqual(ORIGINAL.variables);
  });

  it('writes nothing to a function someone else changed without our marker', async () => {
    await leftByTheRun();
    fake.lambda.externalChange('f', { variables: { THEIRS: 'x' } });
    const updatesBefore = fake.lambda.stats.updates;
    const result = await restore();
    expect(result.action).toBe('skipped');
    expect(result.detail).toMatch(
      /variable\(s\) added: THEIRS; variable\(s\) removed: A, B, COLDSTART_LAB_RUN \(our marker\)/,
    );
    expect(fake.lambda.stats.updates).toBe(updatesBefore);
    expect(fake.lambda.describe('f').variables).toEqual({ THEIRS: 'x' });
  });

  it('sends the RevisionId it checked: a change landing between its read and its write is not overwritten', async () => {
    await leftByTheRun();
    fake.lambda.onUpdate((name) => {
      fake.lambda.externalChange(name, { variables: { THEIRS: 'deploy' }, memoryMB: 3008 });
    });
    const result = await restore();
    expect(result.action).toBe('skipped');
    expect(result.detail).toMatch(/412/);
    expect(fake.lambda.stats.preconditionFailures).toBe(1);
    expect(fake.lambda.describe('f').variables).toEqual({ THEIRS: 'deploy' });
    expect(fake.lambda.describe('f').memoryMB).toBe(3008);
  });

  it('never writes to a function whose variables it cannot read (no kms:Decrypt)', async () => {
    fake = await startFakeAws({
      functions: [
        {
          name: 'f',
          memoryMB: 1024,
          variables: OURS,
          kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/cmk-1',
          decryptDenied: true,
        },
      ],
    });
    lambda = newClient(fake);
    close = async () => {
      lambda.destroy();
      await fake.close();
    };
    const result = await restore();
    expect(result.action).toBe('failed');
    expect(result.detail).toMatch(
      /AccessDeniedException.*kms:Decrypt on the key arn:aws:kms:eu-west-1:123456789012:key\/cmk-1/,
    );
    expect(fake.lambda.stats.updates).toBe(0);
    expect(fake.lambda.describe('f').variables).toEqual(OURS);
  });

  it('cannot prove a function of an older journal (no record of what was written) ours: writes nothing', async () => {
    await leftByTheRun();
    const updatesBefore = fake.lambda.stats.updates;
    const result = await restoreFunction(lambda, 'f', { original: ORIGINAL }, RUN, TIMING);
    expect(result.action).toBe('skipped');
    expect(result.detail).toMatch(/older version/);
    expect(fake.lambda.stats.updates).toBe(updatesBefore);
  });
});
