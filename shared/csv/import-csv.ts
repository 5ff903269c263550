import Papa from 'papaparse';
import type { Arch, Sample } from '../sample';
import { pickRows, SampleColumnsBuilder, samplesFromColumns, type SampleColumns } from '../sample-columns';
import { hintsFromFileName } from './file-name-hints';
import { EMPTY, NEGATIVE } from './decimal';
import { findDuplicates } from './duplicates';
import { ArrayRowView, TextRowView, type RowView } from './row-view';
import { COLUMNS, columnForHeader, type ColumnKey } from './schema';

/** Why a row was not imported, with where it is (1-based line of the file, column name). */
export interface SkippedRow {
  line: number;
  column: string | null;
  reason: string;
}

/** What a CSV import found, for the user to read: nothing silent. */
export interface ImportReport {
  fileName: string;
  /** Rows read into samples. */
  imported: number;
  skipped: SkippedRow[];
  /** Columns present but not part of the format; ignored, reported once. */
  unknownColumns: string[];
  /** Groups of duplicates: every entry lists the 0-based sample indexes of one duplicated row. */
  duplicates: number[][];
  /** Delimiter used by the file. */
  delimiter: ';' | ',' | '\t';
  /** Arch and memory the file name says (used where no column gave them), null when it says nothing. */
  archFromFileName: Arch | null;
  memoryFromFileName: number | null;
  /** One line each, without the file name (the caller knows which file it imported). */
  warnings: string[];
}

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
  const report: ImportReport = {
    fileName,
    imported: 0,
    skipped: [],
    unknownColumns: [],
    duplicates: [],
    delimiter: ';',
    archFromFileName: null,
    memoryFromFileName: null,
    warnings: [],
  };
  try {
    return importInto(report, text, options.onProgress ?? null);
  } catch (error) {
    // Nothing below is expected to throw; if it does, the user still gets one line instead of a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `could not read the file: ${message.split('\n')[0]}`, report };
  }
}

/** `line 5, column Init: 'abc' is not a number` */
export function describeSkippedRow(row: SkippedRow): string {
  return `line ${row.line}${row.column === null ? '' : `, column ${row.column}`}: ${row.reason}`;
}

/** How many skipped rows a warning or error spells out before it says "and N more". */
const REASONS_SHOWN = 3;

/** importCsvColumns, with the samples as objects (for the CLI and tests). Never throws. */
export function importCsv(text: string, fileName: string): CsvImportResult {
  const result = importCsvColumns(text, fileName);
  return result.ok
    ? { ok: true, samples: samplesFromColumns(result.columns), report: result.report }
    : result;
}

/** Removes the duplicates an import reported, keeping the first of each group. */
export function dropDuplicates(samples: Sample[], duplicates: number[][]): Sample[] {
  return keptRows(samples.length, duplicates).map((i) => samples[i] as Sample);
}

/** dropDuplicates for columns. */
export function dropDuplicateRows(columns: SampleColumns, duplicates: number[][]): SampleColumns {
  return pickRows(columns, keptRows(columns.length, duplicates));
}

/** Indexes 0 .. length - 1 without all but the first of each duplicate group. */
function keptRows(length: number, duplicates: number[][]): number[] {
  const drop = new Uint8Array(length);
  for (const group of duplicates) {
    // A loop, not Math.min(...group): a file of one row repeated makes a group too long to spread.
    let first = Infinity;
    for (const index of group) first = Math.min(first, index);
    for (const index of group) if (index !== first) drop[index] = 1;
  }
  const kept: number[] = [];
  for (let i = 0; i < length; i++) if (drop[i] === 0) kept.push(i);
  return kept;
}

const fail = (report: ImportReport, error: string): CsvColumnsImportResult => ({
  ok: false,
  error,
  report,
});

