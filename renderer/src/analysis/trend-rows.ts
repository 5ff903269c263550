import type { Metric } from '../../../shared/sample';
import { packedTextOf, textOf, type SampleColumns } from '../../../shared/sample-columns';
import { dailyBuckets, type TrendSet } from '../../../shared/trend/daily-medians';
import { utcDay } from '../../../shared/trend/sample-day';
import { baselineRunDays } from '../import/baseline-import';
import type { SelectedRows } from './selection';

/** One day of one group: the median of the metric with its 95% interval (none below 6 samples). */
export interface TrendDay {
  day: string;
  n: number;
  median: number;
  ci: [number, number] | null;
  /** The p90, with its 95% interval from 36 samples on. */
  p90: number;
  p90Ci: [number, number] | null;
}

/** A line of the trend: one function × runtime × arch × memory, its days in order. */
export interface TrendSeries {
  key: string;
  label: string;
  name: string;
  runtime: string | null;
  arch: string | null;
  memoryMB: number | null;
  /** A group of the user's own data (not only public baselines): shown first by default. */
  own: boolean;
  /** Its points; in a trend from trendOf, computed on first reading (only the lines drawn are read). */
  days: TrendDay[];
  /** The days it has, ascending, without computing its points (trendOf gives them). */
  dayNames?: readonly string[];
}

/** A day on which a function ran in another configuration than on its day before. */
export interface TrendChange {
  day: string;
  name: string;
  text: string;
}

export interface Trend {
  series: TrendSeries[];
  changes: TrendChange[];
  /** Samples without a day (no usable Timestamp), left out. */
  undated: number;
}

// Per columns object (never changed in place): a dataset's run days are looked up once, not per redraw.
const runDaysCache = new WeakMap<SampleColumns, (string | null)[] | null>();
function runDaysOf(c: SampleColumns): (string | null)[] | null {
  let days = runDaysCache.get(c);
  if (days === undefined) runDaysCache.set(c, (days = baselineRunDays(c)));
  return days;
}

/**
 * The selected rows as trend input. A public-baseline row is dated by its run (`public baseline
 * 2026-01-05`: one file, or one file of a batch), so its timestamp is not read; the user's own data is
 * dated per sample. The filters' rows are passed on, never copied.
 */
export function trendSets(selection: readonly SelectedRows[]): TrendSet[] {
  return selection.map(({ dataset, rows }) => {
    const c = dataset.columns;
    const runDays = runDaysOf(c);
    return {
      columns: c,
      day: null,
      ...(runDays === null ? {} : { runDays }),
      ...(rows.length === c.length ? {} : { rows }),
    };
  });
}

/** The names of a dataset's functions that are the user's own: those of rows that are not public baselines. */
function ownNames(c: SampleColumns, own: Set<string>): void {
  const runDays = runDaysOf(c);
  if (runDays === null) {
    for (const n of c.name.values) own.add(n);
    return;
  }
  if (runDays.every((d, code) => code === 0 || d !== null) && !c.run.codes.includes(0)) return;
  for (let row = 0; row < c.length; row++)
    if (runDays[c.run.codes[row] as number] === null)
      own.add(textOf(c.name, c.name.codes[row] as number) ?? '');
}

const configText = (s: TrendSeries): string =>
  `${s.runtime ?? 'unknown runtime'} ${s.arch ?? 'unknown arch'} ${s.memoryMB === null ? 'unknown' : s.memoryMB} MB`;

export function seriesLabel(s: Pick<TrendSeries, 'name' | 'arch' | 'memoryMB'>): string {
  return `${s.name} · ${s.arch ?? 'unknown arch'} · ${s.memoryMB === null ? 'unknown memory' : `${s.memoryMB} MB`}`;
}

/**
 * Where a function's configuration changed: on each day it was measured, the set of its configurations
 * (runtime, arch, memory) is compared with its previous day's. Lambda-perf lists the same ones daily, so
 * baselines mark nothing; a function moved from 512 to 1024 MB, or to another runtime, is marked.
 */
