import {
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
  type CloudWatchLogsClient,
  type ResultField,
} from '@aws-sdk/client-cloudwatch-logs';
import { EngineError } from '../engine-api';
import { abortableSleep, isAbort, throwIfAborted } from './abortable-sleep';
import type { FetchTuning } from './fetch-tuning';
import type { LogEventLike } from './report-collector';

/**
 * The query: `filter` before `limit` (the other way round would limit first and filter the few rows left),
 * oldest first, and `@message` parsed by the shared REPORT parser rather than Insights' own fields (whose
 * memory figures are in bytes). The pattern matches text (`REPORT RequestId:`) and JSON (`platform.report`) records.
 */
export function reportQuery(maxRows: number): string {
  return [
    'fields @timestamp, @message, @logStream',
    'filter @message like /REPORT RequestId:|platform\\.report/',
    'sort @timestamp asc',
    `limit ${maxRows}`,
  ].join(' | ');
}

export interface InsightsRangeCallbacks {
  /** Events of a finished (Complete) sub-range. */
  onEvents: (events: LogEventLike[]) => void;
  /** Seconds of the range covered so far. */
  onCovered: (seconds: number) => void;
  /** A second too dense for one query: read it another way (FilterLogEvents). */
  onDenseSecond: (second: number) => Promise<void>;
}

interface QueryOutcome {
  status: 'Complete' | 'Timeout';
  events: LogEventLike[];
  /** The answer may have left rows out (row cap reached, or more records matched than came back). */
  truncated: boolean;
}

/** Insights' `@timestamp` (`2026-11-28 22:57:44.123`, UTC) in epoch ms. */
export function parseInsightsTimestamp(value: string): number {
  return Date.parse(`${value.replace(' ', 'T')}Z`);
}

function rowToEvent(row: ResultField[]): LogEventLike | null {
  const get = (field: string): string | undefined => row.find((f) => f.field === field)?.value;
  const message = get('@message');
  const timestamp = parseInsightsTimestamp(get('@timestamp') ?? '');
  if (message === undefined || !Number.isFinite(timestamp)) return null;
  const logStream = get('@logStream');
  return logStream === undefined ? { timestamp, message } : { timestamp, message, logStream };
}

/**
 * Reads every REPORT of a group between two epoch SECONDS (both included) with Logs Insights. A query
 * that comes back full is split in two, recursively; only Complete answers count (Running ones are
 * partial); LimitExceededException backs off and retries.
 */
export async function queryRangeWithInsights(
  logs: CloudWatchLogsClient,
  logGroup: string,
  startSec: number,
  endSec: number,
  tuning: FetchTuning,
  signal: AbortSignal | undefined,
  callbacks: InsightsRangeCallbacks,
): Promise<void> {
  throwIfAborted(signal);
  const outcome = await runQuery(logs, logGroup, startSec, endSec, tuning, signal);
  if (outcome.status === 'Complete' && !outcome.truncated) {
    callbacks.onEvents(outcome.events);
    callbacks.onCovered(endSec - startSec + 1);
    return;
  }
  if (endSec > startSec) {
    // Halves that share their middle second: whatever AWS makes of an end second, nothing falls between
    // them, and the request ids de-duplicate what both return.
    const middle = Math.floor((startSec + endSec) / 2);
    const [left, right] = endSec - startSec === 1 ? [startSec, endSec] : [middle, middle];
    await queryRangeWithInsights(logs, logGroup, startSec, left, tuning, signal, callbacks);
    await queryRangeWithInsights(logs, logGroup, right, endSec, tuning, signal, callbacks);
    return;
  }
  await callbacks.onDenseSecond(startSec);
  callbacks.onCovered(1);
}

async function startQuery(
  logs: CloudWatchLogsClient,
  logGroup: string,
  startSec: number,
  endSec: number,
  tuning: FetchTuning,
  signal: AbortSignal | undefined,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { queryId } = await logs.send(
        new StartQueryCommand({
          logGroupName: logGroup,
          startTime: startSec,
          endTime: endSec,
          queryString: reportQuery(tuning.maxRows),
          limit: tuning.maxRows,
        }),
        signal ? { abortSignal: signal } : {},
      );
      if (!queryId) throw new EngineError('aws', `Logs Insights gave no query id for ${logGroup}.`);
      return queryId;
    } catch (error) {
      if (isAbort(error, signal)) throwIfAborted(signal);
      if (!(error instanceof Error) || error.name !== 'LimitExceededException') throw error;
      if (attempt >= tuning.maxLimitRetries) {
        throw new EngineError(
          'aws',
          `Logs Insights kept refusing new queries for ${logGroup} (LimitExceededException, ${attempt + 1} times): too many queries are running in this account.`,
          'Wait for other Logs Insights queries to finish, or use --method filter.',
        );
      }
      const ceiling = Math.min(tuning.maxBackoffMs, tuning.limitBackoffMs * 2 ** attempt);
      await abortableSleep(ceiling / 2 + Math.random() * (ceiling / 2), signal);
    }
  }
}

async function runQuery(
  logs: CloudWatchLogsClient,
  logGroup: string,
  startSec: number,
  endSec: number,
  tuning: FetchTuning,
  signal: AbortSignal | undefined,
): Promise<QueryOutcome> {
  const queryId = await startQuery(logs, logGroup, startSec, endSec, tuning, signal);
  const started = Date.now();
  let interval = tuning.pollIntervalMs;
  try {
    for (;;) {
      await abortableSleep(interval, signal);
      interval = Math.min(tuning.maxPollIntervalMs, Math.round(interval * 1.5));
      const answer = await logs.send(
        new GetQueryResultsCommand({ queryId }),
        signal ? { abortSignal: signal } : {},
      );
      const status = answer.status ?? 'Unknown';
      if (status === 'Complete') {
        const rows = answer.results ?? [];
        const events = rows.map(rowToEvent).filter((e): e is LogEventLike => e !== null);
        const matched = answer.statistics?.recordsMatched ?? 0;
        return {
          status: 'Complete',
          events,
          truncated: rows.length >= tuning.maxRows || matched > rows.length,
        };
      }
      if (status === 'Scheduled' || status === 'Running' || status === 'Unknown') {
        // Running answers carry partial results: never used.
        if (Date.now() - started > tuning.queryTimeoutMs) {
          await stopQuietly(logs, queryId);
          return { status: 'Timeout', events: [], truncated: true };
        }
        continue;
      }
      if (status === 'Timeout') return { status: 'Timeout', events: [], truncated: true };
      throw new EngineError(
        'aws',
        `Logs Insights query on ${logGroup} ended ${status} (${new Date(startSec * 1000).toISOString()} – ${new Date(endSec * 1000).toISOString()}).`,
        status === 'Cancelled'
          ? 'Someone stopped the query; fetch again.'
          : 'Try again, or use --method filter.',
      );
    }
  } catch (error) {
    if (isAbort(error, signal)) {
      await stopQuietly(logs, queryId);
      throwIfAborted(signal);
    }
    throw error;
  }
}

/** Stops a query we no longer wait for (cancel, timeout), so it does not hold one of the account's slots. */
async function stopQuietly(logs: CloudWatchLogsClient, queryId: string): Promise<void> {
  try {
    await logs.send(new StopQueryCommand({ queryId }));
  } catch {
    // already ended: nothing to stop
  }
}
