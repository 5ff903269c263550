import type { FunctionConfiguration, LambdaClient } from '@aws-sdk/client-lambda';
import { errorMessage, errorName } from './aws-errors';
import { EngineError } from './engine-api';
import { carriesMarkerOf, type OriginalConfig } from './journal';
import { getConfiguration, updateConfiguration, waitUntilUpdated, type PollTiming } from './lambda-ops';

export interface RestoreResult {
  action: 'restored' | 'skipped' | 'failed';
  detail: string;
}

/** Same variables, byte for byte (order of keys aside); no Environment and an empty one are the same. */
export function sameVariables(
  a: Record<string, string> | null | undefined,
  b: Record<string, string> | null | undefined,
) {
  const ea = Object.entries(a ?? {});
  const mb = b ?? {};
  return ea.length === Object.keys(mb).length && ea.every(([k, v]) => Object.hasOwn(mb, k) && mb[k] === v);
}

export function matchesOriginal(config: FunctionConfiguration, original: OriginalConfig): boolean {
  return (
    config.MemorySize === original.memoryMB &&
    sameVariables(config.Environment?.Variables, original.variables)
  );
}

/** Current configuration once no update is in progress (a Failed last update is fine here). */
async function settledConfiguration(lambda: LambdaClient, name: string, timing: PollTiming) {
  const config = await getConfiguration(lambda, name);
  if (config.LastUpdateStatus !== 'InProgress') return config;
  try {
    return await waitUntilUpdated(lambda, name, timing);
  } catch (error) {
    if (error instanceof EngineError && error.code === 'aws') return getConfiguration(lambda, name);
    throw error;
  }
}

/**
 * Puts a function's original MemorySize and variables back, exactly, and verifies it, but only while the
 * function still carries this run's marker: otherwise someone else changed it since, and it is left alone.
 * KMSKeyArn is never sent, so Lambda keeps whatever key the function has.
 */
export async function restoreFunction(
  lambda: LambdaClient,
  functionName: string,
  original: OriginalConfig,
  runId: string,
  timing: PollTiming,
): Promise<RestoreResult> {
  try {
    const current = await settledConfiguration(lambda, functionName, timing);
    if (matchesOriginal(current, original)) {
      return {
        action: 'restored',
        detail: `${functionName}: already in its original configuration (${original.memoryMB} MB).`,
      };
    }
    if (!carriesMarkerOf(current.Environment?.Variables, runId)) {
      return {
        action: 'skipped',
        detail:
          `${functionName}: left alone: it no longer carries run ${runId}'s marker (changed by someone else since; ` +
          `now ${current.MemorySize} MB, revision ${current.RevisionId}). Originally ${original.memoryMB} MB with ` +
          `${Object.keys(original.variables ?? {}).length} variable(s), see the run's journal.json.`,
      };
    }
    await updateConfiguration(
      lambda,
      {
        FunctionName: functionName,
        MemorySize: original.memoryMB,
        Environment: { Variables: { ...(original.variables ?? {}) } },
        ...(current.RevisionId ? { RevisionId: current.RevisionId } : {}),
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
      detail: `${functionName}: restored and verified (${original.memoryMB} MB, ${Object.keys(original.variables ?? {}).length} variable(s)).`,
    };
  } catch (error) {
    if (errorName(error) === 'PreconditionFailedException') {
      return {
        action: 'skipped',
        detail: `${functionName}: left alone: someone else changed it while it was being restored (412).`,
      };
    }
    return {
      action: 'failed',
      detail: `${functionName}: restore failed: ${errorName(error)}: ${errorMessage(error)}`,
    };
  }
}
