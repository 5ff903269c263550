import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER_KEY } from '../../electron/engine/journal';
import { leaveInterruptedRun, RUN } from '../engine/interrupted-run';
import type { FakeAws, FakeAwsOptions } from '../fake-aws/server';
import { runCli } from './built-cli';
import { fakeAwsPerTest } from './fake-aws-per-test';

// The built `coldstart` against the fake: what it tells the user when a function is not (or no longer) ours.
let fake: FakeAws;
let dir: string;
let env: NodeJS.ProcessEnv;
const fakeAws = fakeAwsPerTest();

async function setUp(options: FakeAwsOptions) {
  ({ fake, dir, env } = await fakeAws.start(options));
}

describe('coldstart recover --dry-run', () => {
  it('says per function: would restore, would leave alone (what changed), cannot read', async () => {
    const ours = { A: '1', [MARKER_KEY]: `${RUN}-2` };
    await setUp({
      functions: [
        { name: 'ours', memoryMB: 1024, variables: ours },
        { name: 'edited', memoryMB: 1024, variables: { ...ours, NEW: 'x' } },
        {
          name: 'locked',
          memoryMB: 1024,
          variables: ours,
          kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k',
          decryptDenied: true,
        },
      ],
    });
    await leaveInterruptedRun(
      join(dir, 'state'),
      fake,
      ['ours', 'edited', 'locked'].map((name) => ({
        name,
        memoryMB: 128,
        variables: { A: '1' },
        written: [{ marker: `${RUN}-2`, memoryMB: 1024 }],
      })),
    );
    const dry = await runCli(['recover', '--dry-run'], env);
    expect(dry.stdout).toMatch(/^would restore\trun \S+\tours: still exactly as run \S+ left it/m);
    expect(dry.stdout).toMatch(
      /^would leave alone\trun \S+\tedited: changed by someone else since: variable\(s\) added: NEW .*only our marker key COLDSTART_LAB_RUN will be removed/m,
    );
    expect(dry.stdout).toMatch(
      /^cannot read\trun \S+\tlocked: cannot read its variables \(AccessDeniedException/m,
    );
    expect(dry.code).toBe(1);
    expect(fake.lambda.stats.updates).toBe(0);

    const r = await runCli(['recover'], env);
    expect(r.stdout).toMatch(/^restored\trun \S+\tours: restored and verified/m);
    expect(r.stdout).toMatch(/^left alone\trun \S+\tedited: changed by someone else since/m);
    expect(r.stdout).toMatch(/^FAILED\trun \S+\tlocked: cannot read/m);
    expect(r.code).toBe(1);
    expect(fake.lambda.describe('edited').variables).toEqual({ A: '1', NEW: 'x' });
  });
});

describe('coldstart measure when someone else deploys mid-run', () => {
  it('stops, keeps their deploy, says what happened and exits 1', async () => {
    await setUp({
      accountConcurrency: 4,
      functions: [{ name: 'api', memoryMB: 512, variables: { A: '1' } }, { name: 'other' }],
    });
    fake.lambda.onUpdateSettled((name, n) => {
      if (name === 'api' && n === 2) fake.lambda.externalChange(name, { variables: { B: '2' } });
    });
    const r = await runCli(['measure', '--function', 'api,other', '--times', '6', '--parallel', '8'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Run \S+: partial, \d+ sample\(s\)$/m);
    expect(r.stdout).toMatch(/^other\t128\t6\t/m);
    expect(r.stdout).toMatch(
      /^error: api: measuring stopped: someone else changed it right after our update settled: variable\(s\) added: B; variable\(s\) removed: A, COLDSTART_LAB_RUN \(our marker\)/m,
    );
    expect(r.stdout).toMatch(/^restore: api: changed by someone else since: .*left alone, not restored/m);
    expect(r.stdout).toMatch(
      /^note: api: --parallel 8 cut to 4: the account has 4 unreserved concurrent executions\.$/m,
    );
    expect(fake.lambda.describe('api').variables).toEqual({ B: '2' });
    expect(fake.lambda.describe('other').variables ?? {}).toEqual({});
  });
});
