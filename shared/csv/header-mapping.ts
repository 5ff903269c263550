import type { ImportReport } from './import-report';
import { COLUMNS, columnForHeader, type ColumnKey } from './schema';

/** Position of every column of the format in the file's rows, -1 where the header lacks it. */
export type ColumnIndex = Record<ColumnKey, number>;

/** Unknown column names a warning spells out before it only counts them. */
const UNKNOWN_NAMES_SHOWN = 5;
/** Header names an error spells out before it only counts them. */
const HEADER_NAMES_SHOWN = 20;

/**
 * Column positions, or a one-line error when the header lacks a required column. Linear in the number of
 * columns (a header may have a million), and every message stays one short line however many there are.
 */
export function mapHeader(
  header: string[],
  report: ImportReport,
  line: number,
): { index: ColumnIndex } | string {
  const index = Object.fromEntries(COLUMNS.map((c) => [c.key, -1])) as ColumnIndex;
  const unknown = new Set<string>();
  const repeated = new Set<ColumnKey>();
  let anyKnown = false;
  for (let i = 0; i < header.length; i++) {
    const name = (header[i] as string).trim();
    if (name === '') continue;
    const column = columnForHeader(name);
    if (column === undefined) {
      unknown.add(name);
      continue;
    }
    anyKnown = true;
    if (index[column.key] < 0) index[column.key] = i;
    else if (!repeated.has(column.key)) {
      repeated.add(column.key);
      report.warnings.push(`column ${column.header} appears twice in the header; the first one is used`);
    }
  }
  // Array.from, not push(...unknown): a million arguments overflow the stack.
  report.unknownColumns = Array.from(unknown);

  const expected = COLUMNS.slice(0, 5)
    .map((c) => c.header)
    .join(';');
  if (!anyKnown) {
    return `line ${line} is not a header: the first line must name the columns ${expected}`;
  }
  const missing = COLUMNS.filter((c) => c.required && index[c.key] < 0).map((c) => c.header);
  if (missing.length > 0) {
    const which = missing.length === 1 ? `column ${missing[0]}` : `columns ${missing.join(', ')}`;
    return `missing required ${which} in the header on line ${line} (it has: ${headerNames(header, report.delimiter)})`;
  }
  const count = report.unknownColumns.length;
  if (count > UNKNOWN_NAMES_SHOWN) {
    const names = report.unknownColumns.slice(0, UNKNOWN_NAMES_SHOWN).join(', ');
    report.warnings.push(
      `ignored ${count.toLocaleString('en-US')} columns not in the format, e.g. ${names}, …`,
    );
  } else if (count > 0) {
    report.warnings.push(
      `ignored column${count === 1 ? '' : 's'} not in the format: ${report.unknownColumns.join(', ')}`,
    );
  }
  return { index };
}

/** The header's names as the file writes them, the first few only when there are many. */
function headerNames(header: string[], delimiter: ImportReport['delimiter']): string {
  const separator = delimiter === '\t' ? ' ' : delimiter;
  const shown = header
    .slice(0, HEADER_NAMES_SHOWN)
    .map((h) => h.trim())
    .join(separator);
  return header.length > HEADER_NAMES_SHOWN
    ? `${shown}${separator}… ${header.length.toLocaleString('en-US')} columns`
    : shown;
}
