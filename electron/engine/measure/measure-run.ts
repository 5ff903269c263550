import {
  GetAccountSettingsCommand,
  GetFunctionConcurrencyCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import type { MeasurePlan, RunError, RunState } from '../../../shared/measure';
import type { Sample } from '../../../shared/sample';
import type { AwsClients } from '../aws-clients';
import { errorName, toRunError } from '../aws-errors';
import { EngineError, type RunCallbacks, type RunOutcome } from '../engine-api';
import { MARKER_KEY, markerValue, type JournalFile } from '../journal';
import {
  getConfiguration,
  invokeWithTail,
  toFunctionInfo,
  updateConfiguration,
  waitUntilUpdated,
  type PollTiming,
} from '../lambda-ops';
import { restoreFunction } from '../restore';
import type { SampleWriter } from '../run-store';
import { ProgressTracker } from './progress';
import { sampleFromInvoke } from './sample-from-invoke';

export interface MeasureContext {
  runId: string;
  plan: MeasurePlan;
  clients: AwsClients;
  journal: JournalFile;
  writer: SampleWriter;
  timing: PollTiming;
  callbacks: RunCallbacks;
}

/** Lambda's limit for all variables of a function together. */
const ENV_LIMIT_BYTES = 4096;
/** Warm answers tolerated per wanted cold sample before a function is given up. */
const WARM_RETRIES_PER_SAMPLE = 3;
/** Invocations in a row that give no usable REPORT before a function is given up. */
const MAX_FAILED_INVOKES_IN_A_ROW = 5;

const isCancel = (error: unknown, signal?: AbortSignal) =>
  signal?.aborted === true ||
  (error instanceof EngineError && error.code === 'cancelled') ||
  errorName(error) === 'AbortError';

async function accountUnreservedConcurrency(clients: AwsClients): Promise<number | null> {
  try {
    const out = await clients.lambda.send(new GetAccountSettingsCommand({}));
    return out.AccountLimit?.UnreservedConcurrentExecutions ?? null;
  } catch {
    return null; // without lambda:GetAccountSettings the SDK's throttling retries are the bound
  }
}

async function reservedConcurrency(clients: AwsClients, functionName: string): Promise<number | null> {
  try {
    const out = await clients.lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: functionName }));
    return out.ReservedConcurrentExecutions ?? null;
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') throw error;
    return null;
  }
}

/** Measures a plan, function after function; each function is restored as soon as it is done. */
export async function runMeasurement(ctx: MeasureContext): Promise<RunOutcome> {
  const { plan, callbacks } = ctx;
  const signal = callbacks.signal;
  const memories = plan.memorySizes.length > 0 ? plan.memorySizes : [null];
  const perFunction = memories.length * plan.times * (1 + plan.warm);
  const progress = new ProgressTracker(ctx.runId, plan.functions.length * perFunction, callbacks.onProgress);
  const samples: Sample[] = [];
  const errors: RunError[] = [];
  const restored: string[] = [];
  const record = (batch: Sample[]) => {
    if (batch.length === 0) return;
    ctx.writer.append(batch);
    samples.push(...batch);
    try {
      callbacks.onSamples?.(batch);
    } catch {
      // listeners never stop a run
    }
    progress.add(batch.length);
  };

  progress.update({ phase: 'preparing' }, 'Reading account concurrency');
  const unreserved = await accountUnreservedConcurrency(ctx.clients);

  for (const functionName of plan.functions) {
    if (signal?.aborted) break;
    const before = samples.length;
    try {
      await measureFunction(ctx, functionName, memories, unreserved, progress, record, errors);
    } catch (error) {
      if (!isCancel(error, signal)) errors.push(toRunError(functionName, error));
    } finally {
      progress.dropRemaining(perFunction - (samples.length - before));
      const entry = ctx.journal.entry(functionName);
      if (entry?.changed && entry.restore === 'pending') {
        progress.update(
          { phase: 'restoring', functionName, memoryMB: entry.original.memoryMB },
          `Restoring ${functionName}`,
        );
        const result = await restoreFunction(
          ctx.clients.lambda,
          functionName,
          entry.original,
          ctx.runId,
          ctx.timing,
        );
        // A failed restore stays pending in the journal, so that `coldstart recover` tries again.
        await ctx.journal.update(functionName, {
          restore:
            result.action === 'restored' ? 'restored' : result.action === 'skipped' ? 'skipped' : 'pending',
          detail: result.detail,
        });
        restored.push(result.detail);
        if (result.action !== 'restored') {
          errors.push({
            functionName,
            code: result.action === 'skipped' ? 'NotRestored' : 'RestoreFailed',
            message: result.detail,
            hint: result.action === 'failed' ? 'Run `coldstart recover` to try again.' : null,
          });
        }
      } else if (entry) {
        await ctx.journal.update(functionName, {
          restore: 'restored',
          detail: `${functionName}: never changed.`,
        });
        restored.push(`${functionName}: never changed.`);
      }
    }
  }

  const state: RunState = signal?.aborted
    ? 'cancelled'
    : errors.length === 0
      ? 'completed'
      : samples.length > 0
        ? 'partial'
        : 'failed';
  progress.update({ phase: 'done', functionName: null, memoryMB: null }, state);
  return { runId: ctx.runId, state, samples, errors, restored };
}

