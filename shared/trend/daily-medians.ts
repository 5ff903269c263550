import type { GroupKey, Metric } from '../sample';
import { packedTextOf, textOf, type SampleColumns } from '../sample-columns';
import { quantileType7, sortValues, type GroupValues } from '../stats/group-stats';
import { metricAt } from '../stats/metric-values';
import { utcDay } from './sample-day';

/** Samples to put on the trend: one set of columns, all of one day (a baseline file) or dated per sample. */
export interface TrendSet {
  columns: SampleColumns;
  /** `YYYY-MM-DD` of every sample of the set; null: each sample's Timestamp says its day. */
  day: string | null;
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
}

export interface DailyMedians {
  /** By group (text alphabetically, memory by size, unknown last), then by day. */
  points: TrendPoint[];
  /** Samples with a value of the metric but no day (no usable Timestamp): left out. */
  undated: number;
}

/** Until a median CI is wired in, no interval is claimed. */
export const noMedianCi: MedianCi = () => null;

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

/** A key of a row's group within its set (codes and memory, not texts). */
function rowKey(c: SampleColumns, row: number, keys: readonly GroupKey[]): string {
  let key = '';
  for (const k of keys) key += k === 'memory' ? `${c.memoryMB[row]}|` : `${c[k].codes[row]}|`;
  return key;
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

function compareValue(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

interface Bucket {
  group: GroupValues;
  groupId: number;
  day: string;
  n: number;
}

/**
 * Median (R's type 7) of a metric per group and day, with its confidence interval. One pass over the rows
 * gives each sample with a value its bucket (group × day) and value, both in typed arrays; a counting sort
 * puts each bucket's values side by side, each is sorted once. Neighbouring rows mostly share their group
 * and day (a baseline lists one function's cold starts together), so the bucket of the row before is reused
 * without building a key.
 */
export function dailyMedians(
  sets: readonly TrendSet[],
  by: readonly GroupKey[],
  metric: Metric,
  medianCi: MedianCi = noMedianCi,
): DailyMedians {
  const keys = [...new Set(by)];
  let total = 0;
  for (const set of sets) total += set.columns.length;
  const bucketOf = new Int32Array(total);
  const values = new Float64Array(total);
  const buckets: Bucket[] = [];
  const bucketIds = new Map<string, number>();
  const groupIds = new Map<string, number>();
  let undated = 0;
  let count = 0;

  for (const { columns: c, day: setDay } of sets) {
    // Per set: codes differ between sets, so a row key is only valid within its set.
    const localGroups = new Map<string, { id: number; group: GroupValues }>();
    let lastRow = -1;
    let lastDay: string | null = null;
    let lastBucket = -1;
    for (let row = 0; row < c.length; row++) {
      const v = metricAt(c, row, metric);
      if (v !== v) continue;
      const day = setDay ?? utcDay(packedTextOf(c.timestamp, row));
      if (day === null) {
        undated++;
        continue;
      }
      if (lastBucket < 0 || day !== lastDay || !sameGroup(c, row, lastRow, keys)) {
        const key = rowKey(c, row, keys);
        let local = localGroups.get(key);
        if (local === undefined) {
          const group: GroupValues = {};
          for (const k of keys) group[k] = keyValue(c, row, k);
          const id = JSON.stringify(keys.map((k) => group[k]));
          let groupId = groupIds.get(id);
          if (groupId === undefined) groupIds.set(id, (groupId = groupIds.size));
          localGroups.set(key, (local = { id: groupId, group }));
        }
        const bucketKey = `${local.id}|${day}`;
        let bucket = bucketIds.get(bucketKey);
        if (bucket === undefined) {
          bucket = buckets.length;
          buckets.push({ group: local.group, groupId: local.id, day, n: 0 });
          bucketIds.set(bucketKey, bucket);
        }
        lastDay = day;
        lastBucket = bucket;
      }
      lastRow = row;
      (buckets[lastBucket] as Bucket).n++;
      bucketOf[count] = lastBucket;
      values[count++] = v;
    }
  }

  const offsets = new Int32Array(buckets.length + 1);
  for (let b = 0; b < buckets.length; b++) offsets[b + 1] = (offsets[b] as number) + (buckets[b] as Bucket).n;
  const filled = offsets.slice(0, buckets.length);
  const byBucket = new Float64Array(count);
  for (let i = 0; i < count; i++) byBucket[(filled[bucketOf[i] as number] as number)++] = values[i] as number;

  const points: (TrendPoint & { groupId: number })[] = buckets.map((bucket, b) => {
    const sorted = sortValues(byBucket.subarray(offsets[b], offsets[b + 1]), values);
    const ci = medianCi(sorted);
    return {
      group: bucket.group,
      groupId: bucket.groupId,
      day: bucket.day,
      n: bucket.n,
      median: quantileType7(sorted, 0.5),
      medianCi: ci === null ? null : [ci[0], ci[1]],
    };
  });
  points.sort((a, b) => {
    if (a.groupId !== b.groupId) {
      for (const k of keys) {
        const c = compareValue(a.group[k] ?? null, b.group[k] ?? null);
        if (c !== 0) return c;
      }
    }
    return a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
  });
  return { points: points.map(({ groupId: _, ...point }) => point), undated };
}
