import type { Metric } from '../../../shared/sample';
import { metricInfo } from './metrics';

/** Why a chart has no box to draw, in words that say what is missing; null when there are boxes. */
export function emptyChartReason(input: {
  /** Groups the sidebar's filters leave, before a metric is chosen. */
  groups: number;
  /** Boxes with a value of the metric. */
  boxes: number;
  /** Boxes the group search and top/bottom N keep. */
  shown: number;
  metric: Metric;
  search: string;
}): string | null {
  if (input.shown > 0) return null;
  if (input.groups === 0)
    return 'No samples match the filters: show a dataset, function, architecture or memory size in the sidebar.';
  if (input.boxes === 0) {
    if (input.metric === 'maxmemory')
      return 'These files have no Max memory used values (no MaxMemory column): pick another metric.';
    if (input.metric === 'init')
      return 'The shown samples are all warm starts: none has an Init duration. Pick Duration or Billed duration.';
    return `The shown samples have no ${metricInfo(input.metric).label} values: pick another metric.`;
  }
  return `No group matches "${input.search.trim()}": change or clear the search.`;
}
