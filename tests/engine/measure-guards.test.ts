import { UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MARKER_KEY } from '../../electron/engine/journal';
import { defaultConnection, plan, startHarness, type Harness } from './engine-harness';
import { newClient } from './left-by-run';

// What measuring refuses before it writes anything, what it waits for, and what it records of each update.
let h: Harness;
afterEach(() => h?.close());

const measure = async (p: Parameters<typeof plan>[0]) =>
  (await h.engine.startMeasurement(defaultConnection, plan(p))).done;

/** Variables whose JSON with a marker of the longest form (`<run id>-99999`) takes this many bytes. */
const sizedVariables = (bytes: number) => ({ PAD: 'x'.repeat(bytes - 59) });

describe('measuring refuses, writing nothing', () => {
  it('a function whose variables leave no room for the marker in 4 KB, and measures one that just fits', async () => {
    h = await startHarness({
      functions: [
        { name: 'full', variables: sizedVariables(4097) },
        { name: 'fits', variables: sizedVariables(4096) },
      ],
    });
    const outcome = await measure({ functions: ['full', 'fits'], times: 1 });
    expect(outcome.errors).toEqual([
      {
        functionName: 'full',
        code: 'invalid-argument',
        message: `full: its environment variables leave no room for the ${MARKER_KEY} marker (Lambda allows 4 KB in all).`,
        hint: 'Shorten the variables, or measure a copy of the function.',
      },
    ]);
    expect(outcome.samples.map((s) => s.name)).toEqual(['fits']);
    expect(h.fake.lambda.describe('fits').variables).toEqual(sizedVariables(4096));
  });

  it('a function with a reserved concurrency of 0', async () => {
    h = await startHarness({ functions: [{ name: 'off', reservedConcurrency: 0 }] });
    const outcome = await measure({ functions: ['off'] });
    expect(outcome.state).toBe('failed');
    expect(outcome.errors[0]?.message).toBe('off: its reserved concurrency is 0, it cannot be invoked.');
    expect(h.fake.lambda.stats.updates).toBe(0);
    expect(outcome.restored).toEqual(['off: never changed.']);
  });

  it('a function of an endpoint that returns no RevisionId', async () => {
    h = await startHarness({ functions: [{ name: 'r' }] });
    h.fake.lambda.faults.omitRevisionIds = true;
    const outcome = await measure({ functions: ['r'] });
    expect(outcome.errors[0]).toMatchObject({ functionName: 'r', code: 'NoRevisionId' });
    expect(outcome.errors[0]?.message).toMatch(/no RevisionId, so an update could overwrite/);
    expect(h.fake.lambda.stats.updates).toBe(0);
  });

  it('a function that does not exist, and says it was never changed', async () => {
    h = await startHarness({ functions: [{ name: 'here' }] });
    const outcome = await measure({ functions: ['gone', 'here'], times: 1 });
    expect(outcome.state).toBe('partial');
    expect(outcome.errors.map((e) => [e.functionName, e.code])).toEqual([
      ['gone', 'ResourceNotFoundException'],
    ]);
    expect(outcome.restored[0]).toBe('gone: never changed.');
  });
});

describe('measuring', () => {
  it("waits for someone else's update in progress, and takes its result as the original", async () => {
    h = await startHarness({
      updateDelayMs: 800,
      functions: [{ name: 'busy', memoryMB: 256, variables: { A: '1' } }],
    });
    const other = newClient(h.fake);
    await other.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'busy',
        MemorySize: 640,
        Environment: { Variables: { A: '2' } },
      }),
    );
    other.destroy();
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['busy'], times: 1 }));
    const outcome = await run.done;
    expect(outcome.errors).toEqual([]);
    expect(h.fake.lambda.stats.conflicts).toBe(0);
    const journal = JSON.parse(readFileSync(join(h.stateDir, 'runs', run.runId, 'journal.json'), 'utf8'));
    expect(journal.functions[0].original).toMatchObject({
      memoryMB: 640,
      variables: { A: '2' },
      kmsKeyArn: null,
    });
    expect(journal.functions[0].functionArn).toBe('arn:aws:lambda:eu-west-1:123456789012:function:busy');
    expect(h.fake.lambda.describe('busy')).toMatchObject({ memoryMB: 640, variables: { A: '2' } });
  });

  it('journals the last settled write and the one being sent, before each update', async () => {
    h = await startHarness({ functions: [{ name: 'j', memoryMB: 128 }] });
    let runDir = '';
    const journaled: unknown[] = [];
    h.fake.lambda.onUpdate(() => {
      journaled.push(JSON.parse(readFileSync(join(runDir, 'journal.json'), 'utf8')).functions[0].written);
    });
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['j'], times: 2, memorySizes: [512] }),
    );
    runDir = join(h.stateDir, 'runs', run.runId);
    expect((await run.done).state).toBe('completed');
    const m = (n: number) => ({ marker: `${run.runId}-${n}`, memoryMB: 512 });
    expect(journaled).toEqual([[m(1)], [m(1), m(2)], [m(1), m(2)]]);
  });

  it('sends batches of at most --parallel, and takes no more cold samples than asked', async () => {
    // Slow enough invocations that the two of a batch overlap (and neither lands on the other's environment).
    h = await startHarness({ timeScale: 0.5, functions: [{ name: 'b' }] });
    const outcome = await measure({ functions: ['b'], times: 3, parallel: 2 });
    expect(outcome.samples).toHaveLength(3);
    expect(h.fake.lambda.maxConcurrency('b')).toBe(2);
  });

  it('counts function errors and timeouts exactly', async () => {
    h = await startHarness({ functions: [{ name: 'e', errorRate: 0.4, timeoutRate: 0.3 }] });
    const outcome = await measure({ functions: ['e'], times: 10 });
    const errors = outcome.samples.filter((s) => s.status === 'error').length;
    const timeouts = outcome.samples.filter((s) => s.status === 'timeout').length;
    expect(errors).toBeGreaterThan(0);
    expect(timeouts).toBeGreaterThan(0);
    expect(outcome.errors).toEqual([
      {
        functionName: 'e',
        code: 'FunctionErrors',
        message: `e: ${errors} invocation(s) ended in a function error, ${timeouts} timed out (recorded with their status).`,
        hint: null,
      },
    ]);
    expect(outcome.state).toBe('partial');
  });

  it('goes on when a listener throws, and reports progress against the whole plan', async () => {
    h = await startHarness({ functions: [{ name: 'l' }] });
    const totals = new Set<number>();
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['l'], times: 2, warm: 1, memorySizes: [128, 256] }),
      {
        onSamples: () => {
          throw new Error('listener failed');
        },
        onProgress: (p) => totals.add(p.total),
      },
    );
    const outcome = await run.done;
    expect(outcome.state).toBe('completed');
    expect(outcome.samples).toHaveLength(8);
    expect([...totals]).toEqual([8]);
  });
});

