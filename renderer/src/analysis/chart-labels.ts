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

/** The value that colors a box (unescaped: a key, and the legend's text once escaped). */
export function colorValue(box: Box, settings: Pick<ChartSettings, 'colorBy'>): string {
  return settings.colorBy === 'arch' ? archLabel(box.arch) : memoryLabel(box.memoryMB);
}

/** The value that puts a box in its panel: the dimension that does not color. */
export function facetValue(box: Box, settings: Pick<ChartSettings, 'colorBy'>): string {
  return settings.colorBy === 'arch' ? memoryLabel(box.memoryMB) : archLabel(box.arch);
}

const withUnit = (value: number, metric: MetricInfo) => `${formatNumber(value)} ${metric.unit}`;

/** A box's hover: its full name, arch and memory, n, median, p90 and p99 with units. */
export function boxHoverText(box: Box, metric: MetricInfo): string {
  // TODO(median CI): the lead adds the median's confidence interval here once shared/stats has it, as
  // `median 120.0 ms (95% CI 110.0–130.0 ms)`.
  const median = `median ${withUnit(box.stats.median, metric)}`;
  return (
    `<b>${escapeMarkup(box.name)}</b><br>${escapeMarkup(archLabel(box.arch))} · ${memoryLabel(box.memoryMB)}` +
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
