import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../shared/csv/import-csv';
import { emptySample, type Sample } from '../../../shared/sample';
import { metricValue } from '../../../shared/stats/metric-values';
import {
  METRIC_LABELS,
  boxStats,
  groupStats,
  quantileType7,
  type BoxStats,
} from '../../../shared/stats/group-stats';
import { seededRandom } from '../../random';
import { HAVE_SEED_RUNS, SEED_FILES, SEED_RUNS_DIR, noteSeedRunsSkip } from '../../seed-runs';

noteSeedRunsSkip();

/** ggplot_build numbers written by tests/reference/ggplot-boxplot.R (R 4.2, ggplot2 3.4) from the seed runs. */
interface Reference extends Omit<BoxStats, 'sd'> {
  file: string;
  name: string;
  sd: number;
}
const reference = JSON.parse(
  readFileSync(new URL('../../reference/ggplot-boxplot.json', import.meta.url), 'utf8'),
) as Reference[];

describe('quantileType7', () => {
  it("matches R's quantile(type = 7)", () => {
    const x = [1, 2, 3, 4];
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantileType7(x, p))).toEqual([1, 1.75, 2.5, 3.25, 4]);
    expect(quantileType7([7], 0.9)).toBe(7);
    expect(quantileType7([1, 2], 0.99)).toBe(1.99);
    // R: quantile(c(0.1, 0.2, 0.3, 0.7, 10.7, 11.1, 11.3, 11.9, 12.05, 12.4, 13.3, 25.9), 0.95) = 18.969999999999992
    const v = [0.1, 0.2, 0.3, 0.7, 10.7, 11.1, 11.3, 11.9, 12.05, 12.4, 13.3, 25.9];
    expect(quantileType7(v, 0.25)).toBe(0.59999999999999987);
    expect(quantileType7(v, 0.95)).toBe(18.969999999999992);
    expect(quantileType7(v, 0.99)).toBe(24.514000000000006);
  });

  it('gives the value itself between equal neighbours, as R does (no 0.7 × 0.1 + 0.3 × 0.1 rounding)', () => {
    // R 4.2: sprintf("%.17g", quantile(rep(0.1, 11), 0.03, names = FALSE)) is 0.10000000000000001 (the double
    // 0.1), and quantile(c(3.3, 3.3, 4), 0.15) is 3.2999999999999998 (3.3); interpolating would give
    // 0.09999999999999999 and 3.2999999999999994.
    expect(quantileType7(Array<number>(11).fill(0.1), 0.03)).toBe(0.1);
    expect(quantileType7([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 5], 0.03)).toBe(0.1);
    expect(quantileType7([3.3, 3.3, 4], 0.15)).toBe(3.3);
  });

  it('interpolates only strictly between two ranks, as R does (an infinite neighbour at weight 0 is not NaN)', () => {
    // R 4.2: quantile(c(1, Inf), c(0, 1), type = 7) is 1 Inf; quantile(c(-Inf, 1, 2), 0.5) is 1.
    expect(quantileType7([1, Infinity], 0)).toBe(1);
    expect(quantileType7([1, Infinity], 1)).toBe(Infinity);
    expect(quantileType7([-Infinity, 1, 2], 0.5)).toBe(1);
  });
});

