import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCsv } from '../../shared/csv/import-csv';
import { startFakeAws, type FakeAws } from '../fake-aws/server';
import { appendInvocation, requestId } from '../engine/fetch-log-lines';
import { spawn } from 'node:child_process';
import { configureLogsService, logsServiceCounters } from '../fake-aws/logs-service';
import { CLI, ensureBuiltCli, runCli } from './built-cli';

const HOUR = 3_600_000;
let fake: FakeAws;
let dir: string;
let env: NodeJS.ProcessEnv;
const T0 = Date.now() - 5 * HOUR;
const cold: string[] = [];

beforeAll(async () => {
  ensureBuiltCli();
  fake = await startFakeAws({
    functions: [
      {
        name: 'api',
        runtime: 'nodejs22.x',
        arch: 'arm64',
        memoryMB: 1024,
        logFormat: 'JSON',
        logGroup: '/custom/api',
      },
    ],
  });
  dir = await mkdtemp(join(tmpdir(), 'coldstart-fetch-cli-'));
  env = { ...fake.env, COLDSTART_STATE_DIR: join(dir, 'state'), COLDSTART_POLL_MS: '5', HOME: dir };
  for (let i = 0; i < 10; i++) {
    const id = requestId(i);
    const isCold = i % 2 === 0;
    if (isCold) cold.push(id);
    appendInvocation(fake.logStore, '/custom/api', `2026/11/28/[$LATEST]e${i}`, {
      requestId: id,
      at: T0 + i * 60_000,
      initMs: isCold ? 210 + i : null,
      durationMs: 12,
      memoryMB: 1024,
      format: 'JSON',
    });
  }
  // One more cold start long before the range.
  appendInvocation(fake.logStore, '/custom/api', 'old', {
    requestId: requestId(99),
    at: T0 - 3 * 86_400_000,
    initMs: 300,
    durationMs: 1,
    memoryMB: 1024,
    format: 'JSON',
  });
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('coldstart fetch', () => {
  it.each(['insights', 'filter'])(
    'writes the cold starts of the range as CSV with --method %s',
    async (method) => {
      const out = join(dir, `fetched-${method}.csv`);
      const result = await runCli(
        ['fetch', '--function', 'api', '--since', '1d', '--method', method, '--out', out],
        env,
      );
      expect(result.stderr).toContain(`5 cold-start REPORTs`);
      expect(result.code).toBe(0);
      const imported = importCsv(await readFile(out, 'utf8'), out);
      expect(imported.ok).toBe(true);
      if (!imported.ok) return;
      expect(imported.samples.map((s) => s.requestId).sort()).toEqual([...cold].sort());
      expect(imported.samples[0]).toMatchObject({
        name: 'api',
        arch: 'arm64',
        runtime: 'nodejs22.x',
        memoryMB: 1024,
      });
      const runs = await runCli(['runs'], env);
      expect(runs.stdout).toContain('fetch');
    },
  );

  it('prints the CSV on stdout without --out, warm starts included with --all', async () => {
    const start = new Date(T0 - 1000).toISOString();
    const end = new Date(T0 + HOUR).toISOString();
    const result = await runCli(['fetch', '--function', 'api', '--start', start, '--end', end, '--all'], env);
    expect(result.code).toBe(0);
    const imported = importCsv(result.stdout, 'stdout.csv');
    expect(imported.ok && imported.samples.length).toBe(10);
  });

  it('exits 1 naming a function it cannot read, and still writes the others', async () => {
    const out = join(dir, 'partial.csv');
    const result = await runCli(['fetch', '--function', 'api,nope', '--since', '1d', '--out', out], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: nope: no such function/);
    const imported = importCsv(await readFile(out, 'utf8'), out);
    expect(imported.ok && imported.samples.length).toBe(5);
  });

  it('stops its Logs Insights query and exits 130 on Ctrl-C', async () => {
    configureLogsService(fake.logStore, { runningPolls: 100_000 });
    const counters = logsServiceCounters(fake.logStore);
    const polls = counters.getQueryResults;
    const stops = counters.stopQuery;
    const child = spawn(process.execPath, [CLI, 'fetch', '--function', 'api', '--since', '1d'], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (counters.getQueryResults < polls + 2) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    configureLogsService(fake.logStore, { runningPolls: 2 });
    expect(counters.stopQuery).toBe(stops + 1);
    expect(stderr).toContain('Cancelling');
  });

  it('reads a range that ends in the future as asked, and says so', async () => {
    const start = new Date(T0 - 1000).toISOString();
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const result = await runCli(
      ['fetch', '--function', 'api', '--start', start, '--end', future, '--all', '--json'],
      env,
    );
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout);
    expect(outcome.samples).toHaveLength(10);
    expect(outcome.request.end).toBe(future);
    expect(outcome.warnings[0]).toMatch(
      new RegExp(
        `^The range ends in the future \\(${future.replace(/[.]/g, '\\.')}\\): it holds only what happened up to now, \\d{4}-`,
      ),
    );
    expect(result.stderr).toContain(`warning: The range ends in the future (${future})`);
  });

  it.each([
    ['with an end', ['--end', new Date(Date.now() + 2 * 86_400_000).toISOString()]],
    ['up to now', []],
  ])('exits 2 for a range that starts in the future (%s), reading nothing', async (_what, end) => {
    const start = new Date(Date.now() + 86_400_000);
    const result = await runCli(['fetch', '--function', 'api', '--start', start.toISOString(), ...end], env);
    expect(result.code).toBe(2);
    const escaped = start.toISOString().replace(/[.]/g, '\\.');
    expect(result.stderr).toMatch(
      new RegExp(
        `^coldstart fetch: the range starts in the future: ${escaped}; now is \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z$`,
        'm',
      ),
    );
    expect(result.stderr).not.toMatch(/warning|ingests/);
  });

  it.each([
    [['--function', 'api'], /time range is needed/],
    [['--function', 'api', '--since', '2 parsecs'], /--since: expected a duration/],
    [['--function', 'api', '--since', '2h', '--start', '2026-11-28T00:00:00Z'], /either --since or --start/],
    [['--function', 'api', '--start', '2026-11-28T08:00:00'], /add Z or an offset/],
    [
      ['--function', 'api', '--start', '2026-11-28T08:00:00Z', '--end', '2026-11-28T07:00:00Z'],
      /--start must be before --end/,
    ],
    [['--function', 'api', '--since', '2h', '--method', 'grep'], /--method: expected insights or filter/],
    [['--since', '2h'], /--function NAME/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const result = await runCli(['fetch', ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
