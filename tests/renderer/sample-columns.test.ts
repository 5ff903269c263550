import { describe, expect, it } from 'vitest';
import { emptySample, type Sample } from '../../shared/sample';
import { samplesFromColumns, type SampleColumns } from '../../shared/sample-columns';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { importCsvColumns } from '../../shared/csv/import-csv';
import { portableColumns, transferables } from '../../renderer/src/workers/sample-columns';

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
  const portable = portableColumns(columns);
  return structuredClone(portable, { transfer: transferables(portable) });
}

describe('samples as columns, worker → window', () => {
  it('round-trips every field, nulls included', () => {
    const samples = [full, emptySample('fn-b'), { ...full, requestId: null, arch: 'x86_64' as const }];
    const columns = columnsFromSamples(samples);
    const portable = portableColumns(columns);
    // 6 number columns, 6 code columns, the ends of the 2 packed text columns.
    expect(transferables(portable)).toHaveLength(14);
    const back = structuredClone(portable, { transfer: transferables(portable) });
    expect(samplesFromColumns(back)).toEqual(samples);
    expect(back.name.values).toEqual(['fn-a', 'fn-b']);
    // Transferred, not copied: the worker's arrays are gone.
    expect(columns.durationMs.length).toBe(0);
    expect(columns.name.codes.length).toBe(0);
  });

  it('keeps a packed text column nobody has as null', () => {
    const none = columnsFromSamples([emptySample('a'), emptySample('b')]);
    expect(none.requestId).toBeNull();
    const portable = portableColumns(none);
    expect(transferables(portable)).toHaveLength(12);
    expect(overTheWire(none).requestId).toBeNull();
  });

  it('keeps any character of a packed text (they are cut by position, not by a separator)', () => {
    const texts = ['a\nb', '\u0000', null, 'é😀', '\n', null, 'plain'];
    const samples = texts.map((t) => ({ ...emptySample('f'), requestId: t, timestamp: t }));
    expect(samplesFromColumns(overTheWire(columnsFromSamples(samples)))).toEqual(samples);
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
    expect(samplesFromColumns(overTheWire(shared))).toEqual([full, full]);
  });

  it('moves an imported file whose lacking columns share one array of NaNs', () => {
    const imported = importCsvColumns('Name;Memory;Init;Cold;Billed\nf;128;100;1;2\ng;256;;3;4\n', 'a.csv');
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.columns.maxMemoryUsedMB).toBe(imported.columns.restoreMs);
    const samples = samplesFromColumns(imported.columns);
    expect(samples.map((s) => [s.maxMemoryUsedMB, s.restoreMs])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(samplesFromColumns(overTheWire(imported.columns))).toEqual(samples);
  });

  it('handles no samples at all', () => {
    expect(samplesFromColumns(overTheWire(columnsFromSamples([])))).toEqual([]);
  });
});
