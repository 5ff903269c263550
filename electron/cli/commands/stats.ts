import type { GroupKey } from '../../../shared/sample';
import { groupStatsOfColumns } from '../../../shared/stats/column-stats';
import type { GroupStats } from '../../../shared/stats/group-stats';
import { runGroupedFilesCommand } from '../grouped-files-command';
import type { Command } from '../io';
import { groupCells, textTable } from '../text-table';

const usage = `coldstart stats FILE|FOLDER [...] [--by name|runtime|arch|memory[,...]] [--metric init|duration|total|billed|maxmemory] [--drop-duplicates] [--json]

Statistics per group of the samples in one or more files: n, min, q1, median, q3, p90, p95, p99, max,
mean, sd, and the boxplot's whiskers and outliers exactly as ggplot2's geom_boxplot draws them.
Reads CSV files and the daily JSON files of the public baseline maxday/lambda-perf (a .json file, or a
folder: every YYYY-MM-DD.json in it and below; they hold init durations only).

  --by               group by name (default), runtime, arch, memory, or several: name,arch,memory
  --metric           init (default; cold starts only), duration, total (init + duration), billed, maxmemory
  --drop-duplicates  CSV files: keep one of each group of duplicated rows (default: keep all, with a warning)
  --json             one JSON array on stdout, one object per group

Import warnings go to stderr, one line each.

Exit: 0 every file was read; 1 some file could not be read (statistics of the others are printed, and a
script still notices the missing file); 2 unusable arguments; 3 no file could be read.`;

/** The `--json` shape: the group keys in use, then the numbers flat. */
export function statsJson(groups: readonly GroupStats[]): object[] {
  return groups.map(({ group, metric, stats }) => ({ group, metric, ...stats }));
}

const num = (v: number | null): string => (v === null ? '-' : v.toFixed(2));

function outlierCell(outliers: readonly number[]): string {
  if (outliers.length === 0) return '-';
  const shown = outliers.slice(0, 3).map(num).join(' ');
  return outliers.length > 3 ? `${shown} +${outliers.length - 3} more` : shown;
}

/** A plain-text table, one row per group: group columns left-aligned, numbers right-aligned. */
export function statsTable(groups: readonly GroupStats[], by: readonly GroupKey[]): string {
  const header = [
    ...by,
    'n',
    'min',
    'q1',
    'median',
    'q3',
    'p90',
    'p95',
    'p99',
    'max',
    'mean',
    'sd',
    'whiskers',
    'outliers',
  ];
  const rows = groups.map(({ group, stats: s }) => [
    ...groupCells(group, by),
    String(s.n),
    ...[s.min, s.q1, s.median, s.q3, s.p90, s.p95, s.p99, s.max, s.mean, s.sd].map(num),
    `${num(s.whiskerLow)}-${num(s.whiskerHigh)}`,
    outlierCell(s.outliers),
  ]);
  return textTable([header, ...rows], (i) => i < by.length || i === header.length - 1);
}

export const statsCommand: Command = {
  name: 'stats',
  summary: 'statistics per group of CSV files and lambda-perf public baselines',
  usage,
  run: (argv, io) =>
    runGroupedFilesCommand(
      {
        name: 'stats',
        dated: false,
        heading: null,
        covers: 'the statistics cover the others',
        rows: (input, by, metric) => {
          const groups = groupStatsOfColumns(input.columns, by, metric);
          return { count: groups.length, json: () => statsJson(groups), table: () => statsTable(groups, by) };
        },
      },
      argv,
      io,
    ),
};
