import type { ChartSettings } from '../state/workspace';
import type { Box } from './boxes';
import { colorValue, facetValue, tickLabel } from './chart-labels';
import { compareArchs, compareMemory } from './group-order';

/** The chart's width and the height the window leaves it, in CSS pixels. */
export interface ChartSize {
  width: number;
  height: number;
}
/** What a figure is built for when nobody says (tests, exports of a figure never shown). */
export const DEFAULT_SIZE: ChartSize = { width: 1100, height: 560 };

/** The width of a text in the chart's 12 px font; an estimate unless the screen measures it. */
export type MeasureText = (text: string) => number;
export const estimateText: MeasureText = (text) => [...text].length * 7.2;

/**
 * Each vertical panel spans at least this many function slots: boxes are sized in slot units, so a panel
 * with one function (a live run's first sample) would otherwise draw a box as wide as a third of the panel.
 */
export const MIN_SLOTS_PER_PANEL = 3;
/** Below this a vertical panel's plot is too short to read, and the chart turns horizontal. */
const MIN_ROW_PX = 180;
/** A horizontal panel (values along x) narrower than this wraps to a new row of panels. */
const MIN_PANEL_PX = 150;
const MIN_HEIGHT = 320;
const MAX_VERTICAL_HEIGHT = 860;
const HEADER_PX = 22;
const TICK_PX = 22;
const TITLE_PX = 64;

/** One facet's panel: its axes and where it sits (paper fractions). */
export interface Panel {
  facet: string;
  index: number;
  row: number;
  col: number;
  xaxis: string;
  yaxis: string;
  xDomain: [number, number];
  yDomain: [number, number];
}

export interface ChartPlan {
  /** Groups along y, values along x: chosen when the labels do not fit side by side. */
  horizontal: boolean;
  /** Function slots, in the boxes' order (shared by every panel). */
  functions: string[];
  /** Values of the color dimension, in the documented color order. */
  colors: string[];
  facets: string[];
  panels: Panel[];
  cols: number;
  rows: number;
  width: number;
  height: number;
  margin: { l: number; r: number; t: number; b: number };
  /** Pixels of one panel along the value axis, and of one function slot. */
  valuePx: number;
  slotPx: number;
  /** Pixels between panels, across and down. */
  gapX: number;
  gapY: number;
}

type Dimensions = Pick<ChartSettings, 'colorBy'> & Partial<Pick<ChartSettings, 'facetByDataset'>>;

const compareDatasets = (a: Box, b: Box): number => (a.dataset?.index ?? 0) - (b.dataset?.index ?? 0);
const byArch = (a: Box, b: Box): number => compareArchs(a.arch, b.arch);
const byMemory = (a: Box, b: Box): number => compareMemory(a.memoryMB, b.memoryMB);

/**
 * Color or panel values in the documented order (x86_64, arm64, …; memory ascending; unknown last; datasets
 * in their open order).
 */
function orderedValues(boxes: readonly Box[], settings: Dimensions, facet: boolean) {
  const order: ((a: Box, b: Box) => number)[] = [];
  if (!facet)
    order.push(
      settings.colorBy === 'arch' ? byArch : settings.colorBy === 'memory' ? byMemory : compareDatasets,
    );
  else {
    if (settings.facetByDataset && settings.colorBy !== 'dataset') order.push(compareDatasets);
    if (settings.colorBy !== 'arch') order.push(byArch);
    if (settings.colorBy !== 'memory') order.push(byMemory);
  }
  const seen = new Map<string, Box>();
  for (const b of boxes) {
    const v = facet ? facetValue(b, settings) : colorValue(b, settings);
    if (!seen.has(v)) seen.set(v, b);
  }
  return [...seen.entries()]
    .sort(([, a], [, b]) => {
      for (const compare of order) {
        const c = compare(a, b);
        if (c !== 0) return c;
      }
      return 0;
    })
    .map(([v]) => v);
}

/**
 * How the boxes are laid out at this size: vertical boxes in a wrap of panels while every function's label
 * fits its slot side by side and the rows stay tall enough; otherwise horizontal boxes (functions on the
 * y axis, labels at full width), panels wrapped into rows, and the chart as tall as its rows need (it
 * scrolls inside its card). Every panel shares the function slots and the value range.
 */
