import { afterEach, describe, expect, it } from 'vitest';
import { defaultConnection, plan, startHarness, type Harness } from './engine-harness';

// What one function's updates and invocations record: warm follow-ups that fail, counts of function errors,
// whose throttling a give-up blames, a cancel mid-invocation, and changes only the content check can see.
let h: Harness;
afterEach(() => h?.close());

const KMS_DENIED = { status: 400, type: 'KMSAccessDeniedException', message: 'Lambda was unable to decrypt' };

const fakeFunction = (name: string) => {
  const fn = h.fake.lambda.functions.get(name);
  if (!fn) throw new Error(`no fake function ${name}`);
  return fn;
};

describe('measuring one function', () => {
  it('reports a warm follow-up without a REPORT and keeps the cold sample', async () => {
    h = await startHarness({ functions: [{ name: 'f' }] });
    // Served after the cold invocation's hook: the follow-up is refused before it runs.
    h.fake.lambda.onInvoke((name, n) => {
      if (n === 1) fakeFunction(name).spec.invokeError = KMS_DENIED;
    });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['f'], times: 1, warm: 1 }))
    ).done;
    expect(outcome.samples).toHaveLength(1);
    expect(outcome.samples[0]?.initMs).not.toBeNull();
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({ functionName: 'f', code: 'NoReport', hint: null });
    expect(outcome.errors[0]?.message).toMatch(/^f: .*KMSAccessDeniedException/);
    expect(outcome.state).toBe('partial');
  });

  it('counts function errors and timeouts apart, also when there are as many of each', async () => {
    h = await startHarness({ functions: [{ name: 'e' }] });
    // The hook runs before the invocation draws its fate: a timeout, an error, then successes.
    h.fake.lambda.onInvoke((name, n) => {
      fakeFunction(name).spec.timeoutRate = n === 1 ? 1 : 0;
      fakeFunction(name).spec.errorRate = n === 2 ? 1 : 0;
    });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['e'], times: 3 }))
    ).done;
    expect(outcome.samples.map((s) => s.status)).toEqual(['timeout', 'error', 'success']);
    expect(outcome.errors).toEqual([
      {
        functionName: 'e',
        code: 'FunctionErrors',
        message: 'e: 1 invocation(s) ended in a function error, 1 timed out (recorded with their status).',
        hint: null,
      },
    ]);
  });

  it("does not blame an earlier function's throttling when a later one gives up on warm answers", async () => {
    h = await startHarness({ functions: [{ name: 'first' }, { name: 'second' }], throttleRate: 0.3 });
    const messages: (string | null)[] = [];
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['first', 'second'], times: 2 }),
      {
        onProgress: (p) => {
          messages.push(p.message);
          if (p.message !== 'Reading second') return;
          h.fake.lambda.faults.throttleRate = 0;
          h.fake.lambda.faults.warmNextInvocations = 7;
        },
      },
    );
    const outcome = await run.done;
    expect(h.fake.lambda.stats.throttled).toBeGreaterThan(0);
    expect(outcome.samples.filter((s) => s.name === 'first')).toHaveLength(2);
    const second = outcome.errors.find((e) => e.functionName === 'second');
    expect(second?.code).toBe('TooManyWarm');
    expect(second?.message).not.toMatch(/throttled/);
    expect(second?.hint).toMatch(/provisioned concurrency/);
    // The run's throttling, in the warnings and as it ends.
    const throttled = h.fake.lambda.stats.throttled;
    const said = `Lambda calls throttled ${throttled} time${throttled === 1 ? '' : 's'}, retried; 0 gave up`;
    expect(outcome.warnings).toContain(`${said}.`);
    expect(messages).toContain(said);
  });

  it('cancelled during a warm follow-up: reports the cancel, not a failed invocation', async () => {
    h = await startHarness({ functions: [{ name: 'c', variables: { K: 'v' } }] });
    const controller = new AbortController();
    h.fake.lambda.onInvoke((_name, n) => {
      if (n === 2) controller.abort();
    });
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['c'], times: 1, warm: 1 }),
      { signal: controller.signal },
    );
    const outcome = await run.done;
    expect(outcome.state).toBe('cancelled');
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(1);
    expect(h.fake.lambda.describe('c').variables).toEqual({ K: 'v' });
  });

  it('sends its first update with the revision it read: a change landing before it is answered 412', async () => {
    h = await startHarness({ functions: [{ name: 'c', memoryMB: 256, variables: { MINE: 'a' } }] });
    h.fake.lambda.onUpdate((name, n) => {
      if (n === 1) h.fake.lambda.externalChange(name, { variables: { THEIRS: 'b' } });
    });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['c'], times: 2 }))
    ).done;
    expect(h.fake.lambda.stats.preconditionFailures).toBe(1);
    expect(outcome.samples).toEqual([]);
    expect(outcome.errors[0]?.code).toBe('ChangedBySomeoneElse');
    expect(h.fake.lambda.describe('c')).toMatchObject({ memoryMB: 256, variables: { THEIRS: 'b' } });
  });

  it('stops on a change an endpoint made without a new revision: the content is checked too', async () => {
    h = await startHarness({ functions: [{ name: 'api', memoryMB: 512, variables: { A: '1' } }] });
    h.fake.lambda.onInvoke((name, n) => {
      if (n === 2) h.fake.lambda.externalChange(name, { memoryMB: 640, keepRevision: true });
    });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['api'], times: 3 }))
    ).done;
    expect(outcome.samples).toHaveLength(1);
    expect(outcome.errors[0]?.code).toBe('ChangedBySomeoneElse');
    expect(outcome.errors[0]?.message).toMatch(/while it was being invoked: memory 512 → 640 MB/);
    expect(h.fake.lambda.describe('api').memoryMB).toBe(640);
  });
});

