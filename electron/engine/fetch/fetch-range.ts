import type { FetchRequest } from '../../../shared/measure';
import { EngineError } from '../engine-api';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The one wording, for the engine and the CLI's own argument check. */
export const startsInFutureMessage = (start: number, now: number): string =>
  `the range starts in the future: ${iso(start)}; now is ${iso(now)}`;

/**
 * CloudWatch has nothing after now. A range that starts in the future is refused (it could only ever be
 * empty); one that ends in the future is read as asked, with a warning that says so.
 */
export function clipFetchRange(
  request: FetchRequest,
  now: number,
): { request: FetchRequest; warnings: string[] } {
  const start = Date.parse(request.start);
  const end = Date.parse(request.end);
  if (start >= now) {
    throw new EngineError(
      'invalid-argument',
      startsInFutureMessage(start, now),
      'CloudWatch Logs holds only what has happened: give a range that starts in the past.',
    );
  }
  if (end <= now) return { request, warnings: [] };
  // Read as asked: log events are stamped when a function emits them, and a clock a little ahead of this one
  // (or Logs Insights' whole seconds) must not cut the last of them off. The warning says what the range can hold.
  return {
    request,
    warnings: [
      `The range ends in the future (${iso(end)}): it holds only what happened up to now, ${iso(now)}.`,
    ],
  };
}
