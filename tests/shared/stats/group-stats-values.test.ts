import { describe, expect, it } from 'vitest';
import { emptySample, type Sample } from '../../../shared/sample';
import { boxStats, groupStats, quantileType7 } from '../../../shared/stats/group-stats';

const sample = (name: string, durationMs: number, initMs: number | null = null): Sample => ({
  ...emptySample(name),
  durationMs,
  billedMs: Math.ceil(durationMs),
  initMs,
});

describe('quantileType7 between equal neighbours', () => {
  it('gives the value itself where interpolating would round it (7.7 at 0.9 of three)', () => {
    // (1 - h) × 7.7 + h × 7.7 at index 2.8 is 7.699999999999999; R gives 7.7.
    expect(quantileType7([7.7, 7.7, 7.7], 0.9)).toBe(7.7);
    expect(quantileType7([1, 7.7, 7.7, 7.7, 7.7], 0.95)).toBe(7.7);
    expect(boxStats([7.7, 7.7, 7.7])).toMatchObject({ p90: 7.7, p95: 7.7, p99: 7.7, median: 7.7 });
  });
});

describe('groupStats values', () => {
  it('leaves out values that are not finite, and a group that has only such values', () => {
    const samples = [
      sample('a', 10),
      sample('a', Infinity),
      sample('b', Infinity),
      sample('a', 30),
      sample('a', Number.NaN),
    ];
    expect(groupStats(samples, ['name'], 'duration')).toEqual([
      { group: { name: 'a' }, metric: 'duration', stats: boxStats([10, 30]) },
    ]);
  });

  it("keeps each group's sorted values when asked to, and only then", () => {
    const samples = [
      sample('b', 5, 300),
      sample('a', 2),
      sample('b', 1, 100),
      sample('a', 4),
      sample('b', 3),
    ];
    const kept = groupStats(samples, ['name'], 'duration', { keepValues: true });
    expect(kept.map((g) => [g.group.name, g.sorted])).toEqual([
      ['a', new Float64Array([2, 4])],
      ['b', new Float64Array([1, 3, 5])],
    ]);
    expect(kept.map((g) => g.stats)).toEqual([boxStats([2, 4]), boxStats([1, 3, 5])]);
    // Init: only the cold starts' values.
    expect(groupStats(samples, ['name'], 'init', { keepValues: true })).toEqual([
      {
        group: { name: 'b' },
        metric: 'init',
        stats: boxStats([100, 300]),
        sorted: new Float64Array([100, 300]),
      },
    ]);
    expect(groupStats(samples, ['name'], 'duration').every((g) => !('sorted' in g))).toBe(true);
  });
});
