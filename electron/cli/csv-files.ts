import { closeSync, fstatSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportCsv } from '../../shared/csv/export-csv';
import {
  dropDuplicateRows,
  importCsvColumns,
  type CsvColumnsImportResult,
} from '../../shared/csv/import-csv';
import type { Sample } from '../../shared/sample';
import type { SampleColumns } from '../../shared/sample-columns';
import { importCsvFileBytes } from './csv-parts';
import { fileErrorText } from './file-errors';
import { UsageError, type CliIo } from './io';

export interface CsvFilesRead {
  /** The samples of each file read, in the order of the files (see groupStatsOfColumns). */
  columns: SampleColumns[];
  /** How many samples they hold together. */
  samples: number;
  /** Files that gave samples. */
  read: string[];
  /** Files that could not be read at all (each already reported on stderr). */
  failed: string[];
}

/** What went wrong with a CSV file, in a few words (see fileErrorText). */
const fileError = (error: unknown): string => fileErrorText(error, 'a CSV file');

/**
 * One CSV file into columns: from its bytes when it is a plain file (most are: see importCsvBytes), else
 * from its text. Throws only when the file cannot be read.
 */
async function importCsvFile(target: string, name: string): Promise<CsvColumnsImportResult> {
  const fd = openSync(target, 'r');
  let imported: CsvColumnsImportResult | null;
  try {
    imported = await importCsvFileBytes(fd, target, name, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
  return imported ?? importCsvColumns(await readFile(target, 'utf8'), name);
}

/**
 * Reads and imports CSV files for a command: every import warning and error goes to stderr once, as one line
 * (`warning: FILE: ...`, `coldstart CMD: FILE: ...`); the command decides what a failed file means.
 */
export async function readCsvFiles(
  paths: readonly string[],
  io: CliIo,
  options: { command: string; dropDuplicates: boolean },
): Promise<CsvFilesRead> {
  const result: CsvFilesRead = { columns: [], samples: 0, read: [], failed: [] };
  for (const path of paths) {
    let imported: CsvColumnsImportResult;
    try {
      imported = await importCsvFile(resolve(io.cwd, path), path);
    } catch (error) {
      io.stderr(`coldstart ${options.command}: ${path}: ${fileError(error)}\n`);
      result.failed.push(path);
      continue;
    }
    if (!imported.ok) {
      io.stderr(`coldstart ${options.command}: ${path}: ${imported.error}\n`);
      result.failed.push(path);
      continue;
    }
    for (const warning of imported.report.warnings) io.stderr(`warning: ${path}: ${warning}\n`);
    let columns = imported.columns;
    // The import's warnings already name the duplicates; only what was done about them is news.
    if (options.dropDuplicates && imported.report.duplicates.length > 0) {
      columns = dropDuplicateRows(columns, imported.report.duplicates);
      io.stderr(`warning: ${path}: ${imported.columns.length - columns.length} duplicated rows dropped\n`);
    }
    result.columns.push(columns);
    result.samples += columns.length;
    result.read.push(path);
  }
  return result;
}

/** Writes samples as CSV (the shared format); a failure is reported on stderr as one line and returns false. */
export async function writeCsvFile(
  path: string,
  samples: readonly Sample[],
  io: CliIo,
  command: string,
): Promise<boolean> {
  const target = resolve(io.cwd, path);
  try {
    await writeFile(target, exportCsv(samples));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const why = code === 'ENOENT' ? 'its directory does not exist' : fileError(error);
    io.stderr(`coldstart ${command}: cannot write ${target}: ${why}\n`);
    return false;
  }
}

/** The rows of samples in the shared format, without the header: exportCsv's own formatting, one line each. */
function csvRows(samples: readonly Sample[]): string {
  const text = exportCsv(samples);
  return text.slice(text.indexOf('\n') + 1);
}

/**
 * A CSV file written while a run measures: the header at once, each batch of rows as it arrives, so a run
 * killed with kill -9 leaves a valid CSV of what it measured. A write error stops the writing (the run goes
 * on: its samples are in the run directory) and is reported once, at `close`.
 */
export class CsvStream {
  private fd: number | null;
  private error: string | null = null;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Creates (or empties) the file and writes the header; a UsageError (exit 2) when it cannot. */
  static open(path: string, io: CliIo): CsvStream {
    const target = resolve(io.cwd, path);
    let fd: number;
    try {
      fd = openSync(target, 'w');
      writeSync(fd, exportCsv([]));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      const why = code === 'ENOENT' ? 'its directory does not exist' : fileError(error);
      throw new UsageError(`--out: cannot write ${target}: ${why} (nothing was changed)`);
    }
    return new CsvStream(target, fd);
  }

  append(samples: readonly Sample[]): void {
    if (this.fd === null || samples.length === 0) return;
    try {
      writeSync(this.fd, csvRows(samples));
    } catch (error) {
      this.error = fileError(error);
      this.closeQuietly();
    }
  }

  /** Flushes and closes; the error that stopped the writing, or null when every row is in the file. */
  close(): string | null {
    if (this.fd !== null) {
      try {
        fsyncSync(this.fd);
      } catch (error) {
        this.error ??= fileError(error);
      }
      this.closeQuietly();
    }
    return this.error;
  }

  private closeQuietly(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // nothing more to lose
    }
    this.fd = null;
  }
}
