import type { PortableColumns } from './sample-columns';
import type { ImportReport } from '../../../shared/csv/import-csv';

/**
 * What the page asks of the import worker: a file to import (a dropped File, read in the worker, or text
 * the main process already read), the joined columns of a batch it kept (see KeepIn), or to forget a batch.
 */
export type ImportRequest = FileRequest | JoinRequest | { id: number; forget: number };

/**
 * One file. `keep`: the file is part of a batch: its columns stay in the worker (a `kept` message says what
 * the page needs of them), joined there with the batch's other files of its kind, in `seq` order, as they
 * come; a JoinRequest then takes the joined columns.
 */
export type FileRequest = { id: number; fileName: string; keep?: KeepIn } & (
  { file: Blob } | { text: string }
);

export interface KeepIn {
  batch: number;
  /** The file's place in the batch (0, 1, ...): every file of the batch is sent, read or not. */
  seq: number;
  /** The size of all the batch's files (bytes or characters): how many rows to make room for. */
  batchSize: number;
}

/** The kinds of file a batch makes a dataset of each (see isBaselineFile). */
export type FileKind = 'baseline' | 'csv';

/**
 * The joined columns of a kind of a batch: `files`, the ids of its files read (in order), so the worker can
 * tell it joined the same ones; `single`, a kind of one file that stays that file's dataset (its columns as
 * they are, nothing filled in from its name). The worker then forgets them.
 */
export interface JoinRequest {
  id: number;
  join: { batch: number; kind: FileKind; files: number[]; single: boolean };
}

export type ImportPhase = 'reading' | 'parsing' | 'sending';

export type ImportMessage =
  | { id: number; type: 'progress'; phase: ImportPhase; fraction: number }
  /** Samples travel as columns, their typed arrays transferred: cloning a million objects takes seconds. */
  | { id: number; type: 'samples'; columns: PortableColumns }
  /** A kept file: its row count and its first and last UTC day (see daySpan). */
  | { id: number; type: 'kept'; length: number; days: [string, string] | null }
  | { id: number; type: 'done'; ok: true; report: ImportReport; timings: ImportTimings }
  | { id: number; type: 'done'; ok: false; error: string; report: ImportReport | null }
  | { id: number; type: 'joined'; columns: PortableColumns; ms: number }
  | { id: number; type: 'join-failed'; error: string };

/** Where a worker import spent its time (ms): shown by the bench, kept as a performance mark. */
export interface ImportTimings {
  /** When the worker took the file up (ms since the epoch, as performance.timeOrigin + now()). */
  startedAt: number;
  readMs: number;
  /** importCsvFile, importCsvColumns or importBaselineFile: bytes or text to columns. */
  parseMs: number;
  /** Posting the columns (a file of a batch: finding its days and joining it to the batch's columns). */
  encodeMs: number;
}
