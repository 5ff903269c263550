import type { Metric } from '../../../shared/sample';

export interface MetricInfo {
  id: Metric;
  /** Words for menus and titles. */
  label: string;
  unit: 'ms' | 'MB';
  /** Short name for file names: coldstart-<slug>-by-runtime.png */
  slug: string;
  /** What the value is, in plain words (an exported image's caption says it under the chart). */
  definition: string;
}

export const METRICS: readonly MetricInfo[] = [
  {
    id: 'init',
    label: 'Init duration',
    unit: 'ms',
    slug: 'init',
    definition: "the INIT phase of a cold start, from the REPORT's Init Duration; cold starts only",
  },
  {
    id: 'duration',
    label: 'Duration',
    unit: 'ms',
    slug: 'duration',
    definition: "the handler's run time of the invocation, from the REPORT's Duration",
  },
  {
    id: 'total',
    label: 'Init + duration',
    unit: 'ms',
    slug: 'init-plus-duration',
    definition: 'Init Duration (or SnapStart Restore Duration) + Duration; a warm start counts its Duration',
  },
  {
    id: 'billed',
    label: 'Billed duration',
    unit: 'ms',
    slug: 'billed',
    definition: "the time AWS charged for, from the REPORT's Billed Duration",
  },
  {
    id: 'maxmemory',
    label: 'Max memory used',
    unit: 'MB',
    slug: 'max-memory',
    definition: "the invocation's peak memory, from the REPORT's Max Memory Used",
  },
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
