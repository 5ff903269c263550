import { UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { MARKER_KEY } from '../../electron/engine/journal';
import { restoreFunction } from '../../electron/engine/restore';
import { leftByTheRun, newClient, ORIGINAL, OURS, RUN, TIMING, type LeftByTheRun } from './left-by-run';

// What restoreFunction reports and waits for: updates in progress, failed and overridden restores,
// functions that are gone, and endpoints without revisions.
let left: LeftByTheRun | undefined;
afterEach(async () => {
  await left?.close();
  left = undefined;
});

/** Someone (or the killed run itself) sends an update through another client; it is InProgress for a while. */
async function updateInFlight(l: LeftByTheRun, variables: Record<string, string>, memoryMB: number) {
  const other = newClient(l.fake);
  await other.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: 'f',
      MemorySize: memoryMB,
      Environment: { Variables: variables },
    }),
  );
  other.destroy();
  expect(l.fake.lambda.describe('f').lastUpdateStatus).toBe('InProgress');
}

describe('restoreFunction reports', () => {
  it('a verified restore with the memory and the count of variables put back', async () => {
    left = await leftByTheRun();
    expect(await left.restore()).toEqual({
      action: 'restored',
      detail: 'f: restored and verified (256 MB, 2 variable(s)).',
    });
  });

  it('a function already in its original configuration, without writing to it', async () => {
    left = await leftByTheRun();
    left.fake.lambda.externalChange('f', { variables: ORIGINAL.variables, memoryMB: 256 });
    const updates = left.fake.lambda.stats.updates;
    expect(await left.restore()).toEqual({
      action: 'restored',
      detail: 'f: already in its original configuration (256 MB).',
    });
    expect(left.fake.lambda.stats.updates).toBe(updates);
  });

  it('what it left alone of a change without our marker, and where the original is', async () => {
    left = await leftByTheRun();
    const { fake } = left;
    fake.lambda.externalChange('f', { variables: { A: '1' } });
    const revision = fake.lambda.describe('f').revisionId;
    expect(await left.restore()).toEqual({
      action: 'skipped',
      detail:
        `f: changed by someone else since: variable(s) removed: B, COLDSTART_LAB_RUN (our marker) (now revision ${revision}); ` +
        "left alone, not restored: their change stays, nothing was written to it; originally 256 MB with 2 variable(s), see the run's journal.json.",
    });
  });

  it('the revision it removed our marker with, and returns only once that removal is applied', async () => {
    left = await leftByTheRun({ updateDelayMs: 120 });
    const { fake } = left;
    fake.lambda.externalChange('f', { variables: { ...OURS, NEW: 'x' } });
    const theirs = fake.lambda.describe('f').revisionId;
    const result = await left.restore();
    expect(result.action).toBe('skipped');
    expect(result.detail).toMatch(
      new RegExp(
        `only our marker key ${MARKER_KEY} was removed from it \\(written with their revision ${theirs}\\)\\.$`,
      ),
    );
    expect(fake.lambda.describe('f')).toMatchObject({
      lastUpdateStatus: 'Successful',
      variables: { ...ORIGINAL.variables, NEW: 'x' },
    });
  });

  it('a restoring update that Lambda ends Failed, with its reason, and keeps it to try again', async () => {
    left = await leftByTheRun();
    left.fake.lambda.failNextUpdate('f', 'The KMS key is disabled.');
    expect(await left.restore()).toEqual({
      action: 'failed',
      detail: 'f: the restoring update failed: The KMS key is disabled.',
    });
  });

  it('a restore someone else overrode the moment it settled: not verified', async () => {
    left = await leftByTheRun();
    const { fake } = left;
    fake.lambda.onUpdateSettled((name) =>
      fake.lambda.externalChange(name, { variables: { X: 'y' }, memoryMB: 3008 }),
    );
    expect(await left.restore()).toEqual({
      action: 'failed',
      detail: 'f: restored, but verification found 3008 MB and different variables; see journal.json.',
    });
    expect(fake.lambda.describe('f').variables).toEqual({ X: 'y' });
  });

  it('a memory-only override is not verified either', async () => {
    left = await leftByTheRun();
    const { fake } = left;
    fake.lambda.onUpdateSettled((name) => fake.lambda.externalChange(name, { memoryMB: 512 }));
    expect((await left.restore()).detail).toBe(
      'f: restored, but verification found 512 MB and different variables; see journal.json.',
    );
  });

  it('a function that is gone, with what Lambda said', async () => {
    left = await leftByTheRun();
    const result = await left.restore('gone');
    expect(result).toEqual({
      action: 'failed',
      detail: `gone: restore failed: ResourceNotFoundException: Function not found: arn:aws:lambda:eu-west-1:123456789012:function:gone`,
    });
  });
});

