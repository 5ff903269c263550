import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../shared/csv/export-csv';
import { importCsvBytes, NEEDS_TEXT } from '../../../shared/csv/import-bytes';
import { importCsvColumns, type CsvColumnsImportResult } from '../../../shared/csv/import-csv';
import { emptySample, type Sample } from '../../../shared/sample';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { seededRandom } from '../../random';
import { HAVE_SEED_RUNS, noteSeedRunsSkip, SEED_FILES, SEED_RUNS_DIR } from '../../seed-runs';
import { HEADERS, randomText } from './random-csv';

noteSeedRunsSkip();

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * The bytes in chunks as a file read gives them: the first `first` bytes, then pieces of 1 to `most` bytes
 * (so that lines, CRLFs and multi-byte characters are cut anywhere), each piece in one reused buffer.
 */
function* chunksOf(bytes: Uint8Array, first: number, most: number, seed: number): Generator<Uint8Array> {
  const random = seededRandom(seed);
  const buffer = new Uint8Array(Math.max(first, most));
  for (let at = 0, size = first; at < bytes.length; size = 1 + Math.floor(random() * most)) {
    const piece = bytes.subarray(at, at + size);
    buffer.set(piece);
    yield buffer.subarray(0, piece.length);
    // What the importer kept of this chunk must not be the buffer itself.
    buffer.fill(0x3b);
    at += piece.length;
  }
}

/** The byte path's result, or a failure when it handed the file back to the text path. */
function fromBytes(bytes: Uint8Array, name: string, first = bytes.length, most = 4096, seed = 1) {
  const result = importCsvBytes(chunksOf(bytes, first, most, seed), name, bytes.length);
  if (result === NEEDS_TEXT) throw new Error('the byte path handed the file to the text path');
  return result;
}

/** Same columns (as samples), report, warnings and errors. */
function expectSameImport(bytes: CsvColumnsImportResult, text: CsvColumnsImportResult): void {
  expect(bytes.ok).toBe(text.ok);
  expect(bytes.report).toEqual(text.report);
  if (bytes.ok && text.ok) {
    expect(samplesFromColumns(bytes.columns)).toEqual(samplesFromColumns(text.columns));
    expect(bytes.columns.length).toBeGreaterThan(0);
  } else if (!bytes.ok && !text.ok) expect(bytes.error).toBe(text.error);
}

