import { packedTextOf } from '../../../shared/sample-columns';
import { gatherMetric } from '../../../shared/stats/metric-values';
import type { Box } from './boxes';
import type { MetricInfo } from './metrics';

/** What an exported chart's caption states about the boxes drawn: their sizes, sources and dates. */
export interface CaptionFacts {
  /** n of each box, in the boxes' order. */
  counts: number[];
  /** Names of the datasets that gave the boxes a value, in the order first met. */
  sources: string[];
  /** Earliest and latest sample time (ms since the epoch); null when no sample has a readable time. */
  dates: { first: number; last: number } | null;
  /** Samples in the boxes without a readable time. */
  undated: number;
}

/** Data sources named before the rest are counted ("a, b, c +3 more"). */
export const MAX_SOURCES_NAMED = 3;

/**
 * The facts of the samples behind the boxes: only samples with a value for the boxes' metric count (a warm
 * start is not in an Init duration box, so its time does not widen the date range).
 */
export function captionFacts(boxes: readonly Box[]): CaptionFacts {
  const sources = new Set<string>();
  let first = Infinity;
  let last = -Infinity;
  let undated = 0;
  const one = new Float64Array(1);
  for (const box of boxes) {
    for (const part of box.parts ?? []) {
      let used = 0;
      for (let j = 0; j < part.rows.length; j++) {
        if (box.metric && gatherMetric(part.columns, part.rows.subarray(j, j + 1), box.metric, one, 0) === 0)
          continue;
        used++;
        const text = packedTextOf(part.columns.timestamp, part.rows[j]!);
        const time = text === null ? NaN : Date.parse(text);
        if (Number.isNaN(time)) {
          undated++;
          continue;
        }
        if (time < first) first = time;
        if (time > last) last = time;
      }
      if (used > 0 && part.dataset) sources.add(part.dataset);
    }
  }
  return {
    counts: boxes.map((b) => b.stats.n),
    sources: [...sources],
    dates: first <= last ? { first, last } : null,
    undated,
  };
}

const count = (n: number): string => n.toLocaleString('en-US');
const day = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** "n = 10 per box", "n = 8–20 per box, 1,234 samples in all", "n = 40". */
export function sampleSizeText(counts: readonly number[]): string {
  if (counts.length === 0) return 'no samples';
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  if (counts.length === 1) return `n = ${count(total)}`;
  if (min === max) return `n = ${count(min)} per box, ${count(total)} samples in all`;
  return `n = ${count(min)}–${count(max)} per box, ${count(total)} samples in all`;
}

/** "Data: a, b, c +3 more" (names as they are: the figure escapes them). */
export function sourcesText(sources: readonly string[]): string {
  if (sources.length === 0) return 'Data: source unknown';
  const named = sources.slice(0, MAX_SOURCES_NAMED).join(', ');
  const more = sources.length - MAX_SOURCES_NAMED;
  return `Data: ${named}${more > 0 ? ` +${more} more` : ''}`;
}

/** "Samples from 2026-11-30 to 2026-12-01 (UTC)", one day once, or "dates unknown". */
export function datesText(facts: Pick<CaptionFacts, 'dates' | 'undated'>): string {
  if (!facts.dates) return 'Sample dates unknown (the files have no timestamps)';
  const [a, b] = [day(facts.dates.first), day(facts.dates.last)];
  const range = a === b ? `Samples from ${a} (UTC)` : `Samples from ${a} to ${b} (UTC)`;
  return facts.undated > 0 ? `${range}; ${count(facts.undated)} without a timestamp` : range;
}

/**
 * The caption under an exported chart, line by line (plain text, escaped by the figure): the metric and
 * what it means, the sample sizes, the data sources, the dates, and the app and its version.
 */
export function captionLines(facts: CaptionFacts, metric: MetricInfo, version: string | null): string[] {
  return [
    `${metric.label} (${metric.unit}): ${metric.definition}`,
    sampleSizeText(facts.counts),
    sourcesText(facts.sources),
    datesText(facts),
    `Made with Cold Start Lab${version ? ` ${version}` : ''}`,
  ];
}
