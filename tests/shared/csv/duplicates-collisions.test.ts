import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../shared/csv/duplicates';
import { emptySample, type Sample } from '../../../shared/sample';
import { columnsFromSamples } from '../../../shared/sample-columns-builder';

const row = (over: Partial<Sample>): Sample => ({ ...emptySample('f'), billedMs: 1, ...over });

describe('findDuplicates: rows whose hashes collide', () => {
  // Rows that differ only in a Duration of 817 or 19105.1 ms get one 32-bit hash (found by a search over
  // k / 10 ms): the rows sharing a hash must still be compared, and sorted into the invocations they are.
  const a = row({ durationMs: 817 });
  const b = row({ durationMs: 19105.1 });

  it('does not call two different rows with one hash duplicates', () => {
    expect(findDuplicates(columnsFromSamples([a, b]))).toEqual([]);
    expect(findDuplicates(columnsFromSamples([b, a]))).toEqual([]);
  });

  it('compares them by their values when neither has a RequestId, in a file where other rows have one', () => {
    expect(findDuplicates(columnsFromSamples([a, b, row({ requestId: 'r-1', durationMs: 3 })]))).toEqual([]);
    expect(findDuplicates(columnsFromSamples([a, b, a, row({ requestId: 'r-1' })]))).toEqual([[0, 2]]);
  });

  it('does not call a row with a RequestId a duplicate of one without, even when their hashes collide', () => {
    // A row with a RequestId is hashed by it, one without by its values: RequestId req-6460 and timestamp
    // 2026-01-01T00:00:175015Z (every other value the same) give one 32-bit hash (found by a search over both).
    const timestamp = '2026-01-01T00:00:175015Z';
    const withoutId = row({ timestamp });
    const withId = row({ timestamp, requestId: 'req-6460' });
    expect(findDuplicates(columnsFromSamples([withoutId, withId]))).toEqual([]);
    expect(findDuplicates(columnsFromSamples([withId, withoutId, withoutId]))).toEqual([[1, 2]]);
  });

  it('sorts rows with one hash into their invocations, each group in file order', () => {
    expect(findDuplicates(columnsFromSamples([a, b, a]))).toEqual([[0, 2]]);
    expect(findDuplicates(columnsFromSamples([b, a, b, a, a]))).toEqual([
      [0, 2],
      [1, 3, 4],
    ]);
    expect(findDuplicates(columnsFromSamples([a, b, row({ durationMs: 5 }), b, a, b]))).toEqual([
      [0, 4],
      [1, 3, 5],
    ]);
  });
});

describe('findDuplicates: what one invocation is', () => {
  it('calls rows with one RequestId one invocation whatever else they say, and never one row without it', () => {
    const samples = [
      row({ requestId: 'r-1', durationMs: 1 }),
      row({ requestId: null, durationMs: 1 }),
      row({ requestId: 'r-1', durationMs: 2, name: 'g' }),
      row({ requestId: 'r-2', durationMs: 1 }),
      row({ requestId: null, durationMs: 1 }),
    ];
    expect(findDuplicates(columnsFromSamples(samples))).toEqual([
      [0, 2],
      [1, 4],
    ]);
  });

  it('compares unknown values as equal to each other and to nothing else', () => {
    const samples = [
      row({ initMs: null, durationMs: 3 }),
      row({ initMs: 0, durationMs: 3 }),
      row({ initMs: null, durationMs: 3 }),
      row({ initMs: 0, durationMs: 3 }),
      row({ initMs: 1, durationMs: 3 }),
    ];
    expect(findDuplicates(columnsFromSamples(samples))).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it.each([
    ['name', { name: 'g' }],
    ['memory', { memoryMB: 256 }],
    ['init', { initMs: 5 }],
    ['billed', { billedMs: 2 }],
    ['max memory', { maxMemoryUsedMB: 70 }],
    ['arch', { arch: 'arm64' as const }],
    ['runtime', { runtime: 'nodejs20.x' }],
    ['status', { status: 'error' }],
    ['error type', { errorType: 'Boom' }],
    ['timestamp', { timestamp: '2026-01-01T00:00:00Z' }],
  ])('tells apart rows that differ only in their %s', (_what, over: Partial<Sample>) => {
    const plain = row({ durationMs: 1 });
    const other = row({ durationMs: 2 });
    expect(findDuplicates(columnsFromSamples([plain, other, { ...plain, ...over }]))).toEqual([]);
    expect(findDuplicates(columnsFromSamples([{ ...plain, ...over }, other, { ...plain, ...over }]))).toEqual(
      [[0, 2]],
    );
  });

  it('finds a row repeated thousands of times as one group, among rows that are all different', () => {
    const samples: Sample[] = [];
    for (let k = 0; k < 5000; k++)
      samples.push(k % 5 === 0 ? row({ durationMs: 0.5 }) : row({ durationMs: k }));
    const groups = findDuplicates(columnsFromSamples(samples));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toEqual(Array.from({ length: 1000 }, (_, k) => k * 5));
  });

  it('finds nothing in a single row or none', () => {
    expect(findDuplicates(columnsFromSamples([row({})]))).toEqual([]);
    expect(findDuplicates(columnsFromSamples([]))).toEqual([]);
  });
});