export function configurationChanges(series: readonly TrendSeries[]): TrendChange[] {
  const byName = new Map<string, Map<string, Set<string>>>();
  for (const s of series) {
    const days = byName.get(s.name) ?? new Map<string, Set<string>>();
    byName.set(s.name, days);
    const config = configText(s);
    for (const day of s.dayNames ?? s.days.map((d) => d.day)) {
      const configs = days.get(day) ?? new Set<string>();
      days.set(day, configs);
      configs.add(config);
    }
  }
  const changes: TrendChange[] = [];
  for (const [name, days] of byName) {
    const ordered = [...days.keys()].sort();
    for (let i = 1; i < ordered.length; i++) {
      const before = days.get(ordered[i - 1] as string) as Set<string>;
      const now = days.get(ordered[i] as string) as Set<string>;
      const gone = [...before].filter((c) => !now.has(c));
      const added = [...now].filter((c) => !before.has(c));
      if (gone.length === 0 && added.length === 0) continue;
      const parts = [];
      if (gone.length > 0) parts.push(`was ${gone.join(', ')}`);
      if (added.length > 0) parts.push(`now ${added.join(', ')}`);
      changes.push({ day: ordered[i] as string, name, text: `${name}: ${parts.join('; ')}` });
    }
  }
  return changes.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.name < b.name ? -1 : 1));
}

/** Medians per function × runtime × arch × memory and day, as lines, with the configuration changes. */
export function trendOf(selection: readonly SelectedRows[], metric: Metric): Trend {
  const own = new Set<string>();
  for (const { dataset } of selection) ownNames(dataset.columns, own);
  const buckets = dailyBuckets(trendSets(selection), ['name', 'runtime', 'arch', 'memory'], metric);
  const series = buckets.groups.map((g, i): TrendSeries => {
    const name = (g.name as string | null) ?? 'unknown';
    const partial = {
      name,
      arch: (g.arch as string | null) ?? null,
      memoryMB: (g.memory as number | null) ?? null,
    };
    let days: TrendDay[] | null = null;
    const s: Omit<TrendSeries, 'days'> = {
      key: JSON.stringify([g.name ?? null, g.runtime ?? null, g.arch ?? null, g.memory ?? null]),
      label: seriesLabel(partial),
      runtime: (g.runtime as string | null) ?? null,
      ...partial,
      own: own.has(name),
      dayNames: buckets.daysOf(i),
    };
    // Medians and intervals of a line only when it is drawn (or read): 10 of 600 lines of a year.
    return Object.defineProperty(s, 'days', {
      enumerable: true,
      get: () =>
        (days ??= buckets.pointsOf(i).map((p) => ({
          day: p.day,
          n: p.n,
          median: p.median,
          ci: p.medianCi,
          p90: p.p90,
          p90Ci: p.p90Ci,
        }))),
    }) as TrendSeries;
  });
  return { series, changes: configurationChanges(series), undated: buckets.undated };
}

/** The default: groups of the user's own functions; when there are none, this many by name. */
export const DEFAULT_SHOWN = 10;

/**
 * The lines to draw: those whose label holds every word of the search; by default the user's own
 * functions (all of them), else the first `limit` by name, so 620 baseline groups stay readable.
 */
export function pickSeries(series: readonly TrendSeries[], search: string, limit: number): TrendSeries[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = series.filter((s) => {
    const text = `${s.label} ${s.runtime ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const own = matching.filter((s) => s.own);
  if (words.length === 0 && own.length > 0) return own.slice(0, limit);
  return matching.slice(0, limit);
}

/**
 * The datasets holding samples of a line's function on a day, for "open this run". A baseline dataset
 * holds the days of its runs; another dataset is searched by its rows' timestamps.
 */
export function datasetsAt(selection: readonly SelectedRows[], name: string, day: string): string[] {
  const ids: string[] = [];
  for (const { dataset, rows } of selection) {
    const c = dataset.columns;
    const code = c.name.values.indexOf(name) + 1;
    if (code === 0) continue;
    const runDays = runDaysOf(c);
    if (runDays !== null) {
      if (runDays.includes(day)) ids.push(dataset.id);
      continue;
    }
    for (const r of rows)
      if (
        c.name.codes[r] === code &&
        textOf(c.name, code) === name &&
        utcDay(packedTextOf(c.timestamp, r)) === day
      ) {
        ids.push(dataset.id);
        break;
      }
  }
  return ids;
}
