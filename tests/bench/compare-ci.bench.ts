// Speed figures for `npm run bench`: intervals and the compare gate on 1,000,000 samples in 620 groups (per
// dataset), the size of a year of a public daily cold-start benchmark. Prints, never asserts on time.
import { describe, expect, it } from 'vitest';
import { compareSamples } from '../../electron/cli/commands/compare';
import { emptySample, type Sample } from '../../shared/sample';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { groupStats } from '../../shared/stats/group-stats';
import { quantileCi } from '../../shared/stats/quantile-ci';
import { compareShift } from '../../shared/stats/shift-compare';
import { drawGroup, seededNormal, syntheticGroups } from '../shared/stats/synthetic-cold-starts';
import { goalLine, timed } from './goal';

const SAMPLES = 1_000_000;
const GROUPS = 620;

/** 620 groups (31 functions × 2 architectures × 10 memory sizes), 1,000,000 samples in all, NEW = BASE × factor. */
function dataset(seed: number, factor: number): Sample[] {
  const groups = syntheticGroups(GROUPS, 7);
  const normal = seededNormal(seed);
  const samples: Sample[] = [];
  groups.forEach((group, g) => {
    const n = Math.floor(SAMPLES / GROUPS) + (g < SAMPLES % GROUPS ? 1 : 0);
    const name = `fn-${Math.floor(g / 20)}`;
    const arch = g % 2 === 0 ? 'x86_64' : 'arm64';
    const memoryMB = 128 * (1 + (Math.floor(g / 2) % 10));
    for (const initMs of drawGroup(group, n, normal, g % 10 === 0 ? factor : 1))
      samples.push({ ...emptySample(name), memoryMB, arch, initMs, durationMs: 10, billedMs: 11 });
  });
  return samples;
}

function report(what: string, runs: { wallMs: number; cpuMs: number }[], target: number): void {
  const best = Math.min(...runs.map((r) => r.wallMs));
  const bestCpu = Math.min(...runs.map((r) => r.cpuMs));
  const median = [...runs.map((r) => r.wallMs)].sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number;
  console.log(
    `${what}: ${best.toFixed(0)} ms best, ${median.toFixed(0)} ms median of ${runs.length}; CPU ${bestCpu.toFixed(0)} ms best\n` +
      goalLine(what, 'ms', best, bestCpu, target, false),
  );
}

function repeat<T>(times: number, run: () => T): { result: T; wallMs: number; cpuMs: number }[] {
  run(); // the first call runs before the JIT has optimised anything
  return Array.from({ length: times }, () => timed(run));
}

describe('compare with intervals, 1,000,000 samples in 620 groups', () => {
  const base = dataset(1, 1);
  const next = dataset(2, 1.3);
  // The CLI reads files into columns (the importer's form).
  const baseColumns = columnsFromSamples(base);
  const nextColumns = columnsFromSamples(next);
  const baseGroups = groupStats(base, ['name', 'arch', 'memory'], 'init', { keepValues: true });
  const newGroups = groupStats(next, ['name', 'arch', 'memory'], 'init', { keepValues: true });

  it('median and p90 intervals of 620 sorted groups', () => {
    const runs = repeat(5, () =>
      baseGroups.map((g) => [quantileCi(g.sorted!, 0.5), quantileCi(g.sorted!, 0.9)]),
    );
    expect(runs[0]!.result.every(([median, p90]) => median !== null && p90 !== null)).toBe(true);
    report('median + p90 95% intervals of 620 groups (1,000,000 sorted values)', runs, 100);
  });

  it('Hodges–Lehmann change, its interval and the gate test for 620 pairs of ~1,613 values', () => {
    const runs = repeat(5, () =>
      baseGroups.map((g, i) => compareShift(g.sorted!, newGroups[i]!.sorted!, 10)),
    );
    const slower = runs[0]!.result.filter((r) => r.verdict === 'slower').length;
    console.log(`  ${slower} of ${GROUPS} groups slower (62 were made 30% slower)`);
    expect(slower).toBe(62);
    report('compareShift of 620 group pairs (2 × 1,000,000 values)', runs, 1000);
  });

  it('coldstart compare end to end (grouping and sorting 2 × 1,000,000 samples, then the gate)', () => {
    const runs = repeat(3, () =>
      compareSamples([baseColumns], [nextColumns], {
        metric: 'init',
        stat: 'median',
        by: ['name', 'arch', 'memory'],
        thresholdPercent: 10,
      }),
    );
    expect(runs[0]!.result.filter((r) => r.slower)).toHaveLength(62);
    report('compareSamples, 2 × 1,000,000 samples in 620 groups', runs, 1000);
  });
});
