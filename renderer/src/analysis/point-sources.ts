import { packedTextOf } from '../../../shared/sample-columns';
import { metricAt } from '../../../shared/stats/metric-values';
import type { Box } from './boxes';

/** Where a drawn point's value came from: its dataset, and the REPORT's request id and time when known. */
export interface PointSource {
  dataset: string | null;
  requestId: string | null;
  timestamp: string | null;
}

/** Per box (boxes are kept per metric, so sort and color switches reuse them): value → its first sample. */
const found = new WeakMap<Box, Map<number, PointSource | null>>();

/**
 * The samples of some of a box's values (the points drawn, a few dozen per box), found by one pass over the
 * box's rows that stops when every value is found. A box's values are sorted numbers without their rows (so a
 * million rows sort fast); the few that are drawn are looked up here instead.
 */
export function pointSources(box: Box, values: readonly number[]): Map<number, PointSource | null> {
  let known = found.get(box);
  if (!known) found.set(box, (known = new Map()));
  const missing = new Set(values.filter((v) => !known.has(v)));
  if (missing.size === 0 || !box.parts || !box.metric) return known;
  outer: for (const part of box.parts) {
    for (let j = 0; j < part.rows.length; j++) {
      const r = part.rows[j]!;
      // NaN (no value) is never among the values drawn.
      const v = metricAt(part.columns, r, box.metric);
      if (!missing.has(v)) continue;
      known.set(v, {
        dataset: part.dataset ?? null,
        requestId: packedTextOf(part.columns.requestId, r),
        timestamp: packedTextOf(part.columns.timestamp, r),
      });
      missing.delete(v);
      if (missing.size === 0) break outer;
    }
  }
  for (const v of missing) known.set(v, null);
  return known;
}
