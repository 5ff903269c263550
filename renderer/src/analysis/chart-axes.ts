import type { ChartSettings } from '../state/workspace';
import type { Box } from './boxes';
import { escapeMarkup, tickLabel } from './chart-labels';
import { MIN_SLOTS_PER_PANEL, type ChartPlan, type Panel } from './chart-layout';
import type { SlotWindow } from './chart-window';

/**
 * The value axis's range, in Plotly's axis units (log10 on a log axis). Set, not autoranged: on screen the
 * points are drawn beside Plotly (see screenFigure), and undrawn points do not pad Plotly's autorange the way
 * markers do, so the screen and the exported image would differ.
 */
export function valueRange(
  boxes: readonly Box[],
  settings: Pick<ChartSettings, 'logScale' | 'yFromZero'>,
): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  let minPositive = Infinity;
  for (const b of boxes) {
    min = Math.min(min, b.stats.min);
    max = Math.max(max, b.stats.max);
    if (b.stats.min > 0) minPositive = Math.min(minPositive, b.stats.min);
  }
  if (!Number.isFinite(min)) return settings.logScale ? [0, 3] : [0, 1];
  if (settings.logScale) {
    const top = Math.max(max, 1e-3);
    return [Math.log10(Math.max(Math.min(minPositive, top) * 0.8, 1e-3)), Math.log10(top * 1.15)];
  }
  if (settings.yFromZero) {
    min = Math.min(min, 0);
    max = Math.max(max, 0);
  }
  // 5% air at each end (none below a zero start), as Plotly's autorange pads boxes.
  const pad = (max - min || Math.abs(max) || 1) * 0.05;
  return [settings.yFromZero && min === 0 ? 0 : min - pad, max + pad];
}

/** A tick value as people write it: 0.5, 20, 1000 (never Plotly's lone "2" for 20 on a log axis). */
export function tickNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/**
 * Ticks of a log axis spanning [lo, hi] (log10 units) drawn over `lengthPx`: 1, 2, 5, 10, 20, 50, … when
 * they are at least `minGapPx` apart; else decades only, then every second or third decade.
 */
export function logTicks(
  [lo, hi]: readonly [number, number],
  lengthPx: number,
  minGapPx = 28,
): { tickvals: number[]; ticktext: string[] } {
  const pxPerDecade = lengthPx / Math.max(hi - lo, 1e-9);
  const first = Math.floor(lo);
  const last = Math.ceil(hi);
  let steps: number[];
  let every = 1;
  // 2 and 5 sit 0.30 and 0.40 decades from their neighbours: the closer pair decides.
  if (pxPerDecade * Math.log10(2) >= minGapPx) steps = [1, 2, 5];
  else {
    steps = [1];
    every = Math.max(1, Math.ceil(minGapPx / Math.max(pxPerDecade, 1e-9)));
  }
  const tickvals: number[] = [];
  for (let d = first; d <= last; d++) {
    if ((d - first) % every !== 0) continue;
    for (const s of steps) {
      const v = s * 10 ** d;
      const at = Math.log10(v);
      if (at >= lo - 1e-9 && at <= hi + 1e-9) tickvals.push(Number(v.toPrecision(6)));
    }
  }
  return { tickvals, ticktext: tickvals.map(tickNumber) };
}

/** Ticks on a linear axis, at most one per `minGapPx` (Plotly picks round numbers within that count). */
export const linearTickCount = (lengthPx: number, minGapPx: number): number =>
  Math.max(2, Math.floor(lengthPx / minGapPx));

/** Colors the axes need. */
export interface AxisTheme {
  text: string;
  muted: string;
  grid: string;
}

/**
 * One panel's two axes as Plotly layout entries (`xaxis2`, `yaxis2`): function slots on one (labels on the
 * left column only when horizontal, as every panel shares them), values on the other (the same range in every
 * panel, zooming together; tick labels on the left column only when vertical).
 */
export function panelAxes(
  panel: Panel,
  plan: ChartPlan,
  settings: Pick<ChartSettings, 'logScale'>,
  title: string,
  range: [number, number],
  theme: AxisTheme,
  window: SlotWindow | null = null,
): Record<string, Record<string, unknown>> {
  const { functions, horizontal } = plan;
  const pad = horizontal ? 0 : Math.max(0, (MIN_SLOTS_PER_PANEL - functions.length) / 2);
  // Labels only where the slots are drawn; one label per slot, so no slot shows another's.
  const slots = functions.map((_, i) => i).filter((i) => !window || window.drawn[i]);
  const positionAxis: Record<string, unknown> = {
    tickmode: 'array',
    tickvals: slots,
    ticktext: slots.map((i) => tickLabel(functions[i]!)),
    // The layout gives the labels their room (chart-layout.ts); Plotly's default ("hide past div") measures
    // every label again after placing each one, which is quadratic in the labels and was most of a redraw.
    ticklabeloverflow: 'allow',
    // Horizontal: the first function on top.
    range: horizontal ? [functions.length - 0.5, -0.5] : [-0.5 - pad, functions.length - 0.5 + pad],
    showticklabels: horizontal ? panel.col === 0 : true,
    tickangle: 0,
    showgrid: false,
    zeroline: false,
    linecolor: theme.grid,
    ticks: '',
    tickfont: { color: theme.text, size: 12 },
    fixedrange: true,
  };
  const valueAxis: Record<string, unknown> = {
    type: settings.logScale ? 'log' : 'linear',
    range,
    gridcolor: theme.grid,
    zerolinecolor: theme.grid,
    linecolor: theme.grid,
    tickfont: { color: theme.text, size: 11 },
    showticklabels: horizontal ? true : panel.col === 0,
    // Every panel zooms with the first.
    ...(panel.index > 0 ? { matches: horizontal ? 'x' : 'y' } : {}),
    ...(settings.logScale
      ? { tickmode: 'array', ...logTicks(range, plan.valuePx, horizontal ? 48 : 24) }
      : { nticks: linearTickCount(plan.valuePx, horizontal ? 80 : 40) }),
    title: {
      // Once, by the bottom-left panel.
      text: panel.col === 0 && panel.row === plan.rows - 1 ? title : '',
      font: { color: theme.muted, size: 12 },
      standoff: 6,
    },
  };
  const [x, y] = horizontal ? [valueAxis, positionAxis] : [positionAxis, valueAxis];
  return {
    [`xaxis${panel.xaxis.slice(1)}`]: { ...x, domain: panel.xDomain, anchor: panel.yaxis },
    [`yaxis${panel.yaxis.slice(1)}`]: { ...y, domain: panel.yDomain, anchor: panel.xaxis },
  };
}

/** The panel's title (its facet value) above it. */
export function panelTitle(panel: Panel, color: string): Record<string, unknown> {
  return {
    text: `<b>${escapeMarkup(panel.facet)}</b>`,
    xref: 'paper',
    yref: 'paper',
    x: (panel.xDomain[0] + panel.xDomain[1]) / 2,
    y: panel.yDomain[1],
    yanchor: 'bottom',
    yshift: 2,
    showarrow: false,
    font: { color, size: 13 },
  };
}
