import { importCsvBytes, NEEDS_TEXT } from '../../../shared/csv/import-bytes';
import { importCsvColumns, type CsvColumnsImportResult } from '../../../shared/csv/import-csv';

/** The bytes handed to the importer at a time (views of the one read, not copies). */
const CHUNK_BYTES = 1 << 20;

function* chunksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/**
 * A dropped CSV file into columns, as importCsvColumns reads its text, but from its bytes when the file
 * allows (most do: see importCsvBytes): no 130 MB string and no string per cell, which was most of a
 * million-row import. Otherwise (a quote, CR-only lines, a file it cannot start) from the text of the same
 * bytes, decoded as Blob.text() decodes them (UTF-8, BOM dropped, bad bytes replaced). Throws only when the
 * file cannot be read. `fromBytes`: which way it was read.
 */
export async function importCsvFile(
  file: Blob,
  fileName: string,
  onProgress: (fraction: number) => void,
  onRead: () => void = () => {},
): Promise<{ result: CsvColumnsImportResult; fromBytes: boolean }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  onRead();
  const result = importCsvBytes(chunksOf(bytes), fileName, bytes.length, { onProgress });
  if (result !== NEEDS_TEXT) return { result, fromBytes: true };
  const text = new TextDecoder().decode(bytes);
  return { result: importCsvColumns(text, fileName, { onProgress }), fromBytes: false };
}
