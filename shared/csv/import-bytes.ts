import { decodeBytes } from './byte-strings';
import { ColumnsImport, textStart } from './columns-import';
import type { CsvColumnsImportResult, ImportOptions } from './import-csv';
import { emptyImportReport } from './import-report';
import { PlainByteRowReader } from './plain-byte-rows';
import { TextRowView } from './row-view';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
/** What looksBinary reads of a text: the first chunk's lines must hold at least that much of it. */
const BINARY_CHECK_CHARS = 8192;
/** How much of the first chunk is decoded to check the file's start (see beginning). */
const HEAD_BYTES = 1 << 16;
/** Rows between two progress reports (as readRows). */
const PROGRESS_EVERY = 1 << 16;

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
  try {
    return importBytes(chunks, fileName, totalBytes, options.onProgress ?? null);
  } catch {
    // Nothing below is expected to throw; the exact path then has its say.
    return NEEDS_TEXT;
  }
}

function importBytes(
  chunks: Iterable<Uint8Array>,
  fileName: string,
  totalBytes: number,
  onProgress: ((fraction: number) => void) | null,
): CsvColumnsImportResult | typeof NEEDS_TEXT {
  const report = emptyImportReport(fileName);
  let rows: ColumnsImport | null = null;
  let plain: PlainByteRowReader | null = null;
  let delimiter = 0;
  let line = 1;
  let consumed = 0;
  /** The end of the last chunk when it is not the end of a line: the start of the next chunk's first line. */
  let carry: Uint8Array = new Uint8Array(0);
  let stopped = false;
  /** The bytes plain read its last row from (see newBytes). */
  let plainBytes: Uint8Array | null = null;

  /** One line, bytes[start, end) without its line break; false when the import stops (a bad header). */
  const readLine = (bytes: Uint8Array, start: number, end: number): boolean => {
    const at = line++;
    const importer = rows as ColumnsImport;
    if (plain === null && importer.readerArgs !== null)
      plain = new PlainByteRowReader(report.delimiter, ...importer.readerArgs);
    if (plain !== null && bytes !== plainBytes) {
      plainBytes = bytes;
      plain.newBytes();
    }
    if (plain !== null && plain.read(bytes, start, end, importer.samples)) {
      importer.plainRowAdded(at);
      return true;
    }
    // A row for RowReader (or the header): as text, as importCsvColumns hands it over.
    const text = decodeBytes(bytes, start, end);
    const view = new TextRowView(text, delimiter);
    view.set(0, text.length);
    return importer.onRow(view, at, null);
  };

  for (const chunk of chunks) {
    if (stopped) break;
    // A quote may join lines into one row, or hide a delimiter: Papa Parse's business.
    if (chunk.indexOf(QUOTE) >= 0) return NEEDS_TEXT;
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    let start = 0;
    if (rows === null) {
      if (lastNewline < 0) return NEEDS_TEXT;
      const begun = beginning(chunk, lastNewline, totalBytes, report);
      if (begun === NEEDS_TEXT) return NEEDS_TEXT;
      ({ start, line } = begun);
      delimiter = report.delimiter.charCodeAt(0);
      rows = new ColumnsImport(report, begun.rows);
    } else if (lastNewline < 0) {
      carry = joined(carry, chunk, chunk.length);
      consumed += chunk.length;
      continue;
    } else if (carry.length > 0) {
      // The line the last chunk ended in: joined on its own, the rest is read where it is (no copy of a
      // chunk, no new memory for each).
      const next = chunk.indexOf(NEWLINE);
      const first = joined(carry, chunk, next);
      if (!readLine(first, 0, withoutCarriageReturn(first, 0, first.length))) stopped = true;
      start = next + 1;
    }
    while (!stopped && start <= lastNewline) {
      const next = chunk.indexOf(NEWLINE, start);
      if (!readLine(chunk, start, withoutCarriageReturn(chunk, start, next))) stopped = true;
      start = next + 1;
      if (onProgress !== null && line % PROGRESS_EVERY === 0)
        onProgress((consumed + start) / Math.max(1, totalBytes));
    }
    // A copy (Buffer's slice would be a view): the caller may reuse the chunk for its next read.
    carry = new Uint8Array(chunk.subarray(start));
    consumed += chunk.length;
  }
  if (rows === null) return NEEDS_TEXT;
  // The last line (empty when the file ends with a line break), as readRows reads it.
  if (!stopped) {
    readLine(carry, 0, withoutCarriageReturn(carry, 0, carry.length));
  }
  return rows.finish();
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
  while (lines < 1000 && at <= lastNewline) {
    at = bytes.indexOf(NEWLINE, at) + 1;
    lines += 1;
  }
  return Math.ceil(((totalBytes - from) / Math.max(1, at - from)) * lines * 1.05) + 16;
}