async function measureFunction(
  ctx: MeasureContext,
  functionName: string,
  memories: (number | null)[],
  unreserved: number | null,
  progress: ProgressTracker,
  record: (samples: Sample[]) => void,
  errors: RunError[],
): Promise<void> {
  const { plan, clients, timing } = ctx;
  const signal = ctx.callbacks.signal;
  progress.update({ phase: 'preparing', functionName, memoryMB: null }, `Reading ${functionName}`);
  let config: FunctionConfiguration = await getConfiguration(clients.lambda, functionName);
  if (config.LastUpdateStatus === 'InProgress')
    config = await waitUntilUpdated(clients.lambda, functionName, timing, signal);
  const info = toFunctionInfo(config);
  const variables = config.Environment?.Variables ?? null;
  const foreignMarker = variables?.[MARKER_KEY];
  if (foreignMarker !== undefined) {
    throw new EngineError(
      'invalid-argument',
      `${functionName} carries the marker ${MARKER_KEY}=${foreignMarker} of another run: one still measuring it, or one that was interrupted.`,
      'Wait for the other run to end, or run `coldstart recover` if it was interrupted.',
    );
  }
  const probe = { ...(variables ?? {}), [MARKER_KEY]: markerValue(ctx.runId, 99999) };
  if (new TextEncoder().encode(JSON.stringify(probe)).length > ENV_LIMIT_BYTES) {
    throw new EngineError(
      'invalid-argument',
      `${functionName}: its environment variables leave no room for the ${MARKER_KEY} marker (Lambda allows 4 KB in all).`,
      'Shorten the variables, or measure a copy of the function.',
    );
  }
  const reserved = await reservedConcurrency(clients, functionName);
  if (reserved === 0) {
    throw new EngineError(
      'invalid-argument',
      `${functionName}: its reserved concurrency is 0, it cannot be invoked.`,
    );
  }
  const parallel = Math.max(1, Math.min(plan.parallel, reserved ?? Infinity, unreserved ?? Infinity));

  // The journal holds the original before anything is changed.
  await ctx.journal.add({
    functionName,
    functionArn: config.FunctionArn ?? null,
    original: {
      memoryMB: config.MemorySize ?? 128,
      variables: variables === null ? null : { ...variables },
      revisionId: config.RevisionId ?? null,
      kmsKeyArn: config.KMSKeyArn ?? null,
    },
    changed: false,
    restore: 'pending',
    detail: null,
  });

  let revisionId = config.RevisionId;
  let currentMemory = config.MemorySize ?? 128;
  let updates = 0;
  let failures = { inARow: 0, errors: 0, timeouts: 0 };

  for (const wanted of memories) {
    const memoryMB = wanted ?? currentMemory;
    let cold = 0;
    let warmAnswers = 0;
    while (cold < plan.times) {
      if (signal?.aborted) throw new EngineError('cancelled', 'cancelled');
      const batch = Math.min(parallel, plan.times - cold);
      updates += 1;
      const marker = markerValue(ctx.runId, updates);
      progress.update(
        { phase: 'updating', functionName, memoryMB },
        `${functionName}: new environment ${marker}`,
      );
      if (!ctx.journal.entry(functionName)?.changed)
        await ctx.journal.update(functionName, { changed: true });
      try {
        await updateConfiguration(
          clients.lambda,
          {
            FunctionName: functionName,
            Environment: { Variables: { ...(variables ?? {}), [MARKER_KEY]: marker } },
            ...(memoryMB !== currentMemory ? { MemorySize: memoryMB } : {}),
            ...(revisionId ? { RevisionId: revisionId } : {}),
          },
          timing,
        );
      } catch (error) {
        if (errorName(error) === 'PreconditionFailedException') {
          throw new EngineError(
            'aws',
            `${functionName}: someone else changed the function during the run (412 PreconditionFailed); their change was not overwritten.`,
            'Measure again when nobody else is changing the function.',
          );
        }
        throw error;
      }
      progress.update({ phase: 'waiting' }, `${functionName}: waiting for the update`);
      const updated = await waitUntilUpdated(clients.lambda, functionName, timing, signal);
      revisionId = updated.RevisionId;
      currentMemory = updated.MemorySize ?? memoryMB;

      progress.update(
        { phase: 'invoking' },
        `${functionName}: ${batch} cold invocation(s) at ${memoryMB} MB`,
      );
      const invokeOnce = async () => {
        try {
          const result = await invokeWithTail(clients.lambda, functionName, plan.payload, signal);
          return sampleFromInvoke(result, info, memoryMB, ctx.runId);
        } catch (error) {
          if (isCancel(error, signal)) throw new EngineError('cancelled', 'cancelled');
          return { kind: 'no-report' as const, reason: toRunError(null, error).message };
        }
      };
      const outcomes = await Promise.all(Array.from({ length: batch }, invokeOnce));
      const coldSamples: Sample[] = [];
      for (const outcome of outcomes) {
        if (outcome.kind === 'no-report') {
          // The slot is tried again with the next update; only a function that keeps failing is an error.
          failures.inARow += 1;
          if (failures.inARow >= MAX_FAILED_INVOKES_IN_A_ROW) {
            throw new EngineError(
              'aws',
              `${functionName}: ${failures.inARow} invocations in a row gave no usable REPORT (last: ${outcome.reason}); giving up.`,
            );
          }
        } else if (outcome.cold) {
          failures.inARow = 0;
          coldSamples.push(outcome.sample);
        } else {
          warmAnswers += 1;
          if (warmAnswers > WARM_RETRIES_PER_SAMPLE * plan.times) {
            throw new EngineError(
              'aws',
              `${functionName}: ${warmAnswers} invocations after an update were still warm; giving up (no warm start is counted as cold).`,
              'Something keeps the old environments alive (provisioned concurrency?).',
            );
          }
        }
      }
      failures = countFailures(failures, coldSamples);
      cold += coldSamples.length;
      record(coldSamples);

      // Follow-ups reuse the environments just started: these are the warm samples.
      for (let m = 0; m < plan.warm && coldSamples.length > 0; m++) {
        const warm = await Promise.all(Array.from({ length: coldSamples.length }, invokeOnce));
        const got: Sample[] = [];
        for (const outcome of warm) {
          if (outcome.kind === 'sample') got.push(outcome.sample);
          else
            errors.push({
              functionName,
              code: 'NoReport',
              message: `${functionName}: ${outcome.reason}`,
              hint: null,
            });
        }
        failures = countFailures(failures, got);
        record(got);
      }
    }
  }
  if (failures.errors + failures.timeouts > 0) {
    errors.push({
      functionName,
      code: 'FunctionErrors',
      message: `${functionName}: ${failures.errors} invocation(s) ended in a function error, ${failures.timeouts} timed out (recorded with their status).`,
      hint: null,
    });
  }
}

function countFailures(f: { inARow: number; errors: number; timeouts: number }, got: Sample[]) {
  return {
    inARow: f.inARow,
    errors: f.errors + got.filter((s) => s.status !== 'success' && s.status !== 'timeout').length,
    timeouts: f.timeouts + got.filter((s) => s.status === 'timeout').length,
  };
}
