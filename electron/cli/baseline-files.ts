import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseLambdaPerfDay, type BaselineDay } from '../../shared/baseline/lambda-perf';
import type { SampleColumns } from '../../shared/sample-columns';
import { fileErrorText } from './file-errors';
import type { CliIo } from './io';

/** Daily files in a folder: named like lambda-perf names them (`data/2025/2025-12-21.json`). */
const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/i;

export interface BaselineFilesRead {
  /** The samples of each file read, in the order read (see BaselineDay.columns). */
  columns: SampleColumns[];
  /** The day of each of `columns`. */
  days: string[];
  /** Each file's dataset: its day, tag, columns and the means kept aside. */
  baselines: BaselineDay[];
  /** How many samples they hold together. */
  samples: number;
  /** Files that gave samples. */
  read: string[];
  /** Files (or folders) that could not be read at all (each already reported on stderr). */
  failed: string[];
}

/** Whether a path given on the command line is lambda-perf JSON: a `.json` file, or a folder of them. */
export async function isBaselinePath(path: string, io: CliIo): Promise<boolean> {
  if (/\.json$/i.test(path)) return true;
  try {
    return (await stat(resolve(io.cwd, path))).isDirectory();
  } catch {
    return false; // the CSV reader says what is wrong with it
  }
}

/** The daily files under a folder (and its subfolders), sorted; the others are counted. */
async function dayFilesIn(folder: string, io: CliIo): Promise<{ files: string[]; others: string[] }> {
  const files: string[] = [];
  const others: string[] = [];
  const entries = await readdir(resolve(io.cwd, folder), { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(relative(io.cwd, resolve(io.cwd, entry.parentPath)) || '.', entry.name);
    (DAY_FILE.test(entry.name) ? files : others).push(path);
  }
  return { files: files.sort(), others: others.sort() };
}

/** The files to read: files as given, folders as their daily files (what else they hold is named once). */
async function expand(
  paths: readonly string[],
  io: CliIo,
  command: string,
  failed: string[],
): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(resolve(io.cwd, path))).isDirectory();
    } catch (error) {
      io.stderr(`coldstart ${command}: ${path}: ${fileErrorText(error)}\n`);
      failed.push(path);
      continue;
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const found = await dayFilesIn(path, io);
    if (found.others.length > 0) {
      const shown = found.others.slice(0, 3).join(', ');
      const more = found.others.length > 3 ? `, +${found.others.length - 3} more` : '';
      io.stderr(
        `warning: ${path}: ${found.others.length} file${found.others.length === 1 ? '' : 's'} not named like YYYY-MM-DD.json left out (${shown}${more})\n`,
      );
    }
    if (found.files.length === 0) {
      io.stderr(
        `coldstart ${command}: ${path}: no daily lambda-perf file (YYYY-MM-DD.json) in this folder\n`,
      );
      failed.push(path);
    }
    files.push(...found.files);
  }
  return files;
}

/**
 * Reads maxday/lambda-perf daily JSON files and folders of them for a command, like readCsvFiles: every
 * warning and error goes to stderr once, as one line (`warning: FILE: ...`, `coldstart CMD: FILE: ...`); the
 * command decides what a failed file means. A file given twice (itself and in a folder) is read once.
 */
export async function readBaselineFiles(
  paths: readonly string[],
  io: CliIo,
  options: { command: string },
): Promise<BaselineFilesRead> {
  const result: BaselineFilesRead = {
    columns: [],
    days: [],
    baselines: [],
    samples: 0,
    read: [],
    failed: [],
  };
  const seen = new Set<string>();
  const files = (await expand(paths, io, options.command, result.failed)).filter((path) => {
    const absolute = resolve(io.cwd, path);
    if (seen.has(absolute)) return false;
    seen.add(absolute);
    return true;
  });
  const dayFiles = new Map<string, string>();
  // The next file is read while this one is parsed.
  let next = files.length > 0 ? readText(files[0] as string, io) : null;
  for (let k = 0; k < files.length; k++) {
    const path = files[k] as string;
    const text = await (next as Promise<string | { error: unknown }>);
    next = k + 1 < files.length ? readText(files[k + 1] as string, io) : null;
    if (typeof text !== 'string') {
      io.stderr(`coldstart ${options.command}: ${path}: ${fileErrorText(text.error, 'a JSON file')}\n`);
      result.failed.push(path);
      continue;
    }
    const parsed = parseLambdaPerfDay(text, path);
    if (!parsed.ok) {
      io.stderr(`coldstart ${options.command}: ${path}: ${parsed.error}\n`);
      result.failed.push(path);
      continue;
    }
    const { baseline } = parsed;
    for (const warning of baseline.warnings) io.stderr(`warning: ${path}: ${warning}\n`);
    const sameDay = dayFiles.get(baseline.day);
    if (sameDay !== undefined)
      io.stderr(`warning: ${path}: the same day (${baseline.day}) as ${sameDay}; both are counted\n`);
    else dayFiles.set(baseline.day, path);
    result.columns.push(baseline.columns);
    result.days.push(baseline.day);
    result.baselines.push(baseline);
    result.samples += baseline.columns.length;
    result.read.push(path);
  }
  return result;
}

async function readText(path: string, io: CliIo): Promise<string | { error: unknown }> {
  try {
    return await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    return { error };
  }
}
