import { semicolonCsv, textCell } from '../../../shared/csv/export-csv';
import type { SweepSeries } from '../../../shared/stats/memory-sweep';

const n = (v: number | undefined | null): string =>
  v === undefined || v === null || Number.isNaN(v) ? '' : String(v);

/**
 * The sweep as a semicolon CSV (the project's separator), one row per function, architecture and memory size:
 * medians with their 95% intervals (empty when too few samples), costs per cold share and the picks.
 */
export function sweepCsv(series: readonly SweepSeries[], shares: readonly number[]): string {
  const fields = [
    'Name',
    'Arch',
    'Memory',
    'N',
    ...(['Init', 'Duration', 'Total'] as const).flatMap((m) => [`${m}Median`, `${m}CiLow`, `${m}CiHigh`]),
    ...shares.map((s) => `CostPerMillionAt${Math.round(s * 100)}PctCold`),
    'Pick',
  ];
  const data = series.flatMap((sr) =>
    sr.points.map((p) => [
      textCell(sr.name),
      textCell(sr.arch),
      String(p.memoryMB),
      String(p.n),
      ...[p.init, p.duration, p.total].flatMap((e) => [n(e.median), n(e.ci?.[0]), n(e.ci?.[1])]),
      ...p.costPerMillion.map(n),
      [
        sr.cheapest === p.memoryMB ? 'cheapest' : '',
        sr.fastest === p.memoryMB ? 'fastest' : '',
        sr.balanced === p.memoryMB ? 'balanced' : '',
      ]
        .filter(Boolean)
        .join(' '),
    ]),
  );
  // The names through the export's formula rule: a name starting with = + - @ is not run by a spreadsheet.
  return semicolonCsv(fields, data);
}
