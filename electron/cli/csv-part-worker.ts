// Entry point of dist-cli/csv-part-worker.cjs: reads the later part of a big CSV file on a second thread for
// csv-parts.ts, while the main thread reads the first part.
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { partBuffers } from '../../shared/csv/columns-import';
import { importCsvBytesPart } from '../../shared/csv/import-bytes';
import { fileChunks, firstChunk } from './file-chunks';
import type { PartRequest } from './csv-parts';

const { path, fileName, from, to } = workerData as PartRequest;
const fd = openSync(path, 'r');
try {
  const part = importCsvBytesPart(firstChunk(fd), fileChunks(fd, from, to), fileName, to - from);
  parentPort?.postMessage(part, part === null ? [] : partBuffers(part));
} finally {
  closeSync(fd);
}
