import type { Sample } from '../../../shared/sample';
import type { ImportReport } from '../../../shared/csv/import-csv';

/** One file to import: a dropped File (read in the worker) or text the main process already read. */
export type ImportRequest = { id: number; fileName: string } & ({ file: Blob } | { text: string });

export type ImportPhase = 'reading' | 'parsing' | 'sending';

export type ImportMessage =
  | { id: number; type: 'progress'; phase: ImportPhase; fraction: number }
  /** Samples arrive in chunks so the main thread never clones a million objects in one go. */
  | { id: number; type: 'samples'; samples: Sample[] }
  | { id: number; type: 'done'; ok: true; report: ImportReport }
  | { id: number; type: 'done'; ok: false; error: string; report: ImportReport | null };

export const SAMPLE_CHUNK = 100_000;
