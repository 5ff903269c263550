// A file read in two parts (the CLI reads the second on another thread) must give exactly what one reader
// gives: the same samples in file order, the same skipped rows with their file lines, the same duplicates and
// warnings (with file lines), the same errors.
import { describe, expect, it } from 'vitest';
import {
  CsvBytesImport,
  importCsvBytes,
  importCsvBytesPart,
  NEEDS_TEXT,
} from '../../../shared/csv/import-bytes';
import type { CsvColumnsImportResult } from '../../../shared/csv/import-csv';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { seededRandom } from '../../random';
import { HEADERS, randomText } from './random-csv';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** bytes[from, to) in pieces of `size`, each piece in one reused buffer (as a file read gives them). */
function* pieces(bytes: Uint8Array, from: number, to: number, size: number): Generator<Uint8Array> {
  const buffer = new Uint8Array(size);
  for (let at = from; at < to; at += size) {
    const piece = bytes.subarray(at, Math.min(to, at + size));
    buffer.set(piece);
    yield buffer.subarray(0, piece.length);
    buffer.fill(0x3b);
  }
}

/** The file read as the CLI reads a big one: [0, split) here, [split, end) as a part from the first chunk. */
function inTwoParts(bytes: Uint8Array, split: number, size: number): CsvColumnsImportResult | null {
  const reader = new CsvBytesImport('speed-arm-512.csv', bytes.length, null);
  for (const chunk of pieces(bytes, 0, split, size)) if (!reader.read(chunk)) break;
  const head = bytes.slice(0, Math.min(bytes.length, size));
  reader.addPart(importCsvBytesPart(head, pieces(bytes, split, bytes.length, size), 'speed-arm-512.csv', 0));
  return reader.finish();
}

function expectSame(parts: CsvColumnsImportResult | null, whole: CsvColumnsImportResult | null): void {
  if (whole === NEEDS_TEXT || parts === NEEDS_TEXT) {
    expect(parts).toBe(whole);
    return;
  }
  expect(parts.report).toEqual(whole.report);
  expect(parts.ok).toBe(whole.ok);
  if (parts.ok && whole.ok)
    expect(samplesFromColumns(parts.columns)).toEqual(samplesFromColumns(whole.columns));
  else if (!parts.ok && !whole.ok) expect(parts.error).toBe(whole.error);
}

/** Offsets just after a line break, past the first `after` bytes. */
function lineStarts(bytes: Uint8Array, after: number): number[] {
  const starts: number[] = [];
  for (let i = after; i < bytes.length; i++) if (bytes[i - 1] === 10) starts.push(i);
  return starts;
}

