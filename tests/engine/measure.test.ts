import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConnection, plan, startHarness, type Harness } from './engine-harness';

let h: Harness;
afterEach(() => h?.close());

const ORIGINAL = {
  PLAIN: 'value',
  EMPTY: '',
  SPACES: '  leading and trailing  ',
  QUOTES: `it's "quoted" \\ back\\slash`,
  UNICODE: 'Grüße, 東京 🚀',
  JSON_TEXT: '{"a":[1,2,{"b":null}]}',
  NEWLINES: 'line1\nline2',
};

describe('measure', () => {
  it('keeps the variables during the run and restores them, the memory and the KMS key exactly', async () => {
    h = await startHarness({
      functions: [
        {
          name: 'vars',
          memoryMB: 384,
          variables: ORIGINAL,
          kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
        },
      ],
    });
    const before = h.fake.lambda.describe('vars');
    const seen: Record<string, string>[] = [];
    h.fake.lambda.onUpdate(() => {
      const now = h.fake.lambda.describe('vars').variables;
      if (now) seen.push(now);
    });
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['vars'], memorySizes: [128, 1024], times: 2 }),
    );
    const outcome = await run.done;
    expect(outcome.state).toBe('completed');
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(4);
    expect(outcome.samples.map((s) => s.memoryMB)).toEqual([128, 128, 1024, 1024]);
    // Every configuration the engine wrote carried all the original variables plus the marker.
    const during = seen.slice(1);
    expect(during.length).toBeGreaterThan(0);
    for (const vars of during) {
      const { COLDSTART_LAB_RUN: marker, ...rest } = vars;
      expect(marker).toMatch(new RegExp(`^${run.runId}-\\d+$`));
      expect(rest).toEqual(ORIGINAL);
    }
    const after = h.fake.lambda.describe('vars');
    expect(JSON.stringify(after.variables)).toBe(JSON.stringify(before.variables));
    expect(after.memoryMB).toBe(384);
    expect(after.kmsKeyArn).toBe('arn:aws:kms:eu-west-1:123456789012:key/k1');
    expect(outcome.restored.join('\n')).toMatch(/vars: restored and verified/);
    const journal = JSON.parse(await readFile(join(h.stateDir, 'runs', run.runId, 'journal.json'), 'utf8'));
    expect(journal.functions[0].original).toEqual({
      memoryMB: 384,
      variables: ORIGINAL,
      revisionId: before.revisionId,
      kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
    });
    expect(journal.functions[0].restore).toBe('restored');
  });

  it('restores a function that had no Environment at all', async () => {
    h = await startHarness({ functions: [{ name: 'bare', variables: null }] });
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['bare'] }));
    const outcome = await run.done;
    expect(outcome.state).toBe('completed');
    const journal = JSON.parse(await readFile(join(h.stateDir, 'runs', run.runId, 'journal.json'), 'utf8'));
    expect(journal.functions[0].original).toMatchObject({ memoryMB: 128, variables: null, kmsKeyArn: null });
    expect(h.fake.lambda.describe('bare').variables ?? {}).toEqual({});
  });

  it('never records a warm answer as cold: it updates again instead', async () => {
    h = await startHarness({ functions: [{ name: 'w' }] });
    h.fake.lambda.faults.warmAfterNextUpdates = 3;
    // A first invocation leaves an idle environment behind for the faulty updates to keep in service.
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['w'], times: 4 }))
    ).done;
    expect(outcome.state).toBe('completed');
    expect(outcome.samples).toHaveLength(4);
    expect(outcome.samples.every((s) => s.initMs !== null)).toBe(true);
    const stats = h.fake.lambda.stats;
    expect(stats.invocations - stats.coldStarts).toBeGreaterThanOrEqual(2);
    expect(stats.updates).toBeGreaterThanOrEqual(4 + 2);
  });

  it('records warm follow-ups as warm samples', async () => {
    h = await startHarness({ functions: [{ name: 'f' }] });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['f'], times: 2, warm: 2 }))
    ).done;
    expect(outcome.samples).toHaveLength(6);
    expect(outcome.samples.filter((s) => s.initMs !== null)).toHaveLength(2);
    expect(outcome.samples.filter((s) => s.initMs === null)).toHaveLength(4);
  });

  it('does not overwrite a concurrent change by someone else (412)', async () => {
    h = await startHarness({ functions: [{ name: 'c', variables: { MINE: 'a' } }] });
    h.fake.lambda.onUpdate((name, n) => {
      if (n === 3) h.fake.lambda.externalChange(name, { variables: { THEIRS: 'b' }, memoryMB: 640 });
    });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['c'], times: 5 }))
    ).done;
    expect(h.fake.lambda.stats.preconditionFailures).toBe(1);
    expect(h.fake.lambda.describe('c').memoryMB).toBe(640);
    expect(h.fake.lambda.describe('c').variables).toEqual({ THEIRS: 'b' });
    expect(outcome.state).toBe('partial');
    expect(outcome.errors.map((e) => e.message).join('\n')).toMatch(/someone else changed.*412/);
    expect(outcome.restored.join('\n')).toMatch(/left alone/);
  });

  it('completes with 20% of the Lambda calls throttled', async () => {
    h = await startHarness({ functions: [{ name: 't' }], throttleRate: 0.2 });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['t'], times: 6, parallel: 2 }))
    ).done;
    expect(outcome.errors).toEqual([]);
    expect(outcome.state).toBe('completed');
    expect(outcome.samples.filter((s) => s.initMs !== null)).toHaveLength(6);
    expect(h.fake.lambda.stats.throttled).toBeGreaterThan(0);
    expect(h.fake.lambda.describe('t').variables ?? {}).toEqual({});
  });

  it('retries updates answered 409 (update in progress)', async () => {
    h = await startHarness({ functions: [{ name: 'k' }] });
    h.fake.lambda.faults.conflictNext = 2;
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['k'], times: 2 }))
    ).done;
    expect(outcome.state).toBe('completed');
    expect(h.fake.lambda.stats.conflicts).toBe(2);
  });

  it('keeps parallel cold starts within the reserved and the account concurrency', async () => {
    h = await startHarness({
      timeScale: 0.2,
      accountConcurrency: 6,
      functions: [{ name: 'reserved', reservedConcurrency: 3 }, { name: 'pool' }],
    });
    const outcome = await (
      await h.engine.startMeasurement(
        defaultConnection,
        plan({ functions: ['reserved', 'pool'], times: 9, parallel: 10 }),
      )
    ).done;
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples.filter((s) => s.initMs !== null)).toHaveLength(18);
    expect(h.fake.lambda.maxConcurrency('reserved')).toBe(3);
    expect(h.fake.lambda.maxConcurrency('pool')).toBe(3); // unreserved = 6 - 3
    expect(h.fake.lambda.stats.throttled).toBe(0);
  });

  it('records function errors and timeouts without stopping, and goes on after a failed update', async () => {
    h = await startHarness({
      functions: [
        { name: 'broken', errorRate: 0.5, timeoutRate: 0.2, logFormat: 'JSON' },
        { name: 'fails-update', variables: { A: '1' } },
        { name: 'fine', logFormat: 'JSON', logGroup: '/custom/fine' },
      ],
    });
    h.fake.lambda.onUpdate((name) => {
      if (name === 'fails-update') h.fake.lambda.failNextUpdate(name, 'KMS key is disabled');
    });
    const outcome = await (
      await h.engine.startMeasurement(
        defaultConnection,
        plan({ functions: ['broken', 'fails-update', 'fine'], times: 6 }),
      )
    ).done;
    expect(outcome.state).toBe('partial');
    const broken = outcome.samples.filter((s) => s.name === 'broken');
    expect(broken).toHaveLength(6);
    expect(broken.some((s) => s.status !== 'success')).toBe(true);
    expect(outcome.samples.filter((s) => s.name === 'fine')).toHaveLength(6);
    const messages = outcome.errors.map((e) => `${e.functionName}: ${e.message}`).join('\n');
    expect(messages).toMatch(/fails-update.*KMS key is disabled/);
    expect(messages).toMatch(/broken.*function error/);
    expect(h.fake.lambda.describe('fails-update').variables).toEqual({ A: '1' });
  });

  it('gives up on a function whose invocations keep failing, restores it, and measures the next one', async () => {
    h = await startHarness({
      functions: [
        {
          name: 'denied',
          variables: { A: '1' },
          invokeError: {
            status: 400,
            type: 'KMSAccessDeniedException',
            message: 'Lambda was unable to decrypt',
          },
        },
        { name: 'ok' },
      ],
    });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['denied', 'ok'], times: 2 }))
    ).done;
    expect(outcome.state).toBe('partial');
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({ functionName: 'denied', code: 'NoReport' });
    expect(outcome.errors[0]?.message).toMatch(/5 invocations in a row.*KMSAccessDeniedException.*giving up/);
    expect(outcome.samples.map((s) => s.name)).toEqual(['ok', 'ok']);
    expect(h.fake.lambda.describe('denied').variables).toEqual({ A: '1' });
  });

  it('cancels: stops, restores, and reports cancelled', async () => {
    h = await startHarness({ functions: [{ name: 'x', variables: { K: 'v' }, memoryMB: 256 }] });
    const controller = new AbortController();
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['x'], memorySizes: [1024], times: 50 }),
      { signal: controller.signal, onSamples: () => controller.abort() },
    );
    const outcome = await run.done;
    expect(outcome.state).toBe('cancelled');
    expect(outcome.samples.length).toBeLessThan(50);
    expect(h.fake.lambda.describe('x').memoryMB).toBe(256);
    expect(h.fake.lambda.describe('x').variables).toEqual({ K: 'v' });
    expect((await h.engine.listRuns())[0]).toMatchObject({ id: run.runId, state: 'cancelled' });
  });

  it('reports progress with done, total and an ETA, and appends each sample to disk as it arrives', async () => {
    h = await startHarness({ functions: [{ name: 'p' }] });
    const progress: { done: number; total: number; etaMs: number | null; phase: string }[] = [];
    const onDisk: number[] = [];
    let runDir = '';
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['p'], times: 3 }), {
      onProgress: (p) => progress.push(p),
      onSamples: () => {
        void readFile(join(runDir, 'samples.jsonl'), 'utf8').then((t) =>
          onDisk.push(t.trim().split('\n').length),
        );
      },
    });
    runDir = join(h.stateDir, 'runs', run.runId);
    const outcome = await run.done;
    expect(progress.at(-1)).toMatchObject({ phase: 'done', done: 3, total: 3 });
    expect(progress.some((p) => p.etaMs !== null && p.done > 0 && p.done < 3)).toBe(true);
    expect(onDisk.length).toBe(3);
    const opened = await h.engine.openRun(run.runId);
    expect(opened.samples).toEqual(outcome.samples);
    expect(opened.summary).toMatchObject({ state: 'completed', samples: 3, functions: ['p'] });
  });

  it('refuses a function that still carries a marker of an interrupted run', async () => {
    h = await startHarness({
      functions: [{ name: 'm', variables: { COLDSTART_LAB_RUN: '20260101-000000-abcd-3' } }],
    });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['m'] }))
    ).done;
    expect(outcome.state).toBe('failed');
    expect(outcome.errors[0]?.message).toBe(
      'm carries the marker COLDSTART_LAB_RUN=20260101-000000-abcd-3 of another run: one still measuring it, or one that was interrupted.',
    );
    expect(outcome.errors[0]?.hint).toMatch(/coldstart recover/);
    expect(h.fake.lambda.stats.updates).toBe(0);
  });
});
