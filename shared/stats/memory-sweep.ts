import { billedMsWithInit } from '../billing';
import { invocationCost } from '../pricing';
import type { Arch, Sample } from '../sample';
import { compareShift } from './shift-compare';
import { clearlyLowest } from './clear-winner';
import { quantileType7 } from './group-stats';
import { quantileCi } from './quantile-ci';
import { metricValue } from './metric-values';

/**
 * The question AWS Lambda Power Tuning answers — which memory size should this function have? — answered
 * with distributions instead of averages: per function and architecture, at each memory size that was
 * measured (nothing interpolated between them), the median init, duration and init + duration of the cold
 * starts with their 95% intervals, and the cost of a million invocations for a chosen share of cold starts.
 */

export interface Estimate {
  median: number;
  /** 95% interval of the median (order statistics); null with fewer than 6 values. */
  ci: [number, number] | null;
}

export interface SweepPoint {
  memoryMB: number;
  /** Cold starts measured at this size. */
  n: number;
  init: Estimate;
  duration: Estimate;
  total: Estimate;
  /** USD per 1,000,000 invocations, per cold-start share (same order as the shares asked for). */
  costPerMillion: number[];
  /**
   * Warm invocations priced from warm samples when the run took some (`--warm`), otherwise from the cold
   * starts' own Duration (a warm start skips init but runs the same handler).
   */
  warmFrom: 'warm samples' | 'cold durations';
}

export interface SweepSeries {
  name: string;
  arch: Arch | null;
  points: SweepPoint[];
  /** Memory sizes picked, each only when the data show it clearly (see `memorySweep`); null otherwise. */
  cheapest: number | null;
  fastest: number | null;
  balanced: number | null;
}

const sorted = (values: number[]): Float64Array => Float64Array.from(values).sort();

function estimate(values: Float64Array): Estimate {
  const ci = quantileCi(values, 0.5);
  return { median: quantileType7(values, 0.5), ci: ci ? [ci.low, ci.high] : null };
}

interface Config {
  memoryMB: number;
  arch: Arch | null;
  cold: Sample[];
  warm: Sample[];
}

/** Per-invocation cost values of a configuration at a cold share: one per cold sample, sorted. */
function costValues(c: Config, coldShare: number): Float64Array | null {
  if (c.arch === null) return null;
  const arch = c.arch;
  return sorted(
    c.cold.map((s, i) => {
      const warm = c.warm.length > 0 ? (c.warm[i % c.warm.length] as Sample) : null;
      const warmBilled = warm ? warm.billedMs : Math.ceil(s.durationMs);
      return (
        coldShare * invocationCost(billedMsWithInit(s), c.memoryMB, arch) +
        (1 - coldShare) * invocationCost(warmBilled, c.memoryMB, arch)
      );
    }),
  );
}

const clearlyBelow = (a: Float64Array, b: Float64Array): boolean => {
  const ci = compareShift(a, b, 0).ratioCi;
  return ci !== null && ci[0] > 1;
};

/**
 * The sweep of every function and architecture with at least two memory sizes. Picks, at `pickShare` (one of
 * `coldShares`): the cheapest and the fastest (median init + duration) memory size, each only when every other
 * size is clearly dearer or slower (95% interval of the ratio above 1); the balanced one — the lowest product
 * of cost and time, each relative to the best — only when, against every other size, it is clearly cheaper
 * or clearly faster (no other size is a match for it on both).
 */
export function memorySweep(
  samples: readonly Sample[],
  coldShares: readonly number[],
  pickShare: number = coldShares[0] ?? 1,
): SweepSeries[] {
  const byFunction = new Map<string, Map<number, Config>>();
  for (const s of samples) {
    if (s.memoryMB === null) continue;
    const key = `${s.name}\u0000${s.arch ?? ''}`;
    let sizes = byFunction.get(key);
    if (!sizes) byFunction.set(key, (sizes = new Map()));
    let config = sizes.get(s.memoryMB);
    if (!config) sizes.set(s.memoryMB, (config = { memoryMB: s.memoryMB, arch: s.arch, cold: [], warm: [] }));
    const cold = (s.initMs !== null && s.initMs > 0) || (s.restoreMs !== null && s.restoreMs > 0);
    (cold ? config.cold : config.warm).push(s);
  }
  const series: SweepSeries[] = [];
  for (const [key, sizes] of byFunction) {
    const configs = [...sizes.values()]
      .filter((c) => c.cold.length > 0)
      .sort((a, b) => a.memoryMB - b.memoryMB);
    if (configs.length < 2) continue;
    const [name = '', arch = ''] = key.split('\u0000');
    const totals = configs.map((c) => sorted(c.cold.map((s) => metricValue(s, 'total') as number)));
    const points = configs.map((c, i) => ({
      memoryMB: c.memoryMB,
      n: c.cold.length,
      // Init Duration, or SnapStart's Restore Duration in its place.
      init: estimate(sorted(c.cold.map((s) => s.initMs ?? s.restoreMs ?? 0))),
      duration: estimate(sorted(c.cold.map((s) => s.durationMs))),
      total: estimate(totals[i] as Float64Array),
      costPerMillion: coldShares.map((share) => {
        const v = costValues(c, share);
        return v === null ? NaN : (v.reduce((a, b) => a + b, 0) / v.length) * 1_000_000;
      }),
      warmFrom: c.warm.length > 0 ? ('warm samples' as const) : ('cold durations' as const),
    }));
    const costs = configs.map((c) => costValues(c, pickShare));
    const priced = costs.every((v) => v !== null) ? (costs as Float64Array[]) : null;
    const fastest = clearlyLowest(totals);
    const cheapest = priced ? clearlyLowest(priced) : null;
    series.push({
      name,
      arch: arch === '' ? null : (arch as Arch),
      points,
      fastest: fastest === null ? null : configs[fastest]!.memoryMB,
      cheapest: cheapest === null ? null : configs[cheapest]!.memoryMB,
      balanced: priced ? balancedPick(configs, totals, priced) : null,
    });
  }
  return series.sort((a, b) => a.name.localeCompare(b.name) || (a.arch ?? '').localeCompare(b.arch ?? ''));
}

function balancedPick(configs: Config[], totals: Float64Array[], costs: Float64Array[]): number | null {
  const med = (v: Float64Array) => quantileType7(v, 0.5);
  // Every score is divided by the same best time and cost: they set the scale, not the order (the pick).
  // Stryker disable next-line MethodExpression: see above
  const bestTime = Math.min(...totals.map(med));
  // Stryker disable next-line MethodExpression: see above
  const bestCost = Math.min(...costs.map(med));
  let pick = 0;
  let score = Infinity;
  configs.forEach((_, i) => {
    const s = (med(totals[i]!) / bestTime) * (med(costs[i]!) / bestCost);
    if (s < score) [pick, score] = [i, s];
  });
  for (let j = 0; j < configs.length; j++) {
    if (j === pick) continue;
    if (!clearlyBelow(totals[pick]!, totals[j]!) && !clearlyBelow(costs[pick]!, costs[j]!)) return null;
  }
  return configs[pick]!.memoryMB;
}
