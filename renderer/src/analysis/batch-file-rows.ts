import type { Dataset, DatasetFile } from '../state/workspace-types';

/** The first index of `sorted` (ascending) whose value is `value` or more. */
function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A batch's files after rows were left out of its columns (duplicates dropped, samples another dataset holds):
 * each file's range renumbered to the rows kept (`kept`: the old indexes of the new rows, ascending).
 */
export function keepFileRows(files: readonly DatasetFile[], kept: ArrayLike<number>): DatasetFile[] {
  return files.map((f) => ({ ...f, start: lowerBound(kept, f.start), end: lowerBound(kept, f.end) }));
}

/**
 * The rows of `rows` (ascending indexes into the dataset's columns) outside the files the user hid: the same
 * array when none is hidden. A hidden file is a filter: its rows stay in the dataset.
 */
export function rowsOfShownFiles(
  rows: Int32Array,
  dataset: Pick<Dataset, 'files' | 'hiddenFiles'>,
): Int32Array {
  const { files, hiddenFiles } = dataset;
  if (files === null || hiddenFiles.size === 0) return rows;
  const hidden = [...hiddenFiles]
    .map((k) => files[k])
    .filter((f): f is DatasetFile => f !== undefined && f.end > f.start)
    .sort((a, b) => a.start - b.start);
  if (hidden.length === 0) return rows;
  const out = new Int32Array(rows.length);
  let n = 0;
  let h = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    while (h < hidden.length && (hidden[h] as DatasetFile).end <= row) h++;
    if (h < hidden.length && (hidden[h] as DatasetFile).start <= row) continue;
    out[n++] = row;
  }
  return n === rows.length ? rows : out.slice(0, n);
}