describe('someone else, mid-run', () => {
  it('redeploys the same configuration: a new revision is not ours either', async () => {
    h = await startHarness({ functions: [{ name: 'api', variables: { A: '1' } }] });
    h.fake.lambda.onInvoke((name, n) => {
      if (n === 2) h.fake.lambda.externalChange(name, {});
    });
    const outcome = await measure({ functions: ['api'], times: 3 });
    expect(outcome.samples).toHaveLength(1);
    expect(outcome.errors[0]?.message).toMatch(
      /api: measuring stopped: someone else changed it while it was being invoked: a new revision with the same memory and variables \(now revision [0-9a-f-]{36}\)\. The 1 invocation\(s\) of the last batch may have run under their configuration and were not recorded; 1 sample\(s\) measured before are kept\. Their change is not overwritten\.$/,
    );
    expect(outcome.errors[0]?.hint).toBe('Measure again when nobody else is changing the function.');
  });

  it('switches it to a KMS key this identity cannot use: stops, as its variables cannot be checked', async () => {
    h = await startHarness({ functions: [{ name: 'k', variables: { A: '1' }, decryptDenied: true }] });
    const key = 'arn:aws:kms:eu-west-1:123456789012:key/theirs';
    h.fake.lambda.onUpdateSettled((name, n) => {
      if (n === 2) h.fake.lambda.externalChange(name, { kmsKeyArn: key });
    });
    const outcome = await measure({ functions: ['k'], times: 3 });
    expect(outcome.samples).toHaveLength(1);
    expect(outcome.errors[0]?.message).toMatch(
      /^k: measuring stopped: Lambda no longer returns its variables \(AccessDeniedException: .*\), so it cannot be checked\. 1 sample\(s\) measured before are kept\./,
    );
    expect(h.fake.lambda.describe('k').kmsKeyArn).toBe(key);
  });

  it('a 412 on our update stops measuring with what to do', async () => {
    h = await startHarness({ functions: [{ name: 'c' }] });
    h.fake.lambda.onUpdate((name, n) => {
      if (n === 2) h.fake.lambda.externalChange(name, { memoryMB: 640 });
    });
    const outcome = await measure({ functions: ['c'], times: 3 });
    expect(outcome.errors[0]).toMatchObject({
      code: 'ChangedBySomeoneElse',
      message:
        'c: someone else changed the function during the run (412 PreconditionFailed); their change was not overwritten. Measuring stopped.',
      hint: 'Measure again when nobody else is changing the function.',
    });
  });

  it('an endpoint that stops returning revisions mid-run: stops, as nothing can be proven', async () => {
    h = await startHarness({ functions: [{ name: 'n' }] });
    h.fake.lambda.onUpdateSettled((_name, n) => {
      if (n === 2) h.fake.lambda.faults.omitRevisionIds = true;
    });
    const outcome = await measure({ functions: ['n'], times: 3 });
    expect(outcome.samples).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({ code: 'ChangedBySomeoneElse' });
    expect(outcome.errors[0]?.message).toMatch(
      /right after our update settled: a new revision with the same memory and variables \(now revision \?\)\. 1 sample/,
    );
  });
});
