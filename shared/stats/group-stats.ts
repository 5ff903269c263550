import type { GroupKey, Metric, Sample } from '../sample';

/** The numbers of one box, exactly as ggplot2's geom_boxplot computes them (quantiles by R's type 7). */
export interface BoxStats {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Sample standard deviation (n - 1); null when n < 2. */
  sd: number | null;
  /** Most extreme data points within 1.5 × IQR of the box. */
  whiskerLow: number;
  whiskerHigh: number;
  outliers: number[];
}

/** The key of a group: only the grouping keys in use are set (memory as a number, arch as its name). */
export type GroupValues = Partial<Record<GroupKey, string | number | null>>;

export interface GroupStats {
  group: GroupValues;
  metric: Metric;
  stats: BoxStats;
}

/** Statistics of one list of values; null for an empty list. */
export function boxStats(_values: readonly number[]): BoxStats | null {
  throw new Error('not implemented yet');
}

/** The value of a metric for a sample; null when the sample has none (e.g. init of a warm start). */
export function metricValue(_sample: Sample, _metric: Metric): number | null {
  throw new Error('not implemented yet');
}

/** Groups samples by the given keys and computes one BoxStats per group, in a stable, readable order. */
export function groupStats(
  _samples: readonly Sample[],
  _by: readonly GroupKey[],
  _metric: Metric,
): GroupStats[] {
  throw new Error('not implemented yet');
}
