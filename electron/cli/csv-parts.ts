import { existsSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RowsPart } from '../../shared/csv/columns-import';
import type { NEEDS_TEXT } from '../../shared/csv/import-bytes';
import {
  CsvBytesImport,
  FIRST_PART_SHARE,
  importCsvBytes,
  TWO_PARTS_FROM_BYTES,
} from '../../shared/csv/import-bytes';
import type { CsvColumnsImportResult } from '../../shared/csv/import-csv';
import { fileChunks } from './file-chunks';

/** What the part worker reads: bytes [from, to) of the file at path, a line start to the end. */
export interface PartRequest {
  path: string;
  fileName: string;
  from: number;
  to: number;
}

/** The built worker beside the built CLI (none when this runs from source, e.g. in unit tests). */
export function workerScript(): string | null {
  const file = join(__dirname, 'csv-part-worker.cjs');
  return existsSync(file) ? file : null;
}

/** The offset just after the first line break at or after `at` (the file's end when there is none). */
function lineStartFrom(fd: number, at: number, size: number): number {
  const buffer = new Uint8Array(1 << 16);
  for (let pos = at; pos < size; pos += buffer.length) {
    const n = readSync(fd, buffer, 0, buffer.length, pos);
    const newline = buffer.subarray(0, n).indexOf(10);
    if (newline >= 0) return pos + newline + 1;
    if (n === 0) break;
  }
  return size;
}

/** The rows of the part, or undefined when the worker failed (the caller then reads the part itself). */
function readPartOnWorker(
  file: string,
  request: PartRequest,
): { rows: Promise<RowsPart | typeof NEEDS_TEXT | undefined>; stop: () => void } {
  const worker = new Worker(file, { workerData: request });
  const rows = new Promise<RowsPart | typeof NEEDS_TEXT | undefined>((resolve) => {
    worker.once('message', (part: RowsPart | typeof NEEDS_TEXT) => resolve(part));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return { rows, stop: () => void worker.terminate() };
}

export interface TwoPartsRead {
  result: CsvColumnsImportResult | typeof NEEDS_TEXT;
  /** Whether the worker read the later part (false: this thread read the whole file). */
  onWorker: boolean;
}

/**
 * importCsvBytes for an open file read in two parts at once: the first here, the rest (from the first line
 * start after `share` of the file) by the worker script `workerScript` (importCsvBytesPart), joined into the
 * one result a single reader gives. If the worker fails, this thread reads the rest itself.
 */
export async function importInTwoParts(
  fd: number,
  request: Omit<PartRequest, 'from' | 'to'>,
  size: number,
  workerScript: string,
  share = FIRST_PART_SHARE,
): Promise<TwoPartsRead> {
  const { fileName } = request;
  const split = lineStartFrom(fd, Math.floor(size * share), size);
  const reader = new CsvBytesImport(fileName, size, null);
  if (split >= size) {
    for (const chunk of fileChunks(fd, 0, size)) if (!reader.read(chunk)) break;
    return { result: reader.finish(), onWorker: false };
  }
  const worker = readPartOnWorker(workerScript, { ...request, from: split, to: size });
  try {
    for (const chunk of fileChunks(fd, 0, split))
      if (!reader.read(chunk)) return { result: reader.finish(), onWorker: false };
    const part = await worker.rows;
    if (part === undefined) {
      for (const chunk of fileChunks(fd, split, size)) if (!reader.read(chunk)) break;
    } else reader.addPart(part);
    return { result: reader.finish(), onWorker: part !== undefined };
  } finally {
    worker.stop();
  }
}

/**
 * importCsvBytes for an open file: a big one in two parts at once (see importInTwoParts), which on two cores
 * takes about half the time, when the built worker is there.
 */
export async function importCsvFileBytes(
  fd: number,
  path: string,
  fileName: string,
  size: number,
): Promise<CsvColumnsImportResult | typeof NEEDS_TEXT> {
  const script = size >= TWO_PARTS_FROM_BYTES ? workerScript() : null;
  if (script === null) return importCsvBytes(fileChunks(fd, 0, size), fileName, size);
  return (await importInTwoParts(fd, { path, fileName }, size, script)).result;
}
