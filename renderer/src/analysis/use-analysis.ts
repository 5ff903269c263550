import { computed, toRaw } from 'vue';
import type { Metric } from '../../../shared/sample';
import type { ChartSettings, Dataset, Filters, Workspace } from '../state/workspace';
import { boxesOf, groupSamples, type Box, type SampleGroup } from './boxes';
import { collectDimensions, type Dimensions } from './selection';
import { METRICS } from './metrics';

/** Runs a step of the analysis, leaving its time as a performance measure (`coldstart:group`, `coldstart:boxes:init`, ...) for the bench. */
function timed<T>(step: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  // Only the latest of each is kept: a long session would otherwise pile them up.
  performance.clearMeasures(`coldstart:${step}`);
  performance.measure(`coldstart:${step}`, { start: started, end: performance.now() });
  return result;
}

export const showsDatasetsApart = (chart: Pick<ChartSettings, 'colorBy' | 'facetByDataset'>): boolean =>
  chart.colorBy === 'dataset' || chart.facetByDataset;

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
      columns: d.columns,
      pendingDuplicates: d.pendingDuplicates,
      overlap: d.overlap,
      files: d.files,
      hiddenFiles: d.hiddenFiles,
      tags: { arch: d.tags.arch, memoryMB: d.tags.memoryMB },
      overrides: d.overrides,
    })),
  );
  const filters = computed<Filters>(() => ({
    hiddenDatasets: new Set(ws.state.filters.hiddenDatasets),
    hiddenFunctions: new Set(ws.state.filters.hiddenFunctions),
    hiddenArchs: new Set(ws.state.filters.hiddenArchs),
    hiddenMemories: new Set(ws.state.filters.hiddenMemories),
  }));

  /** Datasets shown apart (run A beside run B) while colored or faceted by dataset; pooled otherwise. */
  const byDataset = computed(() => showsDatasetsApart(ws.state.chart));

  // The grouping depends on data, filters and whether datasets are apart only; boxes of every metric
  // computed for it are kept, so switching the metric costs one pass over the samples at most, and
  // switching back nothing.
  const groups = computed<SampleGroup[]>(() =>
    timed('group', () => groupSamples(datasets.value, filters.value, byDataset.value)),
  );
  // Nothing here reads the groups before a box chart or table asks for them (no watcher on them: a watcher
  // would group every import, e.g. a year of baselines while the Trend tab is open).
  let cache = new Map<Metric, Box[]>();
  let cachedFor: SampleGroup[] | null = null;

  const boxesFor = (metric: Metric): Box[] => {
    const current = groups.value;
    if (current !== cachedFor) {
      cache = new Map();
      cachedFor = current;
    }
    let boxes = cache.get(metric);
    if (!boxes) cache.set(metric, (boxes = timed(`boxes:${metric}`, () => boxesOf(current, metric))));
    return boxes;
  };

  const boxes = computed<Box[]>(() => {
    void groups.value;
    return boxesFor(ws.state.chart.metric);
  });

  /** After a draw, the other metrics are computed when the window is idle, so a switch is a redraw only. */
  function warmOtherMetrics(): void {
    const idle = (cb: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(cb) : setTimeout(cb, 50);
    // The groups' inputs, not the groups: reading those after a change would group again, box chart shown
    // or not.
    const inputs = [datasets.value, filters.value, byDataset.value];
    const unchanged = () =>
      datasets.value === inputs[0] && filters.value === inputs[1] && byDataset.value === inputs[2];
    // One metric per idle slot, so a click in between waits for one metric at most.
    for (const m of METRICS) {
      idle(() => {
        if (unchanged()) boxesFor(m.id);
      });
    }
  }

  /** Functions, archs and memories of all datasets (shown or not), for the filter lists. */
  const dimensions = computed<Dimensions>(() => timed('dimensions', () => collectDimensions(datasets.value)));

  const totalSamples = computed(() => datasets.value.reduce((n, d) => n + d.columns.length, 0));

  return { datasets, filters, groups, boxes, byDataset, dimensions, totalSamples, warmOtherMetrics };
}
