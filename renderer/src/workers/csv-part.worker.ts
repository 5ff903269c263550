/// <reference lib="webworker" />
import { partBuffers } from '../../../shared/csv/columns-import';
import { importCsvBytesPart, NEEDS_TEXT } from '../../../shared/csv/import-bytes';
import { chunksOf } from './csv-file-parts';

// The later part of a big CSV file, read here while the import worker reads the first (csv-file-parts.ts).
declare const self: DedicatedWorkerGlobalScope;

/** What the import worker sends: the file's first chunk (for the header) and the part to read. */
export interface PartRequest {
  head: Blob;
  part: Blob;
  fileName: string;
}

self.onmessage = async (event: MessageEvent<PartRequest>) => {
  const { head, part, fileName } = event.data;
  const [headBytes, bytes] = await Promise.all([head.arrayBuffer(), part.arrayBuffer()]);
  const rows = importCsvBytesPart(
    new Uint8Array(headBytes),
    chunksOf(new Uint8Array(bytes)),
    fileName,
    bytes.byteLength,
  );
  self.postMessage(rows, rows === NEEDS_TEXT ? [] : partBuffers(rows));
};
