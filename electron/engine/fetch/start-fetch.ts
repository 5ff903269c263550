import {
  FetchRequestSchema,
  type AwsConnection,
  type FetchRequest,
  type RunState,
} from '../../../shared/measure';
import type { RunCallbacks, RunOutcome, StartedRun } from '../engine-api';
import type { EngineDeps } from '../index';
import { functionsLabel, launchRun, parseArgument } from '../run-lifecycle';
import { newRunId } from '../run-store';
import { clipFetchRange } from './fetch-range';
import { fetchReports } from './fetch-reports';
import type { FetchTuning } from './fetch-tuning';

function defaultRunName(request: FetchRequest): string {
  const day = (iso: string): string => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');
  return `fetch ${functionsLabel(request.functions)} ${day(request.start)} – ${day(request.end)} UTC`;
}

/** Insights polling pace: COLDSTART_POLL_MS (shared with the update polls) lets tests and LocalStack go faster. */
function tuningFromEnv(env: NodeJS.ProcessEnv): Partial<FetchTuning> {
  const poll = Number(env.COLDSTART_POLL_MS);
  return Number.isFinite(poll) && poll > 0
    ? { pollIntervalMs: poll, maxPollIntervalMs: Math.max(poll, 5 * poll), limitBackoffMs: poll }
    : {};
}

function fetchState(cancelled: boolean, failedFunctions: number, functions: number): RunState {
  if (cancelled) return 'cancelled';
  if (failedFunctions === 0) return 'completed';
  return failedFunctions >= functions ? 'failed' : 'partial';
}

/**
 * `Engine.startFetch`: a run of kind `fetch` in the run store whose samples are the REPORTs read from
 * CloudWatch, each appended to the run's file as soon as it is read.
 */
export async function startFetchRun(
  deps: EngineDeps,
  connection: AwsConnection,
  requestInput: FetchRequest,
  callbacks: RunCallbacks = {},
): Promise<StartedRun> {
  const parsed = parseArgument(FetchRequestSchema, requestInput, 'Fetch request');
  const range = clipFetchRange({ ...parsed, functions: [...new Set(parsed.functions)] }, Date.now());
  const request = range.request;
  const clients = await deps.connect(connection);
  const runId = newRunId();
  return launchRun({
    store: deps.store,
    clients,
    summary: {
      id: runId,
      kind: 'fetch',
      name: callbacks.name ?? defaultRunName(request),
      functions: request.functions,
      memorySizes: [],
    },
    plan: { connection, request },
    execute: async (writer): Promise<RunOutcome> => {
      const result = await fetchReports({
        logs: clients.logs,
        lambda: clients.lambda,
        request,
        runId,
        ...(callbacks.signal ? { signal: callbacks.signal } : {}),
        ...(callbacks.onProgress ? { onProgress: callbacks.onProgress } : {}),
        onSamples: (samples) => {
          writer.append(samples);
          callbacks.onSamples?.(samples);
        },
        tuning: tuningFromEnv(deps.env),
      });
      return {
        runId,
        state: fetchState(result.cancelled, result.errors.length, request.functions.length),
        samples: result.samples,
        errors: result.errors,
        restored: [],
        warnings: [...range.warnings, ...result.warnings],
      };
    },
  });
}
