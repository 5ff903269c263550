import type { Sample } from '../../../shared/sample';
import type { InvokeOutcome } from './sample-from-invoke';

/** Warm answers tolerated per wanted cold sample before a function is given up. */
export const WARM_RETRIES_PER_SAMPLE = 3;
/** Invocations in a row that give no usable REPORT before a function is given up. */
export const MAX_FAILED_INVOKES_IN_A_ROW = 5;

export interface BatchTally {
  /** Invocations after an update that came back warm, over the whole function. */
  warmAnswers: number;
  invocations: number;
  failedInARow: number;
  lastFailure: string | null;
}

export const newTally = (): BatchTally => ({
  warmAnswers: 0,
  invocations: 0,
  failedInARow: 0,
  lastFailure: null,
});

/**
 * Sorts one batch of cold invocations into cold samples and counts the rest. It never throws: the caller
 * records the cold samples first and only then decides whether to give up (`giveUp`), so a cold start
 * measured in the batch that ends a function is never lost.
 */
export function assessBatch(
  outcomes: InvokeOutcome[],
  tally: BatchTally,
  wantedCold: number,
): { cold: Sample[]; giveUp: 'warm' | 'no-report' | null } {
  const cold: Sample[] = [];
  for (const outcome of outcomes) {
    tally.invocations += 1;
    if (outcome.kind === 'no-report') {
      // The slot is tried again with the next update; only a function that keeps failing is an error.
      tally.failedInARow += 1;
      tally.lastFailure = outcome.reason;
    } else if (outcome.cold) {
      tally.failedInARow = 0;
      cold.push(outcome.sample);
    } else {
      tally.warmAnswers += 1;
    }
  }
  const giveUp =
    tally.failedInARow >= MAX_FAILED_INVOKES_IN_A_ROW
      ? 'no-report'
      : tally.warmAnswers > WARM_RETRIES_PER_SAMPLE * wantedCold
        ? 'warm'
        : null;
  return { cold, giveUp };
}
