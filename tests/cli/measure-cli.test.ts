import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER_KEY } from '../../electron/engine/journal';
import { importCsv } from '../../shared/csv/import-csv';
import type { FakeAws, FakeAwsOptions } from '../fake-aws/server';
import { CLI, runCli } from './built-cli';
import { fakeAwsPerTest } from './fake-aws-per-test';

// The built `coldstart`, spawned against the fake endpoint through AWS_ENDPOINT_URL with fake credentials.
let fake: FakeAws;
let dir: string;
let env: NodeJS.ProcessEnv;
const fakeAws = fakeAwsPerTest();

async function setUp(options: FakeAwsOptions) {
  ({ fake, dir, env } = await fakeAws.start(options));
}

/** Spawns `coldstart measure` and resolves once its progress shows `samples` samples done. */
function spawnMeasure(args: string[], samples: number) {
  const child = spawn(process.execPath, [CLI, 'measure', ...args], {
    env: { PATH: process.env.PATH, ...env },
  });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const progressed = new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const done = [...stderr.matchAll(/^\[(\d+)\/\d+\]/gm)].map((m) => Number(m[1]));
      if (done.some((n) => n >= samples)) resolve();
    });
    child.on('exit', () => reject(new Error(`measure ended before ${samples} samples:\n${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, progressed, exited, output: () => ({ stdout, stderr }) };
}

describe('coldstart measure', () => {
  it('measures, writes the shared CSV to --out and the run directory, and restores', async () => {
    await setUp({ functions: [{ name: 'api', variables: { KEEP: 'me' }, memoryMB: 512 }] });
    const out = join(dir, 'out.csv');
    const r = await runCli(
      ['measure', '--function', 'api', '--times', '3', '--memory', '256,1024', '--out', out],
      env,
    );
    expect(r.stderr).not.toMatch(/unexpected/);
    expect(r.code).toBe(0);
    const csv = (await readFile(out, 'utf8')).trim().split('\n');
    expect(csv[0]).toMatch(/^Name;/);
    expect(csv[0]).toMatch(/Arch.*Runtime.*MaxMemory.*Status.*RequestId.*Timestamp.*Run/);
    expect(csv).toHaveLength(7);
    expect(r.stdout).toMatch(/restored and verified \(512 MB/);
    expect(fake.lambda.describe('api').memoryMB).toBe(512);
    expect(fake.lambda.describe('api').variables).toEqual({ KEEP: 'me' });
    // One line per step when stderr is not a terminal.
    expect(r.stderr).toMatch(/^\[6\/6\]/m);

    const runs = await runCli(['runs'], env);
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/completed\s+6\s+api/);
    const json = await runCli(['runs', '--json'], env);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ state: 'completed', samples: 6 });
  });

  it('exits 2 on unusable arguments or credentials, without touching any function', async () => {
    await setUp({ functions: [{ name: 'api' }] });
    const cases: string[][] = [
      ['measure'],
      ['measure', '--function', 'api', '--times', 'ten'],
      ['measure', '--function', 'api', '--memory', '64'],
      ['measure', '--function', 'api', '--payload', '{not json'],
      ['measure', '--function', 'api', '--payload', '@missing.json'],
      ['measure', '--function', 'api', '--region', 'nowhere'],
      ['measure', '--function', 'api', '--bogus'],
    ];
    for (const args of cases) {
      const r = await runCli(args, env, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^coldstart measure: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const noDir = await runCli(['measure', '--function', 'api', '--out', join(dir, 'no', 'such.csv')], env);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toMatch(
      /^coldstart measure: --out: cannot write .*such\.csv: its directory does not exist/m,
    );
    const noRegion = await runCli(['measure', '--function', 'api'], { ...env, AWS_REGION: '' });
    expect(noRegion.code).toBe(2);
    expect(noRegion.stderr).toMatch(/No AWS region/);
    expect(fake.lambda.stats.updates).toBe(0);
  });

  it('exits 1 and names the function when one of them fails', async () => {
    await setUp({ functions: [{ name: 'good' }] });
    const r = await runCli(['measure', '--function', 'good,missing', '--times', '2', '--json'], env);
    expect(r.code).toBe(1);
    const outcome = JSON.parse(r.stdout);
    expect(outcome.state).toBe('partial');
    expect(outcome.samples).toHaveLength(2);
    expect(outcome.errors[0]).toMatchObject({ functionName: 'missing', code: 'ResourceNotFoundException' });
  });

  it('after kill -9 in the middle of a run, `coldstart recover` restores the function', async () => {
    await setUp({
      updateDelayMs: 20,
      functions: [{ name: 'victim', memoryMB: 128, variables: { A: '1', B: 'two' } }],
    });
    const out = join(dir, 'killed.csv');
    const run = spawnMeasure(['--function', 'victim', '--times', '200', '--memory', '2048', '--out', out], 2);
    await run.progressed;
    run.child.kill('SIGKILL');
    expect(await run.exited).toBeNull();
    const left = fake.lambda.describe('victim');
    const [runId] = await readdir(join(dir, 'state', 'runs'));
    expect(left.variables).toEqual({
      A: '1',
      B: 'two',
      [MARKER_KEY]: expect.stringMatching(new RegExp(`^${runId}-\\d+$`)),
    });
    expect(left.memoryMB).toBe(2048);

    // The run shows what it measured, and --out holds it as a valid CSV, before any recover.
    const runs = await runCli(['runs'], env);
    expect(runs.stdout).toMatch(/interrupted/);
    const [listed] = JSON.parse((await runCli(['runs', '--json'], env)).stdout);
    expect(listed).toMatchObject({ state: 'interrupted' });
    expect(listed.samples).toBeGreaterThanOrEqual(2);
    const csvLines = (await readFile(out, 'utf8')).split('\n');
    expect(csvLines.pop()).toBe(''); // every row complete
    expect(csvLines[0]).toMatch(/^Name;/);
    const rows = csvLines.slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // kill -9 may fall between the run's own file and the CSV: at most the batch in flight is missing.
    expect(listed.samples - rows.length).toBeGreaterThanOrEqual(0);
    expect(listed.samples - rows.length).toBeLessThanOrEqual(1);
    const imported = importCsv(csvLines.join('\n'), out);
    expect(imported.ok && imported.samples.every((s) => s.name === 'victim' && s.memoryMB === 2048)).toBe(
      true,
    );
    const dry = await runCli(['recover', '--dry-run'], env);
    expect(dry.stdout).toMatch(/would restore/);
    expect(fake.lambda.describe('victim').memoryMB).toBe(2048);

    const r = await runCli(['recover'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^restored\s+run \S+\s+victim: restored and verified/m);
    expect(fake.lambda.describe('victim').memoryMB).toBe(128);
    expect(fake.lambda.describe('victim').variables).toEqual({ A: '1', B: 'two' });
    const again = await runCli(['recover'], env);
    expect(again.stdout).toMatch(/Nothing to recover/);
  });

  it('recover leaves alone a function someone else changed after the kill', async () => {
    await setUp({ functions: [{ name: 'shared', variables: { A: '1' } }] });
    const run = spawnMeasure(['--function', 'shared', '--times', '200'], 1);
    await run.progressed;
    run.child.kill('SIGKILL');
    await run.exited;
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (fake.lambda.describe('shared').lastUpdateStatus !== 'InProgress') {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    fake.lambda.externalChange('shared', { variables: { A: 'theirs' }, memoryMB: 999 });
    const r = await runCli(['recover'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/left alone.*shared: changed by someone else/);
    expect(fake.lambda.describe('shared').memoryMB).toBe(999);
    expect(fake.lambda.describe('shared').variables).toEqual({ A: 'theirs' });
  });

  it('Ctrl-C cancels, restores first, and exits 130', async () => {
    await setUp({ functions: [{ name: 'ctrlc', memoryMB: 256, variables: { X: 'y' } }] });
    const run = spawnMeasure(
      ['--function', 'ctrlc', '--times', '200', '--memory', '512', '--parallel', '2'],
      2,
    );
    await run.progressed;
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output().stderr).toMatch(/Cancelling: restoring functions first/);
    expect(run.output().stdout).toMatch(/ctrlc: restored and verified/);
    expect(fake.lambda.describe('ctrlc').memoryMB).toBe(256);
    expect(fake.lambda.describe('ctrlc').variables).toEqual({ X: 'y' });
  });

  it('reads the payload from @file', async () => {
    await setUp({ functions: [{ name: 'p' }] });
    await writeFile(join(dir, 'event.json'), '{"hello":"world"}');
    const r = await runCli(
      ['measure', '--function', 'p', '--times', '1', '--payload', '@event.json'],
      env,
      dir,
    );
    expect(r.code).toBe(0);
  });
});
