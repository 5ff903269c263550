import type { BoxStats } from '../../../shared/stats/group-stats';
import type { RatioStat } from '../state/workspace';
import { boxLabel, type Box } from './boxes';
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
  /** "3.4× slower", "1.2× faster", "same", "baseline". */
  short: string;
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
    return { factor: 1, short: 'baseline', sentence: `${boxLabel(row)} is the baseline` };
  const a = row.stats[stat];
  const b = baseline.stats[stat];
  const [more, less] = unit === 'MB' ? ['more', 'less'] : ['slower', 'faster'];
  if (b === 0 || a === 0) {
    const sentence = `${boxLabel(row)} cannot be compared with ${boxLabel(baseline)} at ${at} (a value is 0)`;
    return { factor: null, short: '–', sentence };
  }
  const factor = a / b;
  let short: string;
  if (Math.abs(factor - 1) < 0.05) short = 'same';
  else if (factor > 1) short = `${factor.toFixed(1)}× ${more}`;
  else short = `${(1 / factor).toFixed(1)}× ${less}`;
  const sentence =
    short === 'same'
      ? `${boxLabel(row)} about the same as ${boxLabel(baseline)} at ${at}`
      : `${boxLabel(row)} ${short} than ${boxLabel(baseline)} at ${at}`;
  return { factor, short, sentence };
}

export function cellValue(stats: BoxStats, column: TableColumn): string {
  return column === 'n' ? String(stats.n) : formatNumber(stats[column]);
}

interface TableExportOptions {
  boxes: readonly Box[];
  baseline: Box | null;
  stat: RatioStat;
  unit: 'ms' | 'MB';
}

function tableRows({ boxes, baseline, stat, unit }: TableExportOptions): string[][] {
  const header = ['function', 'arch', 'memory_mb', ...TABLE_COLUMNS];
  if (baseline) header.push(`vs baseline (${statLabel(stat)})`);
  const rows = boxes.map((box) => {
    const row = [box.name, box.arch, box.memoryMB === null ? '' : String(box.memoryMB)];
    row.push(...TABLE_COLUMNS.map((c) => cellValue(box.stats, c)));
    if (baseline) row.push(ratioTo(box, baseline, stat, unit).short);
    return row;
  });
  return [header, ...rows];
}

/** The table as aligned plain text (for a chat message or a design doc), ratio sentences below it. */
export function tableAsText(options: TableExportOptions): string {
  const rows = tableRows(options);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
  const { baseline, boxes, stat, unit } = options;
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
