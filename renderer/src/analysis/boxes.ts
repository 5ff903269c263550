import { boxStats, metricValue, type BoxStats } from '../../../shared/stats/group-stats';
import type { Metric } from '../../../shared/sample';
import type { Dataset, Filters } from '../state/workspace';
import { effectiveArch, effectiveMemory, isShown, UNKNOWN, visibleDatasets } from './selection';

/** One box of the chart and one row of the statistics table. */
export interface Box {
  /** Stable id of the group: function, arch, memory. */
  key: string;
  name: string;
  arch: string;
  memoryMB: number | null;
  stats: BoxStats;
  /** The group's values in sample order (for the jittered points). */
  values: number[];
}

export const boxKey = (name: string, arch: string, memoryMB: number | null): string =>
  `${name}|${arch}|${memoryMB ?? UNKNOWN}`;

export function boxLabel(box: Pick<Box, 'name' | 'arch' | 'memoryMB'>): string {
  return `${box.name} · ${box.arch} · ${box.memoryMB === null ? 'unknown memory' : `${box.memoryMB} MB`}`;
}

/**
 * Groups the shown samples by function, architecture and memory and computes each group's statistics
 * with the shared (ggplot2-equal) boxStats, so chart, table and R agree. Samples without a value for
 * the metric (init of a warm start) are left out of that metric.
 */
export function computeBoxes(datasets: readonly Dataset[], filters: Filters, metric: Metric): Box[] {
  const groups = new Map<string, { name: string; arch: string; memoryMB: number | null; values: number[] }>();
  for (const dataset of visibleDatasets(datasets, filters)) {
    let lastKey = '';
    let last: { values: number[] } | undefined;
    for (const sample of dataset.samples) {
      if (!isShown(sample, dataset, filters)) continue;
      const value = metricValue(sample, metric);
      if (value === null) continue;
      const arch = effectiveArch(sample, dataset);
      const memoryMB = effectiveMemory(sample, dataset);
      const key = boxKey(sample.name, arch, memoryMB);
      if (key !== lastKey || !last) {
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { name: sample.name, arch, memoryMB, values: [] }));
        last = group;
        lastKey = key;
      }
      last.values.push(value);
    }
  }
  const boxes: Box[] = [];
  for (const [key, group] of groups) {
    const stats = boxStats(group.values);
    if (stats) boxes.push({ key, ...group, stats });
  }
  return boxes.sort(compareBoxes);
}

function compareBoxes(a: Box, b: Box): number {
  return (
    a.name.localeCompare(b.name) ||
    a.arch.localeCompare(b.arch) ||
    (a.memoryMB ?? Number.MAX_SAFE_INTEGER) - (b.memoryMB ?? Number.MAX_SAFE_INTEGER)
  );
}
