import { metricValue } from '../../../shared/stats/group-stats';
import type { Metric, Sample } from '../../../shared/sample';
import { selectSamples, withTags } from '../analysis/selection';
import type { Dataset, Filters } from '../state/workspace';

/**
 * The samples behind the chart's boxes, for the cost view: shown datasets and filters, the dataset's tags
 * filling in unknown architecture and memory (as the chart does), and only samples the current metric
 * has a value for (with Init, the cold starts), so each cost row is exactly one box.
 */
export function samplesOfBoxes(datasets: readonly Dataset[], filters: Filters, metric: Metric): Sample[] {
  return selectSamples(datasets, filters)
    .filter(({ sample }) => metricValue(sample, metric) !== null)
    .map(({ sample, dataset }) => withTags(sample, dataset));
}
