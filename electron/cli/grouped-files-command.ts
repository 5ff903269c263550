import { parseArgs } from 'node:util';
import type { GroupKey, Metric } from '../../shared/sample';
import { METRIC_LABELS } from '../../shared/stats/group-stats';
import { byFlag, metricFlag } from './flags';
import { EXIT, UsageError, type CliIo } from './io';
import { exitAfterReading, fileCount, readSampleFiles, type SampleFilesRead } from './sample-files';

/** What a command makes of the samples read: its rows, as `--json` prints them and as a text table. */
export interface GroupedRows {
  count: number;
  json: () => object[];
  table: () => string;
}

export interface GroupedFilesCommand {
  name: 'stats' | 'trend';
  /** The rows need a dated sample (said in the messages when there is none). */
  dated: boolean;
  /** Said in the heading after the metric: `median per day`. */
  heading: string | null;
  /** The end of the line naming unreadable files: `the trend covers the others`. */
  covers: string;
  rows: (input: SampleFilesRead, by: GroupKey[], metric: Metric, io: CliIo) => GroupedRows;
}

/**
 * `coldstart stats` and `coldstart trend`: the same flags (--by, --metric, --drop-duplicates, --json), the
 * same files (CSV, lambda-perf JSON, folders), the same output and exit codes; only their rows differ.
 */
export async function runGroupedFilesCommand(
  command: GroupedFilesCommand,
  argv: string[],
  io: CliIo,
): Promise<number> {
  const { name } = command;
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
    throw new UsageError(`no file or folder given (coldstart ${name} FILE.csv|DAY.json|FOLDER ...)`);
  const by = byFlag(values.by);
  const metric = metricFlag(values.metric);

  const input = await readSampleFiles(positionals, io, {
    command: name,
    dropDuplicates: values['drop-duplicates'] === true,
  });
  if (input.read.length === 0) {
    io.stderr(`coldstart ${name}: no file could be read (${input.failed.length} tried)\n`);
    return EXIT.noInput;
  }
  const rows = command.rows(input, by, metric, io);
  if (values.json === true) {
    io.stdout(`${JSON.stringify(rows.json(), null, 2)}\n`);
  } else if (rows.count === 0) {
    const withDay = command.dated ? ' with a day' : '';
    io.stdout(`No ${metric} values${withDay} in ${input.samples} samples (${METRIC_LABELS[metric]}).\n`);
  } else {
    const heading = command.heading === null ? '' : `${command.heading}; `;
    io.stdout(
      `${metric}: ${METRIC_LABELS[metric]}; ${heading}${input.samples} samples from ${fileCount(input.read.length)}\n\n`,
    );
    io.stdout(`${rows.table()}\n`);
  }
  if (rows.count === 0)
    io.stderr(`warning: no sample has a ${metric} value${command.dated ? ' and a day' : ''}\n`);
  return exitAfterReading(input, io, name, command.covers);
}
