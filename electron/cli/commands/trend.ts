import type { GroupKey } from '../../../shared/sample';
import {
  dailyMedians,
  medianCi95,
  type TrendPoint,
  type TrendSet,
} from '../../../shared/trend/daily-medians';
import { runGroupedFilesCommand } from '../grouped-files-command';
import type { Command } from '../io';
import { groupCells, textTable } from '../text-table';

const usage = `coldstart trend FILE|FOLDER [...] [--by name|runtime|arch|memory[,...]] [--metric init|duration|total|billed|maxmemory] [--drop-duplicates] [--json]

The median per group and day, with its 95% confidence interval: how cold starts move from day to day.
Reads CSV files (each sample's day from its Timestamp, UTC) and the daily JSON files of the public
baseline maxday/lambda-perf (data/YYYY-MM-DD.json; a folder: every YYYY-MM-DD.json in it and below).

  --by               group by name (default), runtime, arch, memory, or several: name,arch,memory
  --metric           init (default; cold starts only), duration, total (init + duration), billed, maxmemory
                     (lambda-perf publishes init durations only: its samples have no other metric)
  --drop-duplicates  CSV files: keep one of each group of duplicated rows
  --json             one JSON array on stdout: [{"group": {...}, "day": "YYYY-MM-DD", "n": ..., "median": ...,
                     "medianCi": [low, high] or null}, ...], by group, then day

Warnings go to stderr, one line each.

Exit: 0 every file was read; 1 some file could not be read (the trend of the others is printed, and a
script still notices the missing file); 2 unusable arguments; 3 no file could be read.`;

/** The `--json` shape, exactly: one object per group and day. */
export function trendJson(points: readonly TrendPoint[]): object[] {
  return points.map(({ group, day, n, median, medianCi }) => ({ group, day, n, median, medianCi }));
}

/** A plain-text table, one row per group and day; a group's name is written on its first day only. */
export function trendTable(points: readonly TrendPoint[], by: readonly GroupKey[]): string {
  const header = [...by, 'day', 'n', 'median', '95% CI'];
  let previous = '';
  const rows = points.map(({ group, day, n, median, medianCi }) => {
    const cells = groupCells(group, by);
    const same = cells.join('\u0000') === previous;
    previous = cells.join('\u0000');
    return [
      ...(same ? cells.map(() => '') : cells),
      day,
      String(n),
      median.toFixed(2),
      medianCi === null ? '-' : `${medianCi[0].toFixed(2)}-${medianCi[1].toFixed(2)}`,
    ];
  });
  return textTable([header, ...rows], (i) => i <= by.length);
}

export const trendCommand: Command = {
  name: 'trend',
  summary: 'median per group and day of CSV files and lambda-perf public baselines',
  usage,
  run: (argv, io) =>
    runGroupedFilesCommand(
      {
        name: 'trend',
        dated: true,
        heading: 'median per day',
        covers: 'the trend covers the others',
        rows: (input, by, metric, io) => {
          const sets: TrendSet[] = input.columns.map((columns, k) => ({
            columns,
            day: input.days[k] ?? null,
          }));
          const { points, undated } = dailyMedians(sets, by, metric, medianCi95);
          if (undated > 0)
            io.stderr(
              `warning: ${undated} sample${undated === 1 ? ' has' : 's have'} no Timestamp that gives a day and ${undated === 1 ? 'is' : 'are'} left out\n`,
            );
          return { count: points.length, json: () => trendJson(points), table: () => trendTable(points, by) };
        },
      },
      argv,
      io,
    ),
};
