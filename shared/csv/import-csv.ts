import Papa from 'papaparse';
import type { Arch, Sample } from '../sample';
import { hintsFromFileName } from './file-name-hints';
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

/** `line 5, column Init: 'abc' is not a number` */
export function describeSkippedRow(row: SkippedRow): string {
  return `line ${row.line}${row.column === null ? '' : `, column ${row.column}`}: ${row.reason}`;
}

/** How many skipped rows a warning or error spells out before it says "and N more". */
const REASONS_SHOWN = 3;

/** Imports one CSV file's text in the shared format (see shared/csv/schema.ts). Never throws. */
export function importCsv(text: string, fileName: string): CsvImportResult {
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
    return importInto(report, text);
  } catch (error) {
    // Nothing below is expected to throw; if it does, the user still gets one line instead of a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `could not read the file: ${message.split('\n')[0]}`, report };
  }
}

/** Removes the duplicates an import reported, keeping the first of each group. */
export function dropDuplicates(samples: Sample[], duplicates: number[][]): Sample[] {
  const drop = new Set<number>();
  for (const group of duplicates) {
    const sorted = [...group].sort((a, b) => a - b);
    for (const index of sorted.slice(1)) drop.add(index);
  }
  return drop.size === 0 ? samples.slice() : samples.filter((_, i) => !drop.has(i));
}

const fail = (report: ImportReport, error: string): CsvImportResult => ({ ok: false, error, report });

