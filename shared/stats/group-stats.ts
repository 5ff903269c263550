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

/** What each metric means, for tables, tooltips and the README. */
export const METRIC_LABELS: Record<Metric, string> = {
  init: 'Init Duration (ms), cold starts only',
  duration: 'Duration (ms)',
  total: 'Init (or SnapStart Restore) + Duration (ms)',
  billed: 'Billed Duration (ms)',
  maxmemory: 'Max Memory Used (MB)',
};

/** ggplot2's stat_boxplot `coef`: whiskers reach at most 1.5 × IQR beyond the box. */
const WHISKER_COEF = 1.5;

/**
 * R's `quantile(x, p, type = 7)` of sorted values, computed the way R does it (`(1 - h) * x[lo] + h * x[hi]`,
 * not `x[lo] + h * (x[hi] - x[lo])`), so the result is the same double, not merely close.
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const index = 1 + Math.max(n - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1] as number;
  const xHi = sorted[hi - 1] as number;
  if (!(index > lo && xHi !== qs)) return qs;
  const h = index - lo;
  return (1 - h) * qs + h * xHi;
}

/** BoxStats of values already sorted ascending (a Float64Array sorted in place is the fast way). */
export function boxStatsOfSorted(sorted: Float64Array): BoxStats | null {
  const n = sorted.length;
  if (n === 0) return null;
  const q1 = quantileType7(sorted, 0.25);
  const median = quantileType7(sorted, 0.5);
  const q3 = quantileType7(sorted, 0.75);
  const iqr = q3 - q1;
  const lowFence = q1 - WHISKER_COEF * iqr;
  const highFence = q3 + WHISKER_COEF * iqr;

  // Mean as R computes it: the sum divided by n, then corrected by the mean residual.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  let mean = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += (sorted[i] as number) - mean;
  mean += residual / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (sorted[i] as number) - mean;
    squares += d * d;
  }

  // stat_boxplot: whiskers span the range of the box and every point that is not an outlier.
  const outliers: number[] = [];
  let whiskerLow = q1;
  let whiskerHigh = q3;
  for (let i = 0; i < n; i++) {
    const y = sorted[i] as number;
    if (y < lowFence || y > highFence) outliers.push(y);
    else {
      if (y < whiskerLow) whiskerLow = y;
      if (y > whiskerHigh) whiskerHigh = y;
    }
  }
  if (median < whiskerLow) whiskerLow = median;
  if (median > whiskerHigh) whiskerHigh = median;

  return {
    n,
    min: sorted[0] as number,
    q1,
    median,
    q3,
    p90: quantileType7(sorted, 0.9),
    p95: quantileType7(sorted, 0.95),
    p99: quantileType7(sorted, 0.99),
    max: sorted[n - 1] as number,
    mean,
    sd: n < 2 ? null : Math.sqrt(squares / (n - 1)),
    whiskerLow,
    whiskerHigh,
    outliers,
  };
}

/** Statistics of one list of values; null for an empty list. Values that are not finite numbers are left out. */
export function boxStats(values: readonly number[]): BoxStats | null {
  const sorted = new Float64Array(values.length);
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) sorted[n++] = v;
  return boxStatsOfSorted(sorted.subarray(0, n).sort());
}

/**
 * The value of a metric for a sample; null when the sample has none (e.g. init of a warm start).
 * `total` is what the platform spent on the invocation: Init Duration (or SnapStart Restore Duration) plus
 * Duration; a warm sample's total is its Duration.
 */
export function metricValue(sample: Sample, metric: Metric): number | null {
  switch (metric) {
    case 'init':
      return sample.initMs;
    case 'duration':
      return sample.durationMs;
    case 'total':
      return (sample.initMs ?? 0) + (sample.restoreMs ?? 0) + sample.durationMs;
    case 'billed':
      return sample.billedMs;
    case 'maxmemory':
      return sample.maxMemoryUsedMB;
  }
}

function groupValue(sample: Sample, key: GroupKey): string | number | null {
  switch (key) {
    case 'name':
      return sample.name;
    case 'runtime':
      return sample.runtime;
    case 'arch':
      return sample.arch;
    case 'memory':
      return sample.memoryMB;
  }
}

/** Readable order: text alphabetically, memory by size, unknown (null) last. */
function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/**
 * Groups samples by the given keys and computes one BoxStats per group, in a stable, readable order.
 * Groups without a value for the metric (e.g. only warm samples for `init`) are left out.
 */
export function groupStats(
  samples: readonly Sample[],
  by: readonly GroupKey[],
  metric: Metric,
): GroupStats[] {
  const keys = [...new Set(by)];
  const n = samples.length;
  // Dense group ids, built one key at a time without a string key per sample: (group so far, value id) → id.
  const groupOf = new Int32Array(n);
  let representative: number[] = [0];
  let groupCount = n === 0 ? 0 : 1;
  const valueIdOf = new Int32Array(n);
  for (const key of keys) {
    const valueIds = new Map<string | number | null, number>();
    for (let i = 0; i < n; i++) {
      const value = groupValue(samples[i] as Sample, key);
      let valueId = valueIds.get(value);
      if (valueId === undefined) {
        valueId = valueIds.size;
        valueIds.set(value, valueId);
      }
      valueIdOf[i] = valueId;
    }
    const width = valueIds.size;
    const nextRepresentative: number[] = [];
    // (group so far, value) pairs are few in practice: a lookup table; a Map only when they could be many.
    const table = groupCount * width <= 1 << 22 ? new Int32Array(groupCount * width).fill(-1) : null;
    const pairs = table === null ? new Map<number, number>() : null;
    for (let i = 0; i < n; i++) {
      const pair = (groupOf[i] as number) * width + (valueIdOf[i] as number);
      let id = table !== null ? (table[pair] as number) : (pairs?.get(pair) ?? -1);
      if (id < 0) {
        id = nextRepresentative.length;
        if (table !== null) table[pair] = id;
        else pairs?.set(pair, id);
        nextRepresentative.push(i);
      }
      groupOf[i] = id;
    }
    groupCount = nextRepresentative.length;
    representative = nextRepresentative;
  }

  // Values of each group side by side in one Float64Array (counting sort by group), then sorted per group.
  const offsets = new Int32Array(groupCount + 1);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = metricValue(samples[i] as Sample, metric);
    if (v !== null && Number.isFinite(v)) {
      values[i] = v;
      const slot = (groupOf[i] as number) + 1;
      offsets[slot] = (offsets[slot] as number) + 1;
    } else values[i] = NaN;
  }
  for (let g = 0; g < groupCount; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const filled = offsets.slice(0, groupCount);
  const byGroup = new Float64Array(offsets[groupCount] as number);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v === v) byGroup[(filled[groupOf[i] as number] as number)++] = v;
  }

  const result: GroupStats[] = [];
  for (let g = 0; g < groupCount; g++) {
    const stats = boxStatsOfSorted(byGroup.subarray(offsets[g], offsets[g + 1]).sort());
    if (stats === null) continue;
    const sample = samples[representative[g] as number] as Sample;
    const group: GroupValues = {};
    for (const key of keys) group[key] = groupValue(sample, key);
    result.push({ group, metric, stats });
  }
  result.sort((a, b) => {
    for (const key of keys) {
      const c = compareValues(a.group[key] ?? null, b.group[key] ?? null);
      if (c !== 0) return c;
    }
    return 0;
  });
  return result;
}
