import type { Arch } from '../sample';

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

/** A report of nothing found yet. */
export function emptyImportReport(fileName: string): ImportReport {
  return {
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
}

/** `line 5, column Init: 'abc' is not a number` */
export function describeSkippedRow(row: SkippedRow): string {
  return `line ${row.line}${row.column === null ? '' : `, column ${row.column}`}: ${row.reason}`;
}

/** How many skipped rows a warning or error spells out before it says "and N more". */
const REASONS_SHOWN = 3;

/** The first few skipped rows described, then how many more. */
export function firstReasons(skipped: SkippedRow[]): string {
  const shown = skipped.slice(0, REASONS_SHOWN).map(describeSkippedRow).join('; ');
  const more = skipped.length - REASONS_SHOWN;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}
