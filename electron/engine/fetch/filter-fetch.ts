import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EngineError } from '../engine-api';
import { throwIfAborted } from './abortable-sleep';
import type { LogEventLike } from './report-collector';

/** Text (`REPORT RequestId:`) or JSON (`"type":"platform.report"`) REPORT records: either term may match. */
export const REPORT_FILTER_PATTERN = '?"REPORT RequestId" ?"platform.report"';

/**
 * Reads every REPORT of a group between two epoch MILLISECONDS (both included) with FilterLogEvents,
 * following `nextToken` to the end: a page may be empty while more pages remain.
 */
export async function readRangeWithFilter(
  logs: CloudWatchLogsClient,
  logGroup: string,
  startMs: number,
  endMs: number,
  signal: AbortSignal | undefined,
  onPage: (events: LogEventLike[]) => void,
): Promise<{ pages: number }> {
  let nextToken: string | undefined;
  let pages = 0;
  do {
    throwIfAborted(signal);
    const page = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: logGroup,
        startTime: startMs,
        endTime: endMs,
        filterPattern: REPORT_FILTER_PATTERN,
        ...(nextToken ? { nextToken } : {}),
      }),
      signal ? { abortSignal: signal } : {},
    );
    pages += 1;
    const events: LogEventLike[] = [];
    for (const e of page.events ?? []) {
      if (e.timestamp === undefined || e.message === undefined) continue;
      events.push(
        e.logStreamName === undefined
          ? { timestamp: e.timestamp, message: e.message }
          : { timestamp: e.timestamp, message: e.message, logStream: e.logStreamName },
      );
    }
    onPage(events);
    if (page.nextToken && page.nextToken === nextToken) {
      throw new EngineError('aws', `FilterLogEvents on ${logGroup} returned the same nextToken twice.`);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return { pages };
}
