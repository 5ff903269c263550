// What importCsvBytes does per row and for the rows: plain rows go from the bytes into the columns with no
// text decoded for them, and the columns get room for about as many rows as the file has.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as byteStrings from '../../../shared/csv/byte-strings';
import { importCsvBytes, NEEDS_TEXT } from '../../../shared/csv/import-bytes';
import type * as columnsBuilder from '../../../shared/sample-columns-builder';

const { capacities } = vi.hoisted(() => ({ capacities: [] as number[] }));

vi.mock('../../../shared/csv/byte-strings', async (importOriginal) => {
  const actual = await importOriginal<typeof byteStrings>();
  return { ...actual, decodeBytes: vi.fn(actual.decodeBytes) };
});
vi.mock('../../../shared/sample-columns-builder', async (importOriginal) => {
  const actual = await importOriginal<typeof columnsBuilder>();
  class RecordingBuilder extends actual.SampleColumnsBuilder {
    constructor(capacity?: number) {
      super(capacity);
      capacities.push(capacity ?? NaN);
    }
  }
  return { ...actual, SampleColumnsBuilder: RecordingBuilder };
});
const decoded = vi.mocked(byteStrings.decodeBytes);

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const HEADER = 'Name;Memory;Init;Cold;Billed';

beforeEach(() => {
  decoded.mockClear();
  capacities.length = 0;
});

describe('importCsvBytes: rows', () => {
  it('decodes only the start of the file and the header when every row is plain', () => {
    const bytes = encode(`${HEADER}\n${'fn;128;1;2;3\n'.repeat(500)}`);
    const result = importCsvBytes([bytes], 'a.csv', bytes.length);
    expect(result !== NEEDS_TEXT && result.ok && result.columns.length).toBe(500);
    const texts = decoded.mock.calls.map(([b, from, to]) => new TextDecoder().decode(b.subarray(from, to)));
    // The start of the file, the header and the empty last line (after the last line break).
    expect(texts.length).toBe(3);
    expect(texts.slice(1)).toEqual([HEADER, '']);
  });

  it('decodes a row that is not plain, for RowReader', () => {
    const bytes = encode(`${HEADER}\nfn;128;1;2;3\n fn ;128;1;2;3\nfn;128;1;2;3\n`);
    const result = importCsvBytes([bytes], 'a.csv', bytes.length);
    expect(result !== NEEDS_TEXT && result.ok && result.columns.length).toBe(3);
    const texts = decoded.mock.calls.map(([b, from, to]) => new TextDecoder().decode(b.subarray(from, to)));
    expect(texts.slice(1)).toEqual([HEADER, ' fn ;128;1;2;3', '']);
  });

  it('makes room for about as many rows as the file has, from its first 1,000 lines, a little over', () => {
    // 5,000 rows of 13 bytes: 5,001 lines, the estimate 5% over and 16 more.
    const bytes = encode(`${HEADER}\n${'fn;128;1;2;3\n'.repeat(5000)}`);
    const result = importCsvBytes([bytes], 'a.csv', bytes.length);
    expect(result !== NEEDS_TEXT && result.ok && result.columns.length).toBe(5000);
    const room = capacities[0] as number;
    expect(room).toBeGreaterThanOrEqual(5001 * 1.04 + 16);
    expect(room).toBeLessThanOrEqual(5001 * 1.06 + 16);
  });
});
