import Papa from 'papaparse';
import type { Sample } from '../sample';
import { escapeFormula, isEscapedFormula } from './formula-escape';
import { COLUMNS, HEADER_LINE, type ColumnKey } from './schema';

/** Numbers as JavaScript's shortest round-trip form: `166.76`, never `1,234.5` nor a locale's comma. */
function num(value: number | null): string {
  return value === null ? '' : String(value);
}

/** Text as a cell a spreadsheet will not run as a formula (see formula-escape.ts). */
export function text(value: string | null): string {
  return value === null ? '' : escapeFormula(value);
}

const CELL: Record<ColumnKey, (s: Sample) => string> = {
  name: (s) => text(s.name),
  memory: (s) => num(s.memoryMB),
  init: (s) => num(s.initMs),
  cold: (s) => num(s.durationMs),
  billed: (s) => num(s.billedMs),
  arch: (s) => s.arch ?? '',
  runtime: (s) => text(s.runtime),
  maxMemory: (s) => num(s.maxMemoryUsedMB),
  restore: (s) => num(s.restoreMs),
  status: (s) => text(s.status),
  requestId: (s) => text(s.requestId),
  timestamp: (s) => text(s.timestamp),
  run: (s) => text(s.run),
  errorType: (s) => text(s.errorType),
};

/**
 * Writes samples in the shared semicolon format; `importCsv(exportCsv(x))` gives back `x` exactly.
 * Always the full header (so R's `read.csv(file, sep = ";")` names every column), `.` as decimal separator,
 * unknown values as empty cells (NA in R), quotes only where a value needs them, and text a spreadsheet would
 * run as a formula escaped (see formula-escape.ts). Exceptions to the round trip, by the format's rules: an
 * Init of 0 reads back as a warm start (null), an empty string as null, and text is trimmed (no Lambda name,
 * runtime or id has surrounding spaces), except escaped text, which comes back exactly.
 */
export function exportCsv(samples: readonly Sample[]): string {
  if (samples.length === 0) return `${HEADER_LINE}\n`;
  const cells = COLUMNS.map((c) => CELL[c.key]);
  const rows = samples.map((s) => cells.map((cell) => cell(s)));
  return semicolonCsv(
    COLUMNS.map((c) => c.header),
    rows,
  );
}

/**
 * A semicolon CSV of cells already formatted (text through `text`, numbers as `String(n)`): the project's
 * separator and line ends; escaped formulas quoted as well, as OWASP advises, other cells only where a value
 * needs it.
 */
export function semicolonCsv(fields: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${Papa.unparse(
    { fields: [...fields], data: rows.map((r) => [...r]) },
    { delimiter: ';', newline: '\n', quotes: (value) => isEscapedFormula(value as string), header: true },
  )}\n`;
}
