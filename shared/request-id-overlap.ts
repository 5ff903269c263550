import type { PackedTextColumn } from './sample-columns';

/** Where an incoming dataset's samples were already seen: per earlier dataset, how many. */
export interface RequestIdOverlap {
  /** Rows of the incoming dataset whose RequestId an earlier dataset already holds, ascending. */
  rows: number[];
  /** Per earlier dataset (by its index in the list given) the number of those rows it holds. */
  byDataset: { index: number; count: number }[];
}

/**
 * The same invocation can reach the workspace twice: a measured run and a later fetch of the same period
 * both hold its REPORT. A RequestId names one invocation, so the incoming dataset's rows whose RequestId an
 * earlier dataset already holds are the ones to count once (the earlier dataset keeps them). Rows without a
 * RequestId (seed files) never overlap. Null when nothing overlaps.
 */
export function findRequestIdOverlap(
  earlier: readonly (PackedTextColumn | null)[],
  incoming: PackedTextColumn | null,
): RequestIdOverlap | null {
  if (incoming === null || earlier.every((c) => c === null)) return null;
  const seen = new Map<string, number>();
  earlier.forEach((column, index) => {
    if (column === null) return;
    forEachId(column, (id) => {
      if (!seen.has(id)) seen.set(id, index);
    });
  });
  const rows: number[] = [];
  const counts = new Map<number, number>();
  forEachId(incoming, (id, row) => {
    const index = seen.get(id);
    if (index === undefined) return;
    rows.push(row);
    counts.set(index, (counts.get(index) ?? 0) + 1);
  });
  if (rows.length === 0) return null;
  return {
    rows,
    byDataset: [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([index, count]) => ({ index, count })),
  };
}

function forEachId(column: PackedTextColumn, visit: (id: string, row: number) => void): void {
  let start = 0;
  for (let row = 0; row < column.ends.length; row++) {
    const end = column.ends[row] as number;
    if (end > start) visit(column.text.slice(start, end), row);
    start = end;
  }
}

/** The rows 0..length-1 without the given ones (ascending), as the row list `pickRows` takes. */
export function rowsWithout(length: number, dropped: readonly number[]): Uint32Array {
  const kept = new Uint32Array(length - dropped.length);
  let k = 0;
  let d = 0;
  for (let row = 0; row < length; row++) {
    if (d < dropped.length && dropped[d] === row) d++;
    else kept[k++] = row;
  }
  return kept;
}
