import { markRaw } from 'vue';
import type { Sample } from '../../../shared/sample';
import { appendSamples } from '../../../shared/sample-columns-builder';
import type { Dataset } from './workspace-types';

/**
 * A live run's samples are added to its dataset's columns at most this often: each append copies the
 * columns, so appending every small batch of a long run would cost time growing with the square of its size.
 */
export const APPEND_INTERVAL_MS = 300;

/**
 * The samples of live runs waiting to be added to their datasets' columns. The first batch after a quiet
 * spell is added at once; batches arriving faster are gathered and added together after at most
 * APPEND_INTERVAL_MS.
 */
export function createLiveAppends(datasetOf: (id: string) => Dataset | undefined) {
  /** Samples waiting for the next append, per dataset, and when each dataset was last appended to. */
  const pending = new Map<string, { samples: Sample[]; timer: ReturnType<typeof setTimeout> | null }>();
  const lastAppend = new Map<string, number>();

  const flush = (datasetId: string): void => {
    const waiting = pending.get(datasetId);
    pending.delete(datasetId);
    if (waiting?.timer) clearTimeout(waiting.timer);
    const dataset = datasetOf(datasetId);
    if (!waiting || !dataset || waiting.samples.length === 0) return;
    dataset.columns = markRaw(appendSamples(dataset.columns, waiting.samples));
    dataset.version++;
    lastAppend.set(datasetId, performance.now());
  };

  return {
    add(datasetId: string, samples: readonly Sample[]): void {
      if (samples.length === 0) return;
      let waiting = pending.get(datasetId);
      if (!waiting) pending.set(datasetId, (waiting = { samples: [], timer: null }));
      for (const s of samples) waiting.samples.push(s);
      if (waiting.timer) return;
      const since = performance.now() - (lastAppend.get(datasetId) ?? -Infinity);
      if (since >= APPEND_INTERVAL_MS) flush(datasetId);
      else waiting.timer = setTimeout(() => flush(datasetId), APPEND_INTERVAL_MS - since);
    },

    /** Adds what waits now: for one dataset, or (no id) for every dataset. */
    flush(datasetId?: string): void {
      for (const id of datasetId === undefined ? [...pending.keys()] : [datasetId]) flush(id);
    },

    /** Drops what waits for a dataset being closed (or, no id, for every dataset). */
    forget(datasetId?: string): void {
      for (const id of datasetId === undefined ? [...pending.keys()] : [datasetId]) {
        const timer = pending.get(id)?.timer;
        if (timer) clearTimeout(timer);
        pending.delete(id);
      }
      if (datasetId === undefined) lastAppend.clear();
      else lastAppend.delete(datasetId);
    },
  };
}
