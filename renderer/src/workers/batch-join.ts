import { ColumnsJoin, concatColumns, type ColumnsPart } from '../../../shared/concat-columns';
import type { ImportReport } from '../../../shared/csv/import-csv';
import type { SampleColumns } from '../../../shared/sample-columns';
import { isBaselineFile } from '../import/baseline-import';
import type { FileKind, JoinRequest, KeepIn } from './import-protocol';

/** A kind of a batch: its first file as it is (it may stay a dataset of its own), then the join of all. */
interface KindState {
  files: number[];
  first: Required<ColumnsPart> | null;
  join: ColumnsJoin | null;
}

interface BatchState {
  /** The seq of the next file to join; files read before their turn wait in `waiting`. */
  next: number;
  waiting: Map<number, { id: number; fileName: string; read: ReadFile | null }>;
  kinds: Map<FileKind, KindState>;
  rows: number;
  size: number;
  batchSize: number;
}

interface ReadFile {
  columns: SampleColumns;
  report: ImportReport;
  /** The file's size (bytes or characters), as KeepIn's batchSize counts. */
  size: number;
}

/**
 * The batches whose files the import worker keeps: each file is joined into its kind's columns as soon as
 * the files before it are, and its own columns are then let go (see ColumnsJoin).
 */
export class BatchJoins {
  private readonly batches = new Map<number, BatchState>();

  /** A file of a batch is done: `read` null when it could not be read (it is then left out). */
  add(keep: KeepIn, id: number, fileName: string, read: ReadFile | null): void {
    let batch = this.batches.get(keep.batch);
    if (!batch) {
      batch = { next: 0, waiting: new Map(), kinds: new Map(), rows: 0, size: 0, batchSize: keep.batchSize };
      this.batches.set(keep.batch, batch);
    }
    batch.waiting.set(keep.seq, { id, fileName, read });
    for (let file = batch.waiting.get(batch.next); file; file = batch.waiting.get(batch.next)) {
      batch.waiting.delete(batch.next++);
      if (file.read !== null) this.joinFile(batch, file.id, file.fileName, file.read);
    }
  }

  private joinFile(batch: BatchState, id: number, fileName: string, read: ReadFile): void {
    const kind: FileKind = isBaselineFile(fileName) ? 'baseline' : 'csv';
    let state = batch.kinds.get(kind);
    if (!state) batch.kinds.set(kind, (state = { files: [], first: null, join: null }));
    const part = {
      columns: read.columns,
      arch: read.report.archFromFileName,
      memoryMB: read.report.memoryFromFileName,
    };
    batch.rows += read.columns.length;
    batch.size += read.size;
    if (state.files.length === 0) state.first = part;
    else {
      if (state.join === null) {
        // Room for the whole batch at the rows per byte so far, a little over: growing copies.
        state.join = new ColumnsJoin((batch.rows / Math.max(1, batch.size)) * batch.batchSize * 1.05);
        state.join.append(state.first as ColumnsPart);
        state.first = null;
      }
      state.join.append(part);
    }
    state.files.push(id);
  }

  /** The joined columns of a kind, forgotten here then; throws when they are not the files asked for. */
  take({ batch: b, kind, files, single }: JoinRequest['join']): SampleColumns {
    const state = this.batches.get(b)?.kinds.get(kind);
    if (!state || state.files.join() !== files.join())
      throw new Error(`the ${kind} files of this import are not all in the worker`);
    this.batches.get(b)?.kinds.delete(kind);
    if (state.join !== null) return state.join.finish();
    const first = state.first as Required<ColumnsPart>;
    return single ? first.columns : concatColumns([first]);
  }

  forget(batch: number): void {
    this.batches.delete(batch);
  }
}
