import type { Metric } from '../../../shared/sample';

export interface MetricInfo {
  id: Metric;
  /** Words for menus and titles. */
  label: string;
  unit: 'ms' | 'MB';
  /** Short name for file names: coldstart-<slug>-by-runtime.png */
  slug: string;
}

export const METRICS: readonly MetricInfo[] = [
  { id: 'init', label: 'Init duration', unit: 'ms', slug: 'init' },
  { id: 'duration', label: 'Duration', unit: 'ms', slug: 'duration' },
  { id: 'total', label: 'Init + duration', unit: 'ms', slug: 'init-plus-duration' },
  { id: 'billed', label: 'Billed duration', unit: 'ms', slug: 'billed' },
  { id: 'maxmemory', label: 'Max memory used', unit: 'MB', slug: 'max-memory' },
];

export function metricInfo(metric: Metric): MetricInfo {
  const found = METRICS.find((m) => m.id === metric);
  if (!found) throw new Error(`Unknown metric ${metric}`);
  return found;
}

/** Numbers as people read them in a table: few digits, no float noise. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toFixed(0);
  if (abs >= 100) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatMemory(memoryMB: number | null): string {
  return memoryMB === null ? 'unknown memory' : `${memoryMB} MB`;
}
