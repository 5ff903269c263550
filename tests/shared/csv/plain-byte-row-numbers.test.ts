import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as decimal from '../../../shared/csv/decimal';
import { mapHeader } from '../../../shared/csv/header-mapping';
import { emptyImportReport } from '../../../shared/csv/import-report';
import { PlainByteRowReader } from '../../../shared/csv/plain-byte-rows';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { SampleColumnsBuilder } from '../../../shared/sample-columns-builder';

// The byte path reads plain numbers (digits and one decimal separator, up to 15 digits) from the bytes, with
// no string; every other number cell is decoded and read by parseNonNegativeAt. Counting those calls tells
// which cells took which way (the value is the same either way: import-bytes.test.ts checks it).
vi.mock('../../../shared/csv/decimal', async (importOriginal) => {
  const actual = await importOriginal<typeof decimal>();
  return { ...actual, parseNonNegativeAt: vi.fn(actual.parseNonNegativeAt) };
});
const general = vi.mocked(decimal.parseNonNegativeAt);

const HEADER = 'Init;Name;Cold;Billed;MaxMemory';

/** The line read alone, and the cells parseNonNegativeAt was asked for; null when it was left to RowReader. */
function read(
  line: string,
  decimalComma = true,
): { initMs: number | null; durationMs: number; billedMs: number; general: string[] } | null {
  const mapping = mapHeader(HEADER.split(';'), emptyImportReport('a.csv'), 1);
  if (typeof mapping === 'string') throw new Error(mapping);
  const reader = new PlainByteRowReader(';', mapping.index, 5, decimalComma, null, NaN);
  const out = new SampleColumnsBuilder(1);
  const bytes = new TextEncoder().encode(line);
  general.mockClear();
  reader.newBytes(bytes);
  if (reader.read(bytes, 0, bytes.length, out) !== bytes.length) return null;
  const [sample] = samplesFromColumns(out.finish());
  if (sample === undefined) throw new Error('no sample');
  return {
    initMs: sample.initMs,
    durationMs: sample.durationMs,
    billedMs: sample.billedMs,
    general: general.mock.calls.map(([text, from, to]) => text.slice(from, to)),
  };
}

describe('PlainByteRowReader: numbers', () => {
  beforeEach(() => general.mockClear());

  it('reads digits with at most one separator from the bytes, up to 15 digits, at the end of a line too', () => {
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
    expect(read('1,5;f;2,25;3;4')).toEqual({ initMs: 1.5, durationMs: 2.25, billedMs: 3, general: [] });
    expect(read('.5;f;1;2;3')).toMatchObject({ initMs: 0.5, general: [] });
    expect(read('99999;f;9;9;0')).toMatchObject({ initMs: 99999, durationMs: 9, general: [] });
  });

  it('reads an empty number cell as unknown without parseNonNegativeAt', () => {
    expect(read(';f;1;2;')).toEqual({ initMs: null, durationMs: 1, billedMs: 2, general: [] });
  });

  it('leaves longer numbers, signs, exponents, spaces and a comma of a file without decimal commas to it', () => {
    const r = read('1234567890123456;f;1e3;+1.5; 7 ');
    expect(r?.general).toEqual(['1234567890123456', '1e3', '+1.5', ' 7 ']);
    expect(r).toMatchObject({ initMs: 1234567890123456, durationMs: 1000, billedMs: 1.5 });
    expect(read('12345678901234567891;f;1;2;3')?.initMs).toBe(Number('12345678901234567891'));
    // Without decimal commas a comma is no separator: parseNonNegativeAt refuses the cell.
    expect(read('1,5;f;1;2;3', false)).toBeNull();
    expect(general.mock.calls.map(([text, from, to]) => text.slice(from, to))).toEqual(['1,5']);
    // Nor is any other byte.
    expect(read('1\u00012;f;1;2;3', false)).toBeNull();
    expect(read('1\u00012;f;1;2;3', true)).toBeNull();
  });

  it('leaves a second separator and a word after digits to parseNonNegativeAt, which refuses them', () => {
    // A cell at the very start of the bytes too: its separator is at offset 0.
    for (const cell of ['1.2.3', '1.2,3', '1,2.3', '12a', '1.5x', '.5.3', '.5,3']) {
      expect(read(`${cell};f;1;2;3`)).toBeNull();
      expect(general.mock.calls.map(([text, from, to]) => text.slice(from, to))).toEqual([cell]);
    }
  });
});
