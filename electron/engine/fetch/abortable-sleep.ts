import { EngineError } from '../engine-api';

/** Waits `ms`, or rejects with a `cancelled` EngineError as soon as the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function cancelled(): EngineError {
  return new EngineError('cancelled', 'Fetch cancelled.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

/** Whether an error means "the signal aborted" (ours, or the SDK's AbortError). */
export function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  if (error instanceof EngineError && error.code === 'cancelled') return true;
  return Boolean(signal?.aborted);
}
