import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, runCli, type CliResult } from './built-cli';

const FIXTURES = fileURLToPath(new URL('../fixtures/lambda-perf/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'coldstart-trend-'));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name; // the CLI runs in `dir`: messages name the file as given
};
const trend = (...args: string[]): Promise<CliResult> => runCli(['trend', ...args], {}, dir);

/** Every stderr line is a one-line message, never a stack trace. */
function expectOneLineMessages(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('Error:');
}

const RUNS = [
  'Name;Memory;Init;Cold;Billed;Arch;Runtime;Timestamp',
  'api;512;100;1;2;arm64;nodejs22.x;2026-11-20T09:00:00.000Z',
  'api;512;120;1;2;arm64;nodejs22.x;2026-11-20T10:00:00.000Z',
  'api;512;140;1;2;arm64;nodejs22.x;2026-11-21T23:59:59.000Z',
  'api;512;;1;2;arm64;nodejs22.x;2026-11-21T23:59:59.500Z',
  'api;512;150;1;2;arm64;nodejs22.x;',
].join('\n');

beforeAll(() => {
  ensureBuiltCli();
  cpSync(join(FIXTURES, 'days'), join(dir, 'days'), { recursive: true });
  cpSync(join(FIXTURES, 'long'), join(dir, 'data', '2023'), { recursive: true });
});

describe('coldstart trend', () => {
  it('prints --json exactly: one object per group and day, by group then day', async () => {
    const r = await trend('days/2026-11-21.json', 'days/2026-11-20.json', '--by', 'name,arch', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      {
        group: { name: 'go (prov.al2023)', arch: 'arm64' },
        day: '2026-11-20',
        n: 2,
        median: 40.875,
        medianCi: null,
      },
      { group: { name: 'nodejs22.x', arch: 'arm64' }, day: '2026-11-20', n: 5, median: 130, medianCi: null },
      { group: { name: 'nodejs22.x', arch: 'arm64' }, day: '2026-11-21', n: 3, median: 105, medianCi: null },
      { group: { name: 'nodejs22.x', arch: 'x86_64' }, day: '2026-11-20', n: 3, median: 160, medianCi: null },
      { group: { name: 'nodejs22.x', arch: 'x86_64' }, day: '2026-11-21', n: 2, median: 185, medianCi: null },
      {
        group: { name: 'nodejs22.x (image)', arch: 'x86_64' },
        day: '2026-11-20',
        n: 2,
        median: 410,
        medianCi: null,
      },
    ]);
  });

  it('reads a folder (and its subfolders) of daily files, names the other files once, prints a table', async () => {
    mkdirSync(join(dir, 'nested', '2026'), { recursive: true });
    cpSync(join(dir, 'days', '2026-11-21.json'), join(dir, 'nested', '2026', '2026-11-21.json'));
    writeFileSync(join(dir, 'nested', 'last.json'), '{}');
    const r = await trend('nested', '--by', 'runtime,memory');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: nested: 1 file not named like YYYY-MM-DD.json left out (nested/last.json)\n',
    );
    expect(r.stdout.split('\n')).toEqual([
      'init: Init Duration (ms), cold starts only; median per day; 5 samples from 1 file',
      '',
      'runtime     memory  day         n  median  95% CI',
      'nodejs22.x  512 MB  2026-11-21  5  115.00       -',
      '',
    ]);
  });

  it('puts CSV samples by the UTC day of their Timestamp beside the baseline, and counts the undated', async () => {
    const r = await trend(file('runs.csv', RUNS), 'days', '--by', 'runtime', '--json');
    expect(r.code).toBe(0);
    const points = JSON.parse(r.stdout) as {
      group: { runtime: string };
      day: string;
      n: number;
      median: number;
    }[];
    expect(points.filter((p) => p.group.runtime === 'nodejs22.x')).toEqual([
      // baseline 110..150 and 150..170 plus 400, 420 (image) and the CSV's 100, 120
      { group: { runtime: 'nodejs22.x' }, day: '2026-11-20', n: 12, median: 145, medianCi: [120, 170] },
      { group: { runtime: 'nodejs22.x' }, day: '2026-11-21', n: 6, median: 127.5, medianCi: [100, 190] },
    ]);
    expect(r.stderr).toContain('warning: 1 sample has no Timestamp that gives a day and is left out\n');
    expectOneLineMessages(r.stderr);
  });

  it('reads a file given twice (itself and in its folder) once, and warns of two files of one day', async () => {
    cpSync(join(dir, 'days', '2026-11-21.json'), join(dir, 'copy-of-21.json'));
    const r = await trend('days', 'days/2026-11-21.json', 'copy-of-21.json', '--by', 'name', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: days: 1 file not named like YYYY-MM-DD.json left out (days/README.json)\n' +
        'warning: copy-of-21.json: the same day (2026-11-21) as days/2026-11-21.json; both are counted\n',
    );
    const points = JSON.parse(r.stdout) as { day: string; n: number }[];
    expect(points.filter((p) => p.day === '2026-11-21').map((p) => p.n)).toEqual([10]);
  });

  it('reads the long format of 2022-2023 files', async () => {
    const r = await trend('data', '--by', 'name,arch', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        group: { name: 'python3.9', arch: 'x86_64' },
        day: '2023-06-20',
        n: 3,
        median: 101.5,
        medianCi: null,
      },
      { group: { name: 'ruby2.7', arch: null }, day: '2023-06-20', n: 1, median: 150, medianCi: null },
    ]);
  });

  it('names a bad or foreign file and what was expected; prints the others and exits 1', async () => {
    file(
      '2026-11-22.json',
      '{\n  "metadata": {},\n  "runtimeData": [\n    {"r": "x", "p": "zip", "d": "x",\n',
    );
    file('package.json', '{"name": "cold-start-lab"}');
    const r = await trend(
      'days/2026-11-20.json',
      '2026-11-22.json',
      'package.json',
      'missing.json',
      '--json',
    );
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      'coldstart trend: missing.json: no such file or folder',
      'coldstart trend: 2026-11-22.json: line 5, column 1: not JSON: expected a property name in double quotes, found the end of the text',
      'coldstart trend: package.json: expected an object with metadata and runtimeData (a maxday/lambda-perf daily file); found an object with keys name',
      'coldstart trend: 3 of 4 files could not be read (missing.json, 2026-11-22.json, package.json); the trend covers the others',
      '',
    ]);
    // go, nodejs22.x, nodejs22.x (image); java21 snapstart has restores only, no init
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(3);
  });

  it('exits 3 when no file could be read and 2 on unusable arguments', async () => {
    const none = await trend(file('empty.json', ''));
    expect(none.code).toBe(3);
    expect(none.stderr).toBe(
      'coldstart trend: empty.json: the file is empty\ncoldstart trend: no file could be read (1 tried)\n',
    );
    const noArgs = await trend();
    expect(noArgs.code).toBe(2);
    expect(noArgs.stderr).toContain('no file or folder given');
    const badBy = await trend('days', '--by', 'colour');
    expect(badBy.code).toBe(2);
    expect(badBy.stderr).toContain("--by: 'colour' is not one of name, runtime, arch, memory");
    expectOneLineMessages(noArgs.stderr + badBy.stderr);
  });

  it('says so when the metric has no values (lambda-perf publishes init durations only)', async () => {
    const r = await trend('days', '--metric', 'duration');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No duration values with a day in 19 samples (Duration (ms)).\n');
    expect(r.stderr).toContain('warning: no sample has a duration value and a day\n');
  });
});
