import type { Sample } from '../sample';
import { samplesFromColumns, type SampleColumns } from '../sample-columns';
import { ColumnsImport, fail, textStart } from './columns-import';
import { emptyImportReport, type ImportReport } from './import-report';
import { PlainRowReader } from './plain-rows';
import { readRows } from './read-rows';
import { estimateLines } from './text-checks';

export { describeSkippedRow, type ImportReport, type SkippedRow } from './import-report';
export { dropDuplicateRows, dropDuplicates } from './drop-duplicates';

export type CsvImportResult =
  | { ok: true; samples: Sample[]; report: ImportReport }
  /** Nothing could be read: `error` says why (first reasons), `report` has the details. */
  | { ok: false; error: string; report: ImportReport };

export interface ImportOptions {
  /** Called now and then with the share of the text read so far (0..1), for a progress bar. */
  onProgress?: (fraction: number) => void;
}

export type CsvColumnsImportResult =
  | { ok: true; columns: SampleColumns; report: ImportReport }
  | { ok: false; error: string; report: ImportReport };

/**
 * Imports one CSV file's text in the shared format (see shared/csv/schema.ts) into columns (see
 * SampleColumns): what the app keeps. Never throws.
 */
export function importCsvColumns(
  text: string,
  fileName: string,
  options: ImportOptions = {},
): CsvColumnsImportResult {
  const report = emptyImportReport(fileName);
  try {
    return importInto(report, text, options.onProgress ?? null);
  } catch (error) {
    // Nothing below is expected to throw; if it does, the user still gets one line instead of a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `could not read the file: ${message.split('\n')[0]}`, report };
  }
}

/** importCsvColumns, with the samples as objects (for the CLI and tests). Never throws. */
export function importCsv(text: string, fileName: string): CsvImportResult {
  const result = importCsvColumns(text, fileName);
  return result.ok
    ? { ok: true, samples: samplesFromColumns(result.columns), report: result.report }
    : result;
}

function importInto(
  report: ImportReport,
  input: string,
  onProgress: ((fraction: number) => void) | null,
): CsvColumnsImportResult {
  if (typeof input !== 'string') return fail(report, 'the file is not text');
  const start = textStart(report, input);
  if (typeof start === 'string') return fail(report, start);
  // Stryker disable next-line ConditionalExpression: slice(0) is the same text (only a copy saved)
  const text = start.offset === 0 ? input : input.slice(start.offset);
  // Room for about every line (a row is at least a line): the columns then seldom grow and copy.
  const rows = new ColumnsImport(report, estimateLines(text));
  let plain: PlainRowReader | null = null;
  /** A data row read by the fast path; the others (and the header) go to onRow. */
  // A row the fast path declines goes to onRow, which reads it the same (slower): hence the marks below.
  // Stryker disable next-line BlockStatement: every row then goes to onRow
  const onPlainRow = (from: number, to: number, line: number): boolean => {
    // Stryker disable next-line ConditionalExpression: a new reader per row reads the same
    if (plain === null) {
      if (rows.readerArgs === null) return false;
      plain = new PlainRowReader(text, report.delimiter, ...rows.readerArgs);
    }
    // Stryker disable next-line ConditionalExpression: without the read, every row goes to onRow
    if (!plain.read(from, to, rows.samples)) return false;
    rows.plainRowAdded(line);
    return true;
  };
  readRows(text, report.delimiter, start.linesBefore + 1, rows.onRow, onProgress, onPlainRow);
  return rows.finish();
}
