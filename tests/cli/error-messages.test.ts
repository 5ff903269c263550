import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, runCli, type CliResult } from './built-cli';

// AWS failures as the user meets them: one line naming the function and what to do, never a stack trace or
// the SDK's own multi-line texts.
let dir: string;
let base: NodeJS.ProcessEnv;

beforeAll(async () => {
  ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'coldstart-errors-'));
  base = {
    HOME: dir,
    COLDSTART_STATE_DIR: join(dir, 'state'),
    AWS_REGION: 'eu-west-1',
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_EC2_METADATA_DISABLED: 'true',
    COLDSTART_RETRY_BASE_MS: '5',
  };
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A port nothing listens on: connections are refused at once. */
const unreachable = {
  AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'y',
};

function expectUserMessages(r: CliResult): void {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('Error:');
  expect(r.stderr).not.toContain('NodeVersionSupportWarning');
  expect(r.stderr).not.toContain('unexpected error');
}

describe('AWS failures reach the user as one line each', () => {
  it('no credentials: measure exits 2 naming the function and how to provide credentials', async () => {
    const r = await runCli(['measure', '--function', 'hello', '--times', '1'], base, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectUserMessages(r);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^coldstart measure: cannot measure hello: Checking the credentials \(sts:GetCallerIdentity\): no usable AWS credentials \(.+\)\. Check the credentials: --profile, AWS_PROFILE or AWS_ACCESS_KEY_ID/,
      ),
    ]);
  });

  it('unreachable endpoint: measure exits 2 and points at AWS_ENDPOINT_URL', async () => {
    const r = await runCli(
      ['measure', '--function', 'hello,world', '--times', '1'],
      { ...base, ...unreachable },
      dir,
    );
    expect(r.code).toBe(2);
    expectUserMessages(r);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'coldstart measure: cannot measure hello, world: Checking the credentials (sts:GetCallerIdentity): cannot reach the AWS endpoint (connect ECONNREFUSED 127.0.0.1:1). The endpoint is unreachable: check the network, AWS_ENDPOINT_URL or --region.',
    ]);
  });

  it('unreachable endpoint: fetch exits 1 with one error line for the function', async () => {
    const f = await runCli(
      ['fetch', '--function', 'hello', '--start', '2026-11-01T00:00:00Z', '--end', '2026-11-02T00:00:00Z'],
      { ...base, ...unreachable },
      dir,
    );
    expect(f.code).toBe(1);
    expectUserMessages(f);
    const errors = f.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errors).toEqual([
      'error: hello: cannot reach the AWS endpoint (connect ECONNREFUSED 127.0.0.1:1). The endpoint is unreachable: check the network, AWS_ENDPOINT_URL or --region.',
    ]);
  });
});
