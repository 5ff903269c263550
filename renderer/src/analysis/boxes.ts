import { boxStatsOfSorted, metricValue, type BoxStats } from '../../../shared/stats/group-stats';
import type { Metric, Sample } from '../../../shared/sample';
import type { Dataset, Filters } from '../state/workspace';
import { effectiveArch, effectiveMemory, memoryKey, UNKNOWN, visibleDatasets } from './selection';

/** One box of the chart and one row of the statistics table. */
export interface Box {
  /** Stable id of the group: function|arch|memory. */
  key: string;
  name: string;
  arch: string;
  memoryMB: number | null;
  stats: BoxStats;
  /** The group's values, sorted (for the jittered points). */
  values: ArrayLike<number>;
}

export const boxKey = (name: string, arch: string, memoryMB: number | null): string =>
  `${name}|${arch}|${memoryMB ?? UNKNOWN}`;

export function boxLabel(box: Pick<Box, 'name' | 'arch' | 'memoryMB'>): string {
  return `${box.name} · ${box.arch} · ${box.memoryMB === null ? 'unknown memory' : `${box.memoryMB} MB`}`;
}

/** The shown samples of one function/arch/memory, before any metric is chosen. */
export interface SampleGroup {
  key: string;
  name: string;
  arch: string;
  memoryMB: number | null;
  samples: Sample[];
}

/**
 * Groups the shown samples by function, architecture and memory. This is the expensive pass over a
 * million samples; it depends on data and filters only, so a metric switch reuses it.
 */
export function groupSamples(datasets: readonly Dataset[], filters: Filters): SampleGroup[] {
  // name → arch → memory: nested maps avoid building a key string per sample.
  const byName = new Map<string, Map<string, Map<number | null, SampleGroup | null>>>();
  const groups: SampleGroup[] = [];
  for (const dataset of visibleDatasets(datasets, filters)) {
    let lastName: string | undefined;
    let lastArch: string | null | undefined;
    let lastMemory: number | null | undefined;
    let last: SampleGroup | null = null;
    for (const sample of dataset.samples) {
      // Runs of equal keys are the common case (a file per configuration): no lookups at all then.
      if (sample.name !== lastName || sample.arch !== lastArch || sample.memoryMB !== lastMemory) {
        lastName = sample.name;
        lastArch = sample.arch;
        lastMemory = sample.memoryMB;
        const arch = effectiveArch(sample, dataset);
        const memoryMB = effectiveMemory(sample, dataset);
        let byArch = byName.get(sample.name);
        if (!byArch) byName.set(sample.name, (byArch = new Map()));
        let byMemory = byArch.get(arch);
        if (!byMemory) byArch.set(arch, (byMemory = new Map()));
        let group = byMemory.get(memoryMB);
        if (group === undefined) {
          const shown =
            !filters.hiddenFunctions.has(sample.name) &&
            !filters.hiddenArchs.has(arch) &&
            !filters.hiddenMemories.has(memoryKey(memoryMB));
          group = shown
            ? { key: boxKey(sample.name, arch, memoryMB), name: sample.name, arch, memoryMB, samples: [] }
            : null;
          byMemory.set(memoryMB, group);
          if (group) groups.push(group);
        }
        last = group;
      }
      if (last) last.samples.push(sample);
    }
  }
  return groups.sort(compareGroups);
}

/**
 * Each group's statistics for one metric, with the shared (ggplot2-equal) code, so chart, table and R
 * agree. Samples without a value for the metric (init of a warm start) are left out of that metric.
 */
export function boxesOf(groups: readonly SampleGroup[], metric: Metric): Box[] {
  const boxes: Box[] = [];
  for (const group of groups) {
    const values = new Float64Array(group.samples.length);
    let n = 0;
    for (const sample of group.samples) {
      const v = metricValue(sample, metric);
      if (v !== null && Number.isFinite(v)) values[n++] = v;
    }
    const sorted = values.subarray(0, n).sort();
    const stats = boxStatsOfSorted(sorted);
    if (stats)
      boxes.push({
        key: group.key,
        name: group.name,
        arch: group.arch,
        memoryMB: group.memoryMB,
        stats,
        values: sorted,
      });
  }
  return boxes;
}

export function computeBoxes(datasets: readonly Dataset[], filters: Filters, metric: Metric): Box[] {
  return boxesOf(groupSamples(datasets, filters), metric);
}

function compareGroups(a: SampleGroup, b: SampleGroup): number {
  return (
    a.name.localeCompare(b.name) ||
    a.arch.localeCompare(b.arch) ||
    (a.memoryMB ?? Number.MAX_SAFE_INTEGER) - (b.memoryMB ?? Number.MAX_SAFE_INTEGER)
  );
}
