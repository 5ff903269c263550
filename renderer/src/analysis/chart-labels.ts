import { quantileCi } from '../../../shared/stats/quantile-ci';
import type { ChartSettings } from '../state/workspace';
import type { Box } from './boxes';
import { formatNumber, type MetricInfo } from './metrics';
import type { PointSource } from './point-sources';
import { UNKNOWN } from './selection';

/**
 * Text for Plotly's markup (tick labels, hover text, legend, annotations, titles): Plotly reads `<a href>`,
 * `<b>`, `<br>` and `<span style>` in any text, so an imported function name must reach it with `<`, `>` and
 * `&` as entities, which Plotly shows as the characters themselves.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Longest tick label, in characters: a longer name is cut with "…" (the box's hover shows it whole). */
export const MAX_LABEL_CHARS = 32;

/** A name cut to `max` characters with an ellipsis, then escaped for Plotly. */
export function tickLabel(name: string, max = MAX_LABEL_CHARS): string {
  const chars = [...name];
  return escapeMarkup(chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : name);
}

export const archLabel = (arch: string): string => (arch === UNKNOWN ? 'unknown arch' : arch);
export const memoryLabel = (memoryMB: number | null): string =>
  memoryMB === null ? 'unknown memory' : `${memoryMB} MB`;

export const datasetLabel = (box: Box): string => box.dataset?.name ?? 'all datasets';

type Dimensions = Pick<ChartSettings, 'colorBy'> & Partial<Pick<ChartSettings, 'facetByDataset'>>;

/** The value that colors a box (unescaped: a key, and the legend's text once escaped). */
export function colorValue(box: Box, settings: Pick<ChartSettings, 'colorBy'>): string {
  if (settings.colorBy === 'dataset') return datasetLabel(box);
  return settings.colorBy === 'arch' ? archLabel(box.arch) : memoryLabel(box.memoryMB);
}

/**
 * The value that puts a box in its panel: the dimensions that do not color (arch and memory both when the
 * dataset colors), after the dataset when faceting by it.
 */
export function facetValue(box: Box, settings: Dimensions): string {
  const parts: string[] = [];
  if (settings.facetByDataset && settings.colorBy !== 'dataset') parts.push(datasetLabel(box));
  if (settings.colorBy !== 'arch') parts.push(archLabel(box.arch));
  if (settings.colorBy !== 'memory') parts.push(memoryLabel(box.memoryMB));
  return parts.join(' · ');
}

const withUnit = (value: number, metric: MetricInfo) => `${formatNumber(value)} ${metric.unit}`;

/** A box's hover: its full name, dataset, arch and memory, n, median with its 95% CI, p90 and p99 with units. */
export function boxHoverText(box: Box, metric: MetricInfo): string {
  const ci = quantileCi(box.values, 0.5);
  const median =
    `median ${withUnit(box.stats.median, metric)}` +
    (ci ? ` (95% CI ${formatNumber(ci.low)}–${withUnit(ci.high, metric)})` : ' (too few for a 95% CI)');
  const dataset = box.dataset ? `<br>dataset ${escapeMarkup(box.dataset.name)}` : '';
  return (
    `<b>${escapeMarkup(box.name)}</b>${dataset}<br>${escapeMarkup(archLabel(box.arch))} · ${memoryLabel(box.memoryMB)}` +
    `<br>n = ${box.stats.n}<br>${median}<br>p90 ${withUnit(box.stats.p90, metric)}` +
    `<br>p99 ${withUnit(box.stats.p99, metric)}`
  );
}

/** A point's hover: its value with unit, its group, and its dataset, request id and time when known. */
export function pointHoverText(
  box: Box,
  value: number,
  metric: MetricInfo,
  source?: PointSource | null,
): string {
  const lines = [
    withUnit(value, metric),
    escapeMarkup(box.name),
    `${escapeMarkup(archLabel(box.arch))} · ${memoryLabel(box.memoryMB)}`,
  ];
  if (source?.dataset) lines.push(`dataset ${escapeMarkup(source.dataset)}`);
  if (source?.requestId) lines.push(`RequestId ${escapeMarkup(source.requestId)}`);
  if (source?.timestamp) lines.push(escapeMarkup(source.timestamp));
  return lines.join('<br>');
}
