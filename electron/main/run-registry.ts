import type { Sample } from '../../shared/sample';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { EngineError, type RunCallbacks, type StartedRun } from '../engine/engine-api';

export type SendEvent = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

export interface RunRegistry {
  /** Starts a run through `start`, forwarding its progress, samples and outcome as events. */
  start(
    kind: 'measurement' | 'fetch',
    name: string | null,
    start: (callbacks: RunCallbacks) => Promise<StartedRun>,
  ): Promise<string>;
  cancel(kind: 'measurement' | 'fetch', runId: string): void;
  /** Runs still going (quitting must wait for them to restore their functions). */
  active(): number;
  /** Cancels every run and waits until each has finished restoring. */
  cancelAll(): Promise<void>;
}

interface ActiveRun {
  kind: 'measurement' | 'fetch';
  controller: AbortController;
  done: Promise<unknown>;
}

/**
 * Runs started from the window. The engine's callbacks become runProgress / runSamples / runFinished events;
 * samples that arrive before the engine has told us the run id are held back until it has.
 */
export function createRunRegistry(send: SendEvent, log: { info: (...args: unknown[]) => void }): RunRegistry {
  const runs = new Map<string, ActiveRun>();

  return {
    async start(kind, name, start) {
      const controller = new AbortController();
      let runId: string | null = null;
      const early: Sample[] = [];
      const started = await start({
        name,
        signal: controller.signal,
        onProgress: (progress) => send('runProgress', progress),
        onSamples: (samples) => {
          if (runId === null) early.push(...samples);
          else if (samples.length > 0) send('runSamples', { runId, samples });
        },
      });
      runId = started.runId;
      if (early.length > 0) send('runSamples', { runId, samples: early.splice(0) });
      const id = runId;
      const done = started.done.then((outcome) => {
        runs.delete(id);
        log.info(`run ${id} (${kind}) ended: ${outcome.state}, ${outcome.samples.length} samples`);
        send('runFinished', {
          runId: id,
          state: outcome.state,
          samples: outcome.samples.length,
          errors: outcome.errors,
          restored: outcome.restored,
          warnings: outcome.warnings ?? [],
        });
      });
      runs.set(id, { kind, controller, done });
      log.info(`run ${id} (${kind}) started`);
      return id;
    },
    cancel(kind, runId) {
      const run = runs.get(runId);
      if (!run || run.kind !== kind) {
        throw new EngineError(
          'not-found',
          `No running ${kind} with id ${runId}.`,
          'It may have finished already.',
        );
      }
      run.controller.abort();
    },
    active: () => runs.size,
    async cancelAll() {
      const pending = [...runs.values()];
      for (const run of pending) run.controller.abort();
      await Promise.all(pending.map((run) => run.done));
    },
  };
}
