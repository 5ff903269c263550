import type { PortableColumns } from './sample-columns';
import type { ImportReport } from '../../../shared/csv/import-csv';

/** One file to import: a dropped File (read in the worker) or text the main process already read. */
export type ImportRequest = { id: number; fileName: string } & ({ file: Blob } | { text: string });

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
}
