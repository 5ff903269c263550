import { describe, expect, it, vi } from 'vitest';
import type { RunCallbacks, RunOutcome } from '../../electron/engine/engine-api';
import { createRunRegistry, type SendEvent } from '../../electron/main/run-registry';
import { eventContract } from '../../shared/ipc/contract';

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

  it("forwards a fetch's warnings (range not fully ingested yet) with runFinished", async () => {
    const send = vi.fn();
    const runs = createRunRegistry(send, { info: vi.fn() });
    const warning = 'The range ends 2 minutes ago: CloudWatch may not have ingested the latest REPORTs yet.';
    let finish: (outcome: RunOutcome) => void = () => undefined;
    await runs.start('fetch', null, async () => ({
      runId: 'f',
      done: new Promise<RunOutcome>((resolve) => (finish = resolve)),
    }));
    finish({ runId: 'f', state: 'completed', samples: [], errors: [], restored: [], warnings: [warning] });
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith('runFinished', expect.anything()));
    const payload = send.mock.calls.find(([name]) => name === 'runFinished')?.[1];
    expect(payload).toEqual({
      runId: 'f',
      state: 'completed',
      samples: 0,
      errors: [],
      restored: [],
      warnings: [warning],
    });
    expect(eventContract.runFinished.safeParse(payload).success).toBe(true);
  });

  it('sends an empty warnings list for runs without any (measurements)', async () => {
    const send = vi.fn();
    const runs = createRunRegistry(send, { info: vi.fn() });
    await runs.start('measurement', null, abortableRun('m'));
    await runs.cancelAll();
    expect(send).toHaveBeenCalledWith('runFinished', expect.objectContaining({ runId: 'm', warnings: [] }));
  });
});