describe('boxStats', () => {
  it('keeps the whiskers at the box when every point beyond it is an outlier (as ggplot2 does)', () => {
    // q3 = 2.5 lies between the last 0 and the first 10, and both 10s are beyond 2.5 + 1.5 x 2.5.
    expect(boxStats([0, 0, 0, 0, 0, 0, 10, 10])).toMatchObject({
      q3: 2.5,
      whiskerHigh: 2.5,
      outliers: [10, 10],
    });
    expect(boxStats([-10, -10, 0, 0, 0, 0, 0, 0])).toMatchObject({
      q1: -2.5,
      whiskerLow: -2.5,
      outliers: [-10, -10],
    });
  });

  it('gives ggplot2 geom_boxplot numbers, outliers on both sides (pinned from R)', () => {
    const s = boxStats([57, 1, 50, 52.5, 53, 54.25, 55, 56, 58, 120, 0.1 + 0.2]);
    expect(s).toMatchObject({
      n: 11,
      min: 0.30000000000000004,
      q1: 51.25,
      median: 54.25,
      q3: 56.5,
      p90: 58,
      p95: 89,
      p99: 113.80000000000003,
      max: 120,
      whiskerLow: 50,
      whiskerHigh: 58,
      outliers: [0.30000000000000004, 1, 120],
    });
    expect(s?.mean).toBeCloseTo(50.640909090909091, 12);
    expect(s?.sd).toBeCloseTo(31.581456728449197, 12);
  });

  it("computes the mean as R's mean does: corrected by the mean residual, not the bare sum / n", () => {
    // R 4.2: mean(c(0.1, 0.2, 0.3)) is 0.20000000000000001 (0.2), mean(c(0.1, 0.7, 0.3, 0.9, 1.3)) is
    // 0.66000000000000003 (0.66); the bare sums / n are 0.20000000000000004 and 0.6599999999999999.
    expect(boxStats([0.1, 0.2, 0.3])?.mean).toBe(0.2);
    expect(boxStats([0.1, 0.7, 0.3, 0.9, 1.3])?.mean).toBe(0.66);
    expect(boxStats([0.1, 0.2, 0.3])?.sd).toBeCloseTo(0.1, 15);
    expect(boxStats([1, 3])?.sd).toBeCloseTo(Math.SQRT2, 15);
  });

  it('has whiskers at min and max when nothing is beyond 1.5 × IQR', () => {
    const s = boxStats([0.1, 0.2, 0.3, 0.7, 10.7, 11.1, 11.3, 11.9, 12.05, 12.4, 13.3, 25.9]);
    expect(s).toMatchObject({ whiskerLow: 0.1, whiskerHigh: 25.9, outliers: [], median: 11.199999999999999 });
    expect(s?.q3).toBe(12.137500000000001);
    expect(s?.sd).toBeCloseTo(7.668564076800819, 12);
  });

  it('handles one value, equal values and an empty list', () => {
    expect(boxStats([5])).toEqual({
      n: 1,
      min: 5,
      q1: 5,
      median: 5,
      q3: 5,
      p90: 5,
      p95: 5,
      p99: 5,
      max: 5,
      mean: 5,
      sd: null,
      whiskerLow: 5,
      whiskerHigh: 5,
      outliers: [],
    });
    // IQR 0: every value different from the box is an outlier, as in ggplot2.
    expect(boxStats([2, 2, 2, 2, 3])).toMatchObject({
      q1: 2,
      q3: 2,
      whiskerLow: 2,
      whiskerHigh: 2,
      outliers: [3],
    });
    expect(boxStats([])).toBeNull();
    expect(boxStats([NaN, Infinity])).toBeNull();
  });

  it("reproduces the issue's example: speed-x86-128.csv hello-node Init", () => {
    const init = [135.38, 158.57, 162.07, 162.83, 164.32, 164.93, 164.95, 166.93, 167.62, 170.33];
    expect(boxStats(init)).toMatchObject({
      q1: 162.26,
      median: 164.625,
      q3: 166.435,
      whiskerLow: 158.57,
      whiskerHigh: 170.33,
      outliers: [135.38],
    });
  });
});

describe('metricValue', () => {
  const cold: Sample = {
    ...emptySample('f'),
    initMs: 100.5,
    durationMs: 2.5,
    billedMs: 3,
    maxMemoryUsedMB: 64,
  };
  const warm: Sample = { ...cold, initMs: null };
  const snap: Sample = { ...warm, restoreMs: 400 };
  it.each([
    ['init', cold, 100.5],
    ['init', warm, null],
    ['duration', warm, 2.5],
    ['total', cold, 103],
    ['total', warm, 2.5],
    ['total', snap, 402.5],
    ['billed', cold, 3],
    ['maxmemory', cold, 64],
    ['maxmemory', emptySample('f'), null],
  ] as const)('%s', (metric, sample, value) => {
    expect(metricValue(sample, metric)).toBe(value);
  });
});

