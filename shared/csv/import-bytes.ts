import { CARRIAGE_RETURN, NEWLINE } from './byte-cells';
import { decodeBytes } from './byte-strings';
import { ColumnsImport, textStart, type RowsPart } from './columns-import';
import type { CsvColumnsImportResult, ImportOptions } from './import-csv';
import { emptyImportReport, type ImportReport } from './import-report';
import { NOT_TAKEN, PlainByteRowReader } from './plain-byte-rows';
import { TextRowView } from './row-view';

const QUOTE = 34;
/** What looksBinary reads of a text: the first chunk's lines must hold at least that much of it. */
const BINARY_CHECK_CHARS = 8192;
/** How much of the first chunk is decoded to check the file's start (see beginning). */
const HEAD_BYTES = 1 << 16;
/** Rows between two progress reports (as readRows). */
const PROGRESS_EVERY = 1 << 16;

/** Below this a second thread costs more to start (about 40 ms) than it saves (see importCsvBytesPart). */
export const TWO_PARTS_FROM_BYTES = 8 << 20;
/** A file read in two parts: the first thread's share, a little over half, since the other starts later. */
export const FIRST_PART_SHARE = 0.53;

/** The result of importCsvBytes when the bytes need the exact path: read them as text, with importCsvColumns. */
export const NEEDS_TEXT = null;

/**
 * importCsvColumns for a file as UTF-8 bytes, in chunks (any sizes, e.g. 1 MB reads of a file; a chunk may be
 * reused once the next one is asked for): the same columns, report, warnings and errors, without the file's
 * text ever being made (a 60 MB file is never also a 60 MB string) and without a string per cell.
 * It takes the files importCsvColumns reads in place: no quote anywhere and lines ending in LF or CRLF. For
 * any other (a quote, CR-only lines, a first line longer than the first chunk, a file it cannot even start:
 * empty, binary, a bad `sep=` line), it returns NEEDS_TEXT: the caller then reads the file as text and
 * imports that, which reads it or says why not exactly as it always has. Never throws.
 */
export function importCsvBytes(
  chunks: Iterable<Uint8Array>,
  fileName: string,
  totalBytes: number,
  options: ImportOptions = {},
): CsvColumnsImportResult | typeof NEEDS_TEXT {
  const reader = new CsvBytesImport(fileName, totalBytes, options.onProgress ?? null);
  for (const chunk of chunks) if (!reader.read(chunk)) break;
  return reader.finish();
}

/**
 * The rows of a later part of a file, for importCsvBytes's reader of the part before it (CsvBytesImport's
 * addPart): `head` is the file's first chunk (its header is read from it), `chunks` the part's bytes, from the
 * start of a line to the end of the file or of a line, and `partBytes` their length (room is made for the rows
 * that many bytes hold). Read on another thread, this halves the time a big file
 * takes on two cores. NEEDS_TEXT as importCsvBytes (the whole file then goes to the text path). Never throws.
 */
export function importCsvBytesPart(
  head: Uint8Array,
  chunks: Iterable<Uint8Array>,
  fileName: string,
  partBytes: number,
): RowsPart | typeof NEEDS_TEXT {
  const reader = new CsvBytesImport(fileName, partBytes, null);
  if (!reader.readHeader(head)) return NEEDS_TEXT;
  for (const chunk of chunks) if (!reader.read(chunk)) break;
  return reader.finishPart();
}

/**
 * importCsvBytes one chunk at a time: read(chunk) until it returns false or the bytes end, then finish().
 * A caller that has the rows of the rest of the file from importCsvBytesPart hands them to addPart before
 * finish(). Never throws: anything unexpected sends the file to the text path.
 */
export class CsvBytesImport {
  private readonly report: ImportReport;
  private rows: ColumnsImport | null = null;
  private plain: PlainByteRowReader | null = null;
  private delimiter = 0;
  private line = 1;
  private consumed = 0;
  /** The end of the last chunk when it is not the end of a line: the start of the next chunk's first line. */
  private carry: Uint8Array = new Uint8Array(0);
  /** A bad header: no more rows are read. */
  private stopped = false;
  private needsText = false;
  /** Set by readHeader: stop once the header is read. */
  private headerOnly = false;
  /** The bytes plain read its last row from (see newBytes). */
  private plainBytes: Uint8Array | null = null;

  constructor(
    fileName: string,
    private readonly totalBytes: number,
    private readonly onProgress: ((fraction: number) => void) | null,
  ) {
    this.report = emptyImportReport(fileName);
  }

