import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sample } from '../../shared/sample';
import { logsServiceCounters } from '../fake-aws/logs-service';
import { defaultConnection, plan, startHarness, type Harness } from './engine-harness';

/**
 * Measure with the engine against the fake endpoint (which writes each invocation's log lines to its
 * CloudWatch store), then fetch the range back: the fetch must find exactly the measured cold starts.
 */
let h: Harness;
let measured: Sample[];
let rangeStart: string;
let rangeEnd: string;

beforeAll(async () => {
  h = await startHarness({
    functions: [
      { name: 'text-fn', runtime: 'nodejs22.x', arch: 'arm64', memoryMB: 256, logFormat: 'Text' },
      {
        name: 'json-fn',
        runtime: 'python3.13',
        arch: 'x86_64',
        memoryMB: 512,
        logFormat: 'JSON',
        logGroup: '/custom/json-logs',
      },
    ],
  });
  rangeStart = new Date(Date.now() - 1000).toISOString();
  const started = await h.engine.startMeasurement(
    defaultConnection,
    plan({ functions: ['text-fn', 'json-fn'], times: 3, warm: 1 }),
  );
  const outcome = await started.done;
  expect(outcome.state).toBe('completed');
  measured = outcome.samples;
  rangeEnd = new Date(Date.now() + 1000).toISOString();
});
afterAll(() => h.close());

describe.each(['insights', 'filter'] as const)('engine.startFetch with %s', (method) => {
  it('finds exactly the cold starts the measurement produced, with runtime and architecture, as a fetch run', async () => {
    const started = await h.engine.startFetch(defaultConnection, {
      functions: ['text-fn', 'json-fn'],
      start: rangeStart,
      end: rangeEnd,
      coldOnly: true,
      method,
    });
    const outcome = await started.done;
    expect(outcome.errors).toEqual([]);
    expect(outcome.state).toBe('completed');
    const coldIds = measured.filter((s) => s.initMs !== null).map((s) => s.requestId);
    expect(coldIds).toHaveLength(6);
    expect(outcome.samples.map((s) => s.requestId).sort()).toEqual([...coldIds].sort());
    for (const sample of outcome.samples) {
      const original = measured.find((s) => s.requestId === sample.requestId);
      expect(sample).toMatchObject({
        name: original?.name,
        arch: original?.arch,
        runtime: original?.runtime,
        memoryMB: original?.memoryMB,
        initMs: original?.initMs,
        durationMs: original?.durationMs,
        billedMs: original?.billedMs,
        run: outcome.runId,
      });
    }
    const run = await h.engine.openRun(outcome.runId);
    expect(run.summary).toMatchObject({
      kind: 'fetch',
      state: 'completed',
      samples: 6,
      functions: ['text-fn', 'json-fn'],
    });
    expect(run.summary.memorySizes).toEqual([256, 512]);
    expect(run.samples.map((s) => s.requestId).sort()).toEqual([...coldIds].sort());
    const lines = (await readFile(join(h.stateDir, 'runs', outcome.runId, 'samples.jsonl'), 'utf8'))
      .trim()
      .split('\n');
    expect(lines).toHaveLength(6);
  });

  it('returns the warm follow-ups too with coldOnly false', async () => {
    const outcome = await (
      await h.engine.startFetch(defaultConnection, {
        functions: ['text-fn', 'json-fn'],
        start: rangeStart,
        end: rangeEnd,
        coldOnly: false,
        method,
      })
    ).done;
    expect(outcome.samples.map((s) => s.requestId).sort()).toEqual(measured.map((s) => s.requestId).sort());
  });
});

describe('engine.startFetch by ARN', () => {
  it('reads a function named by its ARN under its name, and once when named twice', async () => {
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:text-fn';
    const outcome = await (
      await h.engine.startFetch(defaultConnection, {
        functions: [arn, 'text-fn'],
        start: rangeStart,
        end: rangeEnd,
        coldOnly: true,
        method: 'insights',
      })
    ).done;
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(3);
    expect(new Set(outcome.samples.map((s) => s.name))).toEqual(new Set(['text-fn']));
  });
});

describe('engine.startFetch errors', () => {
  it('refuses a range that ends before it starts, before touching AWS', async () => {
    const before = logsServiceCounters(h.fake.logStore).startQuery;
    await expect(
      h.engine.startFetch(defaultConnection, {
        functions: ['text-fn'],
        start: rangeEnd,
        end: rangeStart,
        coldOnly: true,
        method: 'insights',
      }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(logsServiceCounters(h.fake.logStore).startQuery).toBe(before);
  });

  it('marks the run partial and names the missing function', async () => {
    const outcome = await (
      await h.engine.startFetch(defaultConnection, {
        functions: ['text-fn', 'ghost'],
        start: rangeStart,
        end: rangeEnd,
        coldOnly: true,
        method: 'insights',
      })
    ).done;
    expect(outcome.state).toBe('partial');
    expect(outcome.samples).toHaveLength(3);
    expect(outcome.errors).toMatchObject([{ functionName: 'ghost', code: 'not-found' }]);
  });
});
