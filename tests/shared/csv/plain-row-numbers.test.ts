import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as decimal from '../../../shared/csv/decimal';
import { mapHeader } from '../../../shared/csv/header-mapping';
import { emptyImportReport } from '../../../shared/csv/import-report';
import { PlainRowReader } from '../../../shared/csv/plain-rows';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { SampleColumnsBuilder } from '../../../shared/sample-columns-builder';

// The fast path exists to read plain numbers (digits and one '.') inline, without a call per cell; every
// other cell goes to parseNonNegativeAt. Counting those calls tells which cells took which way.
vi.mock('../../../shared/csv/decimal', async (importOriginal) => {
  const actual = await importOriginal<typeof decimal>();
  return { ...actual, parseNonNegativeAt: vi.fn(actual.parseNonNegativeAt) };
});
const general = vi.mocked(decimal.parseNonNegativeAt);

const HEADER = 'Init;Name;Cold;Billed;MaxMemory';

/** The line read alone (at the start of the text), and the cells parseNonNegativeAt was asked for. */
function read(line: string): {
  initMs: number | null;
  durationMs: number;
  billedMs: number;
  general: string[];
} {
  const mapping = mapHeader(HEADER.split(';'), emptyImportReport('a.csv'), 1);
  if (typeof mapping === 'string') throw new Error(mapping);
  const reader = new PlainRowReader(line, ';', mapping.index, 5, true, null, NaN);
  const out = new SampleColumnsBuilder(1);
  general.mockClear();
  if (!reader.read(0, line.length, out)) throw new Error(`not plain: ${line}`);
  const [sample] = samplesFromColumns(out.finish());
  if (sample === undefined) throw new Error('no sample');
  return {
    initMs: sample.initMs,
    durationMs: sample.durationMs,
    billedMs: sample.billedMs,
    general: general.mock.calls.map(([text, from, to]) => text.slice(from, to)),
  };
}

describe('PlainRowReader: numbers', () => {
  beforeEach(() => general.mockClear());

  it('reads digits with at most one point inline, up to 15 digits, at the end of a line too', () => {
    expect(read('166.76;f;0;123456789012345;9.5')).toEqual({
      initMs: 166.76,
      durationMs: 0,
      billedMs: 123456789012345,
      general: [],
    });
    expect(read('12.;f;0.000001;987654321098765;1')).toEqual({
      initMs: 12,
      durationMs: 0.000001,
      billedMs: 987654321098765,
      general: [],
    });
  });

  it('reads a point at the very start of the text as a point', () => {
    expect(read('.5;f;1;2;3')).toMatchObject({ initMs: 0.5, general: [] });
  });

  it('leaves longer numbers, signs, exponents, commas and spaces to parseNonNegativeAt', () => {
    const r = read('12345678901234567891;f;1e3;1,5; 7 ');
    expect(r.general).toEqual(['12345678901234567891', '1e3', '1,5', ' 7 ']);
    // Exactly what Number() reads, not digits summed in floating point (which drift past 15 digits).
    expect(r.initMs).toBe(Number('12345678901234567891'));
    expect([r.durationMs, r.billedMs]).toEqual([1000, 1.5]);
  });

  it('leaves a second point to parseNonNegativeAt, which refuses it', () => {
    const mapping = mapHeader(HEADER.split(';'), emptyImportReport('a.csv'), 1);
    if (typeof mapping === 'string') throw new Error(mapping);
    const line = '1.2.3;f;1;2;3';
    const reader = new PlainRowReader(line, ';', mapping.index, 5, true, null, NaN);
    expect(reader.read(0, line.length, new SampleColumnsBuilder(1))).toBe(false);
    expect(general.mock.calls.map(([text, from, to]) => text.slice(from, to))).toEqual(['1.2.3']);
  });

  it('leaves an empty number cell to parseNonNegativeAt, which reads it as unknown', () => {
    expect(read(';f;1;2;')).toMatchObject({ initMs: null, general: ['', ''] });
  });
});
