import Papa from 'papaparse';
import { ArrayRowView, TextRowView, type RowView } from './row-view';

/**
 * Called with each row of the file, its 1-based line and, for a row with broken quotes, why; returns false
 * to stop reading.
 */
export type OnRow = (row: RowView, line: number, quoteError: string | null) => boolean;

/**
 * The fast path for a text without quotes: reads the line text[start, end) itself when it can (see
 * PlainRowReader) and returns true; false hands the row to onRow.
 */
export type OnPlainRow = (start: number, end: number, line: number) => boolean;

/** Rows between two progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 1 << 16;

/**
 * Hands every row of `text` to `onRow`, in order; `firstLine` is the file line `text` starts on. The row
 * view is reused: a row is only valid during its call.
 */
export function readRows(
  text: string,
  delimiter: string,
  firstLine: number,
  onRow: OnRow,
  onProgress: ((fraction: number) => void) | null,
  onPlainRow: OnPlainRow | null = null,
): void {
  if (!text.includes('"') && (text.includes('\n') || !text.includes('\r'))) {
    // Without quotes a row is a line and a cell the text between delimiters: read in place (see TextRowView).
    const row = new TextRowView(text, delimiter.charCodeAt(0));
    let line = firstLine;
    for (let start = 0; start <= text.length; line += 1) {
      let next = text.indexOf('\n', start);
      if (next < 0) next = text.length;
      const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      if (onPlainRow === null || !onPlainRow(start, end, line)) {
        row.set(start, end);
        if (!onRow(row, line, null)) break;
      }
      start = next + 1;
      if (onProgress !== null && line % PROGRESS_EVERY === 0) onProgress(start / text.length);
    }
  } else {
    // Quoted fields (which may hold delimiters, quotes and line breaks): Papa Parse, row by row (step), so
    // that a million row arrays are never held at once.
    const row = new ArrayRowView();
    let line = firstLine;
    Papa.parse<string[]>(text, {
      delimiter,
      header: false,
      skipEmptyLines: false,
      step: (results, parser) => {
        row.row = results.data;
        const rowLine = line;
        line += 1 + newlinesIn(results.data);
        const quoteErrors = results.errors.filter((e) => e.type === 'Quotes');
        const reason = quoteErrors.length === 0 ? null : quoteReason(quoteErrors, results.data);
        if (!onRow(row, rowLine, reason)) parser.abort();
        if (onProgress !== null && rowLine % PROGRESS_EVERY === 0)
          onProgress(results.meta.cursor / text.length);
      },
    });
  }
}

/**
 * Why a row with broken quotes is skipped. A quote that is never closed takes in every line after it (up to
 * the next quote, or the end of the file): those lines are named, so that no row disappears unsaid.
 */
function quoteReason(errors: { code: string }[], row: string[]): string {
  const unclosed = errors.some((e) => e.code === 'MissingQuotes');
  const reason = unclosed ? 'a quoted field is never closed' : 'a quote inside a field is not doubled';
  // Each line break in its cells starts a line it took in, but one that ends a cell (at the end of the file).
  const taken = newlinesIn(row) - row.filter((cell) => cell.endsWith('\n')).length;
  if (taken === 0) return reason;
  return `${reason}, so the ${taken === 1 ? 'line after it is' : `${taken} lines after it are`} read as part of this row`;
}

/** Line breaks inside the quoted fields of a row: the row after it starts that many lines later. */
function newlinesIn(row: string[]): number {
  let count = 0;
  for (const cell of row) {
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) count += 1;
  }
  return count;
}
