import type { ImportReport } from '../../../shared/csv/import-csv';
import { emptyImportReport } from '../../../shared/csv/import-report';
import { concatColumns } from '../../../shared/concat-columns';
import { findDuplicates } from '../../../shared/csv/duplicates';
import { type SampleColumns } from '../../../shared/sample-columns';
import { pickRows } from '../../../shared/sample-columns-builder';
import { utcDay } from '../../../shared/trend/sample-day';
import type { DatasetFile, FailedFile, NewDataset } from '../state/workspace';
import { BASELINE_TAG } from '../../../shared/baseline/lambda-perf';
import { baselineRunDays, isBaselineFile } from './baseline-import';
import { isKept, type KeptColumns } from './kept-columns';

/**
 * More files than this at once (or a folder) become one dataset per kind (lambda-perf days, CSV files):
 * a year of daily files as 365 datasets, each with its card and report, took over two minutes to show.
 * Up to this many stay one dataset per file, so a few runs can still be compared side by side.
 */
export const ONE_DATASET_PER_FILE_UP_TO = 10;

export type BatchMode = 'auto' | 'always' | 'never';

export const isBatch = (mode: BatchMode, files: number, fromFolder: boolean): boolean =>
  mode === 'always' || (mode === 'auto' && (fromFolder || files > ONE_DATASET_PER_FILE_UP_TO));

/** A parsed file of a batch: its columns, or what the window knows of them while the worker keeps them. */
export interface BatchFile {
  fileName: string;
  path: string | null;
  columns: SampleColumns | KeptColumns;
  report: ImportReport;
}

/** The files of a batch as concatColumns takes them: each with the arch and memory its name says. */
export const batchParts = <C>(files: readonly { columns: C; report: ImportReport }[]) =>
  files.map((f) => ({
    columns: f.columns,
    arch: f.report.archFromFileName,
    memoryMB: f.report.memoryFromFileName,
  }));

/** The first and last UTC day of the samples: a baseline's run says it, else each Timestamp. */
export function daySpan(c: SampleColumns): [string, string] | null {
  let first: string | null = null;
  let last: string | null = null;
  const runDays = baselineRunDays(c);
  if (runDays !== null) {
    for (const day of runDays)
      if (day !== null) {
        if (first === null || day < first) first = day;
        if (last === null || day > last) last = day;
      }
    return first === null || last === null ? null : [first, last];
  }
  const ts = c.timestamp;
  if (ts === null) return null;
  for (let i = 0; i < c.length; i++) {
    const start = i === 0 ? 0 : (ts.ends[i - 1] as number);
    const end = ts.ends[i] as number;
    if (end === start) continue;
    // The day is the first ten characters of a UTC time; only a new first or last is checked properly.
    const head = ts.text.slice(start, start + 10);
    if (first !== null && last !== null && head >= first && head <= last) continue;
    const day = utcDay(ts.text.slice(start, end));
    if (day === null) continue;
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
  }
  return first === null || last === null ? null : [first, last];
}

/** A file whose columns are here (a kept file is joined by the worker: see joinKept). */
export function withColumnsHere<F extends { columns: SampleColumns | KeptColumns }>(
  f: F,
): F & { columns: SampleColumns } {
  if (isKept(f.columns)) throw new Error('the columns of this file are in the import worker');
  return f as F & { columns: SampleColumns };
}

/** A file of a batch that failed, named once: the parsers' errors may start with the file name already. */
export const namedError = (f: { fileName: string; error: string }): string =>
  f.error.startsWith(`${f.fileName}:`) ? f.error : `${f.fileName}: ${f.error}`;

export const spanText = (days: readonly [string, string] | null): string =>
  days === null ? 'no dates' : days[0] === days[1] ? days[0] : `${days[0]} – ${days[1]}`;

/** The span of several files' spans (a batch dataset's dates). */
export function joinSpans(spans: readonly (readonly [string, string] | null)[]): [string, string] | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const s of spans) {
    if (s === null) continue;
    if (first === null || s[0] < first) first = s[0];
    if (last === null || s[1] > last) last = s[1];
  }
  return first === null || last === null ? null : [first, last];
}

/**
 * The dataset of a batch: the files' samples one after the other (each keeps its run and timestamp, so the
 * trend still buckets them by day), each file's rows and report, and the files that failed. Named after the
 * folder, or `public baseline FIRST – LAST` for lambda-perf days. `columns`: the files' joined (see
 * batchParts), when the worker joined them; else they are joined here.
 */
