import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { MeasurePlan, RunError } from '../../../shared/measure';
import type { Sample } from '../../../shared/sample';
import type { AwsClients } from '../aws-clients';
import { errorName, toRunError } from '../aws-errors';
import { EngineError } from '../engine-api';
import {
  MARKER_KEY,
  markerValue,
  type JournalFile,
  type OriginalConfig,
  type WrittenConfig,
} from '../journal';
import {
  getConfiguration,
  invokeWithTail,
  toFunctionInfo,
  updateConfiguration,
  waitUntilUpdated,
  type PollTiming,
} from '../lambda-ops';
import { describeDifference, isExactlyWritten, ourVariables, unreadableEnvironment } from '../ownership';
import { assessBatch, newTally, type BatchTally } from './batch';
import { parallelFor, reservedConcurrency } from './concurrency';
import type { ProgressTracker } from './progress';
import { sampleFromInvoke } from './sample-from-invoke';

/** Lambda's limit for all variables of a function together. */
const ENV_LIMIT_BYTES = 4096;

/** Ends the measuring of one function with a failure the user reads as it is (never a stack trace). */
export class StopMeasuring extends Error {
  constructor(readonly runError: RunError) {
    super(runError.message);
    this.name = 'StopMeasuring';
  }
}

const stop = (functionName: string, code: string, message: string, hint: string | null = null) =>
  new StopMeasuring({ functionName, code, message, hint });

export interface FunctionRun {
  runId: string;
  plan: MeasurePlan;
  clients: AwsClients;
  journal: JournalFile;
  timing: PollTiming;
  signal: AbortSignal | undefined;
  progress: ProgressTracker;
  unreserved: number | null;
  /** Appends samples to the run (disk first); only samples proven measured under our configuration. */
  record: (samples: Sample[]) => void;
  errors: RunError[];
  warnings: string[];
}

const isCancel = (error: unknown, signal?: AbortSignal) =>
  signal?.aborted === true ||
  (error instanceof EngineError && error.code === 'cancelled') ||
  errorName(error) === 'AbortError';

/** Refuses a function whose variables this identity cannot read: an update would replace them with nothing. */
function refuseUnreadable(functionName: string, config: FunctionConfiguration): void {
  const unreadable = unreadableEnvironment(config);
  if (unreadable === null) return;
  const key = config.KMSKeyArn ?? '(its customer managed KMS key)';
  throw stop(
    functionName,
    'VariablesUnreadable',
    `${functionName}: not measured, nothing was changed: its environment variables are encrypted with the KMS key ${key} ` +
      `and Lambda does not return them to this identity (${unreadable}). Measuring writes the whole set of variables, so it would wipe them.`,
    `Grant this identity kms:Decrypt on ${key}, or measure a copy of the function.`,
  );
}

/**
 * Measures one function at each memory size. Every update carries the original variables plus a new
 * marker value and the RevisionId we last proved ours; after it settles, and after every batch of
 * invocations, the configuration must still be exactly what we wrote at that revision, or the function
 * is given up (someone else changed it) and the batch is not recorded.
 */
export async function measureFunction(run: FunctionRun, functionName: string): Promise<void> {
  const { plan, clients, timing, signal, progress } = run;
  progress.update({ phase: 'preparing', functionName, memoryMB: null }, `Reading ${functionName}`);
  let config = await getConfiguration(clients.lambda, functionName);
  if (config.LastUpdateStatus === 'InProgress')
    config = await waitUntilUpdated(clients.lambda, functionName, timing, signal);
  refuseUnreadable(functionName, config);
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
  const probe = { ...(variables ?? {}), [MARKER_KEY]: markerValue(run.runId, 99999) };
  if (new TextEncoder().encode(JSON.stringify(probe)).length > ENV_LIMIT_BYTES) {
    throw new EngineError(
      'invalid-argument',
      `${functionName}: its environment variables leave no room for the ${MARKER_KEY} marker (Lambda allows 4 KB in all).`,
      'Shorten the variables, or measure a copy of the function.',
    );
  }
  if (!config.RevisionId) {
    throw stop(
      functionName,
      'NoRevisionId',
      `${functionName}: Lambda returned no RevisionId, so an update could overwrite someone else's change; not measured.`,
    );
  }
  const reserved = await reservedConcurrency(clients, functionName);
  if (reserved === 0) {
    throw new EngineError(
      'invalid-argument',
      `${functionName}: its reserved concurrency is 0, it cannot be invoked.`,
    );
  }
  const { parallel, cut } = parallelFor(functionName, plan.parallel, reserved, run.unreserved);
  if (cut) {
    run.warnings.push(cut);
    progress.update({}, cut);
  }

  const original: OriginalConfig = {
    memoryMB: config.MemorySize ?? 128,
    variables: variables === null ? null : { ...variables },
    revisionId: config.RevisionId,
    kmsKeyArn: config.KMSKeyArn ?? null,
  };
  // The journal holds the original before anything is changed.
  await run.journal.add({
    functionName,
    functionArn: config.FunctionArn ?? null,
    original,
    changed: false,
    written: [],
    restore: 'pending',
    detail: null,
  });

  const throttledBefore = clients.lambdaThrottles.throttled;
  const measurer = new Measurer(run, functionName, original, config.RevisionId, info, throttledBefore);
  for (const wanted of plan.memorySizes.length > 0 ? plan.memorySizes : [null]) {
    await measurer.measureAt(wanted ?? original.memoryMB, parallel);
  }
  measurer.reportFunctionErrors();
}

