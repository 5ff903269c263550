import type { CsvImportResult } from '../../../shared/csv/import-csv';
import { emptySample, type Sample } from '../../../shared/sample';

/** The successful result, or a test failure saying why the import failed. */
export function ok(result: CsvImportResult): Extract<CsvImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected an import, got: ${result.error}`);
  return result;
}

/** The failed result, or a test failure. */
export function failed(result: CsvImportResult): Extract<CsvImportResult, { ok: false }> {
  if (result.ok) throw new Error('expected a failed import');
  return result;
}

/** The original five-column format. */
export const SEED =
  'Name;Memory;Init;Cold;Billed\nhello-node;128;135.38;15.65;16\nhello-py311;128;105.25;1.2;2\n';
export const seedSamples: Sample[] = [
  { ...emptySample('hello-node'), memoryMB: 128, initMs: 135.38, durationMs: 15.65, billedMs: 16 },
  { ...emptySample('hello-py311'), memoryMB: 128, initMs: 105.25, durationMs: 1.2, billedMs: 2 },
];
