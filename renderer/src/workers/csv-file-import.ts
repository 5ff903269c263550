import { importCsvBytes, NEEDS_TEXT, TWO_PARTS_FROM_BYTES } from '../../../shared/csv/import-bytes';
import { importCsvColumns, type CsvColumnsImportResult } from '../../../shared/csv/import-csv';
import { CHUNK_BYTES, chunksOf, importInTwoParts, type PartReader, type PartRows } from './csv-file-parts';
import type { PartRequest } from './csv-part.worker';

/** The later part of a big file on a worker of its own (nested in the import worker). */
const partOnWorker: PartReader = (file, from, fileName) => {
  const worker = new Worker(new URL('./csv-part.worker.ts', import.meta.url), { type: 'module' });
  const rows = new Promise<PartRows>((resolve) => {
    worker.onmessage = (event: MessageEvent<PartRows>) => resolve(event.data);
    worker.onerror = () => resolve(undefined);
    worker.onmessageerror = () => resolve(undefined);
  });
  const request: PartRequest = { head: file.slice(0, CHUNK_BYTES), part: file.slice(from), fileName };
  worker.postMessage(request);
  return { rows, stop: () => worker.terminate() };
};

/** Where the import can start a second thread (not in Node, e.g. in unit tests). */
const defaultPartReader = (): PartReader | null => (typeof Worker === 'function' ? partOnWorker : null);

/**
 * A dropped CSV file into columns, as importCsvColumns reads its text, but from its bytes when the file
 * allows (most do: see importCsvBytes): no 130 MB string and no string per cell, which was most of a
 * million-row import. A file of TWO_PARTS_FROM_BYTES or more is read in two parts on two threads
 * (importInTwoParts) when `readPart` can start the second. Otherwise (a quote, CR-only lines, a file it cannot
 * start) from the text of the same bytes, decoded as Blob.text() decodes them (UTF-8, BOM dropped, bad bytes
 * replaced). Throws only when the file cannot be read. `fromBytes`: which way it was read; `parts`: in how
 * many parts at once.
 */
export async function importCsvFile(
  file: Blob,
  fileName: string,
  onProgress: (fraction: number) => void,
  onRead: () => void = () => {},
  readPart: PartReader | null = defaultPartReader(),
): Promise<{ result: CsvColumnsImportResult; fromBytes: boolean; parts: 1 | 2 }> {
  let bytes: Uint8Array | null = null;
  if (readPart !== null && file.size >= TWO_PARTS_FROM_BYTES) {
    const { result, parts } = await importInTwoParts(file, fileName, onProgress, onRead, readPart);
    if (result !== NEEDS_TEXT) return { result, fromBytes: true, parts };
  } else {
    bytes = new Uint8Array(await file.arrayBuffer());
    onRead();
    const result = importCsvBytes(chunksOf(bytes), fileName, bytes.length, { onProgress });
    if (result !== NEEDS_TEXT) return { result, fromBytes: true, parts: 1 };
  }
  bytes ??= new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return { result: importCsvColumns(text, fileName, { onProgress }), fromBytes: false, parts: 1 };
}
