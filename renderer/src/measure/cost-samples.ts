import type { Metric, Sample } from '../../../shared/sample';
import { metricAt } from '../../../shared/stats/metric-values';
import { selectRows, withTags } from '../analysis/selection';
import { sampleAt } from '../../../shared/sample-columns';
import type { Dataset, Filters } from '../state/workspace';

/**
 * The samples behind the chart's boxes, for the cost view: shown datasets and filters, the dataset's tags
 * filling in unknown architecture and memory (as the chart does), and only samples the current metric
 * has a value for (with Init, the cold starts), so each cost row is exactly one box.
 */
export function samplesOfBoxes(datasets: readonly Dataset[], filters: Filters, metric: Metric): Sample[] {
  const out: Sample[] = [];
  for (const { dataset, rows } of selectRows(datasets, filters)) {
    for (const r of rows)
      if (!Number.isNaN(metricAt(dataset.columns, r, metric)))
        out.push(withTags(sampleAt(dataset.columns, r), dataset));
  }
  return out;
}
