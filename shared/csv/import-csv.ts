import type { Sample } from '../sample';
import { SampleColumnsBuilder, samplesFromColumns, type SampleColumns } from '../sample-columns';
import { findDuplicates } from './duplicates';
import { hintsFromFileName } from './file-name-hints';
import { mapHeader, type ColumnIndex } from './header-mapping';
import { emptyImportReport, firstReasons, type ImportReport } from './import-report';
import { PlainRowReader } from './plain-rows';
import { readRows } from './read-rows';
import { RowReader } from './row-reader';
import type { RowView } from './row-view';
import { estimateLines, firstNonBlankLine, guessDelimiter, looksBinary } from './text-checks';

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

const fail = (report: ImportReport, error: string): CsvColumnsImportResult => ({
  ok: false,
  error,
  report,
});

function importInto(
  report: ImportReport,
  input: string,
  onProgress: ((fraction: number) => void) | null,
): CsvColumnsImportResult {
  if (typeof input !== 'string') return fail(report, 'the file is not text');
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return fail(report, 'the file is empty');
  if (looksBinary(text))
    return fail(report, 'this is a binary file (or text that is not UTF-8), not a CSV file');

  // Excel's `sep=;` first line names the delimiter.
  let linesBefore = 0;
  let delimiter: ImportReport['delimiter'] | null = null;
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine) {
    const d = sepLine[1];
    if (d !== ';' && d !== ',' && d !== '\t')
      return fail(report, `line 1: unsupported delimiter in '${sepLine[0].trim()}'`);
    delimiter = d;
    text = text.slice(sepLine[0].length);
    linesBefore = 1;
  }
  report.delimiter = delimiter ?? guessDelimiter(firstNonBlankLine(text));

  const hints = hintsFromFileName(report.fileName);
  let mapping: { index: ColumnIndex } | string | null = null;
  let headerLine = 0;
  let reader: RowReader | null = null;
  let plain: PlainRowReader | null = null;
  let dataRows = 0;
  // Room for about every line (a row is at least a line): the columns then seldom grow and copy.
  const lines = estimateLines(text);
  const samples = new SampleColumnsBuilder(lines);
  // File line of each sample, for messages (a typed array: a million numbers the garbage collector never scans).
  let sampleLines = new Int32Array(lines);

  /** One row of the file; false stops the import (a bad header). */
  const onRow = (row: RowView, line: number, quoteError: string | null): boolean => {
    if (row.blank()) {
      // Blank lines are skipped silently; a row of empty cells (`;;;;`) is a row, reported below.
      if (row.width === 1 || mapping === null) return true;
    }
    if (mapping === null) {
      headerLine = line;
      const header = Array.from({ length: row.width }, (_, i) => row.cell(i));
      mapping = mapHeader(header, report, line);
      if (typeof mapping === 'string') return false;
      const readerArgs = [
        mapping.index,
        row.width,
        report.delimiter !== ',',
        mapping.index.arch < 0 ? hints.arch : null,
        mapping.index.memory < 0 ? (hints.memoryMB ?? NaN) : NaN,
      ] as const;
      reader = new RowReader(...readerArgs);
      plain = new PlainRowReader(text, report.delimiter, ...readerArgs);
      return true;
    }
    if (reader === null) return false;
    dataRows += 1;
    if (quoteError !== null) {
      report.skipped.push({ line, column: null, reason: quoteError });
      return true;
    }
    if (!reader.read(row, samples)) {
      report.skipped.push({ line, column: reader.failedColumn, reason: reader.failure });
      return true;
    }
    noteLine(line);
    return true;
  };
  const noteLine = (line: number): void => {
    if (samples.length > sampleLines.length) {
      const grown = new Int32Array(sampleLines.length * 2);
      grown.set(sampleLines);
      sampleLines = grown;
    }
    sampleLines[samples.length - 1] = line;
  };
  /** A data row read by the fast path; the others (and the header) go to onRow. */
  const onPlainRow = (start: number, end: number, line: number): boolean => {
    if (plain === null || !plain.read(start, end, samples)) return false;
    dataRows += 1;
    noteLine(line);
    return true;
  };

  readRows(text, report.delimiter, linesBefore + 1, onRow, onProgress, onPlainRow);

  const header = mapping as { index: ColumnIndex } | string | null;
  if (header === null) return fail(report, 'the file is empty');
  if (typeof header === 'string') return fail(report, header);

  report.archFromFileName = hints.arch;
  report.memoryFromFileName = hints.memoryMB;
  if (header.index.arch < 0) {
    report.warnings.push(
      hints.arch === null
        ? `no Arch column and the file name does not say: architecture unknown${ambiguity(hints.ambiguities, 'arch')}`
        : `no Arch column: ${hints.arch} taken from the file name for every row`,
    );
  }
  if (header.index.memory < 0) {
    report.warnings.push(
      hints.memoryMB === null
        ? `no Memory column and the file name does not say: memory unknown${ambiguity(hints.ambiguities, 'memory')}`
        : `no Memory column: ${hints.memoryMB} MB taken from the file name for every row`,
    );
  }

  if (dataRows === 0) return fail(report, `only a header on line ${headerLine}, no data rows`);
  report.imported = samples.length;
  if (samples.length === 0) {
    return fail(
      report,
      `no row could be read (${report.skipped.length} skipped): ${firstReasons(report.skipped)}`,
    );
  }
  if (report.skipped.length > 0) {
    report.warnings.push(
      `${report.skipped.length} row${report.skipped.length === 1 ? '' : 's'} skipped: ${firstReasons(report.skipped)}`,
    );
  }

  const columns = samples.finish();
  report.duplicates = findDuplicates(columns);
  if (report.duplicates.length > 0) {
    const extra = report.duplicates.reduce((sum, g) => sum + g.length - 1, 0);
    const [first] = report.duplicates;
    const example =
      first === undefined
        ? ''
        : `, e.g. line ${sampleLines[first[1] as number]} repeats line ${sampleLines[first[0] as number]}`;
    report.warnings.push(
      `${extra} duplicated row${extra === 1 ? '' : 's'} (same values or same RequestId)${example}`,
    );
  }
  return { ok: true, columns, report };
}

function ambiguity(ambiguities: string[], kind: 'arch' | 'memory'): string {
  const relevant = ambiguities.filter((a) =>
    kind === 'arch' ? a.includes('architecture') : a.includes('memory'),
  );
  return relevant.length === 0 ? '' : ` (${relevant.join('; ')})`;
}
