import { boxStatsOfSorted, type BoxStats } from '../../../shared/stats/group-stats';
import { sortValues } from '../../../shared/stats/sort-values';
import type { Metric } from '../../../shared/sample';
import type { SampleColumns } from '../../../shared/sample-columns';
import type { Dataset, Filters } from '../state/workspace';
import { gatherMetric } from '../../../shared/stats/metric-values';
import { rowsOfShownFiles } from './batch-file-rows';
import { combosOf } from './combos';
import { compareByName } from './group-order';
import { isComboShown, resolveArch, resolveMemory, UNKNOWN, visibleDatasets } from './selection';

/** One box of the chart and one row of the statistics table. */
export interface Box {
  /** Stable id of the group: function|arch|memory. */
  key: string;
  name: string;
  arch: string;
  memoryMB: number | null;
  /** The dataset, when datasets are shown apart (see groupSamples); absent when they are pooled. */
  dataset?: DatasetRef;
  stats: BoxStats;
  /** The group's values, sorted (for the jittered points). */
  values: ArrayLike<number>;
  /** The group's rows, dataset by dataset, and the metric of `values`: a point's hover finds its sample. */
  parts?: readonly RowsOf[];
  metric?: Metric;
}

/** A dataset as a dimension of the boxes: its id, name, and place among the open datasets (its color). */
export interface DatasetRef {
  id: string;
  name: string;
  index: number;
}

export const boxKey = (name: string, arch: string, memoryMB: number | null): string =>
  `${name}|${arch}|${memoryMB ?? UNKNOWN}`;

export function boxLabel(box: Pick<Box, 'name' | 'arch' | 'memoryMB' | 'dataset'>): string {
  return `${box.dataset ? `${box.dataset.name}: ` : ''}${box.name} · ${box.arch} · ${box.memoryMB === null ? 'unknown memory' : `${box.memoryMB} MB`}`;
}

/** Some rows of one dataset's columns. */
export interface RowsOf {
  columns: SampleColumns;
  rows: Int32Array;
  /** The dataset's name, for a point's hover. */
  dataset?: string;
}

/** The shown samples of one function/arch/memory, before any metric is chosen. */
export interface SampleGroup {
  key: string;
  name: string;
  arch: string;
  memoryMB: number | null;
  dataset?: DatasetRef;
  /** Its rows, dataset by dataset (a dataset can add several parts: rows with and without an own arch). */
  parts: RowsOf[];
  count: number;
}

/**
 * Groups the shown samples by function, architecture and memory (as corrected by the user and the
 * dataset's tags), and by dataset when `byDataset` (run A beside run B instead of pooled). Works on each
 * dataset's distinct combinations (see combosOf), so it costs nothing per row; it depends on data and
 * filters only, so a metric switch reuses it.
 */
export function groupSamples(
  datasets: readonly Dataset[],
  filters: Filters,
  byDataset = false,
): SampleGroup[] {
  const byKey = new Map<string, SampleGroup>();
  const shown = new Set(visibleDatasets(datasets, filters));
  datasets.forEach((dataset, index) => {
    if (!shown.has(dataset)) return;
    // The index among all open datasets, not the shown ones: hiding a dataset keeps the others' colors.
    const ref = byDataset ? { id: dataset.id, name: dataset.name, index } : undefined;
    for (const combo of combosOf(dataset.columns)) {
      if (!isComboShown(combo, dataset, filters)) continue;
      const rows = rowsOfShownFiles(combo.rows, dataset);
      if (rows.length === 0) continue;
      const arch = resolveArch(combo.name, combo.arch, dataset);
      const memoryMB = resolveMemory(combo.name, combo.memoryMB, dataset);
      const config = boxKey(combo.name, arch, memoryMB);
      const key = ref ? `${ref.id}|${config}` : config;
      let group = byKey.get(key);
      if (!group)
        byKey.set(
          key,
          (group = { key, name: combo.name, arch, memoryMB, dataset: ref, parts: [], count: 0 }),
        );
      group.parts.push({ columns: dataset.columns, rows, dataset: dataset.name });
      group.count += rows.length;
    }
  });
  return [...byKey.values()].sort(compareGroups);
}

/**
 * Each group's statistics for one metric, with the shared (ggplot2-equal) code, so chart, table and R
 * agree. Samples without a value for the metric (init of a warm start) are left out of that metric.
 */
export function boxesOf(groups: readonly SampleGroup[], metric: Metric): Box[] {
  const boxes: Box[] = [];
  let scratch = new Float64Array(0);
  for (const group of groups) {
    const values = new Float64Array(group.count);
    let n = 0;
    for (const part of group.parts) n += gatherMetric(part.columns, part.rows, metric, values, n);
    if (scratch.length < n) scratch = new Float64Array(n);
    const sorted = sortValues(n === values.length ? values : values.subarray(0, n), scratch);
    const stats = boxStatsOfSorted(sorted);
    if (stats)
      boxes.push({
        key: group.key,
        name: group.name,
        arch: group.arch,
        memoryMB: group.memoryMB,
        ...(group.dataset ? { dataset: group.dataset } : {}),
        stats,
        values: sorted,
        parts: group.parts,
        metric,
      });
  }
  return boxes;
}

export function computeBoxes(
  datasets: readonly Dataset[],
  filters: Filters,
  metric: Metric,
  byDataset = false,
): Box[] {
  return boxesOf(groupSamples(datasets, filters, byDataset), metric);
}

/** The box's function, arch and memory, whatever its dataset: the boxes a comparison puts side by side. */
export const configKey = (box: Pick<Box, 'name' | 'arch' | 'memoryMB'>): string =>
  boxKey(box.name, box.arch, box.memoryMB);

/**
 * By name as people read it (python3.9 before python3.10), then arch and memory (see group-order.ts), then
 * the datasets in their open order.
 */
const compareGroups = (a: SampleGroup, b: SampleGroup): number =>
  compareByName(a, b) || (a.dataset?.index ?? 0) - (b.dataset?.index ?? 0);