  /** One more chunk; false when the rest of the file need not be read (finish() says why). */
  read(chunk: Uint8Array): boolean {
    try {
      // Stryker disable next-line LogicalOperator: a chunk read after a stop changes nothing finish() gives (needsText still hands the file back; after a bad header onRow refuses every row)
      if (!this.stopped && !this.needsText) this.readChunk(chunk);
    } catch {
      // Nothing here is expected to throw; the exact path then has its say.
      this.needsText = true;
    }
    return !this.stopped && !this.needsText;
  }

  /** The rows of the rest of the file, read by importCsvBytesPart; the chunks read so far end a line. */
  addPart(part: RowsPart | typeof NEEDS_TEXT): void {
    if (part === NEEDS_TEXT || this.rows === null || this.carry.length > 0) this.needsText = true;
    else if (
      // Stryker disable next-line LogicalOperator: a part comes only with a usable header, which a stopped reader (a bad header) lacks; with needsText, finish() hands the file back anyway
      !this.stopped &&
      !this.needsText
    )
      this.rows.addPart(part, this.line);
  }

  finish(): CsvColumnsImportResult | typeof NEEDS_TEXT {
    try {
      if (this.needsText || this.rows === null) return NEEDS_TEXT;
      // The last line (empty when the file ends with a line break), as readRows reads it.
      if (!this.stopped) this.lastLine();
      return this.rows.finish();
    } catch {
      return NEEDS_TEXT;
    }
  }

  /** The file's header from its first chunk; false when it is not there or not usable. */
  readHeader(head: Uint8Array): boolean {
    this.headerOnly = true;
    this.read(head);
    this.headerOnly = false;
    // A header that cannot be used leaves no reader's arguments (and the part before says why).
    // Stryker disable next-line OptionalChaining: rows is null only when needsText is set, which is checked first
    if (this.needsText || this.rows?.readerArgs == null) return false;
    // From here on the chunks are the part's: its lines count from 1.
    this.stopped = false;
    this.carry = new Uint8Array(0);
    this.line = 1;
    this.plainBytes = null;
    return true;
  }

  finishPart(): RowsPart | typeof NEEDS_TEXT {
    try {
      if (this.needsText || this.rows === null) return NEEDS_TEXT;
      this.lastLine();
      return this.rows.takePart();
    } catch {
      return NEEDS_TEXT;
    }
  }

  private lastLine(): void {
    this.readLine(this.carry, 0, this.carry.length);
  }

  /**
   * The line that starts at bytes[start] and ends at its line break or at `end`: gives where it ended (the
   * line break's place, or `end`). Sets `stopped` when the import stops there (a bad header).
   */
  private readLine(bytes: Uint8Array, start: number, end: number): number {
    const at = this.line++;
    const importer = this.rows as ColumnsImport;
    let plain = this.plain;
    if (plain === null && importer.readerArgs !== null)
      plain = this.plain = new PlainByteRowReader(this.report.delimiter, ...importer.readerArgs);
    if (plain !== null && bytes !== this.plainBytes) {
      this.plainBytes = bytes;
      plain.newBytes(bytes);
    }
    if (plain !== null) {
      const lineEnd = plain.read(bytes, start, end, importer.samples);
      if (lineEnd !== NOT_TAKEN) {
        importer.plainRowAdded(at);
        return lineEnd;
      }
    }
    // A row for RowReader (or the header): as text, as importCsvColumns hands it over.
    const found = bytes.indexOf(NEWLINE, start);
    const lineEnd = found < 0 || found > end ? end : found;
    const text = decodeBytes(bytes, start, withoutCarriageReturn(bytes, start, lineEnd));
    const view = new TextRowView(text, this.delimiter);
    view.set(0, text.length);
    // readHeader: the header is read when the reader's arguments are known.
    if (!importer.onRow(view, at, null) || (this.headerOnly && importer.readerArgs !== null))
      this.stopped = true;
    return lineEnd;
  }

