import type { LambdaClient } from '@aws-sdk/client-lambda';

/** Throttled calls of one client: each throttled attempt, and the calls that were still throttled after the last retry. */
export interface ThrottleCounts {
  throttled: number;
  gaveUp: number;
}

const THROTTLE_NAMES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

function isThrottle(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } };
  return e.$metadata?.httpStatusCode === 429 || (typeof e.name === 'string' && THROTTLE_NAMES.has(e.name));
}

/**
 * Counts throttling on a client without changing what it does: the SDK retries throttled calls silently,
 * so a run would otherwise never know it was slowed down, or why a retried invocation came back warm.
 * One middleware sits inside the SDK's retry loop (every attempt), one outside it (the call's final result).
 */
export function countThrottles(client: LambdaClient): ThrottleCounts {
  const counts: ThrottleCounts = { throttled: 0, gaveUp: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isThrottle(error)) counts.throttled += 1;
        throw error;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'coldstartThrottleAttempts' },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isThrottle(error)) counts.gaveUp += 1;
        throw error;
      }
    },
    { step: 'initialize', priority: 'high', name: 'coldstartThrottleGaveUp' },
  );
  return counts;
}

/** "throttled 37 times, retried; 0 gave up", or null when nothing was throttled. */
export function describeThrottles(counts: ThrottleCounts): string | null {
  if (counts.throttled === 0) return null;
  return `throttled ${counts.throttled} time${counts.throttled === 1 ? '' : 's'}, retried; ${counts.gaveUp} gave up`;
}
