import type { SampleColumns } from '../../../shared/sample-columns';
import type { ImportReport } from '../../../shared/csv/import-csv';
import type { FileKind, ImportMessage, ImportPhase, ImportRequest, KeepIn } from '../workers/import-protocol';
import type { KeptColumns } from './kept-columns';

export { isKept, type KeptColumns } from './kept-columns';

/** `path`: where main read the file (open dialog), so a restored workspace can read it again; none for a drop. */
export type ImportSource = { fileName: string; path?: string } & ({ file: Blob } | { text: string });

/** A parsed file; its columns are here, or (a file of a batch, `keep` asked) kept in the worker. */
export type FileImportResult<C extends SampleColumns | KeptColumns = SampleColumns> =
  | { ok: true; fileName: string; columns: C; report: ImportReport }
  | { ok: false; fileName: string; error: string; report: ImportReport | null };

export interface ImportProgress {
  fileName: string;
  fileIndex: number;
  fileCount: number;
  phase: ImportPhase;
  /** 0..1 over all files. */
  fraction: number;
}

/**
 * Something that parses one file; the real one is a Web Worker, tests pass their own. `keep`: the file is
 * part of a batch, and a runner that can join a batch's files where it parsed them may keep its columns
 * (see joinKept).
 */
export type ImportRunner = (
  source: ImportSource,
  onProgress: (phase: ImportPhase, f: number) => void,
  keep?: KeepIn,
) => Promise<FileImportResult<SampleColumns | KeptColumns>>;

let worker: Worker | null = null;
let nextRequest = 1;

const importWorker = (): Worker =>
  (worker ??= new Worker(new URL('../workers/csv-import.worker.ts', import.meta.url), { type: 'module' }));

/** Parses one file in the shared import worker (created once, reused). */
export const workerRunner: ImportRunner = (source, onProgress, keep) => {
  const w = importWorker();
  const id = nextRequest++;
  return new Promise((resolve) => {
    let columns: SampleColumns | KeptColumns | null = null;
    const onMessage = (event: MessageEvent<ImportMessage>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'progress') onProgress(message.phase, message.fraction);
      else if (message.type === 'samples') columns = message.columns;
      else if (message.type === 'kept') columns = { kept: id, length: message.length, days: message.days };
      else if (message.type === 'done') {
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
        ? { id, fileName: source.fileName, keep, file: source.file }
        : { id, fileName: source.fileName, keep, text: source.text };
    const sentAt = performance.timeOrigin + performance.now();
    w.postMessage(request);
  });
};

let nextBatch = 1;

/** A new batch's number, for importFiles and joinKept. */
export const newBatch = (): number => nextBatch++;

/**
 * The columns of a kind of a batch's files, joined in the worker that read and kept them (see KeepIn):
 * `files`, those it should hold, in order; `single`, a kind of one file that stays a dataset of its own.
 */
export function joinKept(
  batch: number,
  kind: FileKind,
  files: readonly KeptColumns[],
  single: boolean,
): Promise<SampleColumns> {
  const w = importWorker();
  const id = nextRequest++;
  return new Promise((resolve, reject) => {
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<ImportMessage>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'joined') {
        done();
        performance.measure('coldstart:join', {
          start: performance.now() - message.ms,
          duration: message.ms,
        });
        resolve(message.columns);
      } else if (message.type === 'join-failed') {
        done();
        reject(new Error(`The import worker could not join the files: ${message.error}`));
      }
    };
    const onError = (event: ErrorEvent) => {
      done();
      worker = null;
      reject(new Error(`The import worker failed: ${event.message}`));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const request: ImportRequest = { id, join: { batch, kind, files: files.map((f) => f.kept), single } };
    w.postMessage(request);
  });
}

/** What the worker holds of a batch (all of it once joined; some after a failure) is let go. */
export function forgetBatch(batch: number): void {
  worker?.postMessage({ id: nextRequest++, forget: batch } satisfies ImportRequest);
}

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

/**
 * Imports files in order (the worker takes them one by one), reporting progress over all of them. `batch`:
 * they are that batch (see newBatch and KeepIn).
 */
export async function importFiles(
  sources: readonly ImportSource[],
  onProgress: (p: ImportProgress) => void,
  run: ImportRunner = workerRunner,
  batch: number | null = null,
): Promise<FileImportResult<SampleColumns | KeptColumns>[]> {
  const batchSize = sources.reduce((n, s) => n + ('file' in s ? s.file.size : s.text.length), 0);
  type Result = FileImportResult<SampleColumns | KeptColumns>;
  const results: Result[] = [];
  const started: Promise<Result>[] = [];
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
    started[i] = run(
      sources[i] as ImportSource,
      (phase, f) => i === current && report(i, phase, f),
      batch === null ? undefined : { batch, seq: i, batchSize },
    );
  };
  for (let i = 0; i <= FILES_AHEAD && i < sources.length; i++) start(i);
  for (let i = 0; i < sources.length; i++) {
    current = i;
    report(i, 'reading', 0);
    results.push(await (started[i] as Promise<Result>));
    if (i + FILES_AHEAD + 1 < sources.length) start(i + FILES_AHEAD + 1);
  }
  return results;
}