describe('importCsvBytesPart and CsvBytesImport.addPart (a file read in two parts)', () => {
  it.each(HEADERS.map((header, i) => [header, i]))('reads as one reader does: %s', (header, i) => {
    const random = seededRandom(91 + (i as number));
    for (let seed = 1; seed <= 4; seed++) {
      const bytes = encode(randomText(header, 2500, 5100 * (i as number) + seed));
      const size = 16384;
      const whole = importCsvBytes(pieces(bytes, 0, bytes.length, size), 'speed-arm-512.csv', bytes.length);
      expect(whole).not.toBe(NEEDS_TEXT);
      // Splits after the first chunk (the part reads its header from it), anywhere a line starts.
      const starts = lineStarts(bytes, size);
      for (let k = 0; k < 6; k++) {
        const split = starts[Math.floor(random() * starts.length)] as number;
        expectSame(inTwoParts(bytes, split, size), whole);
      }
      // The part may hold only the last line, or nothing but the file's final line break.
      expectSame(inTwoParts(bytes, starts[starts.length - 1] as number, size), whole);
    }
  });

  it('counts the part lines from where it starts: skipped rows and duplicates name file lines', () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `fn-${i % 7};128;${100 + (i % 13)};${i};${i + 1}`);
    rows[3500] = 'fn-1;128;abc;1;2';
    rows[3600] = rows[3599] as string;
    const bytes = encode(`Name;Memory;Init;Cold;Billed\n${rows.join('\n')}\n`);
    const split = lineStarts(bytes, bytes.length >> 1)[0] as number;
    const result = inTwoParts(bytes, split, 16384);
    if (result === NEEDS_TEXT || !result.ok) throw new Error('expected an import');
    // Line 1 is the header: row k is on line k + 2.
    expect(result.report.skipped).toEqual([{ line: 3502, column: 'Init', reason: "'abc' is not a number" }]);
    expect(result.report.warnings).toContain(
      '1 duplicated row (same values or same RequestId), e.g. line 3602 repeats line 3601',
    );
    expect(result.columns.length).toBe(3999);
    expect(samplesFromColumns(result.columns).map((s) => s.durationMs)).toEqual(
      rows.flatMap((_, k) => (k === 3500 ? [] : [k === 3600 ? 3599 : k])),
    );
  });

  it('counts the data rows of both parts (as many in each)', () => {
    const header = 'Name;Memory;Init;Cold;Billed\n';
    const bytes = encode(`${header}${'fn;128;1;2;3\n'.repeat(4000)}`);
    // After the header and 2,000 rows of 13 bytes: the part holds the other 2,000.
    const result = inTwoParts(bytes, header.length + 2000 * 13, 16384);
    if (result === NEEDS_TEXT || !result.ok) throw new Error('expected an import');
    expect(result.columns.length).toBe(4000);
    expect(result.report.imported).toBe(4000);
  });

  it('sends the whole file to the text path when the part has a quote, or its reader failed', () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `fn;128;${i};${i};${i}`);
    rows[5900] = '"fn";128;1;1;1';
    const bytes = encode(`Name;Memory;Init;Cold;Billed\n${rows.join('\n')}\n`);
    const split = lineStarts(bytes, 16384)[0] as number;
    expect(inTwoParts(bytes, split, 16384)).toBe(NEEDS_TEXT);
    const reader = new CsvBytesImport('a.csv', bytes.length, null);
    reader.read(bytes.slice(0, split));
    reader.addPart(NEEDS_TEXT);
    expect(reader.finish()).toBe(NEEDS_TEXT);
  });

  it('reads the header of a part after blank lines, as one reader does', () => {
    const bytes = encode(`\n\n  \nName;Memory;Init;Cold;Billed\n${'fn;128;1;2;3\n'.repeat(3000)}`);
    const size = 16384;
    const split = lineStarts(bytes, size)[0] as number;
    const whole = importCsvBytes(pieces(bytes, 0, bytes.length, size), 'speed-arm-512.csv', bytes.length);
    const parts = inTwoParts(bytes, split, size);
    expect(parts !== NEEDS_TEXT && parts.ok && parts.columns.length).toBe(3000);
    expectSame(parts, whole);
  });

  it('sends the file to the text path when a part is added after a line cut in two, or before any chunk', () => {
    const bytes = encode(`Name;Memory;Init;Cold;Billed\n${'fn;128;1;2;3\n'.repeat(3000)}`);
    const split = (lineStarts(bytes, 16384)[0] as number) + 4;
    const head = bytes.slice(0, 16384);
    const part = importCsvBytesPart(head, [bytes.slice(split)], 'a.csv', bytes.length - split);
    expect(part).not.toBe(NEEDS_TEXT);
    const reader = new CsvBytesImport('a.csv', bytes.length, null);
    expect(reader.read(bytes.slice(0, split))).toBe(true);
    reader.addPart(part);
    expect(reader.finish()).toBe(NEEDS_TEXT);
    const unread = new CsvBytesImport('a.csv', bytes.length, null);
    unread.addPart(part);
    expect(unread.finish()).toBe(NEEDS_TEXT);
  });

  it('gives no part when the first chunk holds no usable header', () => {
    const bytes = encode(`Name;Memory;Init;Cold\n${'fn;128;1;2\n'.repeat(2000)}`);
    expect(
      importCsvBytesPart(bytes.slice(0, 4096), pieces(bytes, 8192, bytes.length, 4096), 'a.csv', 0),
    ).toBe(NEEDS_TEXT);
    const noLineEnd = encode('Name;Memory;Init;Cold;Billed');
    expect(importCsvBytesPart(noLineEnd, [], 'a.csv', 0)).toBe(NEEDS_TEXT);
  });
});
