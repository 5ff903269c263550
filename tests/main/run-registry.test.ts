import { describe, expect, it, vi } from 'vitest';
import type { RunCallbacks, RunOutcome } from '../../electron/engine/engine-api';
import { createRunRegistry, type SendEvent } from '../../electron/main/run-registry';

/** A run that ends (restored) when its signal is aborted, as the engine's runs do. */
function abortableRun(runId: string) {
  return async (callbacks: RunCallbacks) => ({
    runId,
    done: new Promise<RunOutcome>((resolve) =>
      callbacks.signal?.addEventListener('abort', () =>
        setTimeout(() =>
          resolve({ runId, state: 'cancelled', samples: [], errors: [], restored: [`${runId}: restored`] }),
        ),
      ),
    ),
  });
}

describe('run registry', () => {
  it('cancels every run on quit and waits until each has restored its functions', async () => {
    const events: string[] = [];
    const send: SendEvent = (name, payload) =>
      events.push(`${name} ${(payload as { runId?: string }).runId}`);
    const runs = createRunRegistry(send, { info: vi.fn() });
    await runs.start('measurement', null, abortableRun('a'));
    await runs.start('fetch', 'logs', abortableRun('b'));
    expect(runs.active()).toBe(2);
    await runs.cancelAll();
    expect(runs.active()).toBe(0);
    expect(events.sort()).toEqual(['runFinished a', 'runFinished b']);
  });

  it('passes the run name and never sends empty sample batches', async () => {
    const send = vi.fn();
    const runs = createRunRegistry(send, { info: vi.fn() });
    let callbacks: RunCallbacks = {};
    await runs.start('measurement', 'my run', async (c) => {
      callbacks = c;
      return { runId: 'r', done: new Promise<RunOutcome>(() => undefined) };
    });
    expect(callbacks.name).toBe('my run');
    callbacks.onSamples?.([]);
    expect(send).not.toHaveBeenCalled();
  });
});
