import { describe, expect, it } from 'vitest';
import { emptySample, type GroupKey, type Sample } from '../../../shared/sample';
import { columnsFromSamples } from '../../../shared/sample-columns-builder';
import { groupRows, rowGroupIds } from '../../../shared/stats/row-groups';
import { seededRandom } from '../../random';

const valueOf = { name: 'name', arch: 'arch', runtime: 'runtime', memory: 'memoryMB' } as const;

/** The groups of the samples by the keys, as [values, rows] in order of first appearance. */
function expectedGroups(samples: Sample[], keys: GroupKey[]): [string, number[]][] {
  const groups = new Map<string, number[]>();
  samples.forEach((s, i) => {
    const key = JSON.stringify(keys.map((k) => s[valueOf[k]] ?? null));
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups];
}

describe('rowGroupIds', () => {
  const random = seededRandom(5);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const samples = Array.from({ length: 500 }, () => ({
    ...emptySample(pick(['api', 'web', 'cron'])),
    arch: pick(['arm64', 'x86_64', null] as const),
    runtime: pick(['nodejs22.x', null]),
    memoryMB: pick([128, 1024, null]),
  }));
  const columns = columnsFromSamples(samples);

  it('gives every row its group and each group its size, without keys, in one pass and key by key', () => {
    // No keys, up to three (one pass over a table of their combinations) and four (key by key).
    const keySets: GroupKey[][] = [
      [],
      ['memory'],
      ['name', 'arch', 'memory'],
      ['memory', 'runtime', 'arch', 'name'],
    ];
    for (const keys of keySets) {
      const expected = expectedGroups(samples, keys);
      const groupOf = new Int32Array(samples.length);
      expected.forEach(([, rows], g) => rows.forEach((row) => (groupOf[row] = g)));
      const ids = rowGroupIds(columns, keys);
      expect(ids.groupOf, keys.join(',')).toEqual(groupOf);
      expect(ids.values.map((v) => JSON.stringify(v))).toEqual(expected.map(([key]) => key));
      expect(ids.sizes, keys.join(',')).toEqual(Int32Array.from(expected, ([, rows]) => rows.length));
    }
  });

  it('gives no groups for no rows', () => {
    for (const keys of [[], ['name'], ['memory', 'runtime', 'arch', 'name']] as GroupKey[][]) {
      expect(rowGroupIds(columnsFromSamples([]), keys)).toEqual({
        groupOf: new Int32Array(0),
        values: [],
        sizes: new Int32Array(0),
      });
    }
  });
});

describe('groupRows with more pairs than a table takes', () => {
  it('finds no group beyond the rows when the last key numbers its pairs in a Map', () => {
    // 2,000 names × 2,000 runtimes: too many combinations for one pass, and the runtimes' pairs with the
    // names' groups too many for a table.
    const count = 2000;
    const samples = Array.from({ length: 2 * count }, (_, i) => ({
      ...emptySample(`f${i % count}`),
      runtime: `r${(i * 7) % count}`,
    }));
    const groups = groupRows(columnsFromSamples(samples), ['name', 'runtime']);
    expect(groups.map((g) => [JSON.stringify(g.values), [...g.rows]])).toEqual(
      expectedGroups(samples, ['name', 'runtime']),
    );
    expect(groups.every((g) => g.rows.length > 0)).toBe(true);
  });
});