function importInto(report: ImportReport, input: string): CsvImportResult {
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

  // Rows are handled as Papa Parse delivers them (step) rather than collected first: a million row arrays
  // held at once would cost more in garbage collection than everything else together.
  const hasQuotes = text.includes('"');
  let line = linesBefore + 1;
  let mapping: { index: ColumnIndex } | string | null = null;
  let headerLine = 0;
  let reader: RowReader | null = null;
  let dataRows = 0;
  const samples: Sample[] = [];
  const sampleLines: number[] = [];
  const hints = hintsFromFileName(report.fileName);
  Papa.parse<string[]>(text, {
    delimiter: report.delimiter,
    header: false,
    skipEmptyLines: false,
    step: (results, parser) => {
      const row = results.data;
      const rowLine = line;
      line += hasQuotes ? 1 + newlinesIn(row) : 1;
      if (row.length === 1 && (row[0] as string).trim() === '') return; // a blank line
      if (mapping === null) {
        if (isBlankRow(row)) return;
        headerLine = rowLine;
        mapping = mapHeader(row, report, rowLine);
        if (typeof mapping === 'string') {
          parser.abort();
          return;
        }
        reader = new RowReader(
          mapping.index,
          row.length,
          report.delimiter !== ',',
          mapping.index.arch < 0 ? hints.arch : null,
          mapping.index.memory < 0 ? hints.memoryMB : null,
        );
        return;
      }
      if (reader === null) return;
      dataRows += 1;
      const quoteError = results.errors.find((e) => e.type === 'Quotes');
      if (quoteError !== undefined) {
        report.skipped.push({ line: rowLine, column: null, reason: quoteReason(quoteError.code) });
        return;
      }
      const sample = reader.read(row);
      if (sample === null) {
        report.skipped.push({ line: rowLine, column: reader.failedColumn, reason: reader.failure });
        return;
      }
      samples.push(sample);
      sampleLines.push(rowLine);
    },
  });
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

  report.duplicates = findDuplicates(samples);
  if (report.duplicates.length > 0) {
    const extra = report.duplicates.reduce((sum, g) => sum + g.length - 1, 0);
    const [first] = report.duplicates;
    const example =
      first === undefined
        ? ''
        : `, e.g. line ${sampleLines[first[1] as number]} repeats line ${sampleLines[first[0] as number]}`;
    report.warnings.push(
      `${extra} duplicated row${extra === 1 ? '' : 's'} (same values or same RequestId)${example}; kept unless dropped`,
    );
  }
  return { ok: true, samples, report };
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

function isBlankRow(row: string[]): boolean {
  return row.every((cell) => cell.trim() === '');
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

const EMPTY = -1;
const INVALID = -2;
const NEGATIVE = -3;

/**
 * A non-negative decimal number (`166.76`, `1e3`, with `decimalComma` also `166,76`), EMPTY, INVALID or
 * NEGATIVE. A hand-written check instead of a regex, because it runs for every cell of a million rows;
 * Number() does the conversion itself, so values are exactly what JavaScript reads.
 */
function parseNonNegative(cell: string, decimalComma: boolean): number {
  const s = cell.trim();
  const len = s.length;
  if (len === 0) return EMPTY;
  let i = 0;
  let c = s.charCodeAt(0);
  let negative = false;
  if (c === 45) {
    negative = true;
    i = 1;
  } else if (c === 43) i = 1;
  let digits = 0;
  let point = false;
  let comma = false;
  for (; i < len; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += 1;
    else if (c === 46 && !point) point = true;
    else if (c === 44 && decimalComma && !point) {
      point = true;
      comma = true;
    } else break;
  }
  if (digits === 0) return INVALID;
  if (i < len) {
    if (c !== 101 && c !== 69) return INVALID;
    i += 1;
    c = s.charCodeAt(i);
    if (c === 43 || c === 45) i += 1;
    let expDigits = 0;
    for (; i < len; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) return INVALID;
      expDigits += 1;
    }
    if (expDigits === 0) return INVALID;
  }
  const value = Number(comma ? s.replace(',', '.') : s);
  if (!Number.isFinite(value)) return INVALID;
  if (value === 0) return 0; // also turns -0 into 0
  return negative ? NEGATIVE : value;
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

/** Turns rows into samples by column position; remembers why the last row failed. */
class RowReader {
  failure = '';
  failedColumn: string | null = null;

  constructor(
    private readonly index: ColumnIndex,
    private readonly width: number,
    private readonly decimalComma: boolean,
    private readonly archDefault: Arch | null,
    private readonly memoryDefault: number | null,
  ) {}

  private fail(column: string | null, reason: string): null {
    this.failedColumn = column;
    this.failure = reason;
    return null;
  }

  private text(row: string[], i: number): string | null {
    if (i < 0) return null;
    const cell = (row[i] as string).trim();
    return cell === '' ? null : cell;
  }

  /** A number cell: null when empty; undefined after recording why it cannot be read. */
  private number(row: string[], i: number, column: string): number | null | undefined {
    if (i < 0) return null;
    const cell = row[i] as string;
    const value = parseNonNegative(cell, this.decimalComma);
    if (value >= 0) return value;
    if (value === EMPTY) return null;
    this.fail(
      column,
      value === NEGATIVE ? `'${cell.trim()}' is negative` : `'${cell.trim()}' is not a number`,
    );
    return undefined;
  }

  read(row: string[]): Sample | null {
    if (row.length !== this.width) {
      const extraBlank = row.length > this.width && row.slice(this.width).every((c) => c.trim() === '');
      if (!extraBlank) {
        if (isBlankRow(row)) return this.fail(null, 'empty row');
        return this.fail(null, `${row.length} fields, but the header has ${this.width}`);
      }
    }
    const ix = this.index;
    const name = this.text(row, ix.name);
    if (name === null)
      return isBlankRow(row) ? this.fail(null, 'empty row') : this.fail('Name', 'no function name');

    let memoryMB = this.memoryDefault;
    if (ix.memory >= 0) {
      const memory = this.number(row, ix.memory, 'Memory');
      if (memory === undefined) return null;
      if (memory !== null && (!Number.isInteger(memory) || memory === 0)) {
        return this.fail('Memory', `'${(row[ix.memory] as string).trim()}' is not a whole number of MB`);
      }
      memoryMB = memory;
    }
    const init = this.number(row, ix.init, 'Init');
    if (init === undefined) return null;
    const duration = this.number(row, ix.cold, 'Cold');
    if (duration === undefined) return null;
    if (duration === null) return this.fail('Cold', 'empty (the Duration in ms is required)');
    const billed = this.number(row, ix.billed, 'Billed');
    if (billed === undefined) return null;
    if (billed === null) return this.fail('Billed', 'empty (the Billed Duration in ms is required)');
    const maxMemory = this.number(row, ix.maxMemory, 'MaxMemory');
    if (maxMemory === undefined) return null;
    const restore = this.number(row, ix.restore, 'Restore');
    if (restore === undefined) return null;
    let arch = this.archDefault;
    if (ix.arch >= 0) {
      const parsed = parseArch(row[ix.arch] as string);
      if (parsed === undefined) {
        return this.fail(
          'Arch',
          `'${(row[ix.arch] as string).trim()}' is not an architecture (x86_64 or arm64)`,
        );
      }
      arch = parsed;
    }
    return {
      name,
      memoryMB,
      // An Init of 0 is how some tools write "no init phase": a warm start.
      initMs: init === 0 ? null : init,
      durationMs: duration,
      billedMs: billed,
      arch,
      runtime: this.text(row, ix.runtime),
      maxMemoryUsedMB: maxMemory,
      restoreMs: restore,
      status: this.text(row, ix.status),
      errorType: this.text(row, ix.errorType),
      requestId: this.text(row, ix.requestId),
      timestamp: this.text(row, ix.timestamp),
      run: this.text(row, ix.run),
    };
  }
}

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

function mixNumber(hash: number, value: number | null): number {
  if (value === null) return Math.imul(hash ^ 0x9e3779b9, 16777619);
  float[0] = value;
  return Math.imul(
    Math.imul(hash ^ (floatWords[0] as number), 16777619) ^ (floatWords[1] as number),
    16777619,
  );
}

function mixText(hash: number, value: string | null): number {
  if (value === null) return Math.imul(hash ^ 0x85ebca6b, 16777619);
  let h = Math.imul(hash ^ value.length, 16777619);
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
  return h;
}

// Two rows with one RequestId are one invocation, whatever else they say; rows without one are duplicates
// when every value is the same.
function sameInvocation(a: Sample, b: Sample): boolean {
  if (a.requestId !== null || b.requestId !== null) return a.requestId === b.requestId;
  return (
    a.name === b.name &&
    a.memoryMB === b.memoryMB &&
    a.initMs === b.initMs &&
    a.durationMs === b.durationMs &&
    a.billedMs === b.billedMs &&
    a.arch === b.arch &&
    a.runtime === b.runtime &&
    a.maxMemoryUsedMB === b.maxMemoryUsedMB &&
    a.restoreMs === b.restoreMs &&
    a.status === b.status &&
    a.errorType === b.errorType &&
    a.timestamp === b.timestamp &&
    a.run === b.run
  );
}

function invocationHash(s: Sample): number {
  if (s.requestId !== null) return mixText(1, s.requestId);
  let h = mixText(2166136261, s.name);
  h = mixNumber(h, s.memoryMB);
  h = mixNumber(h, s.initMs);
  h = mixNumber(h, s.durationMs);
  h = mixNumber(h, s.billedMs);
  h = mixText(h, s.arch);
  h = mixText(h, s.runtime);
  h = mixNumber(h, s.maxMemoryUsedMB);
  h = mixNumber(h, s.restoreMs);
  h = mixText(h, s.status);
  h = mixText(h, s.errorType);
  h = mixText(h, s.timestamp);
  return mixText(h, s.run);
}

/**
 * Groups of samples that are one invocation (see sameInvocation), each group in file order. Hashes numbers
 * instead of building a string key per row: a million key strings were most of an import's time.
 */
export function findDuplicates(samples: readonly Sample[]): number[][] {
  const firstByHash = new Map<number, number>();
  // Samples that start a group but share a hash with an earlier one are chained here.
  const nextWithHash = new Int32Array(samples.length).fill(-1);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] as Sample;
    const hash = invocationHash(s);
    let j = firstByHash.get(hash);
    if (j === undefined) {
      firstByHash.set(hash, i);
      continue;
    }
    let last = j;
    while (j !== -1 && !sameInvocation(samples[j] as Sample, s)) {
      last = j;
      j = nextWithHash[j] as number;
    }
    if (j === -1) {
      nextWithHash[last] = i;
      continue;
    }
    const group = groups.get(j);
    if (group === undefined) groups.set(j, [j, i]);
    else group.push(i);
  }
  return [...groups.values()].sort((a, b) => (a[0] as number) - (b[0] as number));
}
