import type { PortableColumns } from './sample-columns';
import type { CsvShareResult, ImportReport } from '../../../shared/csv/import-csv';

/** One file to import: a dropped File (read in the worker) or text the main process already read. */
export type ImportRequest = { id: number; fileName: string } & (
  | { file: Blob }
  | { text: string }
  /**
   * A big file read by two workers at once: the first (part 0) reads its share, takes the other's over
   * `port`, and answers as for a whole file; the second (part 1) only sends its share over `port`.
   */
  | { file: Blob; part: 0 | 1; port: MessagePort }
  /** The window's word that the second worker of request `id` died: the first reads the file alone. */
  | { partnerFailed: true }
);

/** What the second worker of a shared file sends the first. */
export type ShareMessage = { share: CsvShareResult } | { error: string };

export type ImportPhase = 'reading' | 'parsing' | 'sending';

export type ImportMessage =
  | { id: number; type: 'progress'; phase: ImportPhase; fraction: number }
  /** Samples travel as columns, their typed arrays transferred: cloning a million objects takes seconds. */
  | { id: number; type: 'samples'; columns: PortableColumns }
  | { id: number; type: 'done'; ok: true; report: ImportReport; timings: ImportTimings }
  | { id: number; type: 'done'; ok: false; error: string; report: ImportReport | null };

/** Where a worker import spent its time (ms): shown by the bench, kept as a performance mark. */
export interface ImportTimings {
  /** When the worker took the file up (ms since the epoch, as performance.timeOrigin + now()). */
  startedAt: number;
  readMs: number;
  /** importCsvColumns: text to columns. */
  parseMs: number;
  /** Packing the unique texts and posting the columns. */
  encodeMs: number;
  /** Read by two workers at once. */
  shared: boolean;
}
