import type { Arch } from '../sample';
import {
  CODED_COLUMNS,
  NUMBER_COLUMNS,
  type CodedColumn,
  type NumberColumn,
  type SampleColumns,
} from '../sample-columns';
import { SampleColumnsBuilder } from '../sample-columns-builder';
import { findDuplicates } from './duplicates';
import { hintsFromFileName, type FileNameHints } from './file-name-hints';
import { mapHeader, type ColumnIndex } from './header-mapping';
import type { ColumnKey } from './schema';
import { firstReasons, type ImportReport, type SkippedRow } from './import-report';
import type { CsvColumnsImportResult } from './import-csv';
import { RowReader } from './row-reader';
import { SampleLines, type LineRuns } from './sample-lines';
import type { RowView } from './row-view';
import { firstNonBlankLine, guessDelimiter, looksBinary } from './text-checks';

/** What RowReader and the fast paths are built with once the header is known. */
export type RowReaderArgs = readonly [
  index: ColumnIndex,
  width: number,
  decimalComma: boolean,
  archDefault: Arch | null,
  /** NaN when unknown. */
  memoryDefault: number,
];

export const fail = (report: ImportReport, error: string): CsvColumnsImportResult => ({
  ok: false,
  error,
  report,
});

/**
 * The data rows of a later part of a file, read apart (on another thread) by an import that read the same
 * header: what ColumnsImport gathers from rows before finish(). Lines count from the part's first line as 1.
 */
export interface RowsPart {
  columns: SampleColumns;
  /** The line of each sample. */
  lines: LineRuns;
  skipped: SkippedRow[];
  dataRows: number;
}

/**
 * The memory of a part's arrays, each buffer once: what a thread that read the part hands over with its
 * postMessage (transferred, not copied).
 */
export function partBuffers(part: RowsPart): ArrayBuffer[] {
  const { columns } = part;
  const arrays = [
    columns.memoryMB,
    columns.initMs,
    columns.durationMs,
    columns.billedMs,
    columns.maxMemoryUsedMB,
    columns.restoreMs,
    columns.name.codes,
    columns.arch.codes,
    columns.runtime.codes,
    columns.status.codes,
    columns.errorType.codes,
    columns.run.codes,
  ];
  if (columns.requestId !== null) arrays.push(columns.requestId.ends);
  if (columns.timestamp !== null) arrays.push(columns.timestamp.ends);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Where the rows of a text start, once its BOM and any `sep=` line are off, and their delimiter. */
export interface TextStart {
  /** Offset of the first row in the text. */
  offset: number;
  /** Lines before that row (the `sep=` line). */
  linesBefore: number;
}

/**
 * The checks before the first row: BOM, empty, binary, Excel's `sep=` first line (which names the
 * delimiter), else the delimiter the first non-blank line suggests. Sets report.delimiter; a string is the
 * error that ends the import.
 */
export function textStart(report: ImportReport, input: string): TextStart | string {
  const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom === 0 ? input : input.slice(bom);
  if (text.trim() === '') return 'the file is empty';
  if (looksBinary(text)) return 'this is a binary file (or text that is not UTF-8), not a CSV file';
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine) {
    const d = sepLine[1];
    if (d !== ';' && d !== ',' && d !== '\t')
      return `line 1: unsupported delimiter in '${sepLine[0].trim()}'`;
    report.delimiter = d;
    return { offset: bom + sepLine[0].length, linesBefore: 1 };
  }
  report.delimiter = guessDelimiter(firstNonBlankLine(text));
  return { offset: bom, linesBefore: 0 };
}

/** The header's column that fills each column of the samples. */
const HEADER_COLUMN: Record<NumberColumn | CodedColumn, ColumnKey> = {
  memoryMB: 'memory',
  // Stryker disable next-line StringLiteral: a required column, never lacking
  initMs: 'init',
  // Stryker disable next-line StringLiteral: a required column, never lacking
  durationMs: 'cold',
  // Stryker disable next-line StringLiteral: a required column, never lacking
  billedMs: 'billed',
  maxMemoryUsedMB: 'maxMemory',
  restoreMs: 'restore',
  // Stryker disable next-line StringLiteral: a required column, never lacking
  name: 'name',
  // Stryker disable next-line StringLiteral: a coded column the file lacks is all one code, which the duplicate check finds does not vary (only slower)
  arch: 'arch',
  // Stryker disable next-line StringLiteral: a coded column the file lacks is all one code, which the duplicate check finds does not vary (only slower)
  runtime: 'runtime',
  // Stryker disable next-line StringLiteral: a coded column the file lacks is all one code, which the duplicate check finds does not vary (only slower)
  status: 'status',
  // Stryker disable next-line StringLiteral: a coded column the file lacks is all one code, which the duplicate check finds does not vary (only slower)
  errorType: 'errorType',
  // Stryker disable next-line StringLiteral: a coded column the file lacks is all one code, which the duplicate check finds does not vary (only slower)
  run: 'run',
};

/**
 * The columns of the samples that a header without their column leaves with one value on every row: none
 * (null, NaN), or the file name's memory size or architecture. The duplicate check need not look at them.
 */
function columnsLacking(index: ColumnIndex): Set<NumberColumn | CodedColumn> {
  return new Set([...NUMBER_COLUMNS, ...CODED_COLUMNS].filter((column) => index[HEADER_COLUMN[column]] < 0));
}

