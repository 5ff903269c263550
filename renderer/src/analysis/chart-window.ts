import type { ChartPlan } from './chart-layout';

/**
 * The function slots a horizontal chart draws: those in view in its scrolling card and a margin around
 * them. A long chart (620 groups: 80 functions × 2 colors × 4 panels) keeps its full height, so the card
 * scrolls as before, but Plotly lays out, measures and styles only the rows near the view: drawing every
 * row's tick labels, boxes and hover targets was most of a redraw's second.
 */
export interface SlotWindow {
  /** Per function slot (the plan's order): drawn or not. */
  readonly drawn: readonly boolean[];
  /** The chart's pixels (from its top) the drawn slots cover in full, so a scroll inside needs no redraw. */
  readonly coveredTop: number;
  readonly coveredBottom: number;
}

/** The chart's pixels from its top of one panel row's first slot. */
const rowTop = (plan: ChartPlan, row: number): number =>
  plan.margin.t + row * (plan.functions.length * plan.slotPx + plan.gapY);

/**
 * The slots within `marginPx` of the view [viewTop, viewTop + viewHeight] (chart pixels from its top), in
 * any row of panels; null when every slot is that close (a short chart, or a vertical one: drawn whole).
 */
export function slotWindow(
  plan: ChartPlan,
  viewTop: number,
  viewHeight: number,
  marginPx: number,
): SlotWindow | null {
  const n = plan.functions.length;
  if (!plan.horizontal || n === 0 || plan.slotPx <= 0) return null;
  const top = viewTop - marginPx;
  const bottom = viewTop + viewHeight + marginPx;
  const drawn = new Array<boolean>(n).fill(false);
  let count = 0;
  for (let row = 0; row < plan.rows; row++) {
    const start = rowTop(plan, row);
    const first = Math.max(0, Math.floor((top - start) / plan.slotPx));
    const last = Math.min(n - 1, Math.ceil((bottom - start) / plan.slotPx) - 1);
    for (let i = first; i <= last; i++) {
      if (!drawn[i]) count++;
      drawn[i] = true;
    }
  }
  if (count === n) return null;
  // Covered: the view stays inside the drawn band of every row it touches while it moves less than this.
  return { drawn, coveredTop: Math.max(0, top), coveredBottom: bottom };
}

/** Whether the view [viewTop, viewTop + viewHeight] is still inside what the window drew. */
export function windowCovers(window: SlotWindow, viewTop: number, viewHeight: number): boolean {
  return viewTop >= window.coveredTop && viewTop + viewHeight <= window.coveredBottom;
}