export function planChart(
  boxes: readonly Box[],
  settings: Dimensions,
  size: ChartSize,
  measure: MeasureText = estimateText,
): ChartPlan {
  const functions = [...new Set(boxes.map((b) => b.name))];
  const colors = orderedValues(boxes, settings, false);
  const facets = orderedValues(boxes, settings, true);
  const nFacets = Math.max(facets.length, 1);
  const width = Math.max(size.width, 320);
  const labelPx = Math.ceil(
    Math.max(0, ...functions.map((f) => measure(tickLabel(f).replace(/&[a-z]+;/g, 'x')))),
  );

  // Vertical: the fewest rows of panels whose slots fit their labels side by side.
  const vMargin = { l: 64, r: 16, t: TITLE_PX + HEADER_PX, b: TICK_PX + 8 };
  const vGapX = 24;
  const vGapY = HEADER_PX + TICK_PX + 12;
  // As tall as the window leaves it, but no taller than boxes are pleasant to compare.
  const height = Math.min(Math.max(size.height, MIN_HEIGHT), MAX_VERTICAL_HEIGHT);
  for (let cols = nFacets; cols >= 1; cols--) {
    const rows = Math.ceil(nFacets / cols);
    const panelW = (width - vMargin.l - vMargin.r - (cols - 1) * vGapX) / cols;
    const slotPx = panelW / Math.max(functions.length, MIN_SLOTS_PER_PANEL);
    const rowH = (height - vMargin.t - vMargin.b - (rows - 1) * vGapY) / rows;
    if (slotPx < labelPx + 10) continue;
    if (rowH < MIN_ROW_PX) break;
    return finish(false, cols, rows, panelW, rowH, slotPx, vMargin, vGapX, vGapY, height);
  }

  // Horizontal: functions down the y axis, as many panels across as stay wide enough.
  const hMargin = { l: labelPx + 16, r: 24, t: TITLE_PX + HEADER_PX, b: TICK_PX + 26 };
  const hGapX = 40;
  const hGapY = HEADER_PX + TICK_PX + 12;
  const plotW = width - hMargin.l - hMargin.r;
  const cols = Math.max(1, Math.min(nFacets, Math.floor((plotW + hGapX) / (MIN_PANEL_PX + hGapX))));
  const rows = Math.ceil(nFacets / cols);
  const panelW = (plotW - (cols - 1) * hGapX) / cols;
  // Slots fill the window's height when there are few, within a readable band (each box and its n apart).
  const minSlot = Math.max(18, 12 * colors.length + 4);
  const maxSlot = 16 * colors.length + 16;
  const fill =
    (size.height - hMargin.t - hMargin.b - (rows - 1) * hGapY) / rows / Math.max(functions.length, 1);
  const slotPx = Math.max(minSlot, Math.min(maxSlot, Math.floor(fill)));
  const rowH = Math.max(functions.length, 1) * slotPx;
  const needed = hMargin.t + hMargin.b + rows * rowH + (rows - 1) * hGapY;
  return finish(true, cols, rows, panelW, rowH, slotPx, hMargin, hGapX, hGapY, Math.max(needed, MIN_HEIGHT));

  function finish(
    horizontal: boolean,
    cols: number,
    rows: number,
    panelW: number,
    rowH: number,
    slotPx: number,
    margin: ChartPlan['margin'],
    gapX: number,
    gapY: number,
    chartHeight: number,
  ): ChartPlan {
    const plotW = width - margin.l - margin.r;
    const plotH = chartHeight - margin.t - margin.b;
    // Rows share out the height (a horizontal chart taller than its rows need centres nothing: rows stay on top).
    const rowPx = horizontal ? rowH : (plotH - (rows - 1) * gapY) / rows;
    const panels = facets.map((facet, index): Panel => {
      const row = Math.floor(index / cols);
      const col = index % cols;
      const left = col * (panelW + gapX);
      const top = row * (rowPx + gapY);
      const id = index === 0 ? '' : String(index + 1);
      return {
        facet,
        index,
        row,
        col,
        xaxis: `x${id}`,
        yaxis: `y${id}`,
        xDomain: [left / plotW, Math.min(1, (left + panelW) / plotW)],
        yDomain: [Math.max(0, 1 - (top + rowPx) / plotH), 1 - top / plotH],
      };
    });
    return {
      horizontal,
      functions,
      colors,
      facets,
      panels,
      cols,
      rows,
      width,
      height: chartHeight,
      margin,
      valuePx: horizontal ? panelW : rowPx,
      slotPx,
      gapX,
      gapY,
    };
  }
}
