/// <reference lib="webworker" />
import '../zod-jitless';
import { importCsvColumns } from '../../../shared/csv/import-csv';
import { importBaselineFile, isBaselineFile, type FileParseResult } from '../import/baseline-import';
import { daySpan } from '../import/import-batch';
import { BatchJoins } from './batch-join';
import { importCsvFile } from './csv-file-import';
import type { FileRequest, ImportMessage, ImportRequest, JoinRequest } from './import-protocol';
import { portableColumns, transferables } from './sample-columns';

// Parsing runs here, off the UI thread: a million-row file must not freeze the window.
declare const self: DedicatedWorkerGlobalScope;
const post = (message: ImportMessage, transfer: Transferable[] = []): void =>
  self.postMessage(message, transfer);

/** The batches being imported (see KeepIn): their files' columns joined here, until taken or forgotten. */
const batches = new BatchJoins();

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if ('forget' in request) batches.forget(request.forget);
  else if ('join' in request) join(request);
  else await importFile(request);
};

async function importFile(request: FileRequest): Promise<void> {
  const { id, fileName } = request;
  /** Whether the batch has the file (a file of a batch is handed to it once, read or not). */
  let kept = false;
  try {
    const started = performance.now();
    let read = started;
    const onRead = () => {
      read = performance.now();
      post({ id, type: 'progress', phase: 'parsing', fraction: 0 });
    };
    const onProgress = (fraction: number) => post({ id, type: 'progress', phase: 'parsing', fraction });
    post({ id, type: 'progress', phase: 'reading', fraction: 0 });
    let result: FileParseResult;
    if ('file' in request && !isBaselineFile(fileName)) {
      result = (await importCsvFile(request.file, fileName, onProgress, onRead)).result;
    } else {
      // One read and decode by the browser: a text joined from a decoding stream's pieces took the parser
      // half as long again to walk (measured on a 132 MB file: 1.6 s against 2.2 s).
      const text = 'text' in request ? request.text : await request.file.text();
      onRead();
      result = isBaselineFile(fileName)
        ? importBaselineFile(text, fileName)
        : importCsvColumns(text, fileName, { onProgress });
    }
    const parsed = performance.now();
    if (!result.ok) {
      if (request.keep) batches.add(request.keep, id, fileName, null);
      post({ id, type: 'done', ok: false, error: result.error, report: result.report });
      return;
    }
    post({ id, type: 'progress', phase: 'sending', fraction: 0 });
    if (request.keep) {
      const { columns, report } = result;
      post({ id, type: 'kept', length: columns.length, days: daySpan(columns) });
      const size = 'file' in request ? request.file.size : request.text.length;
      kept = true;
      batches.add(request.keep, id, fileName, { columns, report, size });
    } else {
      const columns = portableColumns(result.columns);
      post({ id, type: 'samples', columns }, transferables(columns));
    }
    const timings = {
      startedAt: performance.timeOrigin + started,
      readMs: read - started,
      parseMs: parsed - read,
      encodeMs: performance.now() - parsed,
    };
    post({ id, type: 'done', ok: true, report: result.report, timings });
  } catch (error) {
    // The importers never throw by contract; reading a file can (deleted, unreadable, not text).
    if (request.keep && !kept) batches.add(request.keep, id, fileName, null);
    const message = error instanceof Error ? error.message : String(error);
    post({ id, type: 'done', ok: false, error: `Could not read ${fileName}: ${message}`, report: null });
  }
}

/** A kind of a batch's columns, joined here as its files came (see BatchJoins). */
function join({ id, join: kind }: JoinRequest): void {
  const started = performance.now();
  try {
    const columns = portableColumns(batches.take(kind));
    post({ id, type: 'joined', columns, ms: performance.now() - started }, transferables(columns));
  } catch (error) {
    post({ id, type: 'join-failed', error: error instanceof Error ? error.message : String(error) });
  }
}
