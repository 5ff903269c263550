import { describe, expect, it } from 'vitest';
import { emptySample, type Sample } from '../../shared/sample';
import {
  appendSamples,
  columnsFromSamples,
  packedTextOf,
  samePackedText,
  pickRows,
  sampleAt,
  samplesFromColumns,
} from '../../shared/sample-columns';

const full: Sample = {
  name: 'hello-node',
  memoryMB: 1024,
  initMs: 166.76,
  durationMs: 2.72,
  billedMs: 3,
  arch: 'arm64',
  runtime: 'nodejs20.x',
  maxMemoryUsedMB: 64,
  restoreMs: null,
  status: 'success',
  errorType: null,
  requestId: 'id-1',
  timestamp: '2023-07-29T18:30:11.606Z',
  run: 'run-1',
};

describe('SampleColumns', () => {
  it('gives back every field of every sample, nulls included', () => {
    const samples: Sample[] = [
      full,
      emptySample('hello-py'),
      {
        ...full,
        requestId: null,
        initMs: null,
        restoreMs: 410.5,
        errorType: 'Runtime.Exit',
        status: 'error',
      },
      { ...emptySample('hello-node'), durationMs: 0, billedMs: 1, timestamp: 'x' },
    ];
    const columns = columnsFromSamples(samples);
    expect(columns.length).toBe(4);
    expect(samplesFromColumns(columns)).toEqual(samples);
  });

  it('codes each distinct text once, 0 for null', () => {
    const columns = columnsFromSamples([full, emptySample('b'), { ...full }, emptySample('hello-node')]);
    expect([...columns.name.codes]).toEqual([1, 2, 1, 1]);
    expect(columns.name.values).toEqual(['hello-node', 'b']);
    expect([...columns.arch.codes]).toEqual([1, 0, 1, 0]);
  });

  it('leaves the unique-text columns out when no sample has one', () => {
    const columns = columnsFromSamples([emptySample('a'), emptySample('b')]);
    expect(columns.requestId).toBeNull();
    expect(columns.timestamp).toBeNull();
    expect(sampleAt(columns, 1)).toEqual(emptySample('b'));
  });

  it('grows past its first capacity and picks and appends rows', () => {
    const samples = Array.from({ length: 3000 }, (_, i) => ({ ...full, durationMs: i, requestId: `r${i}` }));
    const columns = columnsFromSamples(samples.slice(0, 2000));
    const longer = appendSamples(columns, samples.slice(2000));
    expect(samplesFromColumns(longer)).toEqual(samples);
    expect(samplesFromColumns(pickRows(longer, [2999, 0, 5]))).toEqual([
      samples[2999],
      samples[0],
      samples[5],
    ]);
  });

  it('packs unique texts into one string, an empty one read as null', () => {
    const columns = columnsFromSamples([
      { ...full, requestId: 'abc' },
      { ...full, requestId: null },
      { ...full, requestId: '' },
      { ...full, requestId: 'de' },
      { ...full, requestId: 'abc' },
    ]);
    expect(columns.requestId?.text).toBe('abcdeabc');
    expect([0, 1, 2, 3, 4].map((i) => packedTextOf(columns.requestId, i))).toEqual([
      'abc',
      null,
      null,
      'de',
      'abc',
    ]);
    expect(samePackedText(columns.requestId, 0, 4)).toBe(true);
    expect(samePackedText(columns.requestId, 0, 3)).toBe(false);
    expect(samePackedText(columns.requestId, 1, 2)).toBe(true);
    expect(samePackedText(columns.requestId, 1, 3)).toBe(false);
  });

  it('packs more values than one batch', () => {
    const samples = Array.from({ length: 10_000 }, (_, i) => ({
      ...full,
      requestId: `id-${i}`,
      timestamp: i % 3 ? null : `t${i}`,
    }));
    expect(samplesFromColumns(columnsFromSamples(samples))).toEqual(samples);
  });
});
