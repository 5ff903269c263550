import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { EngineError } from '../engine-api';
import { MARKER_KEY, markerValue, type OriginalConfig } from '../journal';
import { getConfiguration, toFunctionInfo, waitUntilUpdated } from '../lambda-ops';
import { unreadableEnvironment } from '../ownership';
import { parallelFor, reservedConcurrency } from './concurrency';
import { stop, type FunctionRun } from './function-run';
import { Measurer } from './measurer';

export { StopMeasuring, type FunctionRun } from './function-run';

/** Lambda's limit for all variables of a function together. */
const ENV_LIMIT_BYTES = 4096;

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
