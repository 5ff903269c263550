import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuiltCli, runCli } from './built-cli';

let dir: string;
const env = { HOME: '/nonexistent' };

/** A CSV in the original five-column format: per function, the Init values given (Cold and Billed derived). */
function csv(rows: Record<string, number[]>, memory = 128): string {
  const lines = ['Name;Memory;Init;Cold;Billed'];
  for (const [name, inits] of Object.entries(rows)) {
    for (const init of inits)
      lines.push(`${name};${memory};${init};${(init / 10).toFixed(2)};${Math.ceil(init + init / 10)}`);
  }
  return `${lines.join('\n')}\n`;
}

const ten = (median: number): number[] => Array.from({ length: 10 }, (_, i) => median - 4.5 + i);

beforeAll(async () => {
  ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'coldstart-compare-'));
  await writeFile(join(dir, 'base.csv'), csv({ 'hello-node': ten(200), 'hello-py': ten(100) }));
  // hello-node +20%, hello-py -5%.
  await writeFile(join(dir, 'slower.csv'), csv({ 'hello-node': ten(240), 'hello-py': ten(95) }));
  // hello-node +5%: within the default 10%.
  await writeFile(join(dir, 'same.csv'), csv({ 'hello-node': ten(210), 'hello-py': ten(100) }));
  await writeFile(join(dir, 'other.csv'), csv({ 'hello-go': ten(50) }));
  await writeFile(join(dir, 'mem1024.csv'), csv({ 'hello-node': ten(150), 'hello-py': ten(90) }, 1024));
  await writeFile(join(dir, 'broken.csv'), 'this is not;a cold start file\n1;2\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(['compare', ...args], env, dir);

describe('coldstart compare', () => {
  it('exits 1 and names the group that got slower than the threshold', async () => {
    const r = await cli('base.csv', 'slower.csv');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/hello-node\s+10\s+10\s+200\.00\s+240\.00\s+\+20\.0%\s+SLOWER/);
    expect(r.stdout).toMatch(/hello-py\s+10\s+10\s+100\.00\s+95\.00\s+-5\.0%\s+ok/);
    expect(r.stdout).toContain('1 of 2 groups got slower than +10%: hello-node (+20.0%)');
  });

  it('exits 0 when every change stays within the threshold', async () => {
    const r = await cli('base.csv', 'same.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/hello-node.*\+5\.0%\s+ok/);
    expect(r.stdout).toContain('No group got slower than +10% (2 compared).');
    expect((await cli('base.csv', 'slower.csv', '--threshold', '25%')).code).toBe(0);
    expect((await cli('base.csv', 'same.csv', '--threshold', '4')).code).toBe(1);
  });

  it('compares another metric and statistic', async () => {
    const r = await cli('base.csv', 'slower.csv', '--metric', 'duration', '--stat', 'p90');
    expect(r.stdout).toMatch(/^duration p90 by name/);
    // Cold = Init / 10 in these files: hello-node p90 (R type 7) goes from 20.36 to 24.36.
    expect(r.stdout).toMatch(/hello-node\s+10\s+10\s+20\.36\s+24\.36\s+\+19\.6%\s+SLOWER/);
    expect(r.code).toBe(1);
  });

  it('groups by several keys and lists groups found on one side only', async () => {
    const r = await cli('base.csv', 'mem1024.csv', '--by', 'name,memory');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/hello-node \/ 128 MB\s+10\s+-\s+200\.00\s+-\s+-\s+only in BASE/);
    expect(r.stdout).toMatch(/hello-node \/ 1024 MB\s+-\s+10\s+-\s+150\.00\s+-\s+only in NEW/);
    expect(r.stderr).toMatch(/no group has init values in both files \(grouped by name, memory\)/);
    expect((await cli('base.csv', 'mem1024.csv', '--by', 'name')).code).toBe(0);
  });

  it('prints JSON with --json', async () => {
    const r = await cli('base.csv', 'slower.csv', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      groups: { label: string; changePercent: number; slower: boolean }[];
    };
    expect(report.groups.map((g) => [g.label, Math.round(g.changePercent), g.slower])).toEqual([
      ['hello-node', 20, true],
      ['hello-py', -5, false],
    ]);
  });

  it.each([
    [['base.csv', 'missing.csv'], 3, /coldstart compare: missing\.csv: no such file/],
    [['base.csv', 'broken.csv'], 3, /coldstart compare: broken\.csv: /],
    [['base.csv', 'other.csv'], 3, /no group has init values in both files/],
    [['base.csv'], 2, /expected two files/],
    [['base.csv', 'same.csv', '--metric', 'speed'], 2, /--metric: 'speed' is not one of/],
    [['base.csv', 'same.csv', '--stat', 'p50'], 2, /--stat: 'p50' is not one of/],
    [['base.csv', 'same.csv', '--threshold', 'ten'], 2, /--threshold: expected a percentage/],
    [['base.csv', 'same.csv', '--by', 'colour'], 2, /--by: 'colour' is not one of/],
  ])('%j exits %i with a clear message', async (args, code, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

const seedDir = resolve(__dirname, '../../../shared/fixtures/seed-runs');
if (!existsSync(seedDir))
  console.log(`compare-cli: ${seedDir} is absent, the seed-run comparison is skipped`);

describe.skipIf(!existsSync(seedDir))('coldstart compare on the seed runs', () => {
  it('finds no change between a file and itself, and warns about its duplicated rows', async () => {
    const file = join(seedDir, 'speed-arm-1024.csv');
    const r = await runCli(['compare', file, file], env, dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/hello-node\s+20\s+20\s+[\d.]+\s+[\d.]+\s+\+0\.0%\s+ok/);
    expect(r.stderr).toMatch(/duplicated rows/);
    const dropped = await runCli(['compare', file, file, '--drop-duplicates'], env, dir);
    expect(dropped.stdout).toMatch(/hello-node\s+10\s+10\s+/);
  });
});
