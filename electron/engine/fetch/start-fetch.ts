import {
  FetchRequestSchema,
  type AwsConnection,
  type FetchRequest,
  type RunState,
  type RunSummary,
} from '../../../shared/measure';
import { toEngineError, toRunError } from '../aws-errors';
import { EngineError, type RunCallbacks, type RunOutcome, type StartedRun } from '../engine-api';
import type { EngineDeps } from '../index';
import { newRunId } from '../run-store';
import { fetchReports } from './fetch-reports';
import type { FetchTuning } from './fetch-tuning';

function defaultRunName(request: FetchRequest): string {
  const fns =
    request.functions.length <= 2
      ? request.functions.join(', ')
      : `${request.functions[0]} +${request.functions.length - 1}`;
  const day = (iso: string): string => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');
  return `fetch ${fns} ${day(request.start)} – ${day(request.end)} UTC`;
}

/** Insights polling pace: COLDSTART_POLL_MS (shared with the update polls) lets tests and LocalStack go faster. */
function tuningFromEnv(env: NodeJS.ProcessEnv): Partial<FetchTuning> {
  const poll = Number(env.COLDSTART_POLL_MS);
  return Number.isFinite(poll) && poll > 0
    ? { pollIntervalMs: poll, maxPollIntervalMs: Math.max(poll, 5 * poll), limitBackoffMs: poll }
    : {};
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
  const parsed = FetchRequestSchema.safeParse(requestInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EngineError(
      'invalid-argument',
      `Fetch ${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const request = { ...parsed.data, functions: [...new Set(parsed.data.functions)] };
  const clients = await deps.connect(connection).catch((e: unknown) => {
    throw toEngineError(e, 'Cannot connect');
  });
  const runId = newRunId();
  const summary: RunSummary = {
    id: runId,
    kind: 'fetch',
    name: callbacks.name ?? defaultRunName(request),
    startedAt: new Date().toISOString(),
    endedAt: null,
    state: 'running',
    functions: request.functions,
    memorySizes: [],
    samples: 0,
    errors: [],
  };
  let writer;
  try {
    writer = await deps.store.create(summary, { connection, request });
  } catch (error) {
    clients.destroy();
    throw error;
  }
  const sampleWriter = writer;

  const done = (async (): Promise<RunOutcome> => {
    let outcome: RunOutcome;
    try {
      const result = await fetchReports({
        logs: clients.logs,
        lambda: clients.lambda,
        request,
        runId,
        ...(callbacks.signal ? { signal: callbacks.signal } : {}),
        ...(callbacks.onProgress ? { onProgress: callbacks.onProgress } : {}),
        onSamples: (samples) => {
          sampleWriter.append(samples);
          callbacks.onSamples?.(samples);
        },
        tuning: tuningFromEnv(deps.env),
      });
      const state: RunState = result.cancelled
        ? 'cancelled'
        : result.errors.length === 0
          ? 'completed'
          : result.errors.length >= request.functions.length
            ? 'failed'
            : 'partial';
      outcome = {
        runId,
        state,
        samples: result.samples,
        errors: result.errors,
        restored: [],
        warnings: result.warnings,
      };
    } catch (error) {
      outcome = { runId, state: 'failed', samples: [], errors: [toRunError(null, error)], restored: [] };
    } finally {
      sampleWriter.close();
      clients.destroy();
    }
    try {
      await deps.store.finish(
        {
          ...summary,
          endedAt: new Date().toISOString(),
          state: outcome.state,
          memorySizes: [
            ...new Set(outcome.samples.flatMap((s) => (s.memoryMB === null ? [] : [s.memoryMB]))),
          ].sort((a, b) => a - b),
          samples: outcome.samples.length,
          errors: outcome.errors,
        },
        outcome.samples,
      );
    } catch (error) {
      outcome.errors.push({
        functionName: null,
        code: 'io',
        message: `Saving the run failed: ${String(error)}`,
        hint: null,
      });
    }
    return outcome;
  })();
  return { runId, done };
}
