import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { dropDuplicates, importCsv } from '../../shared/csv/import-csv';
import type { Sample } from '../../shared/sample';
import type { CliIo } from './io';

export interface CsvFilesRead {
  samples: Sample[];
  /** Files that gave samples. */
  read: string[];
  /** Files that could not be read at all (each already reported on stderr). */
  failed: string[];
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a CSV file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'cannot read it';
  }
}

/**
 * Reads and imports CSV files for a command: every import warning and error goes to stderr as one line
 * (`warning: FILE: ...`, `coldstart CMD: FILE: ...`); the command decides what a failed file means.
 */
export async function readCsvFiles(
  paths: readonly string[],
  io: CliIo,
  options: { command: string; dropDuplicates: boolean },
): Promise<CsvFilesRead> {
  const result: CsvFilesRead = { samples: [], read: [], failed: [] };
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, path), 'utf8');
    } catch (error) {
      io.stderr(`coldstart ${options.command}: ${path}: ${readError(error)}\n`);
      result.failed.push(path);
      continue;
    }
    const imported = importCsv(text, path);
    if (!imported.ok) {
      io.stderr(`coldstart ${options.command}: ${path}: ${imported.error}\n`);
      result.failed.push(path);
      continue;
    }
    for (const warning of imported.report.warnings) io.stderr(`warning: ${path}: ${warning}\n`);
    let samples = imported.samples;
    if (imported.report.duplicates.length > 0) {
      if (options.dropDuplicates) {
        samples = dropDuplicates(samples, imported.report.duplicates);
        io.stderr(`warning: ${path}: ${imported.samples.length - samples.length} duplicated rows dropped\n`);
      } else {
        io.stderr(`warning: ${path}: duplicated rows kept (--drop-duplicates keeps one of each)\n`);
      }
    }
    for (const sample of samples) result.samples.push(sample);
    result.read.push(path);
  }
  return result;
}
