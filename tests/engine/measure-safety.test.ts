import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MARKER_KEY } from '../../electron/engine/journal';
import { defaultConnection, plan, startHarness, type Harness } from './engine-harness';

// Someone else's change mid-run, unreadable variables, give-ups and throttling: the engine must never
// overwrite anyone's work, never record a sample measured under someone else's configuration, and say so.
let h: Harness;
afterEach(() => h?.close());

const MINE = { DB_URL: 'postgres://db', API_KEY: 'k-1' };
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/cmk-secret';

const measure = async (p: Parameters<typeof plan>[0]) =>
  (await h.engine.startMeasurement(defaultConnection, plan(p))).done;

describe('someone else changes the function mid-run', () => {
  it('stops when a deploy lands right after our update settled, and leaves their deploy exactly', async () => {
    h = await startHarness({ functions: [{ name: 'api', memoryMB: 512, variables: MINE }] });
    h.fake.lambda.onUpdateSettled((name, n) => {
      if (n === 2) h.fake.lambda.externalChange(name, { variables: { DEPLOYED: 'v2' }, memoryMB: 1536 });
    });
    const outcome = await measure({ functions: ['api'], times: 5 });
    expect(outcome.state).toBe('partial');
    // Only the sample of the first update, measured under our configuration.
    expect(outcome.samples).toHaveLength(1);
    expect(outcome.samples[0]?.memoryMB).toBe(512);
    const error = outcome.errors.find((e) => e.code === 'ChangedBySomeoneElse');
    expect(error?.message).toMatch(
      /api: measuring stopped: someone else changed it right after our update settled: memory 512 → 1536 MB; variable\(s\) added: DEPLOYED; variable\(s\) removed: DB_URL, API_KEY, COLDSTART_LAB_RUN \(our marker\)/,
    );
    expect(error?.message).toMatch(/1 sample\(s\) measured before are kept/);
    const after = h.fake.lambda.describe('api');
    expect(after.variables).toEqual({ DEPLOYED: 'v2' });
    expect(after.memoryMB).toBe(1536);
    expect(h.fake.lambda.stats.updates).toBe(2); // nothing written after their deploy
    expect(outcome.restored.join('\n')).toMatch(/left alone, not restored/);
  });

  it('of a deploy that kept our marker, removes only our marker key, with their revision', async () => {
    h = await startHarness({ functions: [{ name: 'api', memoryMB: 512, variables: MINE }] });
    h.fake.lambda.onUpdateSettled((name, n) => {
      if (n !== 2) return;
      const now = h.fake.lambda.describe(name).variables ?? {};
      h.fake.lambda.externalChange(name, { variables: { ...now, FEATURE: 'on' }, memoryMB: 2048 });
    });
    const outcome = await measure({ functions: ['api'], times: 4 });
    expect(outcome.samples).toHaveLength(1);
    expect(outcome.errors.map((e) => e.code)).toEqual(['ChangedBySomeoneElse', 'NotRestored']);
    expect(outcome.errors[1]?.hint).toBeNull();
    expect(outcome.restored.join('\n')).toMatch(/only our marker key COLDSTART_LAB_RUN was removed/);
    expect(h.fake.lambda.describe('api').variables).toEqual({ ...MINE, FEATURE: 'on' });
    expect(h.fake.lambda.describe('api').memoryMB).toBe(2048);
    expect(h.fake.lambda.stats.preconditionFailures).toBe(0);
  });

  it('records nothing measured after a change that lands during a batch', async () => {
    h = await startHarness({ functions: [{ name: 'api', memoryMB: 512, variables: MINE }] });
    // A console edit keeps every variable (our marker too), adds one and changes memory, just before
    // the third invocation is served.
    h.fake.lambda.onInvoke((name, n) => {
      if (n !== 3) return;
      const now = h.fake.lambda.describe(name).variables ?? {};
      h.fake.lambda.externalChange(name, { variables: { ...now, ADDED: 'x' }, memoryMB: 640 });
    });
    const outcome = await measure({ functions: ['api'], times: 5 });
    expect(h.fake.lambda.stats.invocations).toBe(3);
    expect(outcome.samples).toHaveLength(2);
    expect(outcome.samples.every((s) => s.memoryMB === 512)).toBe(true);
    expect(outcome.errors[0]?.message).toMatch(
      /while it was being invoked: memory 512 → 640 MB; variable\(s\) added: ADDED.*The 1 invocation\(s\) of the last batch .* not recorded/,
    );
    expect(h.fake.lambda.describe('api').variables).toEqual({ ...MINE, ADDED: 'x' });
    expect(h.fake.lambda.describe('api').memoryMB).toBe(640);
  });

  it('writes what it is about to write to the journal before each update is sent', async () => {
    h = await startHarness({ functions: [{ name: 'j', variables: MINE }] });
    let runDir = '';
    const journaled: string[] = [];
    const sent: string[] = [];
    h.fake.lambda.onUpdate(() => {
      const journal = JSON.parse(readFileSync(join(runDir, 'journal.json'), 'utf8'));
      journaled.push(journal.functions[0].written.at(-1).marker);
    });
    h.fake.lambda.onUpdateSettled((name) => {
      const marker = h.fake.lambda.describe(name).variables?.[MARKER_KEY];
      if (marker) sent.push(marker);
    });
    const run = await h.engine.startMeasurement(
      defaultConnection,
      plan({ functions: ['j'], times: 3, memorySizes: [256] }),
    );
    runDir = join(h.stateDir, 'runs', run.runId);
    const outcome = await run.done;
    expect(outcome.state).toBe('completed');
    expect(sent).toEqual([`${run.runId}-1`, `${run.runId}-2`, `${run.runId}-3`]);
    // The restoring update comes after the last marker: the journal still names that one.
    expect(journaled).toEqual([...sent, `${run.runId}-3`]);
  });
});

