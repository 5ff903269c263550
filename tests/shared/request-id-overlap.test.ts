import { describe, expect, it } from 'vitest';
import { findRequestIdOverlap, rowsWithout } from '../../shared/request-id-overlap';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { emptySample, type Sample } from '../../shared/sample';

const cold = (name: string, requestId: string | null, initMs = 100): Sample => ({
  ...emptySample(name),
  initMs,
  durationMs: 5,
  billedMs: 6,
  requestId,
});
/** The RequestId column of samples with these ids (null: a row without one). */
const ids = (...requestIds: (string | null)[]) =>
  columnsFromSamples(requestIds.map((id) => cold('api', id))).requestId;

describe('findRequestIdOverlap', () => {
  it('finds the incoming rows an earlier dataset already holds, counted per dataset', () => {
    const found = findRequestIdOverlap([ids('r1', 'r2', 'r3'), ids('r9')], ids('r0', 'r2', null, 'r3', 'r9'));
    expect(found).toEqual({
      rows: [1, 3, 4],
      byDataset: [
        { index: 0, count: 2 },
        { index: 1, count: 1 },
      ],
    });
  });

  it('finds nothing without request ids (seed files) or without a common one', () => {
    expect(findRequestIdOverlap([ids(null)], ids(null))).toBeNull();
    expect(findRequestIdOverlap([ids('x')], ids('y'))).toBeNull();
    expect(findRequestIdOverlap([ids('x')], null)).toBeNull();
    expect(findRequestIdOverlap([null, null], ids('x'))).toBeNull();
    expect(findRequestIdOverlap([], ids('x'))).toBeNull();
  });

  it('skips earlier datasets without request ids and keeps their index', () => {
    expect(findRequestIdOverlap([null, ids('a', 'b')], ids('b'))).toEqual({
      rows: [0],
      byDataset: [{ index: 1, count: 1 }],
    });
  });

  it('counts an id that several earlier datasets hold for the first of them only', () => {
    expect(findRequestIdOverlap([ids('r1'), ids('r1', 'r2')], ids('r1', 'r2'))).toEqual({
      rows: [0, 1],
      byDataset: [
        { index: 0, count: 1 },
        { index: 1, count: 1 },
      ],
    });
  });

  it('lists the datasets by index whatever the order their rows come in', () => {
    expect(findRequestIdOverlap([ids('a'), ids('b'), ids('c')], ids('c', 'c2', 'a', 'b', 'c'))).toEqual({
      rows: [0, 2, 3, 4],
      byDataset: [
        { index: 0, count: 1 },
        { index: 1, count: 1 },
        { index: 2, count: 2 },
      ],
    });
  });

  it('reads each id whole, between rows without one', () => {
    // Packed "abcd": a value is cut at its own end, never run into the next one's.
    expect(findRequestIdOverlap([ids(null, 'ab', null, 'cd')], ids('cd', 'abcd', 'b', null, 'ab'))).toEqual({
      rows: [0, 4],
      byDataset: [{ index: 0, count: 2 }],
    });
  });
});

describe('rowsWithout', () => {
  it('lists the rows that stay', () => {
    expect([...rowsWithout(6, [0, 2, 5])]).toEqual([1, 3, 4]);
    expect([...rowsWithout(3, [])]).toEqual([0, 1, 2]);
    expect([...rowsWithout(3, [0, 1, 2])]).toEqual([]);
    expect([...rowsWithout(4, [3])]).toEqual([0, 1, 2]);
  });
});