class Measurer {
  private revisionId: string;
  private memoryMB: number;
  private confirmed: WrittenConfig | null = null;
  private updates = 0;
  private recorded = 0;
  private errorsSeen = 0;
  private timeoutsSeen = 0;
  private readonly tally: BatchTally = newTally();

  constructor(
    private readonly run: FunctionRun,
    private readonly functionName: string,
    private readonly original: OriginalConfig,
    revisionId: string,
    private readonly info: ReturnType<typeof toFunctionInfo>,
    private readonly throttledBefore: number,
  ) {
    this.revisionId = revisionId;
    this.memoryMB = original.memoryMB;
  }

  async measureAt(memoryMB: number, parallel: number): Promise<void> {
    const { plan, signal } = this.run;
    let cold = 0;
    while (cold < plan.times) {
      if (signal?.aborted) throw new EngineError('cancelled', 'cancelled');
      const written = await this.writeMarker(memoryMB);
      const batch = Math.min(parallel, plan.times - cold);
      this.run.progress.update(
        { phase: 'invoking' },
        `${this.functionName}: ${batch} cold invocation(s) at ${memoryMB} MB`,
      );
      const outcomes = await Promise.all(Array.from({ length: batch }, () => this.invokeOnce(memoryMB)));
      await this.checkStillOurs(written, outcomes.length);
      const { cold: coldSamples, giveUp } = assessBatch(outcomes, this.tally, plan.times);
      this.record(coldSamples);
      cold += coldSamples.length;
      if (giveUp) throw this.giveUp(giveUp);

      // Follow-ups reuse the environments just started: these are the warm samples.
      for (let m = 0; m < plan.warm && coldSamples.length > 0; m++) {
        const warm = await Promise.all(coldSamples.map(() => this.invokeOnce(memoryMB)));
        await this.checkStillOurs(written, warm.length);
        const got: Sample[] = [];
        for (const outcome of warm) {
          if (outcome.kind === 'sample') got.push(outcome.sample);
          else
            this.run.errors.push({
              functionName: this.functionName,
              code: 'NoReport',
              message: `${this.functionName}: ${outcome.reason}`,
              hint: null,
            });
        }
        this.record(got);
      }
    }
  }

  /** Writes a new marker (and the memory), after the journal says what is about to be written. */
  private async writeMarker(memoryMB: number): Promise<WrittenConfig> {
    const { clients, timing, journal, signal, progress } = this.run;
    this.updates += 1;
    const intended: WrittenConfig = { marker: markerValue(this.run.runId, this.updates), memoryMB };
    progress.update(
      { phase: 'updating', functionName: this.functionName, memoryMB },
      `${this.functionName}: new environment ${intended.marker}`,
    );
    await journal.update(this.functionName, {
      changed: true,
      written: this.confirmed ? [this.confirmed, intended] : [intended],
    });
    try {
      await updateConfiguration(
        clients.lambda,
        {
          FunctionName: this.functionName,
          Environment: { Variables: ourVariables(this.original, intended.marker) },
          ...(memoryMB !== this.memoryMB ? { MemorySize: memoryMB } : {}),
          RevisionId: this.revisionId,
        },
        timing,
      );
    } catch (error) {
      if (errorName(error) === 'PreconditionFailedException') {
        throw stop(
          this.functionName,
          'ChangedBySomeoneElse',
          `${this.functionName}: someone else changed the function during the run (412 PreconditionFailed); their change was not overwritten. Measuring stopped.`,
          'Measure again when nobody else is changing the function.',
        );
      }
      throw error;
    }
    progress.update({ phase: 'waiting' }, `${this.functionName}: waiting for the update`);
    const updated = await waitUntilUpdated(clients.lambda, this.functionName, timing, signal);
    if (!isExactlyWritten(updated, this.original, intended) || !updated.RevisionId) {
      throw this.changedBySomeoneElse(updated, intended, 'right after our update settled', 0);
    }
    this.revisionId = updated.RevisionId;
    this.memoryMB = memoryMB;
    this.confirmed = intended;
    return intended;
  }