/** Rows between two progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 1 << 16;

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
      reader = new RowReader(
        mapping.index,
        row.width,
        report.delimiter !== ',',
        mapping.index.arch < 0 ? hints.arch : null,
        mapping.index.memory < 0 ? (hints.memoryMB ?? NaN) : NaN,
      );
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
    if (samples.length > sampleLines.length) {
      const grown = new Int32Array(sampleLines.length * 2);
      grown.set(sampleLines);
      sampleLines = grown;
    }
    sampleLines[samples.length - 1] = line;
    return true;
  };

  if (!text.includes('"') && (text.includes('\n') || !text.includes('\r'))) {
    // Without quotes a row is a line and a cell the text between delimiters: read in place (see TextRowView).
    const row = new TextRowView(text, report.delimiter.charCodeAt(0));
    let line = linesBefore + 1;
    for (let start = 0; start <= text.length; line += 1) {
      let next = text.indexOf('\n', start);
      if (next < 0) next = text.length;
      const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      row.set(start, end);
      if (!onRow(row, line, null)) break;
      start = next + 1;
      if (onProgress !== null && line % PROGRESS_EVERY === 0) onProgress(start / text.length);
    }
  } else {
    // Quoted fields (which may hold delimiters, quotes and line breaks): Papa Parse, row by row (step), so
    // that a million row arrays are never held at once.
    const row = new ArrayRowView();
    let line = linesBefore + 1;
    Papa.parse<string[]>(text, {
      delimiter: report.delimiter,
      header: false,
      skipEmptyLines: false,
      step: (results, parser) => {
        row.row = results.data;
        const rowLine = line;
        line += 1 + newlinesIn(results.data);
        const quoteError = results.errors.find((e) => e.type === 'Quotes');
        if (!onRow(row, rowLine, quoteError === undefined ? null : quoteReason(quoteError.code)))
          parser.abort();
        if (onProgress !== null && rowLine % PROGRESS_EVERY === 0)
          onProgress(results.meta.cursor / text.length);
      },
    });
  }

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

/**
 * About how many lines a text has, from the length of its first lines (counting them all would walk a big
 * text once more): a little over, so that the columns rarely grow.
 */
function estimateLines(text: string): number {
  let lines = 0;
  let at = 0;
  while (lines < 1000 && at < text.length) {
    const next = text.indexOf('\n', at);
    if (next < 0) break;
    lines += 1;
    at = next + 1;
  }
  if (at >= text.length || lines === 0) return lines + 1;
  return Math.ceil((text.length / at) * lines * 1.05) + 16;
}

function ambiguity(ambiguities: string[], kind: 'arch' | 'memory'): string {
  const relevant = ambiguities.filter((a) =>
    kind === 'arch' ? a.includes('architecture') : a.includes('memory'),
  );
  return relevant.length === 0 ? '' : ` (${relevant.join('; ')})`;
}

function firstReasons(skipped: SkippedRow[]): string {
  const shown = skipped.slice(0, REASONS_SHOWN).map(describeSkippedRow).join('; ');
  const more = skipped.length - REASONS_SHOWN;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

function quoteReason(code: string): string {
  return code === 'MissingQuotes'
    ? 'a quoted field is never closed'
    : 'a quote inside a field is not doubled';
}

/** NUL characters or many control characters never occur in a CSV text. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control += 1;
  }
  return control > head.length / 20;
}

function firstNonBlankLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}

/** The format is semicolon-separated; a comma or tab only when the header clearly uses it instead. */
function guessDelimiter(headerLine: string): ImportReport['delimiter'] {
  const count = (d: string): number => headerLine.split(d).length - 1;
  const semicolons = count(';');
  const commas = count(',');
  const tabs = count('\t');
  if (semicolons >= commas && semicolons >= tabs) return ';';
  return tabs >= commas ? '\t' : ',';
}

/** Line breaks inside the quoted fields of a row: the row after it starts that many lines later. */
function newlinesIn(row: string[]): number {
  let count = 0;
  for (const cell of row) {
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) count += 1;
  }
  return count;
}

type ColumnIndex = Record<ColumnKey, number>;

/** Column positions, or a one-line error when the header lacks a required column. */
function mapHeader(header: string[], report: ImportReport, line: number): { index: ColumnIndex } | string {
  const index = Object.fromEntries(COLUMNS.map((c) => [c.key, -1])) as ColumnIndex;
  const names = header.map((h) => h.trim());
  let known = 0;
  names.forEach((name, i) => {
    if (name === '') return;
    const column = columnForHeader(name);
    if (column === undefined) {
      if (!report.unknownColumns.includes(name)) report.unknownColumns.push(name);
      return;
    }
    known += 1;
    if (index[column.key] >= 0) {
      report.warnings.push(`column ${column.header} appears twice in the header; the first one is used`);
      return;
    }
    index[column.key] = i;
  });
  const expected = COLUMNS.slice(0, 5)
    .map((c) => c.header)
    .join(';');
  if (known === 0) {
    return `line ${line} is not a header: the first line must name the columns ${expected}`;
  }
  const missing = COLUMNS.filter((c) => c.required && index[c.key] < 0).map((c) => c.header);
  if (missing.length > 0) {
    const which = missing.length === 1 ? `column ${missing[0]}` : `columns ${missing.join(', ')}`;
    return `missing required ${which} in the header on line ${line} (it has: ${names.join(report.delimiter === '\t' ? ' ' : report.delimiter)})`;
  }
  if (report.unknownColumns.length > 0) {
    report.warnings.push(
      `ignored column${report.unknownColumns.length === 1 ? '' : 's'} not in the format: ${report.unknownColumns.join(', ')}`,
    );
  }
  return { index };
}

