import type { Sample } from './sample';

/**
 * Whether a cold start's REPORT billed its INIT phase. Since 1 August 2025 AWS bills init for every
 * on-demand function; before that only for custom runtimes (`provided*`) and container images. Old
 * published files (the seed runs are from July 2023) therefore hold Billed Durations without init for the
 * managed runtimes, and pricing them "as billed today" needs the init added.
 */
export type InitBilling = 'included' | 'excluded' | 'unknown';

/** First day on which AWS bills the INIT phase of every on-demand function. */
export const INIT_BILLED_SINCE = '2025-08-01';

/**
 * What the record itself says: its Billed Duration covers init + duration (rounded up to the next ms),
 * or only the duration. The numbers decide, not the date, so a file without timestamps is still read
 * right. Null for a warm start (nothing to bill for init).
 */
export function initBillingOf(
  sample: Pick<Sample, 'initMs' | 'durationMs' | 'billedMs'>,
): InitBilling | null {
  const init = sample.initMs;
  if (init === null || init === 0) return null;
  // Billed is rounded up to the next millisecond (1 ms granularity since December 2020); one ms of slack
  // absorbs the rounding of the printed durations.
  if (sample.billedMs >= Math.floor(init + sample.durationMs) - 1) return 'included';
  if (sample.billedMs <= Math.ceil(sample.durationMs) + 1) return 'excluded';
  return 'unknown';
}

/**
 * What AWS's rules say for a record of this date and runtime: true when init is billed, null when the date
 * is unknown. Package type is not in a sample; a container image before August 2025 reads as false here
 * and the record's own numbers (`initBillingOf`) settle it.
 */
export function initBilledByRule(timestamp: string | null, runtime: string | null): boolean | null {
  if (runtime?.startsWith('provided')) return true;
  if (timestamp === null) return null;
  const day = timestamp.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return day >= INIT_BILLED_SINCE;
}

/**
 * Billed ms as AWS bills a cold start today: init + duration rounded up, when the recorded figure left init
 * out; the recorded figure otherwise.
 */
export function billedMsWithInit(sample: Pick<Sample, 'initMs' | 'durationMs' | 'billedMs'>): number {
  if (initBillingOf(sample) !== 'excluded') return sample.billedMs;
  return Math.max(sample.billedMs, Math.ceil((sample.initMs ?? 0) + sample.durationMs));
}
