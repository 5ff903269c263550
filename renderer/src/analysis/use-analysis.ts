import { computed, toRaw, watch } from 'vue';
import type { Metric } from '../../../shared/sample';
import type { Dataset, Filters, Workspace } from '../state/workspace';
import { computeBoxes, type Box } from './boxes';
import { collectDimensions, type Dimensions } from './selection';
import { METRICS } from './metrics';

/**
 * Plain (non-reactive) snapshots of the datasets and filters: the grouping loops read them a million
 * times, and going through Vue proxies on each read would cost seconds.
 */
export function useAnalysis(ws: Workspace) {
  const datasets = computed<Dataset[]>(() =>
    ws.state.datasets.map((d) => ({
      ...toRaw(d),
      // Reading these makes the snapshot depend on them.
      name: d.name,
      version: d.version,
      samples: d.samples,
      pendingDuplicates: d.pendingDuplicates,
      tags: { arch: d.tags.arch, memoryMB: d.tags.memoryMB },
    })),
  );
  const filters = computed<Filters>(() => ({
    hiddenDatasets: new Set(ws.state.filters.hiddenDatasets),
    hiddenFunctions: new Set(ws.state.filters.hiddenFunctions),
    hiddenArchs: new Set(ws.state.filters.hiddenArchs),
    hiddenMemories: new Set(ws.state.filters.hiddenMemories),
  }));

  // Boxes of every metric already computed for the current data and filters: switching back is instant.
  let cache = new Map<Metric, Box[]>();
  const dataKey = computed(() => [datasets.value, filters.value] as const);
  watch(dataKey, () => (cache = new Map()), { flush: 'sync' });

  const boxesFor = (metric: Metric): Box[] => {
    let boxes = cache.get(metric);
    if (!boxes) cache.set(metric, (boxes = computeBoxes(datasets.value, filters.value, metric)));
    return boxes;
  };

  const boxes = computed<Box[]>(() => {
    void dataKey.value;
    return boxesFor(ws.state.chart.metric);
  });

  /** After a draw, the other metrics are computed when the window is idle, so a switch is a redraw only. */
  function warmOtherMetrics(): void {
    const idle = (cb: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(cb) : setTimeout(cb, 50);
    const key = dataKey.value;
    for (const m of METRICS) {
      idle(() => {
        if (dataKey.value === key) boxesFor(m.id);
      });
    }
  }

  /** Functions, archs and memories of all datasets (shown or not), for the filter lists. */
  const dimensions = computed<Dimensions>(() => collectDimensions(datasets.value));

  const totalSamples = computed(() => datasets.value.reduce((n, d) => n + d.samples.length, 0));

  return { datasets, filters, boxes, dimensions, totalSamples, warmOtherMetrics };
}
