import type { GroupKey, Metric } from '../sample';
import { packedTextOf, textOf, type SampleColumns } from '../sample-columns';
import { quantileType7, type GroupValues } from '../stats/group-stats';
import { sortValues } from '../stats/sort-values';
import { metricAt } from '../stats/metric-values';
import { quantileCi } from '../stats/quantile-ci';
import { utcDay } from './sample-day';

/** Samples to put on the trend: one set of columns, all of one day (a baseline file) or dated per sample. */
export interface TrendSet {
  columns: SampleColumns;
  /** `YYYY-MM-DD` of every sample of the set; null: each sample's Timestamp says its day. */
  day: string | null;
  /**
   * The day of each run (index: the run's code, 0 = no run), for a set of several baseline days (a year of
   * files imported as one dataset): a row of such a run is dated by it, any other row by its Timestamp.
   */
  runDays?: readonly (string | null)[];
  /** Only these rows (ascending); all of them when absent. Spares copying the columns for a filter. */
  rows?: Int32Array;
}

/** A 95% confidence interval of the median from sorted values; null when there are too few. */
export type MedianCi = (sorted: Float64Array) => readonly [number, number] | null;

/** One group on one day. */
export interface TrendPoint {
  group: GroupValues;
  day: string;
  n: number;
  median: number;
  medianCi: [number, number] | null;
  /** The 90th percentile (R's type 7) and its 95% interval: none below 36 samples (quantile-ci.ts). */
  p90: number;
  p90Ci: [number, number] | null;
}

export interface DailyMedians {
  /** By group (text alphabetically, memory by size, unknown last), then by day. */
  points: TrendPoint[];
  /** Samples with a value of the metric but no day (no usable Timestamp): left out. */
  undated: number;
}

/** The 95% distribution-free interval of the median (shared/stats/quantile-ci.ts); null below 6 values. */
export const medianCi95: MedianCi = (sorted) => {
  const ci = quantileCi(sorted, 0.5);
  return ci === null ? null : [ci.low, ci.high];
};

function keyValue(c: SampleColumns, row: number, key: GroupKey): string | number | null {
  switch (key) {
    case 'name':
      return textOf(c.name, c.name.codes[row] as number);
    case 'runtime':
      return textOf(c.runtime, c.runtime.codes[row] as number);
    case 'arch':
      return textOf(c.arch, c.arch.codes[row] as number);
    case 'memory': {
      const m = c.memoryMB[row] as number;
      return m === m ? m : null;
    }
  }
}

/** Whether two rows of a set are in the same group, without building a key. */
function sameGroup(c: SampleColumns, a: number, b: number, keys: readonly GroupKey[]): boolean {
  for (const k of keys) {
    if (k === 'memory') {
      const x = c.memoryMB[a] as number;
      const y = c.memoryMB[b] as number;
      if (x !== y && (x === x || y === y)) return false;
    } else if (c[k].codes[a] !== c[k].codes[b]) return false;
  }
  return true;
}

/** The id of a row's group (a new one, with its values in `groups`, when it is the first row of it). */
function groupOf(
  c: SampleColumns,
  row: number,
  keys: readonly GroupKey[],
  valueIds: Map<string | number | null, number>[],
  tree: Map<number, unknown>,
  groups: GroupValues[],
): number {
  let node = tree;
  for (let j = 0; j < keys.length; j++) {
    const value = keyValue(c, row, keys[j] as GroupKey);
    const ids = valueIds[j] as Map<string | number | null, number>;
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size));
    const next = node.get(id);
    if (j === keys.length - 1) {
      if (next !== undefined) return next as number;
      const group: GroupValues = {};
      for (const k of keys) group[k] = keyValue(c, row, k);
      node.set(id, groups.length);
      groups.push(group);
      return groups.length - 1;
    }
    if (next === undefined) node.set(id, (node = new Map()));
    else node = next as Map<number, unknown>;
  }
  // No grouping key: everything is one group.
  if (groups.length === 0) groups.push({});
  return 0;
}

