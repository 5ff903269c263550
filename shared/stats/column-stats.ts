import type { GroupKey, Metric } from '../sample';
import type { SampleColumns } from '../sample-columns';
import { boxStatsOfSorted, compareGroupValues, type GroupStats, type GroupValues } from './group-stats';
import { gatherMetric } from './metric-values';
import { groupRows } from './row-groups';
import { sortValues } from './sort-values';

/** One group's rows in each set of columns that has any. */
interface MergedGroup {
  values: (string | number | null)[];
  parts: { columns: SampleColumns; rows: Int32Array }[];
  rows: number;
}

/**
 * groupStats of samples stored as columns: one or more sets (e.g. one per file) counted as one, with the same
 * groups, numbers and order as groupStats of the same samples as objects. Each group's values are gathered
 * into one Float64Array and sorted there: no object and no boxed number per sample.
 */
export function groupStatsOfColumns(
  sets: readonly SampleColumns[],
  by: readonly GroupKey[],
  metric: Metric,
  options: { keepValues?: boolean } = {},
): GroupStats[] {
  const keys = [...new Set(by)];
  const merged = new Map<string, MergedGroup>();
  for (const columns of sets) {
    for (const { values, rows } of groupRows(columns, keys)) {
      // A few hundred groups at most per set: a text key per group costs nothing.
      const id = JSON.stringify(values);
      let group = merged.get(id);
      if (group === undefined) merged.set(id, (group = { values, parts: [], rows: 0 }));
      group.parts.push({ columns, rows });
      group.rows += rows.length;
    }
  }

  let largest = 0;
  for (const group of merged.values()) largest = Math.max(largest, group.rows);
  const values = new Float64Array(largest);
  const scratch = new Float64Array(largest);
  const result: GroupStats[] = [];
  for (const group of merged.values()) {
    let n = 0;
    for (const part of group.parts) n += gatherMetric(part.columns, part.rows, metric, values, n);
    const sorted = sortValues(values.subarray(0, n), scratch);
    const stats = boxStatsOfSorted(sorted);
    if (stats === null) continue;
    const named: GroupValues = {};
    keys.forEach((key, k) => (named[key] = group.values[k] ?? null));
    // The buffer is reused for the next group: a kept copy is the group's own.
    result.push(
      options.keepValues
        ? { group: named, metric, stats, sorted: sorted.slice() }
        : { group: named, metric, stats },
    );
  }
  return result.sort((a, b) => compareGroupValues(a.group, b.group, keys));
}
