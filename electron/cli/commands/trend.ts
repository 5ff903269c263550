import { parseArgs } from 'node:util';
import type { GroupKey } from '../../../shared/sample';
import { METRIC_LABELS } from '../../../shared/stats/group-stats';
import {
  dailyMedians,
  medianCi95,
  type TrendPoint,
  type TrendSet,
} from '../../../shared/trend/daily-medians';
import { byFlag, metricFlag } from '../flags';
import { EXIT, UsageError, type Command } from '../io';
import { exitAfterReading, fileCount, readSampleFiles } from '../sample-files';
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
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        by: { type: 'string' },
        metric: { type: 'string' },
        'drop-duplicates': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length === 0)
      throw new UsageError('no file or folder given (coldstart trend FILE.csv|DAY.json|FOLDER ...)');
    const by = byFlag(values.by);
    const metric = metricFlag(values.metric);

    const input = await readSampleFiles(positionals, io, {
      command: 'trend',
      dropDuplicates: values['drop-duplicates'] === true,
    });
    if (input.read.length === 0) {
      io.stderr(`coldstart trend: no file could be read (${input.failed.length} tried)\n`);
      return EXIT.noInput;
    }
    const sets: TrendSet[] = input.columns.map((columns, k) => ({ columns, day: input.days[k] ?? null }));
    const { points, undated } = dailyMedians(sets, by, metric, medianCi95);
    if (undated > 0)
      io.stderr(
        `warning: ${undated} sample${undated === 1 ? ' has' : 's have'} no Timestamp that gives a day and ${undated === 1 ? 'is' : 'are'} left out\n`,
      );
    if (values.json === true) {
      io.stdout(`${JSON.stringify(trendJson(points), null, 2)}\n`);
    } else if (points.length === 0) {
      io.stdout(`No ${metric} values with a day in ${input.samples} samples (${METRIC_LABELS[metric]}).\n`);
    } else {
      io.stdout(
        `${metric}: ${METRIC_LABELS[metric]}; median per day; ${input.samples} samples from ${fileCount(input.read.length)}\n\n`,
      );
      io.stdout(`${trendTable(points, by)}\n`);
    }
    if (points.length === 0) io.stderr(`warning: no sample has a ${metric} value and a day\n`);
    return exitAfterReading(input, io, 'trend', 'the trend covers the others');
  },
};
