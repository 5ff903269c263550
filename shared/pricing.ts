import type { Arch, Sample } from './sample';
import type { FunctionInfo, MeasurePlan } from './measure';
import { billedMsWithInit } from './billing';

/**
 * AWS Lambda on-demand list prices (US East (N. Virginia), first pricing tier, free tier ignored).
 * Other regions and the higher volume tiers differ by a few percent; the app says so next to every estimate.
 * Costs are billed ms × memory × price, from each REPORT's Billed Duration as recorded; whether that figure
 * includes init depends on when and where it was recorded (see `billing.ts`).
 */
export const LAMBDA_PRICES = {
  source: 'AWS Lambda pricing, US East (N. Virginia), first tier',
  /** USD per GB-second of billed duration (GB = 1024 MB). */
  gbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 } satisfies Record<Arch, number>,
  /** USD per request. */
  request: 0.2 / 1_000_000,
} as const;

/** Price of one invocation in USD: its billed duration at its memory size and architecture, plus the request. */
export function invocationCost(billedMs: number, memoryMB: number, arch: Arch): number {
  return (billedMs / 1000) * (memoryMB / 1024) * LAMBDA_PRICES.gbSecond[arch] + LAMBDA_PRICES.request;
}

export interface CostPerMillion {
  /** USD for 1,000,000 invocations like these samples (their mean billed cost). */
  usd: number;
  /** Samples the figure is based on. */
  n: number;
  /** Samples left out because their memory size or architecture is unknown. */
  skipped: number;
}

/**
 * Cost of 1,000,000 invocations like the given samples, each priced at its own memory size and architecture
 * from its own billed duration: as recorded, or (`initBilled`) with a cold start's init added where the
 * record left it out, as AWS bills since August 2025. Null when no sample has both memory and architecture.
 */
export function costPerMillion(
  samples: readonly Sample[],
  options: { initBilled?: boolean } = {},
): CostPerMillion | null {
  let sum = 0;
  let n = 0;
  for (const s of samples) {
    if (s.memoryMB === null || s.arch === null) continue;
    const billed = options.initBilled ? billedMsWithInit(s) : s.billedMs;
    sum += invocationCost(billed, s.memoryMB, s.arch);
    n += 1;
  }
  if (n === 0) return null;
  return { usd: (sum / n) * 1_000_000, n, skipped: samples.length - n };
}

/** What the planner assumes before any sample exists (editable by the user). */
export interface EstimateAssumptions {
  /** Billed ms of a cold invocation (init + duration, as billed since August 2025). */
  coldBilledMs: number;
  /** Billed ms of a warm follow-up invocation. */
  warmBilledMs: number;
  /** Seconds from an update call until the function is Successful and can be invoked. */
  updateSeconds: number;
}

export const DEFAULT_ASSUMPTIONS: EstimateAssumptions = {
  coldBilledMs: 800,
  warmBilledMs: 50,
  updateSeconds: 3,
};

export interface RunEstimate {
  /** UpdateFunctionConfiguration calls that force cold starts (restores not counted). */
  updates: number;
  /** Cold invocations (function × memory × samples). */
  coldInvocations: number;
  warmInvocations: number;
  invocations: number;
  /** Estimated wall-clock duration of the run in seconds. */
  durationSeconds: number;
  /** Estimated AWS cost in USD (Lambda compute + requests). */
  costUsd: number;
  /** Functions of the plan whose configuration is unknown: counted, but left out of the cost. */
  unknownFunctions: string[];
}

/**
 * Numbers a user wants before starting a run: how many updates and invocations it makes, how long it
 * takes and what it costs. Functions run one after the other; within one update `parallel` cold starts
 * run at once, so each update costs `updateSeconds` plus one cold invocation's time plus the warm
 * follow-ups of the slowest of them.
 */
export function estimateRun(
  plan: Pick<MeasurePlan, 'functions' | 'memorySizes' | 'times' | 'parallel' | 'warm'>,
  functions: readonly Pick<FunctionInfo, 'name' | 'arch' | 'memoryMB'>[],
  assumptions: EstimateAssumptions = DEFAULT_ASSUMPTIONS,
): RunEstimate {
  const byName = new Map(functions.map((f) => [f.name, f]));
  const parallel = Math.max(1, Math.min(plan.parallel, plan.times));
  const updatesPerConfig = Math.ceil(plan.times / parallel);
  let updates = 0;
  let cold = 0;
  let warm = 0;
  let seconds = 0;
  let cost = 0;
  const unknown: string[] = [];
  for (const name of plan.functions) {
    const info = byName.get(name);
    const sizes = plan.memorySizes.length > 0 ? plan.memorySizes : info ? [info.memoryMB] : [];
    if (!info) unknown.push(name);
    const configs = Math.max(1, sizes.length);
    updates += configs * updatesPerConfig;
    cold += configs * plan.times;
    warm += configs * plan.times * plan.warm;
    seconds +=
      configs *
      updatesPerConfig *
      (assumptions.updateSeconds + (assumptions.coldBilledMs + plan.warm * assumptions.warmBilledMs) / 1000);
    if (!info) continue;
    for (const memoryMB of sizes) {
      cost +=
        plan.times * invocationCost(assumptions.coldBilledMs, memoryMB, info.arch) +
        plan.times * plan.warm * invocationCost(assumptions.warmBilledMs, memoryMB, info.arch);
    }
  }
  return {
    updates,
    coldInvocations: cold,
    warmInvocations: warm,
    invocations: cold + warm,
    durationSeconds: seconds,
    costUsd: cost,
    unknownFunctions: unknown,
  };
}

/** "$0.0042", "$1.27", "$1,234": enough digits to tell small amounts apart, no more. */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  if (usd === 0) return '$0';
  const abs = Math.abs(usd);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 2 : Math.min(8, Math.max(2, 1 - Math.floor(Math.log10(abs))));
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** "45 s", "3 min 20 s", "1 h 05 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
