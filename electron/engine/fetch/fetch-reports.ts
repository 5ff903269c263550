import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { FetchRequest, RunError, RunProgress } from '../../../shared/measure';
import type { Sample } from '../../../shared/sample';
import { EngineError } from '../engine-api';
import { isAbort } from './abortable-sleep';
import { readRangeWithFilter } from './filter-fetch';
import { DEFAULT_FETCH_TUNING, type FetchTuning } from './fetch-tuning';
import { describeFunctionLogs, type FunctionLogs } from './function-logs';
import { queryRangeWithInsights } from './insights-fetch';
import { ReportCollector, type CollectorCounts } from './report-collector';

export interface FetchReportsInput {
  logs: CloudWatchLogsClient;
  lambda: LambdaClient;
  request: FetchRequest;
  runId: string;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** New samples as soon as a (sub-)range is read; never the same request id twice. */
  onSamples?: (samples: Sample[]) => void;
  tuning?: Partial<FetchTuning>;
  now?: () => number;
}

/** What was found for one function. */
export interface FunctionFetchSummary extends CollectorCounts {
  functionName: string;
  logGroup: string | null;
  samples: number;
}

export interface FetchReportsResult {
  samples: Sample[];
  /** One per function that could not be read (not found, no log group, AWS refused), naming it. */
  errors: RunError[];
  /** Things the user should know that are not failures (e.g. the range may not be fully ingested yet). */
  warnings: string[];
  functions: FunctionFetchSummary[];
  cancelled: boolean;
}

/**
 * Fetches the REPORT records of functions over a time range from CloudWatch Logs (Logs Insights, or
 * FilterLogEvents with `method: 'filter'`) and turns them into samples: each request id once, cold starts
 * only unless `coldOnly` is false, every row with the function's runtime and architecture. Never throws:
 * failures of one function are in `errors`, cancellation in `cancelled`.
 */
