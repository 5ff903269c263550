import type { PlotData, PlotLayout } from 'plotly.js-dist';
import type { ChartSettings } from '../state/workspace';
import type { Box } from './boxes';
import { formatNumber, metricInfo } from './metrics';
import { UNKNOWN } from './selection';

export interface ChartTheme {
  background: string;
  text: string;
  muted: string;
  grid: string;
  /** One color per value of the color dimension, in order. */
  palette: readonly string[];
}

/** Colorblind-safe (Okabe–Ito), readable on light and dark backgrounds. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#999999',
];
/** The same colors in the same order, with the dark blue swapped for the light one on dark backgrounds. */
export const PALETTE_DARK = [
  '#56B4E9',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#0072B2',
  '#D55E00',
  '#F0E442',
  '#999999',
];

export interface Figure {
  data: PlotData[];
  layout: PlotLayout;
  /** Boxes drawn: one per group. */
  boxCount: number;
  /** Points drawn beside the boxes, and how many values exist (points are thinned above a limit). */
  pointsDrawn: number;
  pointsTotal: number;
}

/**
 * Points drawn in all at most (SVG markers cost about 60 µs each to draw): beyond this each box shows an
 * even sample of its sorted values, and the chart says so. Small datasets show every point.
 */
export const MAX_POINTS = 1500;
const MIN_POINTS_PER_BOX = 40;
/**
 * Each panel spans at least this many function slots: boxes are sized in x units, so a panel with one
 * function (a live run's first sample, one memory size per panel) would otherwise draw a box as wide as
 * a third of the panel, and an n = 1 box as a line across it.
 */
export const MIN_SLOTS_PER_PANEL = 3;

const archLabel = (arch: string): string => (arch === UNKNOWN ? 'unknown arch' : arch);
const memoryLabel = (memoryMB: number | null): string =>
  memoryMB === null ? 'unknown memory' : `${memoryMB} MB`;

function colorValue(box: Box, settings: ChartSettings): string {
  return settings.colorBy === 'arch' ? archLabel(box.arch) : memoryLabel(box.memoryMB);
}

function facetValue(box: Box, settings: ChartSettings): string {
  return settings.colorBy === 'arch' ? memoryLabel(box.memoryMB) : archLabel(box.arch);
}

function orderedValues(boxes: readonly Box[], pick: (b: Box) => string, order: (b: Box) => number | string) {
  const seen = new Map<string, number | string>();
  for (const b of boxes) if (!seen.has(pick(b))) seen.set(pick(b), order(b));
  return [...seen.entries()]
    .sort(([, a], [, b]) =>
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
    )
    .map(([v]) => v);
}

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

export function chartTitle(settings: ChartSettings): { text: string; subtitle: string } {
  const m = metricInfo(settings.metric);
  const subtitle =
    settings.colorBy === 'arch'
      ? 'Colored by architecture, one panel per memory size'
      : 'Colored by memory size, one panel per architecture';
  return { text: `${m.label} by function`, subtitle };
}

export function defaultImageName(settings: ChartSettings, format: 'png' | 'svg'): string {
  const by = settings.colorBy === 'arch' ? 'runtime' : 'runtime-and-memory';
  return `coldstart-${metricInfo(settings.metric).slug}-by-${by}.${format}`;
}

/**
 * The Plotly figure for a list of precomputed boxes: one panel per facet value (its own x axis, one
 * shared y axis), functions along x, one color per color value. Positions are numeric so the boxes,
 * their outliers and their jittered points line up exactly.
 */