export function batchDataset(
  files: readonly BatchFile[],
  failed: readonly FailedFile[],
  folder: string | null,
  joined?: SampleColumns,
): NewDataset {
  const columns = joined ?? concatColumns(batchParts(files.map(withColumnsHere)));
  const parts: DatasetFile[] = [];
  const unknownColumns = new Set<string>();
  let start = 0;
  for (const f of files) {
    const end = start + f.columns.length;
    parts.push({
      fileName: f.fileName,
      path: f.path,
      start,
      end,
      report: f.report,
      days: isKept(f.columns) ? f.columns.days : daySpan(f.columns),
    });
    for (const c of f.report.unknownColumns) unknownColumns.add(c);
    start = end;
  }
  const span = spanText(joinSpans(parts.map((p) => p.days)));
  const baselines = files.every((f) => isBaselineFile(f.fileName));
  const name = baselines ? `${BASELINE_TAG} ${span}` : (folder ?? `${files.length} files, ${span}`);
  const report: ImportReport = {
    ...emptyImportReport(name),
    imported: columns.length,
    unknownColumns: [...unknownColumns],
    duplicates: batchDuplicates(columns, parts, baselines),
  };
  return { name, columns, source: 'import', files: parts, failedFiles: failed, report };
}

/**
 * The duplicate groups of a batch's samples, across its files too (the same RequestId, or the same row, in
 * two files): each file's import found those within it only. CSV files: one more scan, over the whole batch.
 * lambda-perf days: see baselineDuplicates.
 */
export function batchDuplicates(
  columns: SampleColumns,
  files: readonly DatasetFile[],
  baselines: boolean,
): number[][] {
  if (baselines) return baselineDuplicates(columns, files);
  if (files.length < 2) return [...(files[0]?.report.duplicates ?? [])];
  return findDuplicates(columns);
}

/**
 * Rows of lambda-perf days that stand in two files of the same day (a day downloaded twice). Within a day,
 * equal rows are not duplicates (two cold starts of one function may take the same time, and lambda-perf
 * gives no RequestId), so a file's rows are matched with another file's one to one. Each row carries its
 * day: files of different days never share a row, and a year of distinct days costs no scan at all.
 */
function baselineDuplicates(columns: SampleColumns, files: readonly DatasetFile[]): number[][] {
  const byDay = new Map<string, number[]>();
  files.forEach((f, k) => {
    if (f.days === null || f.end === f.start) return;
    const same = byDay.get(f.days[0]);
    if (same) same.push(k);
    else byDay.set(f.days[0], [k]);
  });
  const groups: number[][] = [];
  for (const sameDay of byDay.values()) {
    if (sameDay.length < 2) continue;
    const rows = sameDay.flatMap((k) => {
      const f = files[k] as DatasetFile;
      return Array.from({ length: f.end - f.start }, (_, i) => f.start + i);
    });
    for (const group of findDuplicates(pickRows(columns, rows)))
      groups.push(
        ...matchAcrossFiles(
          group.map((i) => rows[i] as number),
          files,
        ),
      );
  }
  return groups.sort((a, b) => (a[0] as number) - (b[0] as number));
}

/** Equal rows grouped one to one across files: the first of each file together, then the second, ... */
function matchAcrossFiles(rows: readonly number[], files: readonly DatasetFile[]): number[][] {
  const perFile = new Map<number, number[]>();
  for (const row of rows) {
    const k = fileOfRow(files, row);
    const list = perFile.get(k);
    if (list) list.push(row);
    else perFile.set(k, [row]);
  }
  const lists = [...perFile.values()];
  const longest = Math.max(...lists.map((l) => l.length));
  const groups: number[][] = [];
  for (let i = 0; i < longest; i++) {
    const group = lists.map((l) => l[i]).filter((row): row is number => row !== undefined);
    if (group.length > 1) groups.push(group);
  }
  return groups;
}

/** The file of each row of a batch dataset (an index into its files; they hold ascending row ranges). */
function fileOfRow(files: readonly DatasetFile[], row: number): number {
  let lo = 0;
  let hi = files.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((files[mid] as DatasetFile).start <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Duplicate groups whose rows are in more than one file, and the first few sets of files that share any. */
export function duplicatesAcrossFiles(
  groups: readonly (readonly number[])[],
  files: readonly DatasetFile[],
): { groups: number; examples: string[][] } {
  let across = 0;
  const examples = new Map<string, string[]>();
  for (const group of groups) {
    const inFiles = [...new Set(group.map((row) => fileOfRow(files, row)))];
    if (inFiles.length < 2) continue;
    across++;
    const key = inFiles.join(',');
    if (examples.size < 3 && !examples.has(key))
      examples.set(
        key,
        inFiles.map((k) => (files[k] as DatasetFile).fileName),
      );
  }
  return { groups: across, examples: [...examples.values()] };
}
