import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, runCli, type CliResult } from './built-cli';

// `stats` and `compare` read lambda-perf daily JSON files beside CSV files, as `trend` does.

const FIXTURES = fileURLToPath(new URL('../fixtures/lambda-perf/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'coldstart-json-inputs-'));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name; // the CLI runs in `dir`: messages name the file as given
};
const cli = (...args: string[]): Promise<CliResult> => runCli(args, { HOME: '/nonexistent' }, dir);

/** Every stderr line is a one-line message, never a stack trace. */
function expectOneLineMessages(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('Error:');
}

/** Ten cold starts of our own nodejs22.x function, 300..309 ms: about twice the baseline's. */
const MINE = [
  'Name;Memory;Init;Cold;Billed;Arch;Runtime',
  ...Array.from({ length: 10 }, (_, i) => `api;512;${300 + i};1;2;arm64;nodejs22.x`),
].join('\n');

const FOREIGN =
  'expected an object with metadata and runtimeData (a maxday/lambda-perf daily file); found an object with keys name';

beforeAll(() => {
  ensureBuiltCli();
  cpSync(join(FIXTURES, 'days'), join(dir, 'days'), { recursive: true });
  file('mine.csv', MINE);
  file('package.json', '{"name": "cold-start-lab"}');
  file('broken.json', '{\n  "metadata": {},\n');
});

describe('coldstart stats on lambda-perf files', () => {
  it('reads a daily JSON file and a CSV file together', async () => {
    const r = await cli('stats', 'days/2026-11-20.json', 'mine.csv', '--by', 'name,arch', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const groups = JSON.parse(r.stdout) as { group: object; n: number; median: number }[];
    expect(groups.map(({ group, n, median }) => ({ group, n, median }))).toEqual([
      { group: { name: 'api', arch: 'arm64' }, n: 10, median: 304.5 },
      { group: { name: 'go (prov.al2023)', arch: 'arm64' }, n: 2, median: 40.875 },
      { group: { name: 'nodejs22.x', arch: 'arm64' }, n: 5, median: 130 },
      { group: { name: 'nodejs22.x', arch: 'x86_64' }, n: 3, median: 160 },
      { group: { name: 'nodejs22.x (image)', arch: 'x86_64' }, n: 2, median: 410 },
    ]);
  });

  it('reads a folder of days as a table, naming the files it leaves out', async () => {
    const r = await cli('stats', 'days', '--by', 'runtime');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: days: 1 file not named like YYYY-MM-DD.json left out (days/README.json)\n',
    );
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('init: Init Duration (ms), cold starts only; 19 samples from 2 files');
    // 5 + 3 + 2 (image) on the 20th, 3 + 2 on the 21st; the SnapStart entry has restores, no init.
    expect(lines[3]).toMatch(/^nodejs22\.x\s+15\s+100\.00\s+117\.50\s+150\.00 /);
    expect(lines[4]).toMatch(/^provided\.al2023\s+2\s+40\.50 /);
    expect(lines).toHaveLength(6);
  });

  it('names a foreign or broken JSON file and what was expected; the others still count (exit 1)', async () => {
    const r = await cli('stats', 'package.json', 'broken.json', 'mine.csv', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr.split('\n')).toEqual([
      `coldstart stats: package.json: ${FOREIGN}`,
      'coldstart stats: broken.json: line 3, column 1: not JSON: expected a property name in double quotes, found the end of the text',
      'coldstart stats: 2 of 3 files could not be read (package.json, broken.json); the statistics cover the others',
      '',
    ]);
    expectOneLineMessages(r.stderr);
  });

  it('exits 3 when the only file is foreign JSON', async () => {
    const r = await cli('stats', 'package.json');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `coldstart stats: package.json: ${FOREIGN}\ncoldstart stats: no file could be read (1 tried)\n`,
    );
  });
});

describe('coldstart compare on lambda-perf files', () => {
  it('compares our run with a baseline day: a function twice as slow fails the gate', async () => {
    const r = await cli('compare', 'days/2026-11-20.json', 'mine.csv', '--by', 'runtime');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'init median by runtime: days/2026-11-20.json (14 samples) -> mine.csv (10 samples), threshold +10%',
    );
    expect(lines[3]).toMatch(/^nodejs22\.x\s+10\s+10\s+150\.00\s+304\.50\s+\+103\.0%.*SLOWER$/);
    expect(lines[4]).toMatch(/^provided\.al2023\s+2\s+-\s+40\.88 .*only in BASE$/);
  });

  it('reads a folder of days as one side', async () => {
    const r = await cli('compare', 'days', 'mine.csv', '--by', 'runtime', '--json');
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout) as { groups: { label: string; base: { n: number } | null }[] };
    expect(result.groups.map((g) => [g.label, g.base?.n])).toEqual([
      ['nodejs22.x', 15],
      ['provided.al2023', 2],
    ]);
  });

  it.each([
    [['package.json', 'mine.csv'], `coldstart compare: package.json: ${FOREIGN}`],
    [
      ['mine.csv', 'broken.json'],
      'coldstart compare: broken.json: line 3, column 1: not JSON: expected a property name in double quotes, found the end of the text',
    ],
  ])('names a foreign or broken JSON side and exits 3: %j', async (args, message) => {
    const r = await cli('compare', ...args);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}\n`);
  });
});