  /** A batch counts only if the function still has our configuration at our revision after it. */
  private async checkStillOurs(written: WrittenConfig, invocations: number): Promise<void> {
    const now = await getConfiguration(this.run.clients.lambda, this.functionName);
    if (now.RevisionId === this.revisionId && isExactlyWritten(now, this.original, written)) return;
    throw this.changedBySomeoneElse(now, written, 'while it was being invoked', invocations);
  }

  private changedBySomeoneElse(
    now: FunctionConfiguration,
    written: WrittenConfig,
    when: string,
    discarded: number,
  ): StopMeasuring {
    const expected = { memoryMB: written.memoryMB, variables: ourVariables(this.original, written.marker) };
    const unreadable = unreadableEnvironment(now);
    const what = unreadable
      ? `Lambda no longer returns its variables (${unreadable}), so it cannot be checked`
      : `someone else changed it ${when}: ${describeDifference(now, expected)}`;
    const dropped =
      discarded > 0
        ? ` The ${discarded} invocation(s) of the last batch may have run under their configuration and were not recorded;`
        : '';
    return stop(
      this.functionName,
      'ChangedBySomeoneElse',
      `${this.functionName}: measuring stopped: ${what}.${dropped} ${this.recorded} sample(s) measured before are kept. Their change is not overwritten.`,
      'Measure again when nobody else is changing the function.',
    );
  }

  private async invokeOnce(memoryMB: number) {
    const { clients, plan, signal, runId } = this.run;
    try {
      const result = await invokeWithTail(clients.lambda, this.functionName, plan.payload, signal);
      return sampleFromInvoke(result, this.info, memoryMB, runId);
    } catch (error) {
      if (isCancel(error, signal)) throw new EngineError('cancelled', 'cancelled');
      return { kind: 'no-report' as const, reason: toRunError(null, error).message };
    }
  }

  private record(samples: Sample[]): void {
    this.recorded += samples.length;
    this.errorsSeen += samples.filter((s) => s.status !== 'success' && s.status !== 'timeout').length;
    this.timeoutsSeen += samples.filter((s) => s.status === 'timeout').length;
    this.run.record(samples);
  }

  private giveUp(why: 'warm' | 'no-report'): StopMeasuring {
    const { tally, functionName } = this;
    const throttled = this.run.clients.lambdaThrottles.throttled - this.throttledBefore;
    const throttleNote =
      throttled > 0 ? ` Lambda throttled ${throttled} of its calls, which the SDK retried.` : '';
    const kept = `the ${this.recorded} sample(s) measured are kept`;
    if (why === 'no-report') {
      return stop(
        functionName,
        'NoReport',
        `${functionName}: ${tally.failedInARow} invocations in a row gave no usable REPORT (last: ${tally.lastFailure}); giving up, ${kept}.${throttleNote}`,
      );
    }
    return stop(
      functionName,
      'TooManyWarm',
      `${functionName}: ${tally.warmAnswers} of ${tally.invocations} invocations after an update came back warm; giving up (no warm start is counted as cold), ${kept}.${throttleNote}`,
      throttled > 0
        ? 'A throttled invocation retried after another one of its batch finished lands on that environment and comes back warm: lower --parallel, or measure when the account has free concurrency.'
        : 'Something keeps the old environments alive (provisioned concurrency?).',
    );
  }

  reportFunctionErrors(): void {
    if (this.errorsSeen + this.timeoutsSeen === 0) return;
    this.run.errors.push({
      functionName: this.functionName,
      code: 'FunctionErrors',
      message: `${this.functionName}: ${this.errorsSeen} invocation(s) ended in a function error, ${this.timeoutsSeen} timed out (recorded with their status).`,
      hint: null,
    });
  }
}
