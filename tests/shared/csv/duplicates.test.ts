import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../shared/csv/duplicates';
import { emptySample, type Sample } from '../../../shared/sample';
import { columnsFromSamples } from '../../../shared/sample-columns-builder';
import { seededRandom } from '../../random';

/** The obvious implementation, to compare with. */
function naiveDuplicates(samples: Sample[]): number[][] {
  const groups = new Map<string, number[]>();
  samples.forEach((s, i) => {
    const key = s.requestId !== null ? `id:${s.requestId}` : JSON.stringify({ ...s, requestId: null });
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

describe('findDuplicates', () => {
  it('finds the same groups as a string-key comparison on many similar rows', () => {
    const next = seededRandom(3);
    const samples: Sample[] = [];
    for (let i = 0; i < 20000; i++) {
      // Few distinct values, so that duplicates and near-duplicates are common.
      samples.push({
        ...emptySample(`fn-${Math.floor(next() * 3)}`),
        memoryMB: next() < 0.5 ? 128 : 1024,
        initMs: next() < 0.2 ? null : Math.floor(next() * 40) / 4,
        durationMs: Math.floor(next() * 8) / 2,
        billedMs: Math.floor(next() * 3),
        arch: next() < 0.5 ? 'arm64' : null,
        requestId: next() < 0.3 ? `r-${Math.floor(next() * 2000)}` : null,
        // Rarely set, so that rows differing only in these are common among the near-duplicates.
        run: next() < 0.1 ? `run-${Math.floor(next() * 2)}` : null,
        restoreMs: next() < 0.1 ? Math.floor(next() * 2) + 0.5 : null,
      });
    }
    const expected = naiveDuplicates(samples);
    expect(expected.length).toBeGreaterThan(1000);
    expect(findDuplicates(columnsFromSamples(samples))).toEqual(expected);
  });

  it('finds the same groups with many names and runtimes (more than the hash cache holds)', () => {
    const next = seededRandom(11);
    const samples: Sample[] = Array.from({ length: 20000 }, () => ({
      ...emptySample(`fn-${Math.floor(next() * 20)}`),
      runtime: next() < 0.9 ? `rt-${Math.floor(next() * 12)}` : null,
      status: next() < 0.5 ? 'success' : 'error',
      durationMs: Math.floor(next() * 4),
      timestamp: next() < 0.5 ? null : `t${Math.floor(next() * 3)}`,
    }));
    const expected = naiveDuplicates(samples);
    expect(expected.length).toBeGreaterThan(500);
    expect(findDuplicates(columnsFromSamples(samples))).toEqual(expected);
  });

  it.each([
    ['run', { run: 'run-1' }, { run: 'run-2' }],
    ['run (one null)', { run: 'run-1' }, { run: null }],
    ['restoreMs', { restoreMs: 312.5 }, { restoreMs: 312.25 }],
    ['restoreMs (one null)', { restoreMs: 312.5 }, { restoreMs: null }],
  ])('tells apart rows that differ only in %s', (_what, a: Partial<Sample>, b: Partial<Sample>) => {
    const row: Sample = { ...emptySample('f'), memoryMB: 128, initMs: 100, durationMs: 1, billedMs: 2 };
    const other: Sample = { ...emptySample('g'), durationMs: 3 };
    expect(findDuplicates(columnsFromSamples([{ ...row, ...a }, other, { ...row, ...b }]))).toEqual([]);
    expect(findDuplicates(columnsFromSamples([{ ...row, ...a }, other, { ...row, ...a }]))).toEqual([[0, 2]]);
  });

  it('takes the columns it is told hold one value on every row as such (it neither hashes nor compares them)', () => {
    const rows = columnsFromSamples([
      { ...emptySample('a'), durationMs: 1, arch: 'arm64' },
      { ...emptySample('a'), durationMs: 2, arch: 'x86_64' },
    ]);
    expect(findDuplicates(rows)).toEqual([]);
    expect(findDuplicates(rows, new Set(['durationMs']))).toEqual([]);
    expect(findDuplicates(rows, new Set(['durationMs', 'arch']))).toEqual([[0, 1]]);
  });

  it('finds nothing in distinct rows', () => {
    expect(
      findDuplicates(
        columnsFromSamples([emptySample('a'), emptySample('b'), { ...emptySample('a'), durationMs: 1 }]),
      ),
    ).toEqual([]);
  });
});
