import { EngineError } from '../../engine/engine-api';
import { ForbiddenEndpointError } from '../endpoint-policy';
import type { IpcError } from '../../../shared/ipc/contract';

/**
 * What the renderer is told about a failed call: the engine's own words for EngineErrors (they are written
 * for the user), a generic sentence for anything else — the details (stack included) go to the log only.
 */
export function toIpcError(error: unknown, callName: string): IpcError {
  if (error instanceof EngineError) {
    return { code: error.code, message: error.message, hint: error.hint };
  }
  if (error instanceof ForbiddenEndpointError) {
    return { code: 'forbidden-endpoint', message: error.message, hint: error.hint };
  }
  return {
    code: 'internal',
    message: `${callName} failed unexpectedly.`,
    hint: 'The details are in the log file (Help › Open log folder).',
  };
}
