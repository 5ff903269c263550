import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../shared/measure';
import { defaultConnection, plan, startHarness, type Harness } from './engine-harness';

// The run around the functions: what it says first and last, the progress total after a failed function,
// what the journal says of a function never changed, and a restore that fails.
let h: Harness;
afterEach(() => h?.close());

const journalOf = (runId: string) =>
  JSON.parse(readFileSync(join(h.stateDir, 'runs', runId, 'journal.json'), 'utf8')) as {
    functions: Record<string, unknown>[];
  };

describe('a measure run', () => {
  it('starts by reading the account concurrency and ends naming no function', async () => {
    h = await startHarness({ functions: [{ name: 'f', memoryMB: 256 }] });
    const seen: RunProgress[] = [];
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['f'], times: 1 }), {
      onProgress: (p) => seen.push(p),
    });
    const outcome = await run.done;
    expect(outcome.state).toBe('completed');
    expect(outcome.warnings).toEqual([]);
    expect(seen[0]).toMatchObject({ phase: 'preparing', message: 'Reading account concurrency' });
    expect(seen.at(-1)).toMatchObject({
      phase: 'done',
      functionName: null,
      memoryMB: null,
      message: 'completed',
    });
  });

  it('drops what a failed function will not deliver after one that delivered everything', async () => {
    h = await startHarness({ functions: [{ name: 'here' }] });
    const seen: RunProgress[] = [];
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['here', 'gone'], times: 2 }),
      { onProgress: (p) => seen.push(p) },
    );
    await run.done;
    expect(seen[0]?.total).toBe(4);
    expect(seen.at(-1)).toMatchObject({ phase: 'done', done: 2, total: 2 });
  });

  it('keeps the total while every function delivers all its samples', async () => {
    h = await startHarness({ functions: [{ name: 'a' }, { name: 'b' }] });
    const seen: RunProgress[] = [];
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['a', 'b'], times: 1 }),
      {
        onProgress: (p) => seen.push(p),
      },
    );
    expect((await run.done).state).toBe('completed');
    expect(new Set(seen.map((p) => p.total))).toEqual(new Set([2]));
  });

  it('says when --parallel was cut, as it goes', async () => {
    h = await startHarness({ functions: [{ name: 'r', reservedConcurrency: 2 }] });
    const messages: (string | null)[] = [];
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['r'], times: 2, parallel: 5 }),
      { onProgress: (p) => messages.push(p.message) },
    );
    expect((await run.done).warnings).toEqual(['r: --parallel 5 cut to 2: its reserved concurrency is 2.']);
    expect(messages).toContain('r: --parallel 5 cut to 2: its reserved concurrency is 2.');
  });

  it('cancelled before its first update: journals the function as never changed, and restores nothing', async () => {
    h = await startHarness({ functions: [{ name: 'x', variables: { K: 'v' } }] });
    const controller = new AbortController();
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['x'] }), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.message === 'Reading x') controller.abort();
      },
    });
    const outcome = await run.done;
    expect(outcome).toMatchObject({ state: 'cancelled', errors: [], restored: ['x: never changed.'] });
    expect(h.fake.lambda.stats.updates).toBe(0);
    expect(journalOf(run.runId).functions[0]).toMatchObject({
      changed: false,
      written: [],
      restore: 'restored',
      detail: 'x: never changed.',
    });
  });

  it('cancelled while reading the account: measures nothing and restores nothing', async () => {
    h = await startHarness({ functions: [{ name: 'x' }] });
    const controller = new AbortController();
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['x'] }), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(await run.done).toMatchObject({ state: 'cancelled', errors: [], restored: [], samples: [] });
  });

  it('journals the function as pending restore before its first update', async () => {
    h = await startHarness({ functions: [{ name: 'p', variables: { A: '1' } }] });
    let runDir = '';
    const entries: unknown[] = [];
    h.fake.lambda.onUpdate(() =>
      entries.push(JSON.parse(readFileSync(join(runDir, 'journal.json'), 'utf8')).functions[0]),
    );
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['p'], times: 1 }));
    runDir = join(h.stateDir, 'runs', run.runId);
    expect((await run.done).state).toBe('completed');
    expect(entries[0]).toMatchObject({ changed: true, restore: 'pending', detail: null });
    expect(journalOf(run.runId).functions[0]).toMatchObject({ restore: 'restored' });
  });

  it('keeps a function whose restoring update failed pending, and says to run recover', async () => {
    h = await startHarness({ functions: [{ name: 'f', variables: { A: '1' } }] });
    h.fake.lambda.onUpdate((name, n) => {
      if (n === 2) h.fake.lambda.failNextUpdate(name, 'KMS key is disabled');
    });
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['f'], times: 1 }));
    const outcome = await run.done;
    expect(outcome.samples).toHaveLength(1);
    expect(outcome.state).toBe('partial');
    expect(outcome.errors).toEqual([
      {
        functionName: 'f',
        code: 'RestoreFailed',
        message: 'f: the restoring update failed: KMS key is disabled',
        hint: 'Run `coldstart recover` to try again.',
      },
    ]);
    expect(journalOf(run.runId).functions[0]).toMatchObject({
      restore: 'pending',
      detail: 'f: the restoring update failed: KMS key is disabled',
    });
  });

  it("journals a function left to someone else's change as skipped", async () => {
    h = await startHarness({ functions: [{ name: 'api', variables: { A: '1' } }] });
    h.fake.lambda.onUpdateSettled((name, n) => {
      if (n === 2) h.fake.lambda.externalChange(name, { variables: { DEPLOYED: 'v2' } });
    });
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['api'], times: 3 }));
    const outcome = await run.done;
    expect(outcome.errors.map((e) => e.code)).toEqual(['ChangedBySomeoneElse', 'NotRestored']);
    expect(journalOf(run.runId).functions[0]).toMatchObject({
      restore: 'skipped',
      detail: outcome.restored[0],
    });
  });
});