export async function fetchReports(input: FetchReportsInput): Promise<FetchReportsResult> {
  const tuning: FetchTuning = { ...DEFAULT_FETCH_TUNING, ...input.tuning };
  const now = input.now ?? Date.now;
  const { request, signal } = input;
  const startMs = Date.parse(request.start);
  const endMs = Date.parse(request.end);
  const started = now();
  const result: FetchReportsResult = {
    samples: [],
    errors: [],
    warnings: [],
    functions: [],
    cancelled: false,
  };

  if (endMs > now() - tuning.ingestionMarginMs) {
    result.warnings.push(
      `The range ends less than ${Math.round(tuning.ingestionMarginMs / 60_000)} minutes ago: CloudWatch Logs ingests events with a delay (seconds, sometimes minutes), so the latest REPORTs may not be readable yet. Fetch again later for a complete picture.`,
    );
  }

  const seenRequestIds = new Set<string>();
  const coverage = new Map<string, number>();
  let functionsDone = 0;
  const progress = (functionName: string | null, message: string | null): void => {
    if (!input.onProgress) return;
    const covered = [...coverage.values()].reduce((a, b) => a + Math.min(1, b), 0) / request.functions.length;
    const elapsedMs = now() - started;
    input.onProgress({
      runId: input.runId,
      phase: functionsDone === request.functions.length ? 'done' : 'fetching',
      done: functionsDone,
      total: request.functions.length,
      functionName,
      memoryMB: null,
      elapsedMs,
      etaMs: covered > 0.02 && covered < 1 ? Math.round((elapsedMs / covered) * (1 - covered)) : null,
      message,
    });
  };

  // The app shows progress messages: the ingestion warning goes there too, not only into the outcome.
  for (const warning of result.warnings) progress(null, warning);

  const fetchOne = async (requested: string): Promise<void> => {
    let fn: FunctionLogs | null = null;
    coverage.set(requested, 0);
    progress(requested, `${requested}: reading its configuration`);
    try {
      fn = await describeFunctionLogs(input.lambda, requested, signal);
      const collector = new ReportCollector(
        fn,
        { startMs, endMs },
        request.coldOnly,
        input.runId,
        seenRequestIds,
      );
      const take = (events: Parameters<ReportCollector['add']>[0]): void => {
        const samples = collector.add(events);
        if (samples.length === 0) return;
        result.samples.push(...samples);
        input.onSamples?.(samples);
      };
      const describe = (): string =>
        `${fn?.name}: ${collector.counts.reports - collector.counts.duplicates - collector.counts.warm} ${request.coldOnly ? 'cold ' : ''}REPORTs so far`;
      const logGroup = fn.logGroup;
      if (request.method === 'filter') {
        await readRangeWithFilter(input.logs, logGroup, startMs, endMs, signal, (events) => {
          take(events);
          const last = events[events.length - 1];
          if (last) coverage.set(requested, (last.timestamp - startMs) / Math.max(1, endMs - startMs));
          progress(fn?.name ?? requested, describe());
        });
      } else {
        const startSec = Math.floor(startMs / 1000);
        const endSec = Math.floor(endMs / 1000);
        const totalSec = endSec - startSec + 1;
        let covered = 0;
        await queryRangeWithInsights(input.logs, logGroup, startSec, endSec, tuning, signal, {
          onEvents: take,
          onCovered: (seconds) => {
            covered += seconds;
            coverage.set(requested, covered / totalSec);
            progress(fn?.name ?? requested, describe());
          },
          onDenseSecond: async (second) => {
            result.warnings.push(
              `${fn?.name}: more than ${tuning.maxRows} REPORT records within one second (${new Date(second * 1000).toISOString()}); that second was read with FilterLogEvents.`,
            );
            await readRangeWithFilter(
              input.logs,
              logGroup,
              Math.max(startMs, second * 1000),
              Math.min(endMs, second * 1000 + 999),
              signal,
              take,
            );
          },
        });
      }
      result.functions.push({
        functionName: fn.name,
        logGroup,
        samples: result.samples.filter((s) => s.name === fn?.name).length,
        ...collector.counts,
      });
    } catch (error) {
      if (isAbort(error, signal)) {
        result.cancelled = true;
        return;
      }
      result.errors.push(fetchError(requested, fn, error));
      result.functions.push({
        functionName: fn?.name ?? requested,
        logGroup: fn?.logGroup ?? null,
        samples: 0,
        reports: 0,
        duplicates: 0,
        warm: 0,
        other: 0,
      });
    } finally {
      coverage.set(requested, 1);
      functionsDone += 1;
      const found = result.samples.filter((s) => s.name === fn?.name).length;
      const failed = result.errors.some((e) => e.functionName === requested);
      progress(
        fn?.name ?? requested,
        `${fn?.name ?? requested}: ${failed ? 'could not be read' : `${found} ${request.coldOnly ? 'cold ' : ''}REPORTs`}`,
      );
    }
  };

  const queue = [...new Set(request.functions)];
  const workers = Array.from({ length: Math.min(tuning.concurrency, queue.length) }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (signal?.aborted) {
        result.cancelled = true;
        return;
      }
      await fetchOne(next);
    }
  });
  await Promise.all(workers);
  if (signal?.aborted) result.cancelled = true;
  result.samples.sort(
    (a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? '') || a.name.localeCompare(b.name),
  );
  return result;
}

function awsName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

function fetchError(requested: string, fn: FunctionLogs | null, error: unknown): RunError {
  const text = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
  if (error instanceof EngineError) {
    return {
      functionName: requested,
      code: error.code,
      message: `${requested}: ${error.message}`,
      hint: error.hint,
    };
  }
  const name = awsName(error);
  if (name === 'ResourceNotFoundException' && !fn) {
    return {
      functionName: requested,
      code: 'not-found',
      message: `${requested}: no such function (Lambda said: ${text}).`,
      hint: 'Check the function name and the region.',
    };
  }
  if (name === 'ResourceNotFoundException' && fn) {
    return {
      functionName: requested,
      code: 'not-found',
      message: `${requested}: its log group ${fn.logGroup} does not exist (CloudWatch Logs said: ${text}).`,
      hint: 'The function has not logged yet, or it logs elsewhere: check its LoggingConfig.',
    };
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return {
      functionName: requested,
      code: 'aws',
      message: `${requested}: access denied (${text}).`,
      hint: 'The identity needs lambda:GetFunctionConfiguration, logs:StartQuery, logs:GetQueryResults, logs:StopQuery and logs:FilterLogEvents: see the IAM policy in the README.',
    };
  }
  if (
    name === 'CredentialsProviderError' ||
    name === 'UnrecognizedClientException' ||
    name === 'ExpiredTokenException'
  ) {
    return {
      functionName: requested,
      code: 'credentials',
      message: `${requested}: ${name}: ${text}`,
      hint: 'Check the credentials: --profile, AWS_PROFILE or AWS_ACCESS_KEY_ID; for SSO run `aws sso login`.',
    };
  }
  return {
    functionName: requested,
    code: 'aws',
    message: `${requested}: ${name}: ${text}`,
    hint: fn ? `While reading ${fn.logGroup}.` : null,
  };
}
