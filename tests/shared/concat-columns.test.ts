import { describe, expect, it } from 'vitest';
import { ColumnsJoin, concatColumns } from '../../shared/concat-columns';
import { samplesFromColumns } from '../../shared/sample-columns';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { emptySample, type Sample } from '../../shared/sample';
import { seededRandom } from '../random';

const sample = (over: Partial<Sample>): Sample => ({
  ...emptySample('f'),
  durationMs: 1,
  billedMs: 1,
  ...over,
});

describe('concatColumns', () => {
  it('gives the samples of every part in order, each value as it was', () => {
    const next = seededRandom(7);
    const names = ['api', 'worker', 'cron'];
    const parts = [0, 1, 2].map((p) =>
      Array.from({ length: 50 + p * 10 }, (_, i) =>
        sample({
          name: names[Math.floor(next() * 3)] as string,
          memoryMB: next() < 0.2 ? null : 128 * (1 + Math.floor(next() * 4)),
          initMs: next() < 0.3 ? null : next() * 500,
          durationMs: next() * 100,
          billedMs: Math.ceil(next() * 100),
          arch: next() < 0.5 ? 'arm64' : null,
          runtime: p === 1 ? null : `nodejs${20 + p}.x`,
          run: `day-${p}`,
          // Only the middle part has request ids: the others' rows have none.
          requestId: p === 1 ? `req-${p}-${i}` : null,
          timestamp: i % 7 === 0 ? null : `2026-01-0${p + 1}T00:00:0${i % 10}Z`,
        }),
      ),
    );
    const merged = concatColumns(parts.map((s) => ({ columns: columnsFromSamples(s) })));
    expect(merged.length).toBe(180);
    expect(samplesFromColumns(merged)).toEqual(parts.flat());
    // One dictionary: each text once.
    expect([...merged.run.values].sort()).toEqual(['day-0', 'day-1', 'day-2']);
    expect(new Set(merged.name.values).size).toBe(merged.name.values.length);
  });

  it("fills a part's unknown arch and memory from its file name, never a row's own value", () => {
    const a = columnsFromSamples([
      sample({ name: 'x', arch: null, memoryMB: null }),
      sample({ name: 'y', arch: 'x86_64', memoryMB: 512 }),
    ]);
    const b = columnsFromSamples([sample({ name: 'x', arch: null, memoryMB: null })]);
    const merged = samplesFromColumns(
      concatColumns([{ columns: a, arch: 'arm64', memoryMB: 1024 }, { columns: b }]),
    );
    expect(merged.map((s) => [s.name, s.arch, s.memoryMB])).toEqual([
      ['x', 'arm64', 1024],
      ['y', 'x86_64', 512],
      ['x', null, null],
    ]);
  });

  it('has no packed column when no part has one, and an empty batch has no rows', () => {
    const merged = concatColumns([{ columns: columnsFromSamples([sample({})]) }]);
    expect(merged.requestId).toBeNull();
    expect(merged.timestamp).toBeNull();
    expect(concatColumns([]).length).toBe(0);
  });
});

describe('ColumnsJoin', () => {
  it('joins parts appended one by one as concatColumns does, growing past the rows it was told', () => {
    const next = seededRandom(11);
    // Request ids and timestamps in some parts only, the first part without: rows before a packed column's
    // first value, and between its values, are null.
    const parts = Array.from({ length: 7 }, (_, p) =>
      Array.from({ length: 1 + Math.floor(next() * 40) }, (_, i) =>
        sample({
          name: `fn-${Math.floor(next() * 5)}`,
          memoryMB: next() < 0.3 ? null : 256,
          initMs: next() * 300,
          status: p % 3 === 0 ? null : 'success',
          requestId: p % 2 === 1 ? `req-${p}-${i}` : null,
          timestamp: p >= 3 && next() < 0.8 ? `2026-02-0${p}T10:00:00Z` : null,
          run: `run-${p % 2}`,
        }),
      ),
    );
    const join = new ColumnsJoin(3);
    parts.forEach((s, p) => join.append({ columns: columnsFromSamples(s), memoryMB: p === 2 ? 1024 : null }));
    const joined = join.finish();
    const expected = parts.map((s, p) =>
      s.map((x) => (p === 2 && x.memoryMB === null ? { ...x, memoryMB: 1024 } : x)),
    );
    expect(joined.length).toBe(expected.flat().length);
    expect(samplesFromColumns(joined)).toEqual(expected.flat());
    expect(joined.run.values).toEqual(['run-0', 'run-1']);
    expect(joined.status.values).toEqual(['success']);
  });
});
