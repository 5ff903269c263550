import type { PlotData } from 'plotly.js-dist';
import type { ChartSettings } from '../state/workspace';
import type { Box } from './boxes';
import { colorOf, withAlpha } from './chart-colors';
import { colorValue, escapeMarkup } from './chart-labels';
import type { ChartPlan, Panel } from './chart-layout';
import type { MetricInfo } from './metrics';
import { cachedHoverText, pointsOf, pointStep } from './box-texts';

/**
 * Points drawn in all at most (exported as SVG markers, which cost about 60 µs each to draw): beyond this
 * each box shows an even sample of its sorted values, and the chart says so.
 */
export const MAX_POINTS = 1500;
const MIN_POINTS_PER_BOX = 40;

/** A tiny deterministic PRNG, so the jitter does not dance on every redraw. */
function jitter(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 10_000) / 10_000;
  };
}

/** Hover targets along a box between its statistics, so a tall box answers the mouse anywhere along it. */
export const HOVER_STEPS = 7;

/** Where a box answers the mouse: at its whiskers, hinges and median, and evenly between its whiskers. */
function hoverValues(b: Box): number[] {
  const { whiskerLow: low, whiskerHigh: high } = b.stats;
  const between = Array.from(
    { length: HOVER_STEPS },
    (_, i) => low + ((high - low) * (i + 1)) / (HOVER_STEPS + 1),
  );
  return [low, b.stats.q1, b.stats.median, b.stats.q3, high, ...between];
}

export interface TraceContext {
  plan: ChartPlan;
  settings: ChartSettings;
  metric: MetricInfo;
  palette: readonly string[];
  muted: string;
  /** Points per box at most (an even sample of its sorted values beyond). */
  perBox: number;
  /** Color values already in the legend (one entry per value across panels). */
  legendShown: Set<string>;
}

/** The color of a box's color value (arch, memory size or dataset). */
function paintOf(box: Box, ctx: Pick<TraceContext, 'settings' | 'palette'>): string {
  const by = ctx.settings.colorBy;
  const value = by === 'arch' ? box.arch : by === 'memory' ? box.memoryMB : (box.dataset?.index ?? null);
  return colorOf(by, value, ctx.palette);
}

/**
 * Legend entries for the colors none of whose boxes is drawn (a chart drawn in part, see chart-window.ts):
 * per such color one of its boxes placed off the panel's function axis, so Plotly clips it but the legend
 * keeps every color with its box symbol.
 */
export function legendOnlyTraces(boxes: readonly Box[], panel: Panel, ctx: TraceContext): PlotData[] {
  const { plan, settings } = ctx;
  const [posKey] = plan.horizontal ? (['y', 'x'] as const) : (['x', 'y'] as const);
  const traces: PlotData[] = [];
  plan.colors.forEach((color, c) => {
    const box = ctx.legendShown.has(color) ? null : boxes.find((b) => colorValue(b, settings) === color);
    if (!box) return;
    ctx.legendShown.add(color);
    const paint = paintOf(box, ctx);
    traces.push({
      type: 'box',
      orientation: plan.horizontal ? 'h' : 'v',
      name: escapeMarkup(color),
      legendgroup: color,
      legendrank: c + 1,
      showlegend: true,
      xaxis: panel.xaxis,
      yaxis: panel.yaxis,
      [posKey]: [-plan.functions.length - 10],
      q1: [box.stats.q1],
      median: [box.stats.median],
      q3: [box.stats.q3],
      lowerfence: [box.stats.whiskerLow],
      upperfence: [box.stats.whiskerHigh],
      boxpoints: false,
      fillcolor: withAlpha(paint, 0.35),
      line: { color: paint, width: 1.5 },
      hoverinfo: 'skip',
      meta: { legendOnly: true },
    });
  });
  return traces;
}

export const pointsPerBox = (boxes: number): number =>
  Math.max(MIN_POINTS_PER_BOX, Math.floor(MAX_POINTS / Math.max(boxes, 1)));

/**
 * Points the chart draws for all these boxes, and values they stand for (none when only outliers are drawn):
 * counted apart from the traces, as a chart drawn in windows (see chart-window.ts) builds a part of them.
 */
export function pointCounts(
  boxes: readonly Box[],
  showPoints: boolean,
  perBox: number,
): { pointsDrawn: number; pointsTotal: number } {
  let pointsDrawn = 0;
  let pointsTotal = 0;
  for (const b of boxes) {
    if (!showPoints) {
      pointsDrawn += b.stats.outliers.length;
      continue;
    }
    pointsDrawn += Math.ceil(b.values.length / pointStep(b, perBox));
    pointsTotal += b.values.length;
  }
  return { pointsDrawn, pointsTotal };
}

/**
 * One panel's traces: per color a box trace (the precomputed statistics) and its points (jittered values or
 * outliers), the boxes' n beside them, and one trace of undrawn hover targets along every box (Plotly's own
 * box hover lists q1/q3/fences, while people asked for n, median, p90 and p99).
 */
