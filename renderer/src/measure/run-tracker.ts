import { reactive } from 'vue';
import type { EventPayload } from '../../../shared/ipc/contract';
import type { RunProgress } from '../../../shared/measure';
import type { Sample } from '../../../shared/sample';
import { coldstart } from './bridge';

export type RunFinished = EventPayload<'runFinished'>;

/** A measurement or fetch started from this window, followed through main's events. */
export interface TrackedRun {
  runId: string;
  kind: 'measure' | 'fetch';
  name: string;
  progress: RunProgress | null;
  /** The largest total announced: the engine shrinks its total when a function stops early or on cancel. */
  plannedTotal: number;
  /** Samples received so far. */
  samples: Sample[];
  finished: RunFinished | null;
  cancelling: boolean;
  startedAt: number;
}

type Listener = (run: TrackedRun, samples: Sample[]) => void;

export const trackedRuns = reactive(new Map<string, TrackedRun>());

// Main may report a run's first events before the renderer has its id (the IPC answer and the events
// travel separately): those are kept here and replayed once the run is tracked.
const early = new Map<string, ((run: TrackedRun) => void)[]>();
const sampleListeners = new Map<string, Listener>();
const finishListeners = new Map<string, () => void>();
let unsubscribe: (() => void) | null = null;

function withRun(runId: string, apply: (run: TrackedRun) => void): void {
  const run = trackedRuns.get(runId);
  if (run) {
    apply(run);
    return;
  }
  const pending = early.get(runId) ?? [];
  pending.push(apply);
  // Runs started elsewhere (another window, the CLI) are not ours; keep the buffer small.
  if (early.size > 50) early.delete(early.keys().next().value as string);
  early.set(runId, pending);
}

/** Subscribes once to main's run events. */
export function listenToRuns(): void {
  if (unsubscribe) return;
  const api = coldstart();
  const offs = [
    api.onRunProgress((progress) =>
      withRun(progress.runId, (run) => {
        run.progress = progress;
        run.plannedTotal = Math.max(run.plannedTotal, progress.total);
      }),
    ),
    api.onRunSamples(({ runId, samples }) =>
      withRun(runId, (run) => {
        run.samples.push(...samples);
        sampleListeners.get(runId)?.(run, samples);
      }),
    ),
    api.onRunFinished((finished) =>
      withRun(finished.runId, (run) => {
        // First (e.g. the dataset takes its last samples), so the outcome shows with every sample in place.
        finishListeners.get(finished.runId)?.();
        finishListeners.delete(finished.runId);
        run.finished = finished;
        run.cancelling = false;
      }),
    ),
  ];
  unsubscribe = () => offs.forEach((off) => off());
}

export function stopListening(): void {
  unsubscribe?.();
  unsubscribe = null;
  trackedRuns.clear();
  early.clear();
  sampleListeners.clear();
  finishListeners.clear();
}

/**
 * Starts following a run; `onSamples` sees each batch as it arrives (e.g. to fill a dataset), `onFinished` is
 * called once when main reports the run finished, before the run says so.
 */
export function trackRun(
  runId: string,
  kind: 'measure' | 'fetch',
  name: string,
  onSamples?: Listener,
  onFinished?: () => void,
): TrackedRun {
  trackedRuns.set(runId, {
    runId,
    kind,
    name,
    progress: null,
    plannedTotal: 0,
    samples: [],
    finished: null,
    cancelling: false,
    startedAt: Date.now(),
  });
  const run = trackedRuns.get(runId) as TrackedRun;
  if (onSamples) sampleListeners.set(runId, onSamples);
  if (onFinished) finishListeners.set(runId, onFinished);
  for (const apply of early.get(runId) ?? []) apply(run);
  early.delete(runId);
  return run;
}
