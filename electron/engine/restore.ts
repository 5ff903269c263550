import type { FunctionConfiguration, LambdaClient } from '@aws-sdk/client-lambda';
import { errorMessage, errorName } from './aws-errors';
import { EngineError } from './engine-api';
import { MARKER_KEY, type OriginalConfig, type WrittenConfig } from './journal';
import { getConfiguration, updateConfiguration, waitUntilUpdated, type PollTiming } from './lambda-ops';
import { matchesOriginal, ownershipOf } from './ownership';

export interface RestoreResult {
  action: 'restored' | 'skipped' | 'failed';
  detail: string;
}

/** What the journal knows of a function: its original, and what the run wrote (absent in older journals). */
export interface RestoreTarget {
  original: OriginalConfig;
  written?: WrittenConfig[] | undefined;
}

/** Current configuration once no update is in progress (a Failed last update is fine here). */
async function settledConfiguration(lambda: LambdaClient, name: string, timing: PollTiming) {
  const config = await getConfiguration(lambda, name);
  // Stryker disable next-line ConditionalExpression: waiting on a settled function returns the same configuration
  if (config.LastUpdateStatus !== 'InProgress') return config;
  try {
    return await waitUntilUpdated(lambda, name, timing);
  } catch (error) {
    // Without a signal the wait fails as an EngineError only with 'aws' (ended Failed, or timed out).
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: see above
    if (error instanceof EngineError && error.code === 'aws') return getConfiguration(lambda, name);
    throw error;
  }
}

const variableCount = (original: OriginalConfig) => Object.keys(original.variables ?? {}).length;

/**
 * Someone else's configuration still carries our marker key: take out that key and nothing else, with
 * the revision we just read (theirs), so that even this write cannot overwrite a later change.
 */
async function removeOurMarker(
  lambda: LambdaClient,
  functionName: string,
  current: FunctionConfiguration,
  revisionId: string,
  timing: PollTiming,
): Promise<FunctionConfiguration> {
  // Stryker disable next-line OptionalChaining: only called when the variables carry our marker
  const { [MARKER_KEY]: _ours, ...theirs } = current.Environment?.Variables ?? {};
  await updateConfiguration(
    lambda,
    {
      FunctionName: functionName,
      Environment: { Variables: theirs },
      RevisionId: revisionId,
    },
    timing,
  );
  return settledConfiguration(lambda, functionName, timing);
}

/**
 * Puts a function's original MemorySize and variables back, exactly, and verifies it, but only while the
 * function carries exactly what the run last wrote (our marker value, the original variables, our memory):
 * anything else is someone else's change and stays. Every write sends the RevisionId just read and
 * checked, so a change landing in between is answered 412 and left alone too. KMSKeyArn is never sent,
 * so Lambda keeps whatever key the function has.
 */
export async function restoreFunction(
  lambda: LambdaClient,
  functionName: string,
  target: RestoreTarget,
  runId: string,
  timing: PollTiming,
): Promise<RestoreResult> {
  const { original } = target;
  try {
    const current = await settledConfiguration(lambda, functionName, timing);
    const owner = ownershipOf(current, original, target.written, runId);
    if (owner.kind === 'original') {
      return {
        action: 'restored',
        detail: `${functionName}: already in its original configuration (${original.memoryMB} MB).`,
      };
    }
    if (owner.kind === 'unreadable') {
      return {
        action: 'failed',
        detail:
          `${functionName}: left as it is: Lambda does not return its variables to this identity (${owner.detail}), ` +
          `so it cannot be checked or restored. Grant kms:Decrypt on the key ${current.KMSKeyArn ?? '(its customer managed key)'}, then run \`coldstart recover\`.`,
      };
    }
    if (owner.kind === 'theirs' && !owner.markerRemovable) {
      return {
        action: 'skipped',
        detail: `${functionName}: ${owner.detail}; left alone, not restored: their change stays, nothing was written to it; originally ${original.memoryMB} MB with ${variableCount(original)} variable(s), see the run's journal.json.`,
      };
    }
    // Every write below, the removal of our marker too, is conditional on the revision just judged.
    if (!current.RevisionId) {
      return {
        action: 'failed',
        detail: `${functionName}: Lambda returned no RevisionId, so any write could overwrite someone else's change; left as it is.`,
      };
    }
    if (owner.kind === 'theirs') {
      const after = await removeOurMarker(lambda, functionName, current, current.RevisionId, timing);
      // A removal that failed leaves our marker: the entry stays pending, so that recovery tries again.
      if (after.LastUpdateStatus === 'Failed') {
        return {
          action: 'failed',
          detail: `${functionName}: ${owner.detail}; left alone, not restored, but removing our marker key ${MARKER_KEY} failed: ${after.LastUpdateStatusReason ?? ''}`,
        };
      }
      return {
        action: 'skipped',
        detail: `${functionName}: ${owner.detail}; left alone, not restored: their change stays, only our marker key ${MARKER_KEY} was removed from it (written with their revision ${current.RevisionId}).`,
      };
    }
    await updateConfiguration(
      lambda,
      {
        FunctionName: functionName,
        MemorySize: original.memoryMB,
        Environment: { Variables: { ...(original.variables ?? {}) } },
        RevisionId: current.RevisionId,
      },
      timing,
    );
    const after = await settledConfiguration(lambda, functionName, timing);
    if (after.LastUpdateStatus === 'Failed') {
      return {
        action: 'failed',
        detail: `${functionName}: the restoring update failed: ${after.LastUpdateStatusReason ?? ''}`,
      };
    }
    if (!matchesOriginal(after, original)) {
      return {
        action: 'failed',
        detail: `${functionName}: restored, but verification found ${after.MemorySize} MB and different variables; see journal.json.`,
      };
    }
    return {
      action: 'restored',
      detail: `${functionName}: restored and verified (${original.memoryMB} MB, ${variableCount(original)} variable(s)).`,
    };
  } catch (error) {
    if (errorName(error) === 'PreconditionFailedException') {
      return {
        action: 'skipped',
        detail: `${functionName}: left alone: someone else changed it while it was being restored (412); their change was not overwritten.`,
      };
    }
    return {
      action: 'failed',
      detail: `${functionName}: restore failed: ${errorName(error)}: ${errorMessage(error)}`,
    };
  }
}