describe('measuring starts', () => {
  it("on a function whose last update, someone else's, failed: that update is over, not awaited", async () => {
    h = await startHarness({ functions: [{ name: 'f', memoryMB: 256, variables: { A: '1' } }] });
    Object.assign(fakeFunction('f'), {
      lastUpdateStatus: 'Failed',
      lastUpdateStatusReason: 'KMS key is disabled',
      lastUpdateStatusReasonCode: 'KMSKeyNotFound',
    });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['f'], times: 1 }))
    ).done;
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(1);
    expect(h.fake.lambda.describe('f')).toMatchObject({ memoryMB: 256, variables: { A: '1' } });
  });
});

describe('measuring refuses', () => {
  it('variables it cannot read, naming the key in general when Lambda does not say which', async () => {
    h = await startHarness({
      functions: [
        {
          name: 'secret',
          variables: { A: '1' },
          kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k',
          decryptDenied: true,
        },
      ],
    });
    h.fake.lambda.faults.omitKmsKeyArns = true;
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['secret'] }))
    ).done;
    expect(outcome.errors[0]?.code).toBe('VariablesUnreadable');
    expect(outcome.errors[0]?.message).toMatch(
      /encrypted with the KMS key \(its customer managed KMS key\) and/,
    );
    expect(outcome.errors[0]?.message).toMatch(
      /\. Measuring writes the whole set of variables, so it would wipe them\.$/,
    );
    expect(outcome.errors[0]?.hint).toBe(
      'Grant this identity kms:Decrypt on (its customer managed KMS key), or measure a copy of the function.',
    );
    expect(h.fake.lambda.stats.updates).toBe(0);
  });

  it("another run's marker, and a reserved concurrency of 0, as invalid arguments", async () => {
    h = await startHarness({
      functions: [
        { name: 'm', variables: { COLDSTART_LAB_RUN: '20260101-000000-abcd-3' } },
        { name: 'off', reservedConcurrency: 0 },
      ],
    });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['m', 'off'] }))
    ).done;
    expect(outcome.errors.map((e) => [e.functionName, e.code])).toEqual([
      ['m', 'invalid-argument'],
      ['off', 'invalid-argument'],
    ]);
    expect(outcome.errors[1]?.hint).toBeNull();
  });
});
