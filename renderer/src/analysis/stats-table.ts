import type { BoxStats } from '../../../shared/stats/group-stats';
import { quantileCi } from '../../../shared/stats/quantile-ci';
import { compareShift } from '../../../shared/stats/shift-compare';
import type { RatioStat } from '../state/workspace';
import { boxLabel, type Box } from './boxes';
import { datasetsOf, type Change } from './compare-rows';
import { formatNumber } from './metrics';

export const TABLE_COLUMNS = ['n', 'min', 'median', 'mean', 'p90', 'p95', 'p99', 'max', 'sd'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export const RATIO_STATS: readonly { id: RatioStat; label: string }[] = [
  { id: 'median', label: 'p50' },
  { id: 'mean', label: 'mean' },
  { id: 'p90', label: 'p90' },
  { id: 'p99', label: 'p99' },
];

export interface Ratio {
  /** row ÷ baseline at the chosen statistic; null when it cannot be formed (zero baseline). */
  factor: number | null;
  /** "3.4× slower", "1.2× faster", "same", "no clear difference", "baseline". */
  short: string;
  /**
   * 95% interval of the typical ratio row ÷ baseline (Hodges–Lehmann, shared/stats/shift-compare.ts); null
   * for the baseline itself and where the samples are too few for one.
   */
  ci: [number, number] | null;
  /** "hello-node · arm64 · 1024 MB 3.4× slower than hello-runtime-al2 · … at p50". */
  sentence: string;
}

const statLabel = (stat: RatioStat): string => RATIO_STATS.find((s) => s.id === stat)?.label ?? stat;

/**
 * How a row compares with the baseline row. Larger values are "slower" (or "more" for memory), and the
 * factor is always stated ≥ 1 so it reads naturally: 0.5 × the baseline is "2.0× faster".
 */
export function ratioTo(row: Box, baseline: Box, stat: RatioStat, unit: 'ms' | 'MB'): Ratio {
  const at = statLabel(stat);
  if (row.key === baseline.key)
    return { factor: 1, short: 'baseline', sentence: `${boxLabel(row)} is the baseline`, ci: null };
  const a = row.stats[stat];
  const b = baseline.stats[stat];
  const [more, less] = unit === 'MB' ? ['more', 'less'] : ['slower', 'faster'];
  if (b === 0 || a === 0) {
    const sentence = `${boxLabel(row)} cannot be compared with ${boxLabel(baseline)} at ${at} (a value is 0)`;
    return { factor: null, short: '–', sentence, ci: null };
  }
  const factor = a / b;
  const ci = compareShift(baseline.values, row.values, 0).ratioCi;
  const unclear = ci !== null && ci[0] <= 1 && ci[1] >= 1;
  let short: string;
  if (unclear) short = 'no clear difference';
  else if (Math.abs(factor - 1) < 0.05) short = 'same';
  else if (factor > 1) short = `${factor.toFixed(1)}× ${more}`;
  else short = `${(1 / factor).toFixed(1)}× ${less}`;
  const main = unclear
    ? `${boxLabel(row)} shows no clear difference from ${boxLabel(baseline)} (${factor.toFixed(2)}× at ${at})`
    : short === 'same'
      ? `${boxLabel(row)} about the same as ${boxLabel(baseline)} at ${at}`
      : `${boxLabel(row)} ${short} than ${boxLabel(baseline)} at ${at}`;
  const interval = ci
    ? `; typical ratio ${ratioCiText(ci)} (95% CI)`
    : '; too few samples for a 95% interval of the ratio';
  return { factor, short, sentence: `${main}${interval}`, ci };
}

/** "0.93–1.12×". */
export function ratioCiText(ci: readonly [number, number]): string {
  return `${ci[0].toFixed(2)}–${ci[1].toFixed(2)}×`;
}

/** The 95% interval of a box's median from its sorted values; null below 6 values (see quantile-ci.ts). */
export function medianCi(box: Box): [number, number] | null {
  const ci = quantileCi(box.values, 0.5);
  return ci && [ci.low, ci.high];
}

export function medianCiText(box: Box): string {
  const ci = medianCi(box);
  return ci ? `${formatNumber(ci[0])}–${formatNumber(ci[1])}` : 'too few';
}

export function cellValue(stats: BoxStats, column: TableColumn): string {
  return column === 'n' ? String(stats.n) : formatNumber(stats[column]);
}

interface TableExportOptions {
  boxes: readonly Box[];
  baseline: Box | null;
  stat: RatioStat;
  unit: 'ms' | 'MB';
  /** Each box's change from the base dataset, when datasets are compared (see compare-rows.ts). */
  changes?: ReadonlyMap<string, Change> | null;
}

function tableRows({ boxes, baseline, stat, unit, changes }: TableExportOptions): string[][] {
  const withDataset = datasetsOf(boxes).length > 1;
  const header = ['function', 'arch', 'memory_mb', ...TABLE_COLUMNS, 'median_ci_low', 'median_ci_high'];
  if (withDataset) header.unshift('dataset');
  if (changes) header.push('change', 'change_percent', 'change_ci_low_percent', 'change_ci_high_percent');
  if (baseline) header.push(`vs baseline (${statLabel(stat)})`, 'ratio_ci_low', 'ratio_ci_high');
  const rows = boxes.map((box) => {
    const row = [box.name, box.arch, box.memoryMB === null ? '' : String(box.memoryMB)];
    if (withDataset) row.unshift(box.dataset?.name ?? '');
    row.push(...TABLE_COLUMNS.map((c) => cellValue(box.stats, c)));
    const ci = medianCi(box);
    row.push(ci ? formatNumber(ci[0]) : '', ci ? formatNumber(ci[1]) : '');
    if (changes) {
      const change = changes.get(box.key);
      const fixed = (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toFixed(1));
      row.push(change?.text ?? '', fixed(change?.percent), fixed(change?.ci?.[0]), fixed(change?.ci?.[1]));
    }
    if (baseline) {
      const ratio = ratioTo(box, baseline, stat, unit);
      row.push(ratio.short, ratio.ci ? ratio.ci[0].toFixed(3) : '', ratio.ci ? ratio.ci[1].toFixed(3) : '');
    }
    return row;
  });
  return [header, ...rows];
}

/** The table as aligned plain text (for a chat message or a design doc), ratio sentences below it. */
export function tableAsText(options: TableExportOptions): string {
  const rows = tableRows(options);
  const textColumns = datasetsOf(options.boxes).length > 1 ? 4 : 3;
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => (i < textColumns ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
  const { baseline, boxes, stat, unit, changes } = options;
  if (changes) {
    lines.push('');
    for (const box of boxes) {
      const change = changes.get(box.key);
      if (change && change.verdict !== 'base') lines.push(`${boxLabel(box)}: ${change.text}`);
    }
  }
  if (baseline) {
    lines.push('');
    for (const box of boxes)
      if (box.key !== baseline.key) lines.push(ratioTo(box, baseline, stat, unit).sentence);
  }
  return `${lines.join('\n')}\n`;
}

const csvCell = (cell: string): string => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function tableAsCsv(options: TableExportOptions): string {
  return `${tableRows(options)
    .map((r) => r.map(csvCell).join(','))
    .join('\n')}\n`;
}
