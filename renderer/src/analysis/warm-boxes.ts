import type { ChartSettings } from '../state/workspace';
import type { Box } from './boxes';
import { warmBox } from './box-texts';
import { pointsPerBox } from './chart-traces';
import { metricInfo } from './metrics';

/** Time left in an idle period below which the warm-up waits for the next one. */
const SPARE_MS = 2;

/**
 * While the window is idle, computes the hover texts and drawn points of every box of a chart drawn in part,
 * so that a sort or a scroll that brings other boxes into view only lays them out. A few boxes per idle slot:
 * a click in between waits for one box at most. Returns a stop function (the boxes or settings changed).
 */
export function warmBoxesWhenIdle(boxes: readonly Box[], settings: ChartSettings): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined;
  const fixed = { ...settings };
  const metric = metricInfo(fixed.metric);
  const perBox = pointsPerBox(boxes.length);
  let next = 0;
  let handle = 0;
  const slice = (deadline: IdleDeadline) => {
    while (next < boxes.length && deadline.timeRemaining() > SPARE_MS)
      warmBox(boxes[next++]!, fixed, metric, perBox);
    if (next < boxes.length) handle = requestIdleCallback(slice);
  };
  handle = requestIdleCallback(slice);
  return () => cancelIdleCallback(handle);
}
