import { describe, expect, it } from 'vitest';
import { emptySample, type Sample } from '../../shared/sample';
import { columnsFromSamples, samplesFromColumns, type SampleColumns } from '../../shared/sample-columns';
import {
  packColumns,
  packTexts,
  transferables,
  unpackColumns,
  unpackTexts,
} from '../../renderer/src/workers/sample-columns';

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

/** What postMessage does with a transfer list: a structured clone that moves the buffers. */
function overTheWire(columns: SampleColumns): SampleColumns {
  const packed = packColumns(columns);
  return unpackColumns(structuredClone(packed, { transfer: transferables(packed) }));
}

describe('samples as columns, worker → window', () => {
  it('round-trips every field, nulls included', () => {
    const samples = [full, emptySample('fn-b'), { ...full, requestId: null, arch: 'x86_64' as const }];
    const columns = columnsFromSamples(samples);
    const packed = packColumns(columns);
    // 6 number columns, 6 code columns, the lengths of the 2 unique-text columns.
    expect(transferables(packed)).toHaveLength(14);
    const back = unpackColumns(structuredClone(packed, { transfer: transferables(packed) }));
    expect(samplesFromColumns(back)).toEqual(samples);
    expect(back.name.values).toEqual(['fn-a', 'fn-b']);
    // Transferred, not copied: the worker's arrays are gone.
    expect(columns.durationMs.length).toBe(0);
    expect(columns.name.codes.length).toBe(0);
  });

  it('keeps a unique-text column nobody has as null, and one of nulls as nulls', () => {
    const none = columnsFromSamples([emptySample('a'), emptySample('b')]);
    expect(none.requestId).toBeNull();
    const packed = packColumns(none);
    expect(packed.requestId).toBeNull();
    expect(transferables(packed)).toHaveLength(12);
    expect(overTheWire(none).requestId).toBeNull();
    expect(
      overTheWire({
        ...columnsFromSamples([emptySample('a'), emptySample('b')]),
        requestId: [null, null],
        timestamp: [null, 'x'],
      }),
    ).toMatchObject({
      requestId: [null, null],
      timestamp: [null, 'x'],
    });
  });

  it('cuts texts back by length, so no character is taken for a boundary', () => {
    // The CSV importer trims cells and splits lines, yet run data and tests may hold anything.
    const texts = ['a\nb', '\u0000', '', null, 'é😀', '\n', null, 'plain'];
    expect(unpackTexts(structuredClone(packTexts(texts)))).toEqual(texts);
    expect(unpackTexts(packTexts([]))).toEqual([]);
    const columns = columnsFromSamples(
      texts.map((t) => ({ ...emptySample('f'), requestId: t, timestamp: t })),
    );
    const back = overTheWire(columns);
    expect(back.requestId).toEqual(texts);
    expect(back.timestamp).toEqual(texts);
  });

  it('refuses packed texts whose lengths do not add up', () => {
    expect(() => unpackTexts({ joined: 'abcdef', lengths: Int32Array.of(2, 3) })).toThrow(
      /1 characters left over/,
    );
  });

  it('names a buffer shared by several columns once (postMessage throws on a duplicate)', () => {
    const base = columnsFromSamples([full, full]);
    const one = new ArrayBuffer(6 * 2 * 8);
    const view = (k: number, from: Float64Array) => {
      const a = new Float64Array(one, k * 16, 2);
      a.set(from);
      return a;
    };
    const shared: SampleColumns = {
      ...base,
      memoryMB: view(0, base.memoryMB),
      initMs: view(1, base.initMs),
      durationMs: view(2, base.durationMs),
      billedMs: view(3, base.billedMs),
      maxMemoryUsedMB: view(4, base.maxMemoryUsedMB),
      restoreMs: view(5, base.restoreMs),
    };
    const back = overTheWire(shared);
    expect(samplesFromColumns(back)).toEqual([full, full]);
  });

  it('cuts the texts apart in the window only when they are first read', () => {
    const packed = packColumns(columnsFromSamples([full, { ...full, requestId: 'c0ffee-2' }]));
    const back = unpackColumns(structuredClone(packed));
    expect(Object.getOwnPropertyDescriptor(back, 'requestId')?.get).toBeTypeOf('function');
    const first = back.requestId;
    expect(first).toEqual(['c0ffee-1', 'c0ffee-2']);
    expect(back.requestId).toBe(first);
    expect(Object.getOwnPropertyDescriptor(back, 'requestId')?.value).toBe(first);
  });

  it('handles no samples at all', () => {
    expect(samplesFromColumns(overTheWire(columnsFromSamples([])))).toEqual([]);
  });
});
