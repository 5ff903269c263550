// importCsvBytes and its chunks: progress reports, how much of a file it reads (it stops pulling chunks once it
// knows the answer: the text path's, or a bad header's) and what the first chunk must hold.
import { describe, expect, it } from 'vitest';
import { importCsvBytes, importCsvBytesPart, NEEDS_TEXT } from '../../../shared/csv/import-bytes';
import { importCsvColumns } from '../../../shared/csv/import-csv';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

const HEADER = 'Name;Memory;Init;Cold;Billed\n';
const ROW = 'fn;128;1;1;1\n';

/** bytes cut at the given offsets, each piece in one reused buffer. */
function* cutAt(bytes: Uint8Array, cuts: number[]): Generator<Uint8Array> {
  const buffer = new Uint8Array(bytes.length);
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    buffer.set(bytes.subarray(at, cut));
    yield buffer.subarray(0, cut - at);
    buffer.fill(0x3b, 0, cut - at);
    at = cut;
  }
}

/** The chunks in order, counting how many were asked for. */
function counted(chunks: Iterable<Uint8Array>): { chunks: Iterable<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  return {
    chunks: (function* () {
      for (const chunk of chunks) {
        pulled += 1;
        yield chunk;
      }
    })(),
    pulled: () => pulled,
  };
}

describe('importCsvBytes: progress', () => {
  // 150,000 rows of 13 bytes after a 29-byte header: reports after lines 65,535 and 131,071 (the line count
  // reaches a multiple of 65,536), at the file offset where the next line starts.
  const bytes = encode(HEADER + ROW.repeat(150_000));
  const expected = [(29 + 65_534 * 13) / bytes.length, (29 + 131_070 * 13) / bytes.length];

  it('reports the share of the file read, now and then, from one chunk', () => {
    const fractions: number[] = [];
    const result = importCsvBytes([bytes], 'big.csv', bytes.length, { onProgress: (f) => fractions.push(f) });
    expect(result !== NEEDS_TEXT && result.ok && result.columns.length).toBe(150_000);
    expect(fractions).toEqual(expected);
  });

  it('counts the bytes of every chunk read before, with or without a line break', () => {
    // 100 bytes in 5-byte pieces (some hold no line break), then 100,000-byte pieces: neither reported line
    // is cut between two chunks.
    const cuts = [9000];
    for (let at = 9005; at <= 9100; at += 5) cuts.push(at);
    for (let at = 109_100; at < bytes.length; at += 100_000) cuts.push(at);
    const fractions: number[] = [];
    const result = importCsvBytes(cutAt(bytes, cuts), 'big.csv', bytes.length, {
      onProgress: (f) => fractions.push(f),
    });
    expect(result !== NEEDS_TEXT && result.ok && result.columns.length).toBe(150_000);
    expect(fractions).toEqual(expected);
  });

  it('reports a line that starts a chunk', () => {
    // Chunks cut exactly where the reported lines (65,535 and 131,071) start.
    const fractions: number[] = [];
    const cuts = [100_000, 29 + 65_533 * 13, 29 + 131_069 * 13];
    const result = importCsvBytes(cutAt(bytes, cuts), 'big.csv', bytes.length, {
      onProgress: (f) => fractions.push(f),
    });
    expect(result !== NEEDS_TEXT && result.ok && result.columns.length).toBe(150_000);
    expect(fractions).toEqual(expected);
  });

  it('hands the file to the text path when the progress callback throws, and does not throw', () => {
    const result = importCsvBytes([bytes], 'big.csv', bytes.length, {
      onProgress: () => {
        throw new Error('stop');
      },
    });
    expect(result).toBe(NEEDS_TEXT);
  });

  it('reads a big file without a progress callback', () => {
    const result = importCsvBytes(cutAt(bytes, [100_000]), 'big.csv', bytes.length);
    expect(result !== NEEDS_TEXT && result.ok && result.columns.length).toBe(150_000);
  });
});

