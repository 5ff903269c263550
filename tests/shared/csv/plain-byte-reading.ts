import { expect } from 'vitest';
import { mapHeader } from '../../../shared/csv/header-mapping';
import { emptyImportReport } from '../../../shared/csv/import-report';
import { NOT_TAKEN, PlainByteRowReader } from '../../../shared/csv/plain-byte-rows';
import type { Arch, Sample } from '../../../shared/sample';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { SampleColumnsBuilder } from '../../../shared/sample-columns-builder';

// PlainByteRowReader on its own, for its tests: which lines it takes (to the values RowReader gives; see
// import-bytes.test.ts for the whole byte path against the text path) and which it leaves to RowReader.

export interface Options {
  delimiter?: string;
  decimalComma?: boolean;
  archDefault?: Arch | null;
  memoryDefault?: number;
  /** Each line in bytes of its own (as lines from different chunks), newBytes() called before each. */
  apart?: boolean;
}

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Per line the sample PlainByteRowReader took (one reader for all, as an import uses it), or null. */
export function readPlain(
  header: string,
  lines: (string | Uint8Array)[],
  options: Options = {},
): (Sample | null)[] {
  const delimiter = options.delimiter ?? ';';
  const width = header.split(delimiter).length;
  const mapping = mapHeader(header.split(delimiter), emptyImportReport('a.csv'), 1);
  if (typeof mapping === 'string') throw new Error(mapping);
  const reader = new PlainByteRowReader(
    delimiter,
    mapping.index,
    width,
    options.decimalComma ?? delimiter !== ',',
    options.archDefault ?? null,
    options.memoryDefault ?? NaN,
  );
  const encoded = lines.map((line) => (typeof line === 'string' ? encode(line) : line));
  const out = new SampleColumnsBuilder(4);
  const taken: boolean[] = [];
  if (options.apart === true) {
    for (const bytes of encoded) {
      reader.newBytes(bytes);
      taken.push(tookLine(reader.read(bytes, 0, bytes.length, out), bytes.length));
    }
  } else {
    // All lines in one array, each followed by a line break, as they are in a chunk: the reader finds each
    // line's end itself.
    const all = new Uint8Array(encoded.reduce((n, b) => n + b.length + 1, 0));
    let start = 0;
    for (const bytes of encoded) {
      all.set(bytes, start);
      all[start + bytes.length] = 10;
      start += bytes.length + 1;
    }
    start = 0;
    reader.newBytes(all);
    for (const bytes of encoded) {
      taken.push(tookLine(reader.read(all, start, all.length, out), start + bytes.length));
      start += bytes.length + 1;
    }
  }
  const samples = samplesFromColumns(out.finish());
  expect(samples.length).toBe(taken.filter(Boolean).length);
  return taken.map((t) => (t ? (samples.shift() as Sample) : null));
}

/** Whether read took the line; when it did, it must have said where the line ends. */
function tookLine(read: number, lineEnd: number): boolean {
  if (read !== NOT_TAKEN) expect(read).toBe(lineEnd);
  return read !== NOT_TAKEN;
}

/** A reader of lines under `header` (';'-delimited, decimal commas). */
export function readerFor(header: string): PlainByteRowReader {
  const mapping = mapHeader(header.split(';'), emptyImportReport('a.csv'), 1);
  if (typeof mapping === 'string') throw new Error(mapping);
  return new PlainByteRowReader(';', mapping.index, header.split(';').length, true, null, NaN);
}

/**
 * Each [start, end) of `bytes` read by one reader (a line from start to its line break, or to end): the
 * sample it took and where it said the line ends, or null.
 */
export function readRanges(
  header: string,
  bytes: Uint8Array,
  ranges: [number, number][],
): ({ sample: Sample; lineEnd: number } | null)[] {
  const reader = readerFor(header);
  reader.newBytes(bytes);
  const out = new SampleColumnsBuilder(4);
  const ends = ranges.map(([start, end]) => reader.read(bytes, start, end, out));
  const samples = samplesFromColumns(out.finish());
  return ends.map((lineEnd) =>
    lineEnd === NOT_TAKEN ? null : { sample: samples.shift() as Sample, lineEnd },
  );
}
