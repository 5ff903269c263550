import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { FunctionInfo } from '../../../shared/measure';
import type { Sample } from '../../../shared/sample';
import { errorName, toRunError } from '../aws-errors';
import { EngineError } from '../engine-api';
import { markerValue, type OriginalConfig, type WrittenConfig } from '../journal';
import { getConfiguration, invokeWithTail, updateConfiguration, waitUntilUpdated } from '../lambda-ops';
import { describeDifference, isExactlyWritten, ourVariables, unreadableEnvironment } from '../ownership';
import { assessBatch, newTally, type BatchTally } from './batch';
import { isCancel, stop, type FunctionRun, type StopMeasuring } from './function-run';
import { sampleFromInvoke } from './sample-from-invoke';

/**
 * The updates and invocations of one function: each update writes the original variables plus a new marker
 * value with the RevisionId last proved ours; a batch is recorded only if the function is still exactly
 * what we wrote, at that revision, after it.
 */
export class Measurer {
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
    private readonly info: FunctionInfo,
    private readonly throttledBefore: number,
  ) {
    this.revisionId = revisionId;
    this.memoryMB = original.memoryMB;
  }

  async measureAt(memoryMB: number, parallel: number): Promise<void> {
    const { plan, signal } = this.run;
    let cold = 0;
    while (cold < plan.times) {
      // Stryker disable next-line StringLiteral: the run sees the aborted signal first; this error is never shown
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

      // Stryker disable next-line ConditionalExpression: going on would only repeat the check just made, with nothing to invoke
      if (coldSamples.length === 0) continue;
      // Follow-ups reuse the environments just started: these are the warm samples.
      for (let m = 0; m < plan.warm; m++) {
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
          // Stryker disable next-line ConditionalExpression: sending the memory it already has changes nothing
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
      // Stryker disable next-line StringLiteral: the run sees the aborted signal first; this error is never shown
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