describe('restoreFunction waits for an update in progress', () => {
  it("the killed run's last update still in progress: waits for it, then restores without a conflict", async () => {
    left = await leftByTheRun({ updateDelayMs: 150 });
    const { fake } = left;
    const intended = { marker: `${RUN}-8`, memoryMB: 2048 };
    await updateInFlight(left, { ...ORIGINAL.variables, [MARKER_KEY]: intended.marker }, 2048);
    const result = await restoreFunction(
      left.lambda,
      'f',
      { original: ORIGINAL, written: [{ marker: `${RUN}-7`, memoryMB: 1024 }, intended] },
      RUN,
      TIMING,
    );
    expect(result.action).toBe('restored');
    expect(fake.lambda.stats.conflicts).toBe(0);
    expect(fake.lambda.describe('f')).toMatchObject({ memoryMB: 256, variables: ORIGINAL.variables });
  });

  it('an update in progress that ends Failed: judged by what Lambda shows then, and restored', async () => {
    left = await leftByTheRun({ updateDelayMs: 1000 });
    const { fake } = left;
    fake.lambda.failNextUpdate('f', 'Lambda was unable to configure access to your environment variables.');
    const intended = { marker: `${RUN}-8`, memoryMB: 2048 };
    await updateInFlight(left, { ...ORIGINAL.variables, [MARKER_KEY]: intended.marker }, 2048);
    const result = await restoreFunction(
      left.lambda,
      'f',
      { original: ORIGINAL, written: [{ marker: `${RUN}-7`, memoryMB: 1024 }, intended] },
      RUN,
      TIMING,
    );
    expect(result).toEqual({
      action: 'restored',
      detail: 'f: restored and verified (256 MB, 2 variable(s)).',
    });
    expect(fake.lambda.stats.conflicts).toBe(0);
  });

  it("someone else's update in progress: waits for it and leaves it", async () => {
    left = await leftByTheRun({ updateDelayMs: 150 });
    const { fake } = left;
    await updateInFlight(left, { THEIRS: '1' }, 640);
    const updates = fake.lambda.stats.updates;
    expect((await left.restore()).action).toBe('skipped');
    expect(fake.lambda.stats.updates).toBe(updates);
    expect(fake.lambda.describe('f')).toMatchObject({ memoryMB: 640, variables: { THEIRS: '1' } });
  });
});

describe('an endpoint that returns no RevisionId', () => {
  it('gets no restore: without a revision the write could overwrite a change', async () => {
    left = await leftByTheRun();
    const { fake } = left;
    fake.lambda.faults.omitRevisionIds = true;
    const updates = fake.lambda.stats.updates;
    expect(await left.restore()).toEqual({
      action: 'failed',
      detail:
        "f: Lambda returned no RevisionId, so any write could overwrite someone else's change; left as it is.",
    });
    expect(fake.lambda.stats.updates).toBe(updates);
    expect(fake.lambda.describe('f').variables).toEqual(OURS);
  });

  it('gets not even our marker removed from a changed function', async () => {
    left = await leftByTheRun();
    const { fake } = left;
    fake.lambda.externalChange('f', { variables: { ...OURS, NEW: 'x' } });
    fake.lambda.faults.omitRevisionIds = true;
    const updates = fake.lambda.stats.updates;
    const result = await left.restore();
    expect(result.action).toBe('failed');
    expect(result.detail).toMatch(/no RevisionId/);
    expect(fake.lambda.stats.updates).toBe(updates);
    expect(fake.lambda.describe('f').variables).toEqual({ ...OURS, NEW: 'x' });
  });
});

describe('removing our marker from a changed function', () => {
  it('that Lambda ends Failed is reported failed, not removed, so that recovery tries again', async () => {
    left = await leftByTheRun();
    const { fake } = left;
    fake.lambda.externalChange('f', { variables: { ...OURS, NEW: 'x' } });
    fake.lambda.failNextUpdate('f', 'The KMS key is disabled.');
    const result = await left.restore();
    expect(result.action).toBe('failed');
    expect(result.detail).toMatch(
      /; left alone, not restored, but removing our marker key COLDSTART_LAB_RUN failed: The KMS key is disabled\.$/,
    );
    expect(fake.lambda.stats.updates).toBe(1); // our one attempt
  });
});
