import type { Arch, Sample } from '../../../shared/sample';
import { costPerMillion, invocationCost } from '../../../shared/pricing';
import { billedMsWithInit, initBillingOf } from '../../../shared/billing';
import { clearlyLowest } from '../../../shared/stats/clear-winner';

/** Whether the row's billed durations include init: every cold start, none, some, or no cold start at all. */
export type RowInitBilling = 'included' | 'excluded' | 'mixed' | 'warm';

/** One configuration (a box of the chart): a function at one memory size and architecture. */
export interface CostRow {
  key: string;
  name: string;
  runtime: string | null;
  arch: Arch | null;
  memoryMB: number | null;
  n: number;
  /** Median of init + duration (what a caller waits on a cold start), ms. */
  medianLatencyMs: number | null;
  meanBilledMs: number;
  /** USD per 1,000,000 invocations like these; null when memory or architecture is unknown. */
  costPerMillion: number | null;
  initBilling: RowInitBilling;
  /** The same priced as AWS bills today (init included); equals costPerMillion unless init was left out. */
  costPerMillionInitBilled: number | null;
  cheapest: boolean;
  fastest: boolean;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  const lo = sorted[Math.floor(mid)] as number;
  const hi = sorted[Math.ceil(mid)] as number;
  return (lo + hi) / 2;
}

function sortedOf(list: readonly Sample[], value: (s: Sample) => number): Float64Array {
  return Float64Array.from(list, value).sort();
}

function rowInitBilling(list: readonly Sample[]): RowInitBilling {
  let included = 0;
  let excluded = 0;
  for (const s of list) {
    const b = initBillingOf(s);
    if (b === 'included') included += 1;
    else if (b === 'excluded') excluded += 1;
  }
  if (included === 0 && excluded === 0) return 'warm';
  if (excluded === 0) return 'included';
  return included === 0 ? 'excluded' : 'mixed';
}

/**
 * Cost per million invocations for each configuration, from its own billed durations as recorded (and as
 * billed today, where the records left init out), and, among the configurations of each function, the cheapest and the fastest.
 */
export function costRows(samples: readonly Sample[]): CostRow[] {
  const groups = new Map<string, Sample[]>();
  for (const s of samples) {
    const key = `${s.name}\u0000${s.arch ?? ''}\u0000${s.memoryMB ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  const latencies = new Map<string, Float64Array>();
  const costs = new Map<string, Float64Array>();
  const rows: CostRow[] = [...groups.entries()].map(([key, list]) => {
    const first = list[0] as Sample;
    latencies.set(
      key,
      sortedOf(list, (s) => (s.initMs ?? 0) + (s.restoreMs ?? 0) + s.durationMs),
    );
    if (first.memoryMB !== null && first.arch !== null) {
      const { memoryMB, arch } = first;
      costs.set(
        key,
        sortedOf(list, (s) => invocationCost(billedMsWithInit(s), memoryMB, arch)),
      );
    }
    return {
      key,
      name: first.name,
      runtime: list.find((s) => s.runtime)?.runtime ?? null,
      arch: first.arch,
      memoryMB: first.memoryMB,
      n: list.length,
      medianLatencyMs: median(list.map((s) => (s.initMs ?? 0) + (s.restoreMs ?? 0) + s.durationMs)),
      meanBilledMs: list.reduce((sum, s) => sum + s.billedMs, 0) / list.length,
      costPerMillion: costPerMillion(list)?.usd ?? null,
      initBilling: rowInitBilling(list),
      costPerMillionInitBilled: costPerMillion(list, { initBilled: true })?.usd ?? null,
      cheapest: false,
      fastest: false,
    };
  });
  rows.sort(
    (a, b) =>
      a.name.localeCompare(b.name) ||
      (a.arch ?? '').localeCompare(b.arch ?? '') ||
      (a.memoryMB ?? 0) - (b.memoryMB ?? 0),
  );
  const byName = new Map<string, CostRow[]>();
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  for (const list of byName.values()) {
    // Marked only when every other configuration of the function is clearly slower (dearer): a difference
    // within the noise of 10 samples is no reason to pick one. Cost is judged as billed today.
    const timed = list.filter((r) => latencies.has(r.key));
    const fastest = clearlyLowest(timed.map((r) => latencies.get(r.key) as Float64Array));
    if (fastest !== null) (timed[fastest] as CostRow).fastest = true;
    const priced = list.filter((r) => costs.has(r.key));
    const cheapest = clearlyLowest(priced.map((r) => costs.get(r.key) as Float64Array));
    if (cheapest !== null) (priced[cheapest] as CostRow).cheapest = true;
  }
  return rows;
}
