import type { ChartSettings } from '../state/workspace';
import type { Box } from './boxes';
import { boxHoverText, pointHoverText } from './chart-labels';
import type { MetricInfo } from './metrics';
import { pointSources } from './point-sources';

/** Every `step`-th sorted value of a box is drawn as a point, so at most `perBox` of them. */
export const pointStep = (b: Box, perBox: number): number => Math.max(1, Math.ceil(b.values.length / perBox));

/**
 * A box's hover text, kept while the box lives: its median's interval reads all its values, and the boxes of
 * a metric are kept (use-analysis.ts), so a sort, coloring or scroll redraw reuses them.
 */
const hoverTexts = new WeakMap<Box, { metric: MetricInfo; text: string }>();
export function cachedHoverText(b: Box, metric: MetricInfo): string {
  const known = hoverTexts.get(b);
  if (known?.metric === metric) return known.text;
  const text = boxHoverText(b, metric);
  hoverTexts.set(b, { metric, text });
  return text;
}

/**
 * A box's drawn points (every `step`-th sorted value, or with step 0 its outliers) and their hover texts, kept
 * with the box like its hover text: finding each point's sample and writing its text was most of the figure's
 * time on a sort, coloring or scroll redraw of 620 boxes.
 */
const drawnPoints = new WeakMap<
  Box,
  Map<number, { metric: MetricInfo; values: number[]; texts: string[] }>
>();
export function pointsOf(b: Box, step: number, metric: MetricInfo): { values: number[]; texts: string[] } {
  let byStep = drawnPoints.get(b);
  if (!byStep) drawnPoints.set(b, (byStep = new Map()));
  const known = byStep.get(step);
  if (known?.metric === metric) return known;
  const values: number[] = [];
  if (step === 0) values.push(...b.stats.outliers);
  else for (let k = 0; k < b.values.length; k += step) values.push(b.values[k]!);
  const sources = pointSources(b, values);
  const texts = values.map((v) => pointHoverText(b, v, metric, sources.get(v)));
  const points = { metric, values, texts };
  byStep.set(step, points);
  return points;
}

/**
 * Computes and keeps a box's hover text and drawn points ahead of its first draw (see warm-boxes.ts): a chart
 * drawn in part draws boxes it has not drawn before after a sort or a scroll.
 */
export function warmBox(b: Box, settings: ChartSettings, metric: MetricInfo, perBox: number): void {
  cachedHoverText(b, metric);
  pointsOf(b, settings.showPoints ? pointStep(b, perBox) : 0, metric);
}