function parseArch(cell: string): Arch | null | undefined {
  switch (cell.trim().toLowerCase()) {
    case '':
      return null;
    case 'x86_64':
    case 'x86':
    case 'x86-64':
    case 'amd64':
    case 'x64':
      return 'x86_64';
    case 'arm64':
    case 'arm':
    case 'aarch64':
    case 'graviton':
      return 'arm64';
    default:
      return undefined;
  }
}

/** What RowReader.number returns for a cell that cannot be read (every value is >= 0 or NaN). */
const FAILED = -1;

/** Turns rows into samples by column position; remembers why the last row failed. */
class RowReader {
  failure = '';
  failedColumn: string | null = null;
  private lastArchCell: string | null = null;
  private lastArch: Arch | null | undefined = undefined;

  constructor(
    private readonly index: ColumnIndex,
    private readonly width: number,
    private readonly decimalComma: boolean,
    private readonly archDefault: Arch | null,
    /** NaN when unknown. */
    private readonly memoryDefault: number,
  ) {}

  private fail(column: string | null, reason: string): false {
    this.failedColumn = column;
    this.failure = reason;
    return false;
  }

  private text(row: RowView, i: number): string | null {
    if (i < 0) return null;
    const cell = row.cell(i).trim();
    return cell === '' ? null : cell;
  }

  /** A number cell: NaN when empty or not a column; FAILED after recording why it cannot be read. */
  private number(row: RowView, i: number, column: string): number {
    if (i < 0) return NaN;
    const value = row.number(i, this.decimalComma);
    if (value >= 0) return value;
    if (value === EMPTY) return NaN;
    const cell = row.cell(i).trim();
    this.fail(column, value === NEGATIVE ? `'${cell}' is negative` : `'${cell}' is not a number`);
    return FAILED;
  }

  /** Adds the row's sample to `out`; false (and why in failure/failedColumn) when it cannot be read. */
  read(row: RowView, out: SampleColumnsBuilder): boolean {
    if (row.width !== this.width) {
      let extraBlank = row.width > this.width;
      for (let i = this.width; extraBlank && i < row.width; i++) extraBlank = row.cell(i).trim() === '';
      if (!extraBlank) {
        if (row.blank()) return this.fail(null, 'empty row');
        return this.fail(null, `${row.width} fields, but the header has ${this.width}`);
      }
    }
    const ix = this.index;
    const name = this.text(row, ix.name);
    if (name === null)
      return row.blank() ? this.fail(null, 'empty row') : this.fail('Name', 'no function name');

    let memoryMB = this.memoryDefault;
    if (ix.memory >= 0) {
      memoryMB = this.number(row, ix.memory, 'Memory');
      if (memoryMB === FAILED) return false;
      if (!Number.isInteger(memoryMB) || memoryMB === 0) {
        if (memoryMB !== memoryMB)
          memoryMB = NaN; // empty: unknown
        else return this.fail('Memory', `'${row.cell(ix.memory).trim()}' is not a whole number of MB`);
      }
    }
    const init = this.number(row, ix.init, 'Init');
    if (init === FAILED) return false;
    const duration = this.number(row, ix.cold, 'Cold');
    if (duration === FAILED) return false;
    if (duration !== duration) return this.fail('Cold', 'empty (the Duration in ms is required)');
    const billed = this.number(row, ix.billed, 'Billed');
    if (billed === FAILED) return false;
    if (billed !== billed) return this.fail('Billed', 'empty (the Billed Duration in ms is required)');
    const maxMemory = this.number(row, ix.maxMemory, 'MaxMemory');
    if (maxMemory === FAILED) return false;
    const restore = this.number(row, ix.restore, 'Restore');
    if (restore === FAILED) return false;
    let arch = this.archDefault;
    if (ix.arch >= 0) {
      const cell = row.cell(ix.arch);
      // Rows repeat a handful of spellings (and the row view hands out one string per spelling).
      if (cell !== this.lastArchCell) {
        this.lastArchCell = cell;
        this.lastArch = parseArch(cell);
      }
      const parsed = this.lastArch;
      if (parsed === undefined) {
        return this.fail('Arch', `'${row.cell(ix.arch).trim()}' is not an architecture (x86_64 or arm64)`);
      }
      arch = parsed;
    }
    out.add(
      name,
      memoryMB,
      // An Init of 0 is how some tools write "no init phase": a warm start.
      init === 0 ? NaN : init,
      duration,
      billed,
      maxMemory,
      restore,
      arch,
      this.text(row, ix.runtime),
      this.text(row, ix.status),
      this.text(row, ix.errorType),
      this.text(row, ix.run),
      this.text(row, ix.requestId),
      this.text(row, ix.timestamp),
    );
    return true;
  }
}
