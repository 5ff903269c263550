import type { FetchRequest } from '../../../shared/measure';
import { EngineError } from '../engine-api';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The one wording, for the engine and the CLI's own argument check. */
export const startsInFutureMessage = (start: number, now: number): string =>
  `the range starts in the future: ${iso(start)}; now is ${iso(now)}`;

/**
 * CloudWatch has nothing after now. A range that starts in the future is refused (it could only ever be
 * empty); one that ends in the future is read up to now, and says so, so that the summary and the
 * ingestion warning speak of the range actually read.
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
  // Logs Insights takes whole seconds: up to the end of the current second, so that an event logged a moment
  // ago is not cut off by rounding the end down.
  const upToNow = Math.ceil(now / 1000) * 1000;
  if (end <= upToNow) return { request, warnings: [] };
  return {
    request: { ...request, end: iso(upToNow) },
    warnings: [`The range ends in the future (${iso(end)}): it was read up to now, ${iso(upToNow)}.`],
  };
}
