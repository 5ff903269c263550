import { afterEach, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../shared/measure';
import { defaultConnection, plan, startHarness, type Harness } from './engine-harness';

// The run around the functions: cancelling between them, the progress total, what restores report.
let h: Harness;
afterEach(() => h?.close());

describe('a measure run', () => {
  it('cancelled in its first function, measures no other and reports no error', async () => {
    h = await startHarness({ functions: [{ name: 'x', variables: { K: 'v' } }, { name: 'y' }] });
    const controller = new AbortController();
    const before = h.fake.lambda.describe('y');
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['x', 'y'], times: 20 }),
      {
        signal: controller.signal,
        onSamples: () => controller.abort(),
      },
    );
    const outcome = await run.done;
    expect(outcome.state).toBe('cancelled');
    expect(outcome.errors).toEqual([]);
    expect(outcome.restored).toHaveLength(1);
    expect(outcome.restored[0]).toMatch(/^x: restored and verified/);
    expect(h.fake.lambda.describe('y')).toEqual(before);
    // One update measured the sample that cancelled, one restored: none was sent after the cancel.
    expect(h.fake.lambda.stats.updates).toBe(2);
    expect(h.fake.lambda.describe('x').variables).toEqual({ K: 'v' });
  });

  it('drops from the progress total what a failed function will not deliver, and ends at done = total', async () => {
    h = await startHarness({ functions: [{ name: 'here' }] });
    const seen: RunProgress[] = [];
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['gone', 'here'], times: 2, warm: 1, parallel: 1 }),
      { onProgress: (p) => seen.push(p) },
    );
    await run.done;
    expect(seen[0]?.total).toBe(8);
    expect(seen.at(-1)).toMatchObject({ phase: 'done', done: 4, total: 4, message: 'partial' });
    expect(seen.find((p) => p.message === 'Reading here')).toMatchObject({
      phase: 'preparing',
      functionName: 'here',
      memoryMB: null,
    });
    const runId = seen[0]?.runId ?? '';
    expect(seen.find((p) => p.phase === 'updating')).toMatchObject({
      functionName: 'here',
      memoryMB: 128,
      message: `here: new environment ${runId}-1`,
    });
    expect(seen.find((p) => p.phase === 'waiting')?.message).toBe('here: waiting for the update');
    expect(seen.find((p) => p.phase === 'invoking')?.message).toBe('here: 1 cold invocation(s) at 128 MB');
    const restoring = seen.find((p) => p.phase === 'restoring');
    expect(restoring).toMatchObject({ functionName: 'here', memoryMB: 128, message: 'Restoring here' });
  });

  it('hands listeners only batches with samples in them', async () => {
    h = await startHarness({ functions: [{ name: 'w' }] });
    h.fake.lambda.faults.warmNextInvocations = 2; // two warm answers: batches without a cold sample
    const batches: number[] = [];
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['w'], times: 2 }), {
      onSamples: (s) => batches.push(s.length),
    });
    const outcome = await run.done;
    expect(outcome.samples).toHaveLength(2);
    expect(batches).toEqual([1, 1]);
  });

  it('measures memory sizes in the order given, back to the original size too', async () => {
    h = await startHarness({ functions: [{ name: 'm', memoryMB: 128 }] });
    const outcome = await (
      await h.engine.startMeasurement(
        defaultConnection,
        plan({ functions: ['m'], times: 1, memorySizes: [1024, 128] }),
      )
    ).done;
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples.map((s) => s.memoryMB)).toEqual([1024, 128]);
    expect(h.fake.lambda.describe('m').memoryMB).toBe(128);
  });

  it("stops on an update Lambda keeps refusing with 409, as Lambda's error, and restores", async () => {
    h = await startHarness({ functions: [{ name: 'k', variables: { A: '1' } }] });
    h.fake.lambda.faults.conflictNext = 6; // more than the engine retries
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['k'] }))
    ).done;
    expect(outcome.state).toBe('failed');
    expect(outcome.errors.map((e) => e.code)).toEqual(['ResourceConflictException']);
    expect(h.fake.lambda.describe('k')).toMatchObject({ memoryMB: 128, variables: { A: '1' } });
  });
});