/**
 * One import's rows into columns, whichever way the rows are cut (text or bytes, fast path or RowReader):
 * the header, the skipped rows and their reasons, the warnings and the duplicates are found here, once.
 */
export class ColumnsImport {
  readonly samples: SampleColumnsBuilder;
  /** Set by the header: the arguments of RowReader, also those of a fast path's reader. */
  readerArgs: RowReaderArgs | null = null;
  private mapping: { index: ColumnIndex } | string | null = null;
  private headerLine = 0;
  private reader: RowReader | null = null;
  private dataRows = 0;
  /** File line of each sample, for messages. */
  private readonly sampleLines = new SampleLines();
  private readonly hints: FileNameHints;
  /** Set by the header: the columns it lacks, which hold one value on every row (see columnsLacking). */
  private sameOnEveryRow: ReadonlySet<NumberColumn | CodedColumn> = new Set();

  constructor(
    private readonly report: ImportReport,
    /** About how many rows there are: the columns then seldom grow and copy. */
    capacity: number,
  ) {
    this.samples = new SampleColumnsBuilder(capacity);
    this.hints = hintsFromFileName(report.fileName);
  }

  /** One row of the file; false stops the import (a bad header). */
  readonly onRow = (row: RowView, line: number, quoteError: string | null): boolean => {
    const report = this.report;
    if (row.blank()) {
      // Blank lines are skipped silently; a row of empty cells (`;;;;`) is a row, reported below.
      if (row.width === 1 || this.mapping === null) return true;
    }
    if (this.mapping === null) {
      this.headerLine = line;
      const header = Array.from({ length: row.width }, (_, i) => row.cell(i));
      const mapping = mapHeader(header, report, line);
      this.mapping = mapping;
      // Stryker disable next-line BooleanLiteral: after a bad header there is no reader, and the next row stops the import (finish reports the header)
      if (typeof mapping === 'string') return false;
      const hints = this.hints;
      this.readerArgs = [
        mapping.index,
        row.width,
        report.delimiter !== ',',
        // Stryker disable next-line EqualityOperator: RowReader ignores the default when the column exists (also at index 0)
        mapping.index.arch < 0 ? hints.arch : null,
        // Stryker disable next-line EqualityOperator: RowReader ignores the default when the column exists (also at index 0)
        mapping.index.memory < 0 ? (hints.memoryMB ?? NaN) : NaN,
      ];
      this.reader = new RowReader(...this.readerArgs);
      this.sameOnEveryRow = columnsLacking(mapping.index);
      // A lacking Memory column is the file name's memory size on every row, when the name says one.
      this.samples.leaveOut(
        NUMBER_COLUMNS.filter(
          (c) => this.sameOnEveryRow.has(c) && (c !== 'memoryMB' || hints.memoryMB === null),
        ),
      );
      return true;
    }
    const reader = this.reader;
    if (reader === null) return false;
    this.dataRows += 1;
    if (quoteError !== null) {
      report.skipped.push({ line, column: null, reason: quoteError });
      return true;
    }
    if (!reader.read(row, this.samples)) {
      report.skipped.push({ line, column: reader.failedColumn, reason: reader.failure });
      return true;
    }
    this.noteLine(line);
    return true;
  };

  /** A data row on `line` that a fast path has just added to `samples`. */
  plainRowAdded(line: number): void {
    this.dataRows += 1;
    this.noteLine(line);
  }

  private noteLine(line: number): void {
    this.sampleLines.add(line);
  }

  /** The rows read so far, as a part of a bigger import (the import is not to be used afterwards). */
  takePart(): RowsPart {
    const columns = this.samples.finish();
    return {
      columns,
      lines: this.sampleLines.lineRuns(),
      skipped: this.report.skipped,
      dataRows: this.dataRows,
    };
  }

  /** The rows of the part of the file that follows the rows read so far; its first line is line `line`. */
  addPart(part: RowsPart, line: number): void {
    this.samples.appendColumns(part.columns);
    this.sampleLines.addPart(part.lines, line);
    for (const row of part.skipped) this.report.skipped.push({ ...row, line: row.line + line - 1 });
    this.dataRows += part.dataRows;
  }

  /** The columns and the report, once every row has been handed in. */
  finish(): CsvColumnsImportResult {
    const { report, hints, samples } = this;
    const header = this.mapping;
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

    if (this.dataRows === 0) return fail(report, `only a header on line ${this.headerLine}, no data rows`);
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
    report.duplicates = findDuplicates(columns, this.sameOnEveryRow);
    if (report.duplicates.length > 0) {
      const extra = report.duplicates.reduce((sum, g) => sum + g.length - 1, 0);
      const [first] = report.duplicates;
      const lines = this.sampleLines;
      const example =
        first === undefined
          ? ''
          : `, e.g. line ${lines.lineOf(first[1] as number)} repeats line ${lines.lineOf(first[0] as number)}`;
      report.warnings.push(
        `${extra} duplicated row${extra === 1 ? '' : 's'} (same values or same RequestId)${example}`,
      );
    }
    return { ok: true, columns, report };
  }
}

function ambiguity(ambiguities: string[], kind: 'arch' | 'memory'): string {
  const relevant = ambiguities.filter((a) =>
    kind === 'arch' ? a.includes('architecture') : a.includes('memory'),
  );
  return relevant.length === 0 ? '' : ` (${relevant.join('; ')})`;
}
