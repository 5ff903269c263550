import type { ImportReport } from './import-report';
import { COLUMNS, columnForHeader, type ColumnKey } from './schema';

/** Position of every column of the format in the file's rows, -1 where the header lacks it. */
export type ColumnIndex = Record<ColumnKey, number>;

/** Column positions, or a one-line error when the header lacks a required column. */
export function mapHeader(
  header: string[],
  report: ImportReport,
  line: number,
): { index: ColumnIndex } | string {
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
