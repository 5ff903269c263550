/** Pacing of a fetch; tests shorten it, the defaults suit AWS. */
export interface FetchTuning {
  /** First wait between GetQueryResults polls; grows ×1.5 up to `maxPollIntervalMs`. */
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  /** A query still not Complete after this long is stopped and its range split (or reported). */
  queryTimeoutMs: number;
  /** First wait after LimitExceededException (too many concurrent queries); doubles, with jitter. */
  limitBackoffMs: number;
  maxBackoffMs: number;
  /** LimitExceededException answers in a row before a function's fetch gives up. */
  maxLimitRetries: number;
  /** Rows one Insights query returns at most (AWS: 10,000); a query that hits it is split. */
  maxRows: number;
  /** Functions fetched at the same time (each runs one query at a time). */
  concurrency: number;
  /** A range ending less than this before now may miss events CloudWatch has not ingested yet. */
  ingestionMarginMs: number;
}

export const DEFAULT_FETCH_TUNING: FetchTuning = {
  pollIntervalMs: 1000,
  maxPollIntervalMs: 5000,
  queryTimeoutMs: 15 * 60 * 1000,
  limitBackoffMs: 2000,
  maxBackoffMs: 60_000,
  maxLimitRetries: 10,
  maxRows: 10_000,
  concurrency: 4,
  ingestionMarginMs: 5 * 60 * 1000,
};
