import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAVE_SEED_RUNS, SEED_RUNS_DIR, noteSeedRunsSkip } from '../seed-runs';
import { ensureBuiltCli, runCli, type CliResult } from './built-cli';

noteSeedRunsSkip();

const dir = mkdtempSync(join(tmpdir(), 'coldstart-stats-'));
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return name; // the CLI runs in `dir`: messages name the file as given
};
const stats = (...args: string[]): Promise<CliResult> => runCli(['stats', ...args], {}, dir);

/** Every stderr line is a one-line message, never a stack trace. */
function expectOneLineMessages(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('Error:');
}

const RUNS = [
  'Name;Memory;Init;Cold;Billed;Arch;Runtime',
  'api;128;100;1;2;arm64;nodejs20.x',
  'api;128;110;1;2;arm64;nodejs20.x',
  'api;128;120;1;2;arm64;nodejs20.x',
  'api;1024;90;1;2;arm64;nodejs20.x',
  'api;1024;;1;2;arm64;nodejs20.x',
  'worker;128;300;5;6;x86_64;python3.12',
  'worker;128;300;5;6;x86_64;python3.12',
].join('\n');

beforeAll(() => {
  ensureBuiltCli();
});

describe('coldstart stats', () => {
  it('prints a readable table per group (default: by name, metric init)', async () => {
    const r = await stats(file('runs.csv', RUNS));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('init: Init Duration (ms), cold starts only; 7 samples from 1 file');
    expect(lines[2]).toMatch(
      /^name\s+n\s+min\s+q1\s+median\s+q3\s+p90\s+p95\s+p99\s+max\s+mean\s+sd\s+whiskers\s+outliers$/,
    );
    expect(lines[3]).toMatch(
      /^api\s+4\s+90\.00\s+97\.50\s+105\.00\s+112\.50\s+117\.00\s+118\.50\s+119\.70\s+120\.00\s+105\.00\s+12\.91\s+90\.00-120\.00\s+-$/,
    );
    expect(lines[4]).toMatch(/^worker\s+2\s+300\.00/);
    expect(r.stderr).toContain(
      'warning: runs.csv: 1 duplicated row (same values or same RequestId), e.g. line 8 repeats line 7',
    );
    expectOneLineMessages(r.stderr);
  });

  it('prints --json exactly as specified, with only the grouping keys in use', async () => {
    const r = await stats(file('runs.csv', RUNS), '--json', '--by', 'name,memory');
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(groups.map((g) => g.group)).toEqual([
      { name: 'api', memory: 128 },
      { name: 'api', memory: 1024 },
      { name: 'worker', memory: 128 },
    ]);
    expect(groups[0]).toEqual({
      group: { name: 'api', memory: 128 },
      metric: 'init',
      n: 3,
      min: 100,
      q1: 105,
      median: 110,
      q3: 115,
      p90: 118,
      p95: 119,
      p99: 119.8,
      max: 120,
      mean: 110,
      sd: 10,
      whiskerLow: 100,
      whiskerHigh: 120,
      outliers: [],
    });
    expect(groups[1]).toMatchObject({ n: 1, sd: null });
    expect(Object.keys(groups[0] as object)).toEqual([
      'group',
      'metric',
      'n',
      'min',
      'q1',
      'median',
      'q3',
      'p90',
      'p95',
      'p99',
      'max',
      'mean',
      'sd',
      'whiskerLow',
      'whiskerHigh',
      'outliers',
    ]);
  });

  it('groups by runtime, arch and memory; takes --metric', async () => {
    const r = await stats(file('runs.csv', RUNS), '--by', 'runtime,arch', '--metric', 'total', '--json');
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout) as { group: object; metric: string; n: number; max: number }[];
    expect(groups.map((g) => [g.group, g.metric, g.n, g.max])).toEqual([
      [{ runtime: 'nodejs20.x', arch: 'arm64' }, 'total', 5, 121],
      [{ runtime: 'python3.12', arch: 'x86_64' }, 'total', 2, 305],
    ]);
  });

  it('drops duplicates with --drop-duplicates', async () => {
    const r = await stats(file('runs.csv', RUNS), '--drop-duplicates', '--json', '--by', 'name');
    expect((JSON.parse(r.stdout) as { n: number }[]).map((g) => g.n)).toEqual([4, 1]);
    expect(r.stderr).toContain('warning: runs.csv: 1 duplicated rows dropped');
  });

  it('reads several files together and reports import warnings on stderr', async () => {
    const other = file('speed-arm-2048.csv', 'Name;Init;Cold;Billed\napi;50;1;1\napi;abc;1;1\n');
    const r = await stats(file('runs.csv', RUNS), other, '--by', 'arch,memory', '--json');
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout) as { group: object; n: number }[];
    expect(groups.map((g) => [g.group, g.n])).toEqual([
      [{ arch: 'arm64', memory: 128 }, 3],
      [{ arch: 'arm64', memory: 1024 }, 1],
      [{ arch: 'arm64', memory: 2048 }, 1],
      [{ arch: 'x86_64', memory: 128 }, 2],
    ]);
    expect(r.stderr).toContain(
      "warning: speed-arm-2048.csv: 1 row skipped: line 3, column Init: 'abc' is not a number",
    );
    expect(r.stderr).toContain(
      'warning: speed-arm-2048.csv: no Memory column: 2048 MB taken from the file name for every row',
    );
    expectOneLineMessages(r.stderr);
  });

  it('says so when no sample has the metric', async () => {
    const r = await stats(file('warm.csv', 'Name;Memory;Init;Cold;Billed\nf;128;;1;2\n'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No init values in 1 samples');
    expect((await stats('warm.csv', '--json')).stdout).toBe('[]\n');
  });

  describe('exit codes and messages', () => {
    it.each([
      [[], 'coldstart stats: no file or folder given (coldstart stats FILE.csv|DAY.json|FOLDER ...)'],
      [
        ['x.csv', '--metric', 'speed'],
        "coldstart stats: --metric: 'speed' is not one of init, duration, total, billed, maxmemory",
      ],
      [
        ['x.csv', '--by', 'name,colour'],
        "coldstart stats: --by: 'colour' is not one of name, runtime, arch, memory",
      ],
      [['x.csv', '--frobnicate'], "coldstart stats: Unknown option '--frobnicate'"],
    ])('2 on unusable arguments: %j', async (args, message) => {
      const r = await stats(...args);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toContain(message);
      expect(r.stdout).toBe('');
      expectOneLineMessages(r.stderr);
    });

    it('3 when no file could be read, one line per file', async () => {
      mkdirSync(join(dir, 'no-days'), { recursive: true });
      const r = await stats(
        'missing.csv',
        file('empty.csv', ''),
        file('binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
        file('header.csv', 'Name;Memory;Init;Cold;Billed\n'),
        file('noinit.csv', 'Name;Memory;Cold;Billed\nf;128;1;1\n'),
        'no-days',
      );
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      // A folder is read as lambda-perf days, before the CSV files.
      expect(r.stderr.trimEnd().split('\n')).toEqual([
        'coldstart stats: no-days: no daily lambda-perf file (YYYY-MM-DD.json) in this folder',
        'coldstart stats: missing.csv: no such file or folder',
        'coldstart stats: empty.csv: the file is empty',
        'coldstart stats: binary.csv: this is a binary file (or text that is not UTF-8), not a CSV file',
        'coldstart stats: header.csv: only a header on line 1, no data rows',
        'coldstart stats: noinit.csv: missing required column Init in the header on line 1 (it has: Name;Memory;Cold;Billed)',
        'coldstart stats: no file could be read (6 tried)',
      ]);
    });

    it('1 when some files could not be read: the others are still counted', async () => {
      const r = await stats(file('runs.csv', RUNS), 'missing.csv', '--json');
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)).toHaveLength(2);
      expect(r.stderr).toContain('coldstart stats: missing.csv: no such file or folder');
      expect(r.stderr).toContain(
        'coldstart stats: 1 of 2 files could not be read (missing.csv); the statistics cover the others',
      );
      expectOneLineMessages(r.stderr);
    });

    it('prints its options with --help', async () => {
      const r = await stats('--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('--drop-duplicates');
    });
  });

  describe.skipIf(!HAVE_SEED_RUNS)('on the seed runs', () => {
    it("gives the issue's numbers for speed-x86-128.csv hello-node", async () => {
      const r = await stats(join(SEED_RUNS_DIR, 'speed-x86-128.csv'), '--json');
      expect(r.code).toBe(0);
      const node = (JSON.parse(r.stdout) as { group: { name: string } }[]).find(
        (g) => g.group.name === 'hello-node',
      );
      expect(node).toMatchObject({
        q1: 162.26,
        median: 164.625,
        q3: 166.435,
        whiskerLow: 158.57,
        whiskerHigh: 170.33,
        outliers: [135.38],
      });
      expect(r.stderr).toContain('no Arch column: x86_64 taken from the file name for every row');
    });

    it('counts the 20 duplicated rows of speed-arm-1024.csv once with --drop-duplicates', async () => {
      const path = join(SEED_RUNS_DIR, 'speed-arm-1024.csv');
      const kept = JSON.parse((await stats(path, '--json')).stdout) as { n: number }[];
      const dropped = JSON.parse((await stats(path, '--json', '--drop-duplicates')).stdout) as {
        n: number;
      }[];
      expect(kept.map((g) => g.n)).toEqual([20, 10, 20, 10]);
      expect(dropped.map((g) => g.n)).toEqual([10, 10, 10, 10]);
    });
  });
});