describe('importCsvBytes: how much it reads', () => {
  // 13,029 bytes: the first chunk must hold 8,192 characters of lines (see importCsvBytes).
  const rows = HEADER + ROW.repeat(1000);

  it('asks for no more chunks once it finds a quote', () => {
    const bytes = encode(`${rows}"fn";128;1;1;1\n${rows}`);
    const read = counted(cutAt(bytes, [10_000, 12_000, 14_000, 16_000, 18_000]));
    expect(importCsvBytes(read.chunks, 'a.csv', bytes.length)).toBe(NEEDS_TEXT);
    // The quote is in the third chunk (bytes 12,000 to 14,000).
    expect(read.pulled()).toBe(3);
  });

  it('finds a quote at the very start of a chunk', () => {
    const bytes = encode(`${rows}"fn";128;1;1;1\n${rows}`);
    expect(importCsvBytes(cutAt(bytes, [rows.length]), 'a.csv', bytes.length)).toBe(NEEDS_TEXT);
  });

  it('asks for no more chunks after a bad header cut between two chunks', () => {
    // A sep= line and 9,000 blank lines (enough text to start on), then the header across the first two
    // chunks; the second ends with the header's line break.
    const header = 'Name;Memory;Cold\n';
    const before = `sep=;\n${'\n'.repeat(9000)}`;
    const bytes = encode(`${before}${header}${'fn;128;1\n'.repeat(2000)}`);
    const read = counted(cutAt(bytes, [before.length + 5, before.length + header.length, 12_000, 15_000]));
    const result = importCsvBytes(read.chunks, 'a.csv', bytes.length);
    expect(result !== NEEDS_TEXT && !result.ok && result.error).toBe(
      'missing required columns Init, Billed in the header on line 9002 (it has: Name;Memory;Cold)',
    );
    expect(read.pulled()).toBe(2);
  });

  it('asks for no more chunks after a bad header, and says why', () => {
    const bytes = encode(`Name;Memory;Cold\n${'fn;128;1\n'.repeat(2000)}`);
    const read = counted(cutAt(bytes, [9000, 12_000, 15_000]));
    const result = importCsvBytes(read.chunks, 'a.csv', bytes.length);
    expect(result !== NEEDS_TEXT && !result.ok && result.error).toBe(
      'missing required columns Init, Billed in the header on line 1 (it has: Name;Memory;Cold)',
    );
    expect(read.pulled()).toBe(1);
  });

  it('asks a part for no more chunks once it finds a quote', () => {
    const part = encode(`${ROW.repeat(1000)}"fn";128;1;1;1\n${ROW.repeat(1000)}`);
    const read = counted(cutAt(part, [5000, 10_000, 15_000, 20_000]));
    const head = encode(rows).slice(0, 10_000);
    expect(importCsvBytesPart(head, read.chunks, 'a.csv', part.length)).toBe(NEEDS_TEXT);
    // The quote is in the third chunk (bytes 10,000 to 15,000).
    expect(read.pulled()).toBe(3);
  });
});

describe('importCsvBytes: the first chunk', () => {
  // A 25-byte first row, then rows of 13 bytes: the header and 627 rows end at byte 8,192.
  const LONG = 'fn-01234567890;128;1;1;1\n';
  const text = HEADER + LONG + ROW.repeat(1026);
  const bytes = encode(text);
  const read = (cuts: number[], file = bytes): ReturnType<typeof importCsvBytes> =>
    importCsvBytes(cutAt(file, cuts), 'a.csv', file.length);

  it('reads the file when the first chunk holds lines of 8,192 characters (for the binary check)', () => {
    for (const cut of [8192, 8197]) {
      const result = read([cut]);
      if (result === NEEDS_TEXT) throw new Error(`handed back with a first chunk of ${cut} bytes`);
      expect(result.ok && result.columns.length).toBe(1027);
    }
  });

  it('hands the file to the text path when the first chunk holds fewer, whatever part of a line follows', () => {
    expect(read([8179])).toBe(NEEDS_TEXT);
    expect(read([8185])).toBe(NEEDS_TEXT);
    // 8,179 bytes of lines, then 20 bytes of a 33-byte line: 8,199 bytes, still too few lines.
    const longLine = encode(
      `${HEADER}${LONG}${ROW.repeat(625)}fn-long-long-long-name;128;1;1;1\n${ROW.repeat(400)}`,
    );
    expect(read([8199], longLine)).toBe(NEEDS_TEXT);
    const whole = read([], longLine);
    expect(whole !== NEEDS_TEXT && whole.ok && whole.columns.length).toBe(1027);
  });

  it('hands the file to the text path when the first chunk holds no whole line, or only a few', () => {
    expect(read([20])).toBe(NEEDS_TEXT);
    expect(read([29 + 25 + 13 * 10])).toBe(NEEDS_TEXT);
    expect(read([29 + 25 + 13 * 10 + 5])).toBe(NEEDS_TEXT);
    // Whole, the same file is read.
    const whole = read([]);
    expect(whole !== NEEDS_TEXT && whole.ok && whole.columns.length).toBe(1027);
    expect(whole !== NEEDS_TEXT && whole.report).toEqual(importCsvColumns(text, 'a.csv').report);
  });

  it('reads a header longer than the 64 KB decoded to check the start', () => {
    const extra = Array.from({ length: 8000 }, (_, i) => `extra-column-${i}`).join(';');
    const wide = `Name;Memory;Init;Cold;Billed;${extra}\n${`fn;128;1;1;1${';'.repeat(8000)}\n`.repeat(20)}`;
    const wideBytes = encode(wide);
    expect(wideBytes.indexOf(10)).toBeGreaterThan(1 << 16);
    const result = importCsvBytes(cutAt(wideBytes, [wideBytes.length - 100]), 'a.csv', wideBytes.length);
    if (result === NEEDS_TEXT) throw new Error('handed back');
    expect(result.report).toEqual(importCsvColumns(wide, 'a.csv').report);
    expect(result.ok && result.columns.length).toBe(20);
  });
});
