// Entry point of dist-cli/csv-part-worker.cjs: reads the later part of a big CSV file on a second thread for
// csv-parts.ts, while the main thread reads the first part.
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { RowsPart } from '../../shared/csv/columns-import';
import { importCsvBytesPart } from '../../shared/csv/import-bytes';
import { fileChunks, firstChunk } from './file-chunks';
import type { PartRequest } from './csv-parts';

/** The memory of a part's arrays, each once (transferred, not copied). */
function buffersOf(part: RowsPart): ArrayBuffer[] {
  const { columns } = part;
  const arrays = [
    columns.memoryMB,
    columns.initMs,
    columns.durationMs,
    columns.billedMs,
    columns.maxMemoryUsedMB,
    columns.restoreMs,
    columns.name.codes,
    columns.arch.codes,
    columns.runtime.codes,
    columns.status.codes,
    columns.errorType.codes,
    columns.run.codes,
    part.lines,
  ];
  if (columns.requestId !== null) arrays.push(columns.requestId.ends);
  if (columns.timestamp !== null) arrays.push(columns.timestamp.ends);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

const { path, fileName, from, to } = workerData as PartRequest;
const fd = openSync(path, 'r');
try {
  const part = importCsvBytesPart(firstChunk(fd), fileChunks(fd, from, to), fileName, to - from);
  parentPort?.postMessage(part, part === null ? [] : buffersOf(part));
} finally {
  closeSync(fd);
}