function compareValue(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Ids of texts in order of first appearance (days, group keys). */
class Ids {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

/** Ranks (0 = first) of items under an order. */
function ranks<T>(items: readonly T[], compare: (a: T, b: T) => number): Int32Array {
  const order = items.map((_, i) => i).sort((a, b) => compare(items[a] as T, items[b] as T));
  const rank = new Int32Array(items.length);
  order.forEach((item, r) => (rank[item] = r));
  return rank;
}

/**
 * The samples of each group and day, with each group's points computed only when asked: the app shows 10
 * of 600 lines of a year, and sorting the 219,000 days it does not show was most of its trend's time.
 */
export interface DailyBuckets {
  /** The groups, in the order of DailyMedians.points. */
  groups: GroupValues[];
  /** The days of group `g` (an index into `groups`), ascending. */
  daysOf(g: number): string[];
  /** The points of group `g`, by day (computed on the first call). */
  pointsOf(g: number): TrendPoint[];
  undated: number;
}

/**
 * Median (R's type 7) of a metric per group and day, with its confidence interval. One pass over the rows
 * gives each sample with a value its bucket (group × day) and value, both in typed arrays; a counting sort
 * puts each bucket's values side by side, each is sorted once. Neighbouring rows mostly share their group
 * and day (a baseline lists one function's cold starts together), so the bucket of the row before is reused
 * without looking anything up; groups and days are ranked once, not compared per point.
 */
export function dailyMedians(
  sets: readonly TrendSet[],
  by: readonly GroupKey[],
  metric: Metric,
  medianCi: MedianCi = medianCi95,
): DailyMedians {
  const buckets = dailyBuckets(sets, by, metric, medianCi);
  return { points: buckets.groups.flatMap((_, g) => buckets.pointsOf(g)), undated: buckets.undated };
}

/** As dailyMedians, each group's medians computed only when asked for (see DailyBuckets). */
export function dailyBuckets(
  sets: readonly TrendSet[],
  by: readonly GroupKey[],
  metric: Metric,
  medianCi: MedianCi = medianCi95,
): DailyBuckets {
  const keys = [...new Set(by)];
  let total = 0;
  for (const set of sets) total += set.rows?.length ?? set.columns.length;
  const bucketOf = new Int32Array(total);
  const values = new Float64Array(total);
  const groups: GroupValues[] = [];
  const dayIds = new Ids();
  /** Per day, the bucket of each group (undefined: none yet). */
  const bucketsByDay: number[][] = [];
  const bucketGroup: number[] = [];
  const bucketDay: number[] = [];
  const bucketSize: number[] = [];
  let undated = 0;
  let count = 0;

  // A group's id: a tree of value ids, one level per key (numbers, so no text key per group and set).
  const valueIds = keys.map(() => new Map<string | number | null, number>());
  const tree = new Map<number, unknown>();

  for (const { columns: c, day: setDay, runDays, rows } of sets) {
    const setDayId = setDay === null ? -1 : dayIds.id(setDay);
    const runDayIds = runDays?.map((d) => (d === null ? -1 : dayIds.id(d)));
    const runCodes = c.run.codes;
    const n = rows?.length ?? c.length;
    let lastRow = -1;
    let lastDay = -1;
    let lastBucket = -1;
    for (let k = 0; k < n; k++) {
      const row = rows === undefined ? k : (rows[k] as number);
      const v = metricAt(c, row, metric);
      if (v !== v) continue;
      let dayId = setDayId;
      if (dayId < 0 && runDayIds !== undefined) dayId = runDayIds[runCodes[row] as number] ?? -1;
      if (dayId < 0) {
        const day = utcDay(packedTextOf(c.timestamp, row));
        if (day === null) {
          undated++;
          continue;
        }
        dayId = dayIds.id(day);
      }
      if (lastBucket < 0 || dayId !== lastDay || !sameGroup(c, row, lastRow, keys)) {
        const groupId = groupOf(c, row, keys, valueIds, tree, groups);
        const byGroup = (bucketsByDay[dayId] ??= []);
        let bucket = byGroup[groupId];
        if (bucket === undefined) {
          bucket = bucketSize.length;
          byGroup[groupId] = bucket;
          bucketGroup.push(groupId);
          bucketDay.push(dayId);
          bucketSize.push(0);
        }
        lastDay = dayId;
        lastBucket = bucket;
      }
      lastRow = row;
      bucketSize[lastBucket] = (bucketSize[lastBucket] as number) + 1;
      bucketOf[count] = lastBucket;
      values[count++] = v;
    }
  }

  const bucketCount = bucketSize.length;
  const offsets = new Int32Array(bucketCount + 1);
  for (let b = 0; b < bucketCount; b++) offsets[b + 1] = (offsets[b] as number) + (bucketSize[b] as number);
  const filled = offsets.slice(0, bucketCount);
  const byBucket = new Float64Array(count);
  // Not `byBucket[(filled[b] as number)++]`: Stryker's instrumenter loses the parentheses of that form.
  for (let i = 0; i < count; i++) {
    const b = bucketOf[i] as number;
    const slot = filled[b] as number;
    byBucket[slot] = values[i] as number;
    filled[b] = slot + 1;
  }

  const groupRank = ranks(groups, (a, b) => {
    for (const k of keys) {
      const c = compareValue(a[k] ?? null, b[k] ?? null);
      if (c !== 0) return c;
    }
    return 0;
  });
  const dayRank = ranks(dayIds.values, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Group ids in their order; each group's buckets, put in day order when first asked for.
  const groupOrder = Array.from(groups, (_, g) => g).sort(
    (a, b) => (groupRank[a] as number) - (groupRank[b] as number),
  );
  const bucketsOf: number[][] = groups.map(() => []);
  for (let b = 0; b < bucketCount; b++) (bucketsOf[bucketGroup[b] as number] as number[]).push(b);
  const inDayOrder = new Uint8Array(groups.length);
  const bucketsInOrder = (g: number): number[] => {
    const id = groupOrder[g] as number;
    const list = bucketsOf[id] as number[];
    if (inDayOrder[id] === 0) {
      list.sort(
        (a, b) => (dayRank[bucketDay[a] as number] as number) - (dayRank[bucketDay[b] as number] as number),
      );
      inDayOrder[id] = 1;
    }
    return list;
  };
  const computed = new Map<number, TrendPoint[]>();
  const pointsOf = (g: number): TrendPoint[] => {
    let points = computed.get(g);
    if (points === undefined) {
      points = bucketsInOrder(g).map((b): TrendPoint => {
        const sorted = sortValues(byBucket.subarray(offsets[b], offsets[b + 1]), values);
        const ci = medianCi(sorted);
        const p90Ci = quantileCi(sorted, 0.9);
        return {
          group: groups[bucketGroup[b] as number] as GroupValues,
          day: dayIds.values[bucketDay[b] as number] as string,
          n: sorted.length,
          median: quantileType7(sorted, 0.5),
          medianCi: ci === null ? null : [ci[0], ci[1]],
          p90: quantileType7(sorted, 0.9),
          p90Ci: p90Ci === null ? null : [p90Ci.low, p90Ci.high],
        };
      });
      computed.set(g, points);
    }
    return points;
  };
  return {
    groups: groupOrder.map((id) => groups[id] as GroupValues),
    daysOf: (g) => bucketsInOrder(g).map((b) => dayIds.values[bucketDay[b] as number] as string),
    pointsOf,
    undated,
  };
}
