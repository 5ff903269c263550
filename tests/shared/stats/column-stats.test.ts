import { describe, expect, it } from 'vitest';
import { emptySample, MetricSchema, type GroupKey, type Sample } from '../../../shared/sample';
import { columnsFromSamples } from '../../../shared/sample-columns-builder';
import { groupStatsOfColumns } from '../../../shared/stats/column-stats';
import { groupStats } from '../../../shared/stats/group-stats';
import { groupRows } from '../../../shared/stats/row-groups';
import { seededRandom } from '../../random';

const KEYS: GroupKey[] = ['name', 'runtime', 'arch', 'memory'];

/** Every ordered choice of keys: [], [name], [name, runtime], [runtime, name], ... */
function keyChoices(keys: GroupKey[]): GroupKey[][] {
  const out: GroupKey[][] = [[]];
  for (const key of keys)
    for (const rest of keyChoices(keys.filter((k) => k !== key))) out.push([key, ...rest]);
  return out;
}

function randomSamples(count: number, seed: number): Sample[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, () => ({
    ...emptySample(pick(['api', 'worker', 'cron', 'b', 'a'])),
    runtime: pick(['nodejs20.x', 'python3.12', null]),
    arch: pick(['x86_64', 'arm64', null] as const),
    memoryMB: pick([128, 1024, 512, 10240, null]),
    initMs: random() < 0.2 ? null : Math.round(random() * 100000) / 100,
    restoreMs: random() < 0.9 ? null : Math.round(random() * 3000) / 100,
    durationMs: Math.round(random() * 5000) / 100,
    billedMs: Math.ceil(random() * 50),
    maxMemoryUsedMB: random() < 0.1 ? null : 60 + Math.floor(random() * 100),
  }));
}

describe('groupStatsOfColumns', () => {
  const samples = randomSamples(800, 11);

  it('equals groupStats of the same samples as objects, for every grouping and metric', () => {
    const columns = columnsFromSamples(samples);
    for (const by of keyChoices(KEYS)) {
      for (const metric of MetricSchema.options) {
        expect(groupStatsOfColumns([columns], by, metric), `${by.join(',')} ${metric}`).toEqual(
          groupStats(samples, by, metric),
        );
      }
    }
  });

  it('counts several sets of columns as one', () => {
    const parts = [samples.slice(0, 300), samples.slice(300, 301), [], samples.slice(301)];
    const sets = parts.map(columnsFromSamples);
    for (const by of [['name'], ['memory', 'arch'], ['runtime', 'name', 'memory']] as GroupKey[][]) {
      expect(groupStatsOfColumns(sets, by, 'total')).toEqual(groupStats(samples, by, 'total'));
    }
  });

  it('uses each key once, in the order given', () => {
    const columns = columnsFromSamples(samples);
    const result = groupStatsOfColumns([columns], ['memory', 'name', 'memory'], 'init');
    expect(Object.keys(result[0]?.group ?? {})).toEqual(['memory', 'name']);
    expect(result).toEqual(groupStats(samples, ['memory', 'name'], 'init'));
  });

  it('gives nothing for no samples or no values of the metric', () => {
    expect(groupStatsOfColumns([], ['name'], 'init')).toEqual([]);
    expect(groupStatsOfColumns([columnsFromSamples([])], [], 'init')).toEqual([]);
    const warm = columnsFromSamples([emptySample('f')]);
    expect(groupStatsOfColumns([warm], ['name'], 'init')).toEqual([]);
    expect(groupStatsOfColumns([warm], ['name'], 'duration')).toHaveLength(1);
  });
});

describe('groupRows', () => {
  it('partitions the rows in order of first appearance, rows ascending', () => {
    const columns = columnsFromSamples(
      [
        ['a', 128],
        ['b', 128],
        ['a', null],
        ['a', 128],
        ['b', 128],
      ].map(([name, memoryMB]) => ({ ...emptySample(name as string), memoryMB: memoryMB as number | null })),
    );
    expect(groupRows(columns, ['name', 'memory']).map((g) => [g.values, [...g.rows]])).toEqual([
      [
        ['a', 128],
        [0, 3],
      ],
      [
        ['b', 128],
        [1, 4],
      ],
      [['a', null], [2]],
    ]);
    expect(groupRows(columns, []).map((g) => [g.values, [...g.rows]])).toEqual([[[], [0, 1, 2, 3, 4]]]);
  });

  it('finds the groups of any one to four keys, in order of first appearance', () => {
    const random = seededRandom(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const samples = Array.from({ length: 3000 }, () => ({
      ...emptySample(pick(['api', 'web', 'worker', 'cron'])),
      arch: pick(['arm64', 'x86_64', null] as const),
      runtime: pick(['nodejs22.x', 'python3.13', null]),
      memoryMB: pick([128, 512, 1024, null]),
    }));
    const columns = columnsFromSamples(samples);
    const valueOf = { name: 'name', arch: 'arch', runtime: 'runtime', memory: 'memoryMB' } as const;
    const keySets: GroupKey[][] = [
      ['memory'],
      ['arch', 'name'],
      ['name', 'arch', 'memory'],
      ['memory', 'runtime', 'arch', 'name'],
    ];
    for (const keys of keySets) {
      const expected = new Map<string, number[]>();
      samples.forEach((s, i) => {
        const key = JSON.stringify(keys.map((k) => s[valueOf[k]] ?? null));
        expected.set(key, [...(expected.get(key) ?? []), i]);
      });
      const groups = groupRows(columns, keys);
      expect(groups.map((g) => [JSON.stringify(g.values), [...g.rows]])).toEqual([...expected]);
    }
  });

  it('keeps every combination apart when there are too many to number in a table', () => {
    // 3,000 names × 3,000 runtimes: more pairs than the dense table takes.
    const count = 3000;
    const samples = Array.from({ length: 2 * count }, (_, i) => ({
      ...emptySample(`f${i % count}`),
      runtime: `r${(i * 7) % count}`,
      memoryMB: 128 + (i % 40),
    }));
    const groups = groupRows(columnsFromSamples(samples), ['name', 'runtime', 'memory']);
    const expected = new Map<string, number[]>();
    samples.forEach((s, i) => {
      const key = JSON.stringify([s.name, s.runtime, s.memoryMB]);
      expected.set(key, [...(expected.get(key) ?? []), i]);
    });
    expect(groups.map((g) => [JSON.stringify(g.values), [...g.rows]])).toEqual([...expected]);
  });
});
