import { describe, expect, it } from 'vitest';
import { emptySample, type Sample } from '../../shared/sample';
import { fromColumns, toColumns, transferables } from '../../renderer/src/workers/sample-columns';

describe('samples as columns (worker → window)', () => {
  it('round-trips every field, nulls included', () => {
    const full: Sample = {
      name: 'fn-a',
      memoryMB: 1024,
      initMs: 171.25,
      durationMs: 2.5,
      billedMs: 3,
      arch: 'arm64',
      runtime: 'nodejs20.x',
      maxMemoryUsedMB: 68,
      restoreMs: 12.5,
      status: 'success',
      errorType: 'Runtime.Unknown',
      requestId: 'c0ffee-1',
      timestamp: '2026-01-01T09:00:00.000Z',
      run: 'run-1',
    };
    const samples = [full, emptySample('fn-b'), { ...full, requestId: null, arch: 'x86_64' as const }];
    const columns = toColumns(samples);
    expect(columns.tables.name).toEqual(['fn-a', 'fn-b']);
    expect(transferables(columns)).toHaveLength(12);
    expect(fromColumns(structuredClone(columns))).toEqual(samples);
  });

  it('handles an empty list', () => {
    expect(fromColumns(toColumns([]))).toEqual([]);
  });
});
