import { describe, expect, it } from 'vitest';
import { emptySample, type Sample } from '../../shared/sample';
import { packedTextOf, samePackedText, sampleAt, samplesFromColumns } from '../../shared/sample-columns';
import {
  appendSamples,
  columnsFromSamples,
  pickRows,
  SampleColumnsBuilder,
} from '../../shared/sample-columns-builder';

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

  it('leaves out number columns no sample has a value in: NaN throughout, through growing and appending', () => {
    const noMemory = { ...full, maxMemoryUsedMB: null, restoreMs: null };
    const build = (from: number, to: number): SampleColumnsBuilder => {
      const builder = new SampleColumnsBuilder(4);
      builder.leaveOut(['maxMemoryUsedMB', 'restoreMs']);
      for (let i = from; i < to; i++) builder.addSample({ ...noMemory, durationMs: i });
      return builder;
    };
    // The left-out columns take no room: what is written to them goes nowhere.
    const first = build(0, 3000);
    expect(first.numberColumns().map((c) => c.length)).toEqual([4096, 4096, 4096, 4096, 0, 0]);
    // Another part of the same file, its left-out columns NaN as well, appended.
    first.appendColumns(build(3000, 3500).finish());
    const columns = first.finish();
    expect(columns.length).toBe(3500);
    expect(columns.maxMemoryUsedMB.length).toBe(3500);
    expect(columns.restoreMs.every(Number.isNaN)).toBe(true);
    expect(columns.maxMemoryUsedMB.every(Number.isNaN)).toBe(true);
    expect(samplesFromColumns(columns)).toEqual(
      Array.from({ length: 3500 }, (_, i) => ({ ...noMemory, durationMs: i })),
    );
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

  it('starts from no room at all (an empty pick or append) and still grows', () => {
    const builder = new SampleColumnsBuilder(0);
    const samples = Array.from({ length: 40 }, (_, i) => ({ ...full, durationMs: i, timestamp: `t${i}` }));
    for (const s of samples) builder.addSample(s);
    expect(samplesFromColumns(builder.finish())).toEqual(samples);
    expect(samplesFromColumns(pickRows(columnsFromSamples(samples), []))).toEqual([]);
  });

  it('grows while no sample has had a request id or timestamp yet (their columns do not exist)', () => {
    // The smallest room is 16 samples: 20 make it grow.
    const builder = new SampleColumnsBuilder(1);
    const samples = Array.from({ length: 20 }, (_, i) => ({ ...emptySample('f'), durationMs: i }));
    for (const s of samples) builder.addSample(s);
    const last = { ...full, requestId: 'late', timestamp: 'later' };
    builder.addSample(last);
    const columns = builder.finish();
    expect(samplesFromColumns(columns)).toEqual([...samples, last]);
    expect(packedTextOf(columns.requestId, 0)).toBeNull();
  });

  it('keeps no unused room: a few samples in a large builder are copied out of it', () => {
    const builder = new SampleColumnsBuilder(1000);
    for (let i = 0; i < 10; i++) builder.addSample({ ...full, requestId: `r${i}` });
    const columns = builder.finish();
    expect(columns.memoryMB.length).toBe(10);
    expect(columns.memoryMB.buffer.byteLength).toBe(10 * 8);
    expect(columns.name.codes.buffer.byteLength).toBe(10 * 4);
    expect(columns.requestId?.ends.buffer.byteLength).toBe(10 * 4);
  });

  it("keeps an estimate's extra room when at least half of it is used (untouched room costs no memory)", () => {
    const fill = (n: number) => {
      const builder = new SampleColumnsBuilder(1000);
      for (let i = 0; i < n; i++) builder.addSample({ ...full, durationMs: i });
      return builder.finish();
    };
    const most = fill(500);
    expect(most.durationMs.length).toBe(500);
    expect(most.durationMs.buffer.byteLength).toBe(1000 * 8);
    expect(most.durationMs[499]).toBe(499);
    expect(fill(499).durationMs.buffer.byteLength).toBe(499 * 8);
  });

  it('keeps no request id or timestamp column when no sample has one (an empty text is none)', () => {
    const builder = new SampleColumnsBuilder(4);
    builder.addSample({ ...full, requestId: '', timestamp: null });
    builder.addTextsWithBytes('f', null, null, null, null, null, Uint8Array.of(65, 66), 1, 1, 2, 2);
    const columns = builder.finish();
    expect(columns.requestId).toBeNull();
    expect(columns.timestamp).toBeNull();
    expect(samplesFromColumns(columns).map((s) => s.requestId)).toEqual([null, null]);
  });

  it('takes request ids and timestamps as bytes, among others given as text', () => {
    const builder = new SampleColumnsBuilder(4);
    builder.addSample({ ...full, requestId: 'r-1', timestamp: null });
    const bytes = Uint8Array.from('r-2;2026-01-01', (c) => c.charCodeAt(0));
    const i = builder.addTextsWithBytes('g', 'arm64', null, null, null, null, bytes, 0, 3, 4, 14);
    builder.numberColumns()[2]![i] = 5;
    const samples = samplesFromColumns(builder.finish());
    expect(samples.map((s) => [s.name, s.arch, s.requestId, s.timestamp])).toEqual([
      [full.name, full.arch, 'r-1', null],
      ['g', 'arm64', 'r-2', '2026-01-01'],
    ]);
  });

  it('codes a text seen before, after other texts, with its first code', () => {
    const columns = columnsFromSamples(
      ['a', 'b', 'b', 'a', 'c', 'a'].map((name) => ({ ...full, name, run: name === 'c' ? null : 'run-1' })),
    );
    expect([...columns.name.codes]).toEqual([1, 2, 2, 1, 3, 1]);
    expect(columns.name.values).toEqual(['a', 'b', 'c']);
    expect([...columns.run.codes]).toEqual([1, 1, 1, 1, 0, 1]);
  });

  it('compares packed texts of equal length character by character, the first row included', () => {
    const columns = columnsFromSamples(['ab', 'ac', 'ab', 'ba'].map((requestId) => ({ ...full, requestId })));
    expect(samePackedText(columns.requestId, 0, 2)).toBe(true);
    expect(samePackedText(columns.requestId, 2, 0)).toBe(true);
    expect(samePackedText(columns.requestId, 0, 1)).toBe(false);
    expect(samePackedText(columns.requestId, 0, 3)).toBe(false);
    expect(samePackedText(columns.requestId, 1, 3)).toBe(false);
    expect(samePackedText(null, 0, 3)).toBe(true);
    expect(packedTextOf(null, 0)).toBeNull();
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
