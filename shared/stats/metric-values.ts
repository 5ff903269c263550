import type { Metric, Sample } from '../sample';
import type { SampleColumns } from '../sample-columns';

// A metric's value for a sample, one rule for samples as objects and as columns.

/**
 * `total` is what the platform spent on the invocation: Init Duration (or SnapStart Restore Duration) plus
 * Duration; a warm sample's total is its Duration. NaN stands for a phase the invocation did not have.
 */
function platformTotal(initMs: number, restoreMs: number, durationMs: number): number {
  return (initMs === initMs ? initMs : 0) + (restoreMs === restoreMs ? restoreMs : 0) + durationMs;
}

/** The value of a metric for a sample; null when the sample has none (e.g. init of a warm start). */
export function metricValue(sample: Sample, metric: Metric): number | null {
  switch (metric) {
    case 'init':
      return sample.initMs;
    case 'duration':
      return sample.durationMs;
    case 'total':
      return platformTotal(sample.initMs ?? NaN, sample.restoreMs ?? NaN, sample.durationMs);
    case 'billed':
      return sample.billedMs;
    case 'maxmemory':
      return sample.maxMemoryUsedMB;
  }
}

/**
 * Appends the values of a metric at the given rows to `out` from `at` on, leaving out rows without one (init
 * of a warm start, or anything not finite); returns how many it wrote.
 */
export function gatherMetric(
  c: SampleColumns,
  rows: Int32Array,
  metric: Metric,
  out: Float64Array,
  at: number,
): number {
  let k = at;
  const n = rows.length;
  // One loop per metric: the choice is made once, not per row. `v - v === 0` is Number.isFinite(v).
  if (metric === 'total') {
    const init = c.initMs;
    const restore = c.restoreMs;
    const duration = c.durationMs;
    for (let j = 0; j < n; j++) {
      const r = rows[j] as number;
      const v = platformTotal(init[r] as number, restore[r] as number, duration[r] as number);
      if (v - v === 0) out[k++] = v;
    }
  } else {
    const column = metricColumn(c, metric);
    for (let j = 0; j < n; j++) {
      const v = column[rows[j] as number] as number;
      if (v - v === 0) out[k++] = v;
    }
  }
  return k - at;
}

/**
 * The values of a metric, every row's written at its group's cursor in `out` (then advanced), rows without one
 * left out as in gatherMetric. The row's group is `groupIndex[groupOf[row]]`. One pass over the columns in row
 * order: for a million rows in hundreds of groups, much cheaper than gathering each group's rows from all over
 * the columns.
 */
export function scatterMetric(
  c: SampleColumns,
  groupOf: Int32Array,
  groupIndex: Int32Array,
  metric: Metric,
  out: Float64Array,
  cursor: Int32Array,
): void {
  const n = c.length;
  if (metric === 'total') {
    const init = c.initMs;
    const restore = c.restoreMs;
    const duration = c.durationMs;
    for (let i = 0; i < n; i++) {
      const v = platformTotal(init[i] as number, restore[i] as number, duration[i] as number);
      if (v - v !== 0) continue;
      const g = groupIndex[groupOf[i] as number] as number;
      const at = cursor[g] as number;
      out[at] = v;
      cursor[g] = at + 1;
    }
    return;
  }
  const column = metricColumn(c, metric);
  for (let i = 0; i < n; i++) {
    const v = column[i] as number;
    if (v - v !== 0) continue;
    const g = groupIndex[groupOf[i] as number] as number;
    const at = cursor[g] as number;
    out[at] = v;
    cursor[g] = at + 1;
  }
}

/** The value of a metric at one row, NaN when it has none (see gatherMetric). */
export function metricAt(c: SampleColumns, row: number, metric: Metric): number {
  let v: number;
  if (metric === 'total') {
    v = platformTotal(c.initMs[row] as number, c.restoreMs[row] as number, c.durationMs[row] as number);
  } else v = metricColumn(c, metric)[row] as number;
  return v - v === 0 ? v : NaN;
}

function metricColumn(c: SampleColumns, metric: Exclude<Metric, 'total'>): Float64Array {
  switch (metric) {
    case 'init':
      return c.initMs;
    case 'duration':
      return c.durationMs;
    case 'billed':
      return c.billedMs;
    case 'maxmemory':
      return c.maxMemoryUsedMB;
  }
}