describe('variables the caller cannot decrypt', () => {
  it('refuses the function, changes nothing, names the key and the permission; the others are measured', async () => {
    h = await startHarness({
      functions: [
        {
          name: 'secret',
          variables: { DB_PASSWORD: 'p', API_KEY: 'k' },
          kmsKeyArn: KEY,
          decryptDenied: true,
        },
        { name: 'plain' },
      ],
    });
    const before = h.fake.lambda.describe('secret');
    const outcome = await measure({ functions: ['secret', 'plain'], times: 2 });
    expect(outcome.state).toBe('partial');
    expect(outcome.samples.map((s) => s.name)).toEqual(['plain', 'plain']);
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({ functionName: 'secret', code: 'VariablesUnreadable' });
    expect(outcome.errors[0]?.message).toMatch(
      new RegExp(`secret: not measured, nothing was changed: .*KMS key ${KEY}.*AccessDeniedException`),
    );
    expect(outcome.errors[0]?.hint).toBe(
      `Grant this identity kms:Decrypt on ${KEY}, or measure a copy of the function.`,
    );
    expect(h.fake.lambda.describe('secret')).toEqual(before);
  });
});

describe('giving up and throttling', () => {
  it('keeps the cold sample of the batch that gives up on warm answers', async () => {
    h = await startHarness({ functions: [{ name: 'w' }] });
    // times 2 tolerates 6 warm answers; batches of 2: three all-warm batches, then one warm + one cold.
    h.fake.lambda.faults.warmNextInvocations = 7;
    const outcome = await measure({ functions: ['w'], times: 2, parallel: 2 });
    expect(h.fake.lambda.stats.coldStarts).toBe(1);
    expect(outcome.samples).toHaveLength(1);
    expect(outcome.samples[0]?.initMs).not.toBeNull();
    expect(outcome.errors[0]).toMatchObject({ functionName: 'w', code: 'TooManyWarm' });
    expect(outcome.errors[0]?.message).toMatch(
      /w: 7 of 8 invocations after an update came back warm; .* the 1 sample\(s\) measured are kept\.$/,
    );
    expect(outcome.errors[0]?.hint).toMatch(/provisioned concurrency/);
  });

  it('blames throttling, not provisioned concurrency, when the warm answers came with throttled retries', async () => {
    h = await startHarness({ functions: [{ name: 'w' }], throttleRate: 0.3 });
    h.fake.lambda.faults.warmNextInvocations = 7;
    const outcome = await measure({ functions: ['w'], times: 2, parallel: 2 });
    const throttled = h.fake.lambda.stats.throttled;
    expect(throttled).toBeGreaterThan(0);
    expect(outcome.errors[0]?.code).toBe('TooManyWarm');
    expect(outcome.errors[0]?.message).toMatch(/Lambda throttled \d+ of its calls, which the SDK retried/);
    expect(outcome.errors[0]?.hint).toMatch(/throttled invocation retried.*lower --parallel/);
    expect(outcome.errors[0]?.hint).not.toMatch(/provisioned/);
    expect(outcome.warnings).toContain(
      `Lambda calls throttled ${throttled} time${throttled === 1 ? '' : 's'}, retried; 0 gave up.`,
    );
  });

  it('says how often it was throttled, and when --parallel was cut and why', async () => {
    h = await startHarness({
      timeScale: 0.2,
      accountConcurrency: 6,
      throttleRate: 0.1,
      functions: [{ name: 'reserved', reservedConcurrency: 3 }, { name: 'pool' }],
    });
    const outcome = await measure({ functions: ['reserved', 'pool'], times: 4, parallel: 10 });
    expect(outcome.state).toBe('completed');
    const throttled = h.fake.lambda.stats.throttled;
    expect(throttled).toBeGreaterThan(0);
    expect(outcome.warnings).toEqual([
      'reserved: --parallel 10 cut to 3: its reserved concurrency is 3.',
      'pool: --parallel 10 cut to 3: the account has 3 unreserved concurrent executions.',
      `Lambda calls throttled ${throttled} time${throttled === 1 ? '' : 's'}, retried; 0 gave up.`,
    ]);
  });
});
