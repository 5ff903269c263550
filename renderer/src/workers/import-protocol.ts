import type { SampleColumns } from './sample-columns';
import type { ImportReport } from '../../../shared/csv/import-csv';

/** One file to import: a dropped File (read in the worker) or text the main process already read. */
export type ImportRequest = { id: number; fileName: string } & ({ file: Blob } | { text: string });

export type ImportPhase = 'reading' | 'parsing' | 'sending';

export type ImportMessage =
  | { id: number; type: 'progress'; phase: ImportPhase; fraction: number }
  /** Samples travel as columns: cloning a million objects would block the window for seconds. */
  | { id: number; type: 'samples'; columns: SampleColumns }
  | { id: number; type: 'done'; ok: true; report: ImportReport; timings: ImportTimings }
  | { id: number; type: 'done'; ok: false; error: string; report: ImportReport | null };

/** Where a worker import spent its time (ms): shown by the bench, kept as a performance mark. */
export interface ImportTimings {
  readMs: number;
  parseMs: number;
  encodeMs: number;
}
