import type { SampleColumns } from '../../shared/sample-columns';
import { isBaselinePath, readBaselineFiles } from './baseline-files';
import { readCsvFiles } from './csv-files';
import { EXIT, type CliIo } from './io';

export interface SampleFilesRead {
  /** The samples of each file read: the lambda-perf days first, then the CSV files, each in the order given. */
  columns: SampleColumns[];
  /** The day of each of `columns`: a lambda-perf file's day, null for a CSV file (its samples are dated each). */
  days: (string | null)[];
  /** How many samples they hold together. */
  samples: number;
  /** Files that gave samples. */
  read: string[];
  /** Files (or folders) that could not be read at all (each already reported on stderr). */
  failed: string[];
}

/**
 * The one place where a command's file arguments are told apart: a `.json` file or a folder is read as
 * maxday/lambda-perf daily files (readBaselineFiles), anything else as CSV (readCsvFiles). Every warning and
 * error goes to stderr once, as one line naming the file; the command decides what a failed file means.
 */
export async function readSampleFiles(
  paths: readonly string[],
  io: CliIo,
  options: { command: string; dropDuplicates: boolean },
): Promise<SampleFilesRead> {
  const json: string[] = [];
  const csv: string[] = [];
  for (const path of paths) ((await isBaselinePath(path, io)) ? json : csv).push(path);
  const baselines = await readBaselineFiles(json, io, { command: options.command });
  const csvFiles = await readCsvFiles(csv, io, options);
  return {
    columns: [...baselines.columns, ...csvFiles.columns],
    days: [...baselines.days, ...csvFiles.columns.map(() => null)],
    samples: baselines.samples + csvFiles.samples,
    read: [...baselines.read, ...csvFiles.read],
    failed: [...baselines.failed, ...csvFiles.failed],
  };
}

/** `3 files` / `1 file`: how the commands count what they read. */
export function fileCount(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}

/**
 * The exit code of a command that printed what the files it could read hold: 0 when every file was read,
 * else 1 with one line naming the others (`… could not be read (a.csv, b.json); the trend covers the others`).
 */
export function exitAfterReading(
  files: Pick<SampleFilesRead, 'read' | 'failed'>,
  io: CliIo,
  command: string,
  covers: string,
): number {
  if (files.failed.length === 0) return EXIT.ok;
  const total = files.failed.length + files.read.length;
  io.stderr(
    `coldstart ${command}: ${files.failed.length} of ${total} files could not be read (${files.failed.join(', ')}); ${covers}\n`,
  );
  return EXIT.someFailed;
}