export function panelTraces(panel: Panel, inPanel: readonly Box[], ctx: TraceContext): PlotData[] {
  const { plan, settings, metric } = ctx;
  const { horizontal, colors } = plan;
  const slotOf = new Map(plan.functions.map((f, i) => [f, i]));
  const slot = 0.8 / Math.max(colors.length, 1);
  const boxWidth = slot * (settings.showPoints ? 0.45 : 0.7);
  // Positions go along the category axis, values along the other.
  const [posKey, valKey] = horizontal ? (['y', 'x'] as const) : (['x', 'y'] as const);
  const axes = { xaxis: panel.xaxis, yaxis: panel.yaxis };
  const data: PlotData[] = [];
  const hover = { pos: [] as number[], val: [] as number[], text: [] as string[], color: [] as string[] };
  const counts = { pos: [] as number[], val: [] as number[], text: [] as string[] };

  colors.forEach((color, c) => {
    const own = inPanel.filter((b) => colorValue(b, settings) === color);
    if (own.length === 0) return;
    const paint = paintOf(own[0]!, ctx);
    // The first color left of (or above) the others within its function's slot.
    const offset = (c - (colors.length - 1) / 2) * slot;
    const center = (b: Box) => slotOf.get(b.name)! + offset;
    const boxPos = (b: Box) => center(b) - (settings.showPoints ? slot * 0.2 : 0);
    const showlegend = !ctx.legendShown.has(color);
    ctx.legendShown.add(color);
    data.push({
      type: 'box',
      orientation: horizontal ? 'h' : 'v',
      name: escapeMarkup(color),
      legendgroup: color,
      legendrank: c + 1,
      showlegend,
      ...axes,
      [posKey]: own.map(boxPos),
      q1: own.map((b) => b.stats.q1),
      median: own.map((b) => b.stats.median),
      q3: own.map((b) => b.stats.q3),
      lowerfence: own.map((b) => b.stats.whiskerLow),
      upperfence: own.map((b) => b.stats.whiskerHigh),
      width: boxWidth,
      boxpoints: false,
      fillcolor: withAlpha(paint, 0.35),
      line: { color: paint, width: 1.5 },
      hoverinfo: 'skip',
      meta: { boxKeys: own.map((b) => b.key) },
    });
    for (const b of own) {
      const text = cachedHoverText(b, metric);
      for (const v of hoverValues(b)) {
        hover.pos.push(boxPos(b));
        hover.val.push(v);
        hover.text.push(text);
        hover.color.push(paint);
      }
      counts.pos.push(boxPos(b));
      counts.val.push(horizontal ? b.stats.max : b.stats.min);
      counts.text.push(`n=${b.stats.n}`);
    }
    const pp: number[] = [];
    const pv: number[] = [];
    const ptext: string[] = [];
    if (settings.showPoints) {
      own.forEach((b, i) => {
        const rnd = jitter(i + 1 + c * 977 + panel.index * 7919);
        const { values, texts } = pointsOf(b, pointStep(b, ctx.perBox), metric);
        for (let k = 0; k < values.length; k++) {
          pp.push(center(b) + slot * 0.12 + (rnd() - 0.5) * slot * 0.22);
          pv.push(values[k]!);
          ptext.push(texts[k]!);
        }
      });
    } else {
      for (const b of own) {
        const { values, texts } = pointsOf(b, 0, metric);
        for (let k = 0; k < values.length; k++) {
          pp.push(boxPos(b));
          pv.push(values[k]!);
          ptext.push(texts[k]!);
        }
      }
    }
    if (pp.length > 0) {
      data.push({
        type: 'scatter',
        mode: 'markers',
        name: escapeMarkup(color),
        legendgroup: color,
        showlegend: false,
        ...axes,
        [posKey]: pp,
        [valKey]: pv,
        marker: {
          color: paint,
          size: settings.showPoints ? 4 : 5,
          opacity: settings.showPoints ? 0.55 : 0.9,
        },
        hovertext: ptext,
        hoverinfo: 'text',
        meta: { points: settings.showPoints ? 'jitter' : 'outliers' },
      });
    }
  });
  if (counts.pos.length > 0) {
    // n of each box, past its far end (horizontal) or under its low end (vertical).
    data.push({
      type: 'scatter',
      mode: 'text',
      showlegend: false,
      ...axes,
      [posKey]: counts.pos,
      [valKey]: counts.val,
      text: counts.text,
      textposition: horizontal ? 'middle right' : 'bottom center',
      textfont: { color: ctx.muted, size: 9 },
      hoverinfo: 'skip',
      meta: { labels: horizontal ? 'right' : 'below' },
    });
  }
  if (hover.pos.length > 0) {
    data.push({
      type: 'scatter',
      mode: 'none',
      hoveron: 'points',
      showlegend: false,
      ...axes,
      [posKey]: hover.pos,
      [valKey]: hover.val,
      hovertext: hover.text,
      hoverinfo: 'text',
      hoverlabel: { bgcolor: hover.color },
      meta: { hover: 'boxes' },
    });
  }
  return data;
}
