import type { PlotData, PlotLayout } from 'plotly.js-dist';
import type { ChartSettings } from '../state/workspace';
import type { Box } from './boxes';
import { panelAxes, panelTitle, valueRange } from './chart-axes';
import { escapeMarkup, facetValue } from './chart-labels';
import { legendOnlyTraces, panelTraces, pointCounts, pointsPerBox, type TraceContext } from './chart-traces';
import type { SlotWindow } from './chart-window';
import {
  DEFAULT_SIZE,
  estimateText,
  planChart,
  type ChartPlan,
  type ChartSize,
  type MeasureText,
} from './chart-layout';
import { metricInfo } from './metrics';

export { PALETTE, PALETTE_DARK } from './chart-colors';
export { MIN_SLOTS_PER_PANEL } from './chart-layout';
export { screenFigure, type PointCloud } from './screen-figure';
export { MAX_POINTS } from './chart-traces';

export interface ChartTheme {
  background: string;
  text: string;
  muted: string;
  grid: string;
  /** The palette colors are taken from, by value (see colorOf). */
  palette: readonly string[];
}

export interface Figure {
  data: PlotData[];
  layout: PlotLayout;
  plan: ChartPlan;
  /** Boxes drawn: one per group. */
  boxCount: number;
  /** Points drawn beside the boxes, and how many values exist (points are thinned above a limit). */
  pointsDrawn: number;
  pointsTotal: number;
  /** The slots drawn when the chart is drawn in part (see chart-window.ts); null: all of them. */
  window: SlotWindow | null;
}

export function chartTitle(settings: ChartSettings): { text: string; subtitle: string } {
  const m = metricInfo(settings.metric);
  const colored = { arch: 'architecture', memory: 'memory size', dataset: 'dataset' }[settings.colorBy];
  const panel = [
    settings.facetByDataset && settings.colorBy !== 'dataset' ? 'dataset' : null,
    settings.colorBy !== 'arch' ? 'architecture' : null,
    settings.colorBy !== 'memory' ? 'memory size' : null,
  ].filter((p): p is string => p !== null);
  const subtitle = `Colored by ${colored}, one panel per ${panel.join(' and ')}`;
  return { text: `${m.label} by function`, subtitle };
}

export function defaultImageName(settings: ChartSettings, format: 'png' | 'svg'): string {
  const by = { arch: 'runtime', memory: 'runtime-and-memory', dataset: 'dataset' }[settings.colorBy];
  return `coldstart-${metricInfo(settings.metric).slug}-by-${by}.${format}`;
}

/**
 * The Plotly figure for a list of precomputed boxes, in their given order (see group-order.ts): one panel
 * per facet value, laid out for the size by planChart (vertical or horizontal boxes, panels wrapped), every
 * panel on the same function slots and value range, one color per color value (from the value itself).
 * Positions are numeric so the boxes, their outliers and their jittered points line up exactly. Every name
 * reaches Plotly escaped (see escapeMarkup). With a window for the plan (see chart-window.ts) the layout is
 * the whole chart's, but only the window's slots get boxes, points, hover targets and tick labels.
 */
export function buildFigure(
  boxes: readonly Box[],
  settings: ChartSettings,
  theme: ChartTheme,
  size: ChartSize = DEFAULT_SIZE,
  measure: MeasureText = estimateText,
  windowOf: (plan: ChartPlan) => SlotWindow | null = () => null,
): Figure {
  const metric = metricInfo(settings.metric);
  const plan = planChart(boxes, settings, size, measure);
  const window = windowOf(plan);
  const slotOf = new Map(plan.functions.map((f, i) => [f, i]));
  const drawn = window ? boxes.filter((b) => window.drawn[slotOf.get(b.name)!]) : boxes;
  const data: PlotData[] = [];
  const layout: PlotLayout = {};
  const annotations: Record<string, unknown>[] = [];
  const range = valueRange(boxes, settings);
  const byFacet = new Map<string, Box[]>();
  for (const b of drawn) {
    const f = facetValue(b, settings);
    let list = byFacet.get(f);
    if (!list) byFacet.set(f, (list = []));
    list.push(b);
  }
  const ctx: TraceContext = {
    plan,
    settings,
    metric,
    palette: theme.palette,
    muted: theme.muted,
    perBox: pointsPerBox(boxes.length),
    legendShown: new Set(),
  };
  const axisTitle = `${metric.label} (${metric.unit})`;
  for (const panel of plan.panels) {
    Object.assign(layout, panelAxes(panel, plan, settings, axisTitle, range, theme, window));
    annotations.push(panelTitle(panel, theme.text));
    data.push(...panelTraces(panel, byFacet.get(panel.facet) ?? [], ctx));
  }
  if (window && plan.panels[0]) data.push(...legendOnlyTraces(boxes, plan.panels[0], ctx));
  const { pointsDrawn, pointsTotal } = pointCounts(boxes, settings.showPoints, ctx.perBox);

  const { margin, height, width } = plan;
  const title = chartTitle(settings);
  Object.assign(layout, {
    title: {
      // The subtitle as a second line of the title: Plotly's own `subtitle` jumps above the title after a
      // resize of the window.
      text:
        `${escapeMarkup(title.text)}<br><span style="font-size:12px;color:${theme.muted}">` +
        `${escapeMarkup(title.subtitle)}</span>`,
      font: { color: theme.text, size: 17 },
      x: 0.01,
      xanchor: 'left',
      // Two lines hung from the top: Plotly places a multi-line title by its first line's baseline.
      yref: 'container',
      y: 1 - 26 / height,
      yanchor: 'bottom',
    },
    height,
    width,
    paper_bgcolor: theme.background,
    plot_bgcolor: theme.background,
    font: { color: theme.text, family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12 },
    boxmode: 'overlay',
    hovermode: 'closest',
    showlegend: true,
    legend: {
      title: { text: { arch: 'Architecture', memory: 'Memory', dataset: 'Dataset' }[settings.colorBy] },
      orientation: 'h',
      x: 1,
      xanchor: 'right',
      // In the title's band, right of it and below Plotly's mode bar, whatever the chart's height.
      y: 1 + (margin.t - 30) / Math.max(height - margin.t - margin.b, 1),
      yanchor: 'top',
      font: { color: theme.text },
    },
    annotations,
    margin,
  });
  return { data, layout, plan, boxCount: boxes.length, pointsDrawn, pointsTotal, window };
}
