import type { RowsPart } from '../../../shared/csv/columns-import';
import type { NEEDS_TEXT } from '../../../shared/csv/import-bytes';
import { CsvBytesImport, FIRST_PART_SHARE } from '../../../shared/csv/import-bytes';
import type { CsvColumnsImportResult } from '../../../shared/csv/import-csv';

/** The bytes handed to the importer at a time (views of the one read, not copies). */
export const CHUNK_BYTES = 1 << 20;

export function* chunksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/** A later part's rows as importCsvBytesPart gives them, or undefined when the thread reading it failed. */
export type PartRows = RowsPart | typeof NEEDS_TEXT | undefined;

/** Reads bytes [from, end) of a file elsewhere (another thread): its rows, and how to stop that thread. */
export type PartReader = (
  file: Blob,
  from: number,
  fileName: string,
) => { rows: Promise<PartRows>; stop: () => void };

/** The offset just after the first line break at or after `at` (the file's end when there is none). */
async function lineStartFrom(file: Blob, at: number): Promise<number> {
  const step = 1 << 16;
  for (let pos = at; pos < file.size; pos += step) {
    const bytes = new Uint8Array(await file.slice(pos, pos + step).arrayBuffer());
    const newline = bytes.indexOf(10);
    if (newline >= 0) return pos + newline + 1;
  }
  return file.size;
}

/**
 * importCsvBytes for a big file read in two parts at once, as the CLI does (electron/cli/csv-parts.ts): the
 * first part here, the rest (from the first line start after FIRST_PART_SHARE of the file) by `readPart`,
 * joined into the one result a single reader gives. If that reader fails, this thread reads the rest itself.
 * Progress runs over the first part, which ends about when the other does. `parts`: 2 when the other thread's
 * rows were used.
 */
export async function importInTwoParts(
  file: Blob,
  fileName: string,
  onProgress: (fraction: number) => void,
  onRead: () => void,
  readPart: PartReader,
): Promise<{ result: CsvColumnsImportResult | typeof NEEDS_TEXT; parts: 1 | 2 }> {
  const split = await lineStartFrom(file, Math.floor(file.size * FIRST_PART_SHARE));
  const share = split / file.size;
  const reader = new CsvBytesImport(fileName, file.size, (f) => onProgress(Math.min(1, f / share)));
  const part = split < file.size ? readPart(file, split, fileName) : null;
  try {
    const bytes = new Uint8Array(await file.slice(0, split).arrayBuffer());
    onRead();
    for (const chunk of chunksOf(bytes))
      if (!reader.read(chunk)) return { result: reader.finish(), parts: 1 };
    if (part === null) return { result: reader.finish(), parts: 1 };
    const rows = await part.rows;
    if (rows === undefined) {
      const rest = new Uint8Array(await file.slice(split).arrayBuffer());
      for (const chunk of chunksOf(rest)) if (!reader.read(chunk)) break;
    } else reader.addPart(rows);
    return { result: reader.finish(), parts: rows === undefined ? 1 : 2 };
  } finally {
    part?.stop();
  }
}
