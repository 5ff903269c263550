import type { ColdstartApi, IpcError, IpcResult } from '../../../shared/ipc/contract';

/** The preload's API. Everything the measuring side asks of main goes through here. */
export function coldstart(): ColdstartApi {
  const api = (window as unknown as { coldstart?: ColdstartApi }).coldstart;
  if (!api)
    throw new BridgeError({ code: 'internal', message: 'The app bridge is not available.', hint: null });
  return api;
}

/** An IPC call that failed, carrying main's typed error (what went wrong, and what to do). */
export class BridgeError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'BridgeError';
  }
}

/** The value of an IPC result, or a BridgeError with main's message and hint. */
export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}

/** Any thrown value as an IpcError, so the views show one kind of error. */
export function asIpcError(err: unknown): IpcError {
  if (err instanceof BridgeError) return err.error;
  return { code: 'internal', message: err instanceof Error ? err.message : String(err), hint: null };
}