describe('groupStats', () => {
  const s = (
    name: string,
    memoryMB: number | null,
    arch: Sample['arch'],
    initMs: number | null,
    runtime: string | null = null,
  ): Sample => ({
    ...emptySample(name),
    memoryMB,
    arch,
    initMs,
    runtime,
    durationMs: 1,
    billedMs: 2,
  });
  const samples = [
    s('b', 1024, 'arm64', 10),
    s('a', 128, 'x86_64', 20),
    s('b', 128, 'x86_64', 30),
    s('a', 128, 'arm64', 40),
    s('b', 1024, 'arm64', 50),
    s('a', null, null, 60),
    s('c', 128, 'x86_64', null),
  ];

  it('groups by name by default order, leaving out groups without the metric', () => {
    const result = groupStats(samples, ['name'], 'init');
    expect(result.map((g) => [g.group, g.stats.n, g.stats.median])).toEqual([
      [{ name: 'a' }, 3, 40],
      [{ name: 'b' }, 3, 30],
    ]);
    expect(result.every((g) => g.metric === 'init')).toBe(true);
    expect(groupStats(samples, ['name'], 'duration').map((g) => g.group.name)).toEqual(['a', 'b', 'c']);
  });

  it('groups by any combination; memory by size, unknown last; only the keys in use', () => {
    const result = groupStats(samples, ['arch', 'memory'], 'init');
    expect(result.map((g) => [g.group, g.stats.n, g.stats.mean])).toEqual([
      [{ arch: 'arm64', memory: 128 }, 1, 40],
      [{ arch: 'arm64', memory: 1024 }, 2, 30],
      [{ arch: 'x86_64', memory: 128 }, 2, 25],
      [{ arch: null, memory: null }, 1, 60],
    ]);
    expect(groupStats(samples, ['name', 'runtime', 'arch', 'memory'], 'init')).toHaveLength(5);
    expect(groupStats(samples, ['runtime'], 'init')).toEqual([
      { group: { runtime: null }, metric: 'init', stats: boxStats([10, 20, 30, 40, 50, 60]) },
    ]);
  });

  it('makes one group of everything when grouped by nothing, and none of no samples', () => {
    expect(groupStats(samples, [], 'billed')).toEqual([
      { group: {}, metric: 'billed', stats: boxStats(Array(7).fill(2)) },
    ]);
    expect(groupStats([], ['name'], 'init')).toEqual([]);
  });

  it('gives each group the statistics of its own values, with many values per key and many groups', () => {
    const random = seededRandom(7);
    const names = Array.from({ length: 30 }, (_, i) => `fn-${String(i).padStart(2, '0')}`);
    const many: Sample[] = Array.from({ length: 5000 }, (_, i) => ({
      ...emptySample(names[Math.floor(random() * names.length)] as string),
      // A fresh string per sample: equal names that are not the same string are still one group.
      runtime: i % 3 === 2 ? null : `${i % 3 === 0 ? 'nodejs' : 'python'}20.x`,
      memoryMB: [128, 256, 512, 1024, 2048, 3008, 4096, 6144, 8192, 10240, null][i % 11] ?? null,
      initMs: i % 4 === 0 ? null : Math.round(random() * 50000) / 100,
    }));
    const by = ['name', 'memory', 'runtime'] as const;
    const result = groupStats(many, by, 'init');
    const expected = new Map<string, number[]>();
    for (const s of many) {
      if (s.initMs === null) continue;
      const key = JSON.stringify([s.name, s.memoryMB, s.runtime]);
      expected.set(key, [...(expected.get(key) ?? []), s.initMs]);
    }
    expect(result).toHaveLength(expected.size);
    for (const g of result) {
      const key = JSON.stringify([g.group.name, g.group.memory, g.group.runtime]);
      expect(g.stats).toEqual(boxStats(expected.get(key) ?? []));
    }
    const order = result.map((g) => [g.group.name, g.group.memory ?? Infinity, g.group.runtime ?? '~']);
    expect(order).toEqual(
      [...order].sort((a, b) => {
        for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as never) < (b[i] as never) ? -1 : 1;
        return 0;
      }),
    );
  });

  describe.skipIf(!HAVE_SEED_RUNS)(
    "equals ggplot2's geom_boxplot on the seed runs (Init per function)",
    () => {
      it.each(SEED_FILES)('%s', (file) => {
        const imported = importCsv(readFileSync(join(SEED_RUNS_DIR, file), 'utf8'), file);
        if (!imported.ok) throw new Error(imported.error);
        const expected = reference.filter((r) => r.file === file);
        const actual = groupStats(imported.samples, ['name'], 'init');
        expect(actual.map((g) => g.group.name)).toEqual(expected.map((r) => r.name));
        actual.forEach((g, i) => {
          const { file: _file, name: _name, mean, sd, ...exact } = expected[i] as Reference;
          // Quantiles, whiskers and outliers: the same doubles as R. Mean and sd: R sums in long double.
          expect({ ...g.stats, mean: 0, sd: 0 }).toEqual({ ...exact, mean: 0, sd: 0 });
          expect(g.stats.mean).toBeCloseTo(mean, 10);
          expect(g.stats.sd).toBeCloseTo(sd, 10);
        });
      });
    },
  );
});

describe('METRIC_LABELS', () => {
  it('names every metric with its unit, for table headers and tooltips', () => {
    expect(Object.keys(METRIC_LABELS).sort()).toEqual(['billed', 'duration', 'init', 'maxmemory', 'total']);
    for (const label of Object.values(METRIC_LABELS)) expect(label).toMatch(/^[A-Z].* \((ms|MB)\)/);
    expect(METRIC_LABELS.maxmemory).toContain('(MB)');
  });
});
