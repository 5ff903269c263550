import { markRaw } from 'vue';
import { findRequestIdOverlap, rowsWithout } from '../../../shared/request-id-overlap';
import { type SampleColumns } from '../../../shared/sample-columns';
import { pickRows } from '../../../shared/sample-columns-builder';
import { keepFileRows } from '../analysis/batch-file-rows';
import type { Dataset, DatasetFile } from './workspace-types';

/** What adding a dataset found already open: the same invocations (RequestIds) in earlier datasets. */
export interface DatasetOverlap {
  with: { datasetId: string; name: string; count: number }[];
  /** Samples left out of this dataset (the earlier datasets keep them). */
  dropped: number;
  /** True once the user chose to keep them after all. */
  kept: boolean;
  /** The dataset as it came, for "keep them". */
  readonly all: SampleColumns;
  readonly allDuplicates: number[][];
  /** A batch's files as they came (their row ranges in `all`); null for a dataset of one file or a run. */
  readonly allFiles: readonly DatasetFile[] | null;
}

/**
 * Leaves out of `columns` the samples an earlier dataset already holds (same RequestId), renumbering the
 * duplicate groups found by the import, and a batch's file ranges, to the rows that stay.
 */
export function withoutOverlap(
  earlier: readonly Dataset[],
  columns: SampleColumns,
  duplicates: number[][],
  files: readonly DatasetFile[] | null = null,
): {
  columns: SampleColumns;
  duplicates: number[][];
  files: DatasetFile[] | null;
  overlap: DatasetOverlap;
} | null {
  const found = findRequestIdOverlap(
    earlier.map((d) => d.columns.requestId),
    columns.requestId,
  );
  if (!found) return null;
  const kept = rowsWithout(columns.length, found.rows);
  const newIndex = new Int32Array(columns.length).fill(-1);
  kept.forEach((row, i) => (newIndex[row] = i));
  const renumbered = duplicates
    .map((group) => group.map((row) => newIndex[row] as number).filter((row) => row >= 0))
    .filter((group) => group.length > 1);
  return {
    columns: pickRows(columns, kept),
    duplicates: renumbered,
    files: files && keepFileRows(files, kept),
    overlap: {
      with: found.byDataset.map(({ index, count }) => {
        const d = earlier[index] as Dataset;
        return { datasetId: d.id, name: d.name, count };
      }),
      dropped: found.rows.length,
      kept: false,
      all: markRaw(columns),
      allDuplicates: duplicates,
      allFiles: files,
    },
  };
}
