import type { SampleColumns } from '../../../shared/sample-columns';
import type { ImportReport } from '../../../shared/csv/import-csv';
import type { ImportMessage, ImportPhase, ImportRequest } from '../workers/import-protocol';

/** `path`: where main read the file (open dialog), so a restored workspace can read it again; none for a drop. */
export type ImportSource = { fileName: string; path?: string } & ({ file: Blob } | { text: string });

export type FileImportResult =
  | { ok: true; fileName: string; columns: SampleColumns; report: ImportReport }
  | { ok: false; fileName: string; error: string; report: ImportReport | null };

export interface ImportProgress {
  fileName: string;
  fileIndex: number;
  fileCount: number;
  phase: ImportPhase;
  /** 0..1 over all files. */
  fraction: number;
}

/** Something that parses one file; the real one is a Web Worker, tests pass their own. */
export type ImportRunner = (
  source: ImportSource,
  onProgress: (phase: ImportPhase, f: number) => void,
) => Promise<FileImportResult>;

let worker: Worker | null = null;
let nextRequest = 1;

/** Parses one file in the shared import worker (created once, reused). */
export const workerRunner: ImportRunner = (source, onProgress) => {
  worker ??= new Worker(new URL('../workers/csv-import.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const id = nextRequest++;
  return new Promise((resolve) => {
    let columns: SampleColumns | null = null;
    const onMessage = (event: MessageEvent<ImportMessage>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'progress') onProgress(message.phase, message.fraction);
      else if (message.type === 'samples') {
        columns = message.columns;
      } else {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        if (!message.ok)
          resolve({ ok: false, fileName: source.fileName, error: message.error, report: message.report });
        else if (columns === null)
          resolve({
            ok: false,
            fileName: source.fileName,
            error: 'The import worker finished without sending the samples',
            report: message.report,
          });
        else {
          performance.mark('coldstart:import', {
            detail: {
              fileName: source.fileName,
              ...message.timings,
              // From the request to the worker taking it up: starting the worker, or a file before this one.
              waitMs: message.timings.startedAt - sentAt,
            },
          });
          resolve({ ok: true, fileName: source.fileName, columns, report: message.report });
        }
      }
    };
    const onError = (event: ErrorEvent) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      worker = null;
      resolve({
        ok: false,
        fileName: source.fileName,
        error: `The import worker failed: ${event.message}`,
        report: null,
      });
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const request: ImportRequest =
      'file' in source
        ? { id, fileName: source.fileName, file: source.file }
        : { id, fileName: source.fileName, text: source.text };
    const sentAt = performance.timeOrigin + performance.now();
    w.postMessage(request);
  });
};

const PHASE_SHARE: Record<ImportPhase, [number, number]> = {
  reading: [0, 0.3],
  parsing: [0.3, 0.8],
  sending: [0.8, 1],
};

/**
 * Files handed to the worker ahead of the one awaited: without them the worker idled for a round trip
 * through the window after every file (365 daily files: about 6 s of 17 on a busy machine).
 */
export const FILES_AHEAD = 3;

/** Imports files in order (the worker takes them one by one), reporting progress over all of them. */
export async function importFiles(
  sources: readonly ImportSource[],
  onProgress: (p: ImportProgress) => void,
  run: ImportRunner = workerRunner,
): Promise<FileImportResult[]> {
  const results: FileImportResult[] = [];
  const started: Promise<FileImportResult>[] = [];
  let current = 0;
  let shown = -1;
  const report = (i: number, phase: ImportPhase, f: number) => {
    const [from, to] = PHASE_SHARE[phase];
    const within = from + (to - from) * f;
    if ((i + within) / sources.length < shown) return;
    shown = (i + within) / sources.length;
    onProgress({
      fileName: (sources[i] as ImportSource).fileName,
      fileIndex: i,
      fileCount: sources.length,
      phase,
      fraction: (i + within) / sources.length,
    });
  };
  // Only the file awaited reports progress, and never less than before: the bar never runs back.
  const start = (i: number) => {
    started[i] = run(sources[i] as ImportSource, (phase, f) => i === current && report(i, phase, f));
  };
  for (let i = 0; i <= FILES_AHEAD && i < sources.length; i++) start(i);
  for (let i = 0; i < sources.length; i++) {
    current = i;
    report(i, 'reading', 0);
    results.push(await (started[i] as Promise<FileImportResult>));
    if (i + FILES_AHEAD + 1 < sources.length) start(i + FILES_AHEAD + 1);
  }
  return results;
}