describe('importCsvBytes (the byte path)', () => {
  it.each(HEADERS.map((header, i) => [header, i]))('reads like importCsvColumns: %s', (header, i) => {
    for (let seed = 1; seed <= 6; seed++) {
      const text = randomText(header, 600, 7000 * (i as number) + seed);
      const bytes = encode(text);
      const expected = importCsvColumns(text, 'speed-arm-512.csv');
      // Whole, and in small pieces after a first chunk that holds the first lines.
      expectSameImport(fromBytes(bytes, 'speed-arm-512.csv'), expected);
      expectSameImport(fromBytes(bytes, 'speed-arm-512.csv', 9000, 1 + seed * 37, seed), expected);
    }
  });

  it('reads numbers to exactly the doubles of the text path (Number())', () => {
    const random = seededRandom(4242);
    const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    const forms: (() => string)[] = [
      () => `${digits(1 + Math.floor(random() * 6))}.${digits(1 + Math.floor(random() * 9))}`,
      () => `${digits(1 + Math.floor(random() * 6))},${digits(1 + Math.floor(random() * 9))}`,
      () => digits(1 + Math.floor(random() * 18)),
      () => `${digits(3)}.${digits(14)}`,
      () => `${digits(2)}e${Math.floor(random() * 30) - 15}`,
      () => `${digits(1)}.${digits(3)}E+${Math.floor(random() * 5)}`,
      () => `-${digits(3)}.${digits(2)}`,
      () => `+${digits(3)}`,
      () => `.${digits(3)}`,
      () => `${digits(3)}.`,
      () => ` ${digits(3)}.${digits(1)} `,
      () => '',
      () => '0',
      () => '0.0',
      () => `${digits(2)}..${digits(1)}`,
      () => `${digits(2)}.${digits(1)},${digits(1)}`,
      () => `1${'0'.repeat(Math.floor(random() * 25))}`,
      () => `0x${digits(2)}`,
    ];
    const lines = ['Name;Memory;Init;Cold;Billed;MaxMemory;Restore'];
    for (let i = 0; i < 3000; i++) {
      const cell = (): string => (forms[Math.floor(random() * forms.length)] as () => string)();
      lines.push(`fn;128;${cell()};${digits(2)}.${digits(2)};${cell()};${cell()};${cell()}`);
    }
    const text = `${lines.join('\n')}\n`;
    const expected = importCsvColumns(text, 'numbers.csv');
    expect(expected.ok && expected.report.skipped.length).toBeGreaterThan(100);
    expectSameImport(fromBytes(encode(text), 'numbers.csv', 9000, 512), expected);
    // With a comma delimiter, decimal commas split cells: rows of the wrong width, reported alike.
    const commas = text.replaceAll(';', ',');
    expectSameImport(fromBytes(encode(commas), 'numbers.csv'), importCsvColumns(commas, 'numbers.csv'));
  });

  it('reads a BOM, CRLF lines, a sep= line, formula-escaped cells and non-ASCII names as the text path', () => {
    const texts = [
      '\ufeffName;Memory;Init;Cold;Billed\nfn;128;100;1;2\n',
      // The BOM's three bytes are not part of the first column's name (an unknown column is reported by name).
      '\ufeffExtra;Name;Memory;Init;Cold;Billed\nx;fn;128;100;1;2\n',
      // The CR of a CRLF is off before the formula escape is taken off (a space would stay after it).
      "Name;Memory;Init;Cold;Billed;Status\r\nfn;128;100;1;2;'=x\r\nfn;128;100;1;2;ok\r\n",
      // A file whose first line is empty: its first line break is its first byte.
      '\nName;Memory;Init;Cold;Billed',
      '\nName;Memory;Init;Cold;Billed\nfn;128;100;1;2',
      'Name;Memory;Init;Cold;Billed\r\nfn;128;100;1;2\r\nfn;128;110;1;2',
      'sep=,\nName,Memory,Init,Cold,Billed\nfn,128,100.5,1,2\n',
      "Name;Memory;Init;Cold;Billed;ErrorType\n'=cmd;128;100;1;2;'+x\nfn;128;100;1;2;'''-y\n",
      'Name;Memory;Init;Cold;Billed\nfunção-ü;128;100;1;2\n日本;256;1;1;1\n\u00a0fn\u00a0;128;1;1;1\n',
      '\n\n  \nName;Memory;Init;Cold;Billed\n\nfn;128;100;1;2\n;;;;\nfn;128\n',
      'Name;Memory;Init;Cold;Billed\nfn;128;100;1;2\rfn;128;100;1;2\n',
    ];
    for (const text of texts)
      expectSameImport(fromBytes(encode(text), 'x.csv'), importCsvColumns(text, 'x.csv'));
  });

  it('reads CRLF lines cut anywhere by the chunks (a CR at a chunk end, its LF in the next) as the text path', () => {
    const rows = [
      'fn;128;100;1;2',
      'fn;128;100.5;1;2',
      'fn2;256;;3;4',
      'fn;128\r;1;1;1',
      ' fn;1;1;1;1',
      'fn;1;1;1',
    ];
    const lines = Array.from({ length: 2000 }, (_, i) => rows[i % rows.length] as string);
    for (const end of ['\r\n', '']) {
      const text = `Name;Memory;Init;Cold;Billed\r\n${lines.join('\r\n')}${end}`;
      const expected = importCsvColumns(text, 'crlf.csv');
      expect(expected.ok && expected.report.skipped.length).toBeGreaterThan(0);
      // Chunks of 1 to 64 bytes after the first: every line is cut at every place by some chunk.
      for (const seed of [1, 2, 3, 4])
        expectSameImport(fromBytes(encode(text), 'crlf.csv', 9000, 64, seed), expected);
    }
  });

  it('decodes bytes that are not UTF-8 as the text path does (replacement characters)', () => {
    const head = encode('Name;Memory;Init;Cold;Billed\n');
    const row = (name: number[]): number[] => [...name, ...encode(';128;1;1;1\n')];
    const bytes = new Uint8Array([
      ...head,
      ...row([0x66, 0xff, 0x6e]),
      ...row([0x66, 0xc3]),
      ...row([0x61, 0xe2, 0x82, 0x62]),
      ...encode('fn;12\xb58;1;1;1\n'),
    ]);
    const text = Buffer.from(bytes).toString('utf8');
    expectSameImport(fromBytes(bytes, 'x.csv'), importCsvColumns(text, 'x.csv'));
  });

  it('gives the same errors, with line and column, for bad rows and headers', () => {
    const texts = [
      'Name;Memory;Init;Cold;Billed\nfn;128;-5;1;2\nfn;abc;1;1;2\nfn;128;1;;2\n',
      'Name;Memory;Cold;Billed\nfn;128;1;1\n',
      'Name;Memory;Init;Cold;Billed\n',
      'a;b;c\n1;2;3\n',
    ];
    for (const text of texts)
      expectSameImport(fromBytes(encode(text), 'x.csv'), importCsvColumns(text, 'x.csv'));
  });

  it('hands files with quotes, CR-only lines or an unreadable start to the text path', () => {
    const handedBack = (text: string | Uint8Array, first?: number): boolean => {
      const bytes = typeof text === 'string' ? encode(text) : text;
      return (
        importCsvBytes(chunksOf(bytes, first ?? bytes.length, 64, 1), 'x.csv', bytes.length) === NEEDS_TEXT
      );
    };
    expect(handedBack('Name;Memory;Init;Cold;Billed\n"fn";128;1;1;1\n')).toBe(true);
    // A quote far into the file, after rows were read.
    expect(
      handedBack(`Name;Memory;Init;Cold;Billed\n${'fn;128;1;1;1\n'.repeat(2000)}"fn";128;1;1;1\n`, 9000),
    ).toBe(true);
    expect(handedBack('Name;Memory;Init;Cold;Billed\rfn;128;1;1;1\r')).toBe(true);
    expect(handedBack('')).toBe(true);
    expect(handedBack('  \n \n')).toBe(true);
    expect(handedBack(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0a]))).toBe(true);
    expect(handedBack('sep=|\nName|Memory\n')).toBe(true);
    // The first chunk must hold the first lines (and enough text for the binary check).
    expect(handedBack(`Name;Memory;Init;Cold;Billed\n${'fn;128;1;1;1\n'.repeat(2000)}`, 20)).toBe(true);
    expect(handedBack('Name;Memory;Init;Cold;Billed\nfn;128;1;1;1\n')).toBe(false);
  });

  it('reads the full format of our own export as the text path', () => {
    const random = seededRandom(99);
    const samples: Sample[] = Array.from({ length: 2000 }, (_, i) => ({
      ...emptySample(`fn-${i % 7}`),
      memoryMB: [128, 512, 1024][i % 3] as number,
      initMs: i % 10 === 9 ? null : Math.round(random() * 100000) / 100,
      durationMs: Math.round(random() * 10000) / 100,
      billedMs: 1 + Math.floor(random() * 100),
      arch: i % 2 === 0 ? 'arm64' : 'x86_64',
      runtime: 'nodejs20.x',
      maxMemoryUsedMB: 60 + (i % 5),
      status: 'success',
      requestId: `req-${i}-${Math.floor(random() * 1e9)}`,
      timestamp: new Date(1767225600000 + i * 1000).toISOString(),
      run: `run-${Math.floor(i / 500)}`,
    }));
    const text = exportCsv(samples);
    expect(text).not.toContain('"');
    const bytes = fromBytes(encode(text), 'export.csv', 9000, 3000);
    expectSameImport(bytes, importCsvColumns(text, 'export.csv'));
    expect(bytes.ok && samplesFromColumns(bytes.columns)).toEqual(samples);
  });

  it('packs request ids and timestamps from the bytes over several pool pieces, non-ASCII ones in order', () => {
    // 60,000 rows of 36-byte ids: between the two non-ASCII ids the packed bytes fill the 1 MB pool more than
    // once. A non-ASCII id sends its row to RowReader (a string, not bytes), an empty one is no value: both
    // must keep their place.
    const random = seededRandom(7);
    const samples: Sample[] = Array.from({ length: 60_000 }, (_, i) => ({
      ...emptySample(`fn-${i % 5}`),
      memoryMB: 512,
      initMs: 100 + (i % 97),
      durationMs: 10 + (i % 13),
      billedMs: 11 + (i % 13),
      requestId:
        i === 5 || i === 55_000
          ? `réq-${i}-ü`
          : i % 13 === 0
            ? null
            : `${Math.floor(random() * 1e9)
                .toString(16)
                .padStart(8, '0')}-1b2c-4d5e-8f90-${String(i).padStart(12, '0')}`,
      timestamp: i % 101 === 3 ? null : new Date(1767225600000 + i * 1000).toISOString(),
    }));
    const text = exportCsv(samples);
    const bytes = fromBytes(encode(text), 'ids.csv', 65536, 65536);
    expectSameImport(bytes, importCsvColumns(text, 'ids.csv'));
    const read = bytes.ok ? samplesFromColumns(bytes.columns) : [];
    expect(read.map((s) => s.requestId)).toEqual(samples.map((s) => s.requestId));
    expect(read.map((s) => s.timestamp)).toEqual(samples.map((s) => s.timestamp));
    expect(read[5]?.requestId).toBe('réq-5-ü');
  });

  it.skipIf(!HAVE_SEED_RUNS).each(SEED_FILES)('reads the seed run %s as the text path', (name) => {
    const bytes = new Uint8Array(readFileSync(join(SEED_RUNS_DIR, name)));
    const text = readFileSync(join(SEED_RUNS_DIR, name), 'utf8');
    expectSameImport(fromBytes(bytes, name, 65536, 65536), importCsvColumns(text, name));
  });
});