export function buildFigure(boxes: readonly Box[], settings: ChartSettings, theme: ChartTheme): Figure {
  const metric = metricInfo(settings.metric);
  const colors = orderedValues(
    boxes,
    (b) => colorValue(b, settings),
    (b) => (settings.colorBy === 'arch' ? b.arch : (b.memoryMB ?? Number.MAX_SAFE_INTEGER)),
  );
  const facets = orderedValues(
    boxes,
    (b) => facetValue(b, settings),
    (b) => (settings.colorBy === 'arch' ? (b.memoryMB ?? Number.MAX_SAFE_INTEGER) : b.arch),
  );
  const data: PlotData[] = [];
  const layout: PlotLayout = {};
  const gap = 0.04;
  const panelWidth = (1 - gap * (facets.length - 1)) / Math.max(facets.length, 1);
  const slot = 0.8 / Math.max(colors.length, 1);
  const boxWidth = slot * (settings.showPoints ? 0.45 : 0.7);
  const perBox = Math.max(MIN_POINTS_PER_BOX, Math.floor(MAX_POINTS / Math.max(boxes.length, 1)));
  let pointsDrawn = 0;
  let pointsTotal = 0;
  const legendShown = new Set<string>();
  const annotations: Record<string, unknown>[] = [];

  facets.forEach((facet, f) => {
    const axis = f === 0 ? 'x' : `x${f + 1}`;
    const inFacet = boxes.filter((b) => facetValue(b, settings) === facet);
    const functions = [...new Set(inFacet.map((b) => b.name))];
    const start = f * (panelWidth + gap);
    const pad = Math.max(0, (MIN_SLOTS_PER_PANEL - functions.length) / 2);
    layout[f === 0 ? 'xaxis' : `xaxis${f + 1}`] = {
      domain: [start, start + panelWidth],
      anchor: 'y',
      tickvals: functions.map((_, i) => i),
      ticktext: functions,
      range: [-0.5 - pad, functions.length - 0.5 + pad],
      // Long function names in narrow panels would run into each other.
      tickangle: functions.length * facets.length > 4 ? -20 : 0,
      automargin: true,
      showgrid: false,
      zeroline: false,
      linecolor: theme.grid,
      tickfont: { color: theme.text },
      title: { text: facets.length > 1 || f === 0 ? 'Function' : '', font: { color: theme.muted } },
      fixedrange: true,
    };
    annotations.push({
      text: `<b>${facet}</b>`,
      xref: 'paper',
      yref: 'paper',
      x: start + panelWidth / 2,
      y: 1.0,
      yanchor: 'bottom',
      showarrow: false,
      font: { color: theme.text, size: 13 },
    });

    // Hover lives on undrawn points along each box (mode 'none': no SVG element per point): Plotly's own
    // box hover lists q1/q3/fences, while people asked for n, median, p90 and p99. One trace per panel.
    const hoverX: number[] = [];
    const hoverY: number[] = [];
    const hoverText: string[] = [];
    const hoverColor: string[] = [];
    colors.forEach((color, c) => {
      const own = inFacet.filter((b) => colorValue(b, settings) === color);
      if (own.length === 0) return;
      const paint = theme.palette[c % theme.palette.length]!;
      const center = (b: Box) => functions.indexOf(b.name) + (c - (colors.length - 1) / 2) * slot;
      const boxX = (b: Box) => center(b) - (settings.showPoints ? slot * 0.2 : 0);
      const showlegend = !legendShown.has(color);
      legendShown.add(color);
      const hover = own.map(
        (b) =>
          `<b>${b.name}</b><br>${archLabel(b.arch)} · ${memoryLabel(b.memoryMB)}<br>n = ${b.stats.n}<br>` +
          `median ${formatNumber(b.stats.median)} ${metric.unit}<br>p90 ${formatNumber(b.stats.p90)} ${metric.unit}` +
          `<br>p99 ${formatNumber(b.stats.p99)} ${metric.unit}`,
      );
      data.push({
        type: 'box',
        name: color,
        legendgroup: color,
        legendrank: c + 1,
        showlegend,
        xaxis: axis,
        yaxis: 'y',
        x: own.map(boxX),
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
      own.forEach((b, i) => {
        for (const y of hoverYs(b)) {
          hoverX.push(boxX(b));
          hoverY.push(y);
          hoverText.push(hover[i]!);
          hoverColor.push(paint);
        }
      });
      const px: number[] = [];
      const py: number[] = [];
      if (settings.showPoints) {
        own.forEach((b, i) => {
          const rnd = jitter(i + 1 + c * 977 + f * 7919);
          const step = Math.max(1, Math.ceil(b.values.length / perBox));
          pointsTotal += b.values.length;
          for (let k = 0; k < b.values.length; k += step) {
            px.push(center(b) + slot * 0.12 + (rnd() - 0.5) * slot * 0.22);
            py.push(b.values[k]!);
          }
        });
      } else {
        own.forEach((b) => {
          for (const o of b.stats.outliers) {
            px.push(boxX(b));
            py.push(o);
          }
        });
      }
      pointsDrawn += px.length;
      if (px.length > 0) {
        data.push({
          type: 'scatter',
          mode: 'markers',
          name: color,
          legendgroup: color,
          showlegend: false,
          xaxis: axis,
          yaxis: 'y',
          x: px,
          y: py,
          marker: {
            color: paint,
            size: settings.showPoints ? 4 : 5,
            opacity: settings.showPoints ? 0.55 : 0.9,
          },
          hoverinfo: 'y',
          meta: { points: settings.showPoints ? 'jitter' : 'outliers' },
        });
      }
    });
    if (hoverX.length > 0) {
      data.push({
        type: 'scatter',
        mode: 'none',
        hoveron: 'points',
        showlegend: false,
        xaxis: axis,
        yaxis: 'y',
        x: hoverX,
        y: hoverY,
        hovertext: hoverText,
        hoverinfo: 'text',
        hoverlabel: { bgcolor: hoverColor },
        meta: { hover: 'boxes' },
      });
    }
  });

  const values = boxes.flatMap((b) => [b.stats.min, b.stats.max]);
  const maxValue = values.length ? Math.max(...values) : 1;
  const minPositive = Math.min(...boxes.map((b) => (b.stats.min > 0 ? b.stats.min : Infinity)), maxValue);
  const yaxis: Record<string, unknown> = {
    title: { text: `${metric.label} (${metric.unit})`, font: { color: theme.text } },
    type: settings.logScale ? 'log' : 'linear',
    gridcolor: theme.grid,
    zerolinecolor: theme.grid,
    linecolor: theme.grid,
    tickfont: { color: theme.text },
    rangemode: settings.yFromZero && !settings.logScale ? 'tozero' : 'normal',
  };
  // The range is set, not autoranged: on screen the points are drawn beside Plotly (see screenFigure), and
  // undrawn points do not pad Plotly's autorange the way markers do, so the screen and the exported image
  // would differ.
  if (settings.logScale && boxes.length) {
    yaxis.range = [Math.log10(Math.max(minPositive * 0.8, 1e-3)), Math.log10(maxValue * 1.15)];
  } else if (boxes.length) {
    yaxis.range = linearRange(boxes, settings.yFromZero);
  }
  Object.assign(layout, {
    title: {
      // The subtitle as a second line of the title: Plotly's own `subtitle` jumps above the title after a
      // resize of the window.
      text:
        `${chartTitle(settings).text}<br><span style="font-size:12px;color:${theme.muted}">` +
        `${chartTitle(settings).subtitle}</span>`,
      font: { color: theme.text, size: 17 },
      x: 0.01,
      xanchor: 'left',
    },
    paper_bgcolor: theme.background,
    plot_bgcolor: theme.background,
    font: { color: theme.text, family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12 },
    yaxis,
    boxmode: 'overlay',
    hovermode: 'closest',
    showlegend: true,
    legend: {
      title: { text: settings.colorBy === 'arch' ? 'Architecture' : 'Memory' },
      orientation: 'h',
      x: 1,
      xanchor: 'right',
      y: 1.12,
      yanchor: 'bottom',
      font: { color: theme.text },
    },
    annotations,
    margin: { l: 64, r: 16, t: 108, b: 56 },
  });
  return { data, layout, boxCount: boxes.length, pointsDrawn, pointsTotal };
}

/** Markers of one trace, to be drawn on a canvas over its panel. */
export interface PointCloud {
  /** Plotly's axis id of the panel: x, x2, … */
  xaxis: string;
  x: readonly number[];
  y: readonly number[];
  color: string;
  /** Diameter in CSS pixels, as Plotly's marker.size. */
  size: number;
  opacity: number;
}

/**
 * The figure as the screen draws it: the jittered points and outliers become undrawn hover targets in
 * Plotly and are returned as clouds for a canvas. Plotly makes, styles (twice) and lays out one SVG element
 * per marker, about 70 µs each with the browser's share, which was most of a redraw; a canvas draws them in
 * a few milliseconds. Exported images use the figure itself, markers and all.
 */
export function screenFigure(figure: Figure): { data: PlotData[]; clouds: PointCloud[] } {
  const clouds: PointCloud[] = [];
  const data = figure.data.map((trace) => {
    const meta = trace.meta as { points?: string } | undefined;
    if (!meta?.points) return trace;
    const marker = trace.marker as { color: string; size: number; opacity: number };
    clouds.push({
      xaxis: trace.xaxis as string,
      x: trace.x as number[],
      y: trace.y as number[],
      color: marker.color,
      size: marker.size,
      opacity: marker.opacity,
    });
    const { marker: _drawn, ...rest } = trace;
    return { ...rest, mode: 'none', hoveron: 'points', hoverlabel: { bgcolor: marker.color } };
  });
  return { data, clouds };
}

/** The values' span with 5% air at each end (none below a zero start), as Plotly's autorange pads boxes. */
function linearRange(boxes: readonly Box[], fromZero: boolean): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const b of boxes) {
    min = Math.min(min, b.stats.min);
    max = Math.max(max, b.stats.max);
  }
  if (fromZero) {
    min = Math.min(min, 0);
    max = Math.max(max, 0);
  }
  const pad = (max - min || Math.abs(max) || 1) * 0.05;
  return [fromZero && min === 0 ? 0 : min - pad, max + pad];
}

/** Where a box answers the mouse: along its whole height, not only at the median. */
const hoverYs = (b: Box): number[] => [
  b.stats.whiskerLow,
  b.stats.q1,
  b.stats.median,
  b.stats.q3,
  b.stats.whiskerHigh,
];

function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}
