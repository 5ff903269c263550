import type { MeasurePlan, RunError, RunState } from '../../../shared/measure';
import type { Sample } from '../../../shared/sample';
import type { AwsClients } from '../aws-clients';
import { toRunError } from '../aws-errors';
import type { RunCallbacks, RunOutcome } from '../engine-api';
import type { JournalFile } from '../journal';
import type { PollTiming } from '../lambda-ops';
import { restoreFunction } from '../restore';
import type { SampleWriter } from '../run-store';
import { describeThrottles } from '../throttle-counter';
import { accountUnreservedConcurrency } from './concurrency';
import { isCancel } from './function-run';
import { measureFunction, StopMeasuring } from './measure-function';
import { ProgressTracker } from './progress';

export interface MeasureContext {
  runId: string;
  plan: MeasurePlan;
  clients: AwsClients;
  journal: JournalFile;
  writer: SampleWriter;
  timing: PollTiming;
  callbacks: RunCallbacks;
}

/** Measures a plan, function after function; each function is restored as soon as it is done. */
export async function runMeasurement(ctx: MeasureContext): Promise<RunOutcome> {
  const { plan, callbacks } = ctx;
  const signal = callbacks.signal;
  const memories = plan.memorySizes.length > 0 ? plan.memorySizes.length : 1;
  const perFunction = memories * plan.times * (1 + plan.warm);
  const progress = new ProgressTracker(ctx.runId, plan.functions.length * perFunction, callbacks.onProgress);
  const samples: Sample[] = [];
  const errors: RunError[] = [];
  const warnings: string[] = [];
  const restored: string[] = [];
  const record = (batch: Sample[]) => {
    if (batch.length === 0) return;
    ctx.writer.append(batch);
    samples.push(...batch);
    try {
      // Stryker disable next-line OptionalChaining: without a listener the call throws into the catch, which ignores it as well
      callbacks.onSamples?.(batch);
    } catch {
      // listeners never stop a run
    }
    progress.add(batch.length);
  };

  progress.update({}, 'Reading account concurrency'); // a new tracker's phase is 'preparing'
  const unreserved = await accountUnreservedConcurrency(ctx.clients);
  const run = { ...ctx, signal, progress, unreserved, record, errors, warnings };

  for (const functionName of plan.functions) {
    if (signal?.aborted) break;
    const before = samples.length;
    try {
      await measureFunction(run, functionName);
    } catch (error) {
      if (error instanceof StopMeasuring) errors.push(error.runError);
      else if (!isCancel(error, signal)) errors.push(toRunError(functionName, error));
    } finally {
      progress.dropRemaining(perFunction - (samples.length - before));
      restored.push(await restoreAfterMeasuring(ctx, functionName, progress, errors));
    }
  }

  const throttles = describeThrottles(ctx.clients.lambdaThrottles);
  if (throttles) {
    warnings.push(`Lambda calls ${throttles}.`);
    progress.update({}, `Lambda calls ${throttles}`);
  }
  const state: RunState = signal?.aborted
    ? 'cancelled'
    : errors.length === 0
      ? 'completed'
      : samples.length > 0
        ? 'partial'
        : 'failed';
  progress.update({ phase: 'done', functionName: null, memoryMB: null }, state);
  return { runId: ctx.runId, state, samples, errors, restored, warnings };
}

/** Puts one function back (only what is provably ours) and records the result in the journal. */
async function restoreAfterMeasuring(
  ctx: MeasureContext,
  functionName: string,
  progress: ProgressTracker,
  errors: RunError[],
): Promise<string> {
  const entry = ctx.journal.entry(functionName);
  if (!entry) return `${functionName}: never changed.`;
  if (!entry.changed) {
    await ctx.journal.update(functionName, {
      restore: 'restored',
      detail: `${functionName}: never changed.`,
    });
    return `${functionName}: never changed.`;
  }
  progress.update(
    { phase: 'restoring', functionName, memoryMB: entry.original.memoryMB },
    `Restoring ${functionName}`,
  );
  const result = await restoreFunction(ctx.clients.lambda, functionName, entry, ctx.runId, ctx.timing);
  // A failed restore stays pending in the journal, so that `coldstart recover` tries again.
  await ctx.journal.update(functionName, {
    restore: result.action === 'restored' ? 'restored' : result.action === 'skipped' ? 'skipped' : 'pending',
    detail: result.detail,
  });
  if (result.action !== 'restored') {
    errors.push({
      functionName,
      code: result.action === 'skipped' ? 'NotRestored' : 'RestoreFailed',
      message: result.detail,
      hint: result.action === 'failed' ? 'Run `coldstart recover` to try again.' : null,
    });
  }
  return result.detail;
}
