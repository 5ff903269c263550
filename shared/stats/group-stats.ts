import type { GroupKey, Metric, Sample } from '../sample';
import { metricValue } from './metric-values';
import { sortValues } from './sort-values';

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
  /** The group's values, sorted ascending: only when asked for (`keepValues`), for intervals and tests. */
  sorted?: Float64Array;
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

/** BoxStats of values already sorted ascending (sortValues sorts a Float64Array in place, fast). */
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

  // stat_boxplot: whiskers span the range of the box and every point that is not an outlier. The values
  // are sorted: the outliers are the few at either end, found from the ends inward.
  let low = 0;
  while (low < n && (sorted[low] as number) < lowFence) low++;
  let high = n;
  while (high > low && (sorted[high - 1] as number) > highFence) high--;
  const outliers: number[] = [];
  for (let i = 0; i < low; i++) outliers.push(sorted[i] as number);
  for (let i = high; i < n; i++) outliers.push(sorted[i] as number);
  let whiskerLow = low < high ? Math.min(q1, sorted[low] as number) : q1;
  let whiskerHigh = low < high ? Math.max(q3, sorted[high - 1] as number) : q3;
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
  return boxStatsOfSorted(sortValues(sorted.subarray(0, n)));
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

/** The order of groups: by the keys in turn (see compareValues). */
export function compareGroupValues(a: GroupValues, b: GroupValues, keys: readonly GroupKey[]): number {
  for (const key of keys) {
    const c = compareValues(a[key] ?? null, b[key] ?? null);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Dense ids (0, 1, 2, ...) of a key's values in order of first appearance. The few values of a key (names,
 * runtimes, architectures, memory sizes) are compared with === first, which for strings the importer shares
 * between rows is a pointer compare; a Map takes over beyond them.
 */
class ValueIds {
  // Stryker disable next-line ArrayDeclaration: a value no key has at id 0 only moves every id by one (ids stay distinct)
  readonly values: (string | number | null)[] = [];
  private map: Map<string | number | null, number> | null = null;

  id(value: string | number | null): number {
    const values = this.values;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: scanning more (undefined past the end, never a value) or fewer (the Map has them all) finds the same id
    const scanned = this.map === null ? values.length : FEW_VALUES;
    for (let i = 0; i < scanned; i++) if (values[i] === value) return i;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BlockStatement: the short list and the Map give the same ids (only the speed differs)
    if (this.map === null && values.length < FEW_VALUES) {
      values.push(value);
      return values.length - 1;
    }
    // Stryker disable next-line ArrayDeclaration: the Map is made when the short list is full, and the scan before it covers that list
    if (this.map === null) this.map = new Map(values.map((v, i) => [v, i]));
    let id = this.map.get(value);
    if (id === undefined) {
      id = values.length;
      values.push(value);
      this.map.set(value, id);
    }
    return id;
  }
}
const FEW_VALUES = 8;

/**
 * Groups samples by the given keys and computes one BoxStats per group, in a stable, readable order.
 * Groups without a value for the metric (e.g. only warm samples for `init`) are left out.
 */
export function groupStats(
  samples: readonly Sample[],
  by: readonly GroupKey[],
  metric: Metric,
  options: { keepValues?: boolean } = {},
): GroupStats[] {
  const keys = [...new Set(by)];
  const n = samples.length;
  const k = keys.length;

  // One pass over the samples (reading a million objects is the slow part; so is the garbage collection that
  // large temporary arrays trigger while they are alive), everything else on two typed arrays: each sample's
  // group and the metric's value (NaN where there is none). Groups are the leaves of a tree of value ids, one
  // level per key: no string key per sample.
  const valueIds = keys.map(() => new ValueIds());
  const children: number[][] = [[]];
  // Stryker disable next-line LogicalOperator: with keys, a first group of row 0 gets no values (its stats are null and it is left out)
  const representative: number[] = n > 0 && k === 0 ? [0] : [];
  const groupOf = new Int32Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sample = samples[i] as Sample;
    let node = 0;
    for (let j = 0; j < k; j++) {
      const value = (valueIds[j] as ValueIds).id(groupValue(sample, keys[j] as GroupKey));
      const next = children[node] as number[];
      let child = next[value];
      if (child === undefined) {
        if (j === k - 1) {
          child = representative.length;
          representative.push(i);
        } else {
          child = children.length;
          children.push([]);
        }
        next[value] = child;
      }
      node = child;
    }
    groupOf[i] = node;
    const v = metricValue(sample, metric);
    values[i] = v !== null && Number.isFinite(v) ? v : NaN;
  }
  const groupCount = representative.length;

  // Values of each group side by side in one Float64Array (counting sort by group), then sorted per group,
  // with `values` as the sort's scratch space.
  const offsets = new Int32Array(groupCount + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v === v) {
      const slot = (groupOf[i] as number) + 1;
      offsets[slot] = (offsets[slot] as number) + 1;
    }
  }
  for (let g = 0; g < groupCount; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const filled = offsets.slice(0, groupCount);
  const byGroup = new Float64Array(offsets[groupCount] as number);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v === v) {
      // Not `byGroup[(filled[g] as number)++]`: Stryker's instrumenter loses the parentheses of that form.
      const g = groupOf[i] as number;
      const slot = filled[g] as number;
      byGroup[slot] = v;
      filled[g] = slot + 1;
    }
  }

  const result: GroupStats[] = [];
  for (let g = 0; g < groupCount; g++) {
    const sorted = sortValues(byGroup.subarray(offsets[g], offsets[g + 1]), values);
    const stats = boxStatsOfSorted(sorted);
    if (stats === null) continue;
    const sample = samples[representative[g] as number] as Sample;
    const group: GroupValues = {};
    for (const key of keys) group[key] = groupValue(sample, key);
    result.push(options.keepValues ? { group, metric, stats, sorted } : { group, metric, stats });
  }
  result.sort((a, b) => compareGroupValues(a.group, b.group, keys));
  return result;
}
