import type { GroupKey, Metric } from '../sample';
import type { SampleColumns } from '../sample-columns';
import { boxStatsOfSorted, compareGroupValues, type GroupStats, type GroupValues } from './group-stats';
import { scatterMetric } from './metric-values';
import { rowGroupIds } from './row-groups';
import { sortValues } from './sort-values';

/** A group of rows with the same key values, in any of the sets. */
interface MergedGroup {
  values: (string | number | null)[];
  /** Its place among the merged groups (in order of first appearance). */
  index: number;
  rows: number;
}

/**
 * groupStats of samples stored as columns: one or more sets (e.g. one per file) counted as one, with the same
 * groups, numbers and order as groupStats of the same samples as objects. Every group's values are written to
 * its own stretch of one Float64Array in a pass over each set's rows (scatterMetric), then sorted there: no
 * object and no boxed number per sample.
 */
export function groupStatsOfColumns(
  sets: readonly SampleColumns[],
  by: readonly GroupKey[],
  metric: Metric,
  options: { keepValues?: boolean } = {},
): GroupStats[] {
  const keys = [...new Set(by)];
  const merged = new Map<string, MergedGroup>();
  const grouped = sets.map((columns) => {
    const { groupOf, values, sizes } = rowGroupIds(columns, keys);
    const groupIndex = new Int32Array(values.length);
    values.forEach((v, g) => {
      // A few hundred groups at most per set: a text key per group costs nothing.
      const id = JSON.stringify(v);
      let group = merged.get(id);
      if (group === undefined) merged.set(id, (group = { values: v, index: merged.size, rows: 0 }));
      group.rows += sizes[g] as number;
      groupIndex[g] = group.index;
    });
    return { columns, groupOf, groupIndex };
  });

  const groups = [...merged.values()];
  const starts = new Int32Array(groups.length + 1);
  let largest = 0;
  groups.forEach((group, k) => {
    starts[k + 1] = (starts[k] as number) + group.rows;
    largest = Math.max(largest, group.rows);
  });
  const cursor = starts.slice(0, groups.length);
  const values = new Float64Array(starts[groups.length] as number);
  for (const { columns, groupOf, groupIndex } of grouped)
    scatterMetric(columns, groupOf, groupIndex, metric, values, cursor);
  const scratch = new Float64Array(largest);
  const result: GroupStats[] = [];
  groups.forEach((group, k) => {
    const sorted = sortValues(values.subarray(starts[k], cursor[k]), scratch);
    const stats = boxStatsOfSorted(sorted);
    if (stats === null) return;
    const named: GroupValues = {};
    keys.forEach((key, i) => (named[key] = group.values[i] ?? null));
    // The values are one array for all groups: a kept copy is the group's own.
    result.push(
      options.keepValues
        ? { group: named, metric, stats, sorted: sorted.slice() }
        : { group: named, metric, stats },
    );
  });
  return result.sort((a, b) => compareGroupValues(a.group, b.group, keys));
}
