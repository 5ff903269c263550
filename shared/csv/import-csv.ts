import type { Arch, Sample } from '../sample';

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
  warnings: string[];
}

export type CsvImportResult =
  | { ok: true; samples: Sample[]; report: ImportReport }
  /** Nothing could be read: `error` says why (first reasons), `report` has the details. */
  | { ok: false; error: string; report: ImportReport };

/** Imports one CSV file's text in the shared format (see shared/csv/schema.ts). Never throws. */
export function importCsv(_text: string, _fileName: string): CsvImportResult {
  throw new Error('not implemented yet');
}

/** Removes the duplicates an import reported, keeping the first of each group. */
export function dropDuplicates(_samples: Sample[], _duplicates: number[][]): Sample[] {
  throw new Error('not implemented yet');
}