  private readChunk(chunk: Uint8Array): void {
    // A quote may join lines into one row, or hide a delimiter: Papa Parse's business.
    if (chunk.indexOf(QUOTE) >= 0) {
      this.needsText = true;
      return;
    }
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    let start = 0;
    if (this.rows === null) {
      if (lastNewline < 0) {
        this.needsText = true;
        return;
      }
      const begun = beginning(chunk, lastNewline, this.totalBytes, this.report);
      // Stryker disable next-line BlockStatement: without it NEEDS_TEXT (null) is destructured below, which throws, and read()'s catch sets needsText the same
      if (begun === NEEDS_TEXT) {
        this.needsText = true;
        return;
      }
      ({ start, line: this.line } = begun);
      this.delimiter = this.report.delimiter.charCodeAt(0);
      this.rows = new ColumnsImport(this.report, begun.rows);
    } else if (lastNewline < 0) {
      this.carry = joined(this.carry, chunk, chunk.length);
      this.consumed += chunk.length;
      return;
    } else if (this.carry.length > 0) {
      // The line the last chunk ended in: joined on its own, the rest is read where it is (no copy of a
      // chunk, no new memory for each).
      const next = chunk.indexOf(NEWLINE);
      const first = joined(this.carry, chunk, next);
      this.readLine(first, 0, first.length);
      start = next + 1;
    }
    start = this.readLines(chunk, start, lastNewline);
    // A copy (Buffer's slice would be a view): the caller may reuse the chunk for its next read.
    this.carry = new Uint8Array(chunk.subarray(start));
    this.consumed += chunk.length;
  }

  /**
   * Every line of the chunk from `start` up to its last line break (at lastNewline); where the next line
   * starts. A function of its own, so that V8 optimizes it as a whole: compiled on the fly inside the
   * loop of readChunk, the code after the loop had no type feedback and threw the compiled code away at
   * the end of every chunk.
   */
  private readLines(chunk: Uint8Array, start: number, lastNewline: number): number {
    const onProgress = this.onProgress;
    const linesEnd = lastNewline + 1;
    while (!this.stopped && start <= lastNewline) {
      start = this.readLine(chunk, start, linesEnd) + 1;
      if (onProgress !== null && this.line % PROGRESS_EVERY === 0)
        onProgress((this.consumed + start) / Math.max(1, this.totalBytes));
    }
    return start;
  }
}

/** The end of the line bytes[start, end) without the CR of a CRLF (as readRows). */
function withoutCarriageReturn(bytes: Uint8Array, start: number, end: number): number {
  return end > start && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
}

/** a, then b[0, bEnd), in new memory. */
function joined(a: Uint8Array, b: Uint8Array, bEnd: number): Uint8Array {
  const both = new Uint8Array(a.length + bEnd);
  both.set(a);
  both.set(b.subarray(0, bEnd), a.length);
  return both;
}

/**
 * What the lines of the first chunk (bytes[0, lastNewline]) say about the file, as importCsvColumns would
 * find it from its text: where the rows start (after a BOM or a `sep=` line), on which line, the delimiter
 * (in report), and about how many rows there are. NEEDS_TEXT when those lines cannot tell (too short) or the
 * file cannot be read (the exact path then says why).
 */
function beginning(
  bytes: Uint8Array,
  lastNewline: number,
  totalBytes: number,
  report: ReturnType<typeof emptyImportReport>,
): { start: number; line: number; rows: number } | typeof NEEDS_TEXT {
  // The whole file when the chunk holds it, else whole lines, about HEAD_BYTES of them (enough to hold
  // BINARY_CHECK_CHARS characters and the first lines, and not a whole chunk decoded for that).
  const headLines = bytes.subarray(0, HEAD_BYTES).lastIndexOf(NEWLINE);
  const headEnd = bytes.length >= totalBytes ? bytes.length : (headLines < 0 ? lastNewline : headLines) + 1;
  const head = decodeBytes(bytes, 0, headEnd);
  if (head.length < BINARY_CHECK_CHARS && headEnd < totalBytes) return NEEDS_TEXT;
  const start = textStart(report, head);
  if (typeof start === 'string') return NEEDS_TEXT;
  // The BOM is one character of text, three bytes; a good `sep=` line is ASCII.
  const bom = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  const offset = start.offset + 2 * bom;
  return {
    start: offset,
    line: start.linesBefore + 1,
    rows: estimateRows(bytes, offset, lastNewline, totalBytes),
  };
}

/** About how many lines the file has, from its first lines' length, a little over (as estimateLines). */
function estimateRows(bytes: Uint8Array, from: number, lastNewline: number, totalBytes: number): number {
  let lines = 0;
  let at = from;
  // Stryker disable next-line LogicalOperator: counting every line of the chunk only makes the estimate finer
  while (lines < 1000 && at <= lastNewline) {
    at = bytes.indexOf(NEWLINE, at) + 1;
    lines += 1;
  }
  return Math.ceil(((totalBytes - from) / Math.max(1, at - from)) * lines * 1.05) + 16;
}
