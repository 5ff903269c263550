import type { ImportReport } from '../../../shared/csv/import-csv';
import { emptyImportReport } from '../../../shared/csv/import-report';
import { BASELINE_TAG, parseLambdaPerfDay } from '../../../shared/baseline/lambda-perf';
import type { SampleColumns } from '../../../shared/sample-columns';

export type FileParseResult =
  | { ok: true; columns: SampleColumns; report: ImportReport }
  | { ok: false; error: string; report: ImportReport | null };

/** A `.json` file is read as a maxday/lambda-perf daily file (whatever its name), anything else as CSV. */
export const isBaselineFile = (fileName: string): boolean => /\.json$/i.test(fileName);

/** A lambda-perf daily file, reported like a CSV import so the rest of the app needs no second path. */
export function importBaselineFile(text: string, fileName: string): FileParseResult {
  const parsed = parseLambdaPerfDay(text, fileName);
  if (!parsed.ok) return { ok: false, error: `${fileName}: ${parsed.error}`, report: null };
  const report = emptyImportReport(fileName);
  report.imported = parsed.baseline.columns.length;
  report.warnings = parsed.baseline.warnings;
  return { ok: true, columns: parsed.baseline.columns, report };
}

const BASELINE_RUN = new RegExp(`^${BASELINE_TAG} (\\d{4}-\\d{2}-\\d{2})$`);

/**
 * The day of each run of the columns (index: the run's code; 0 = no run) when it is a public baseline
 * (`public baseline 2026-01-05`), else null; null for all when no run is one. A year of baseline files
 * imported as one dataset is dated by this, without reading 2 million timestamps.
 */
export function baselineRunDays(columns: SampleColumns): (string | null)[] | null {
  const days = [null, ...columns.run.values.map((v) => BASELINE_RUN.exec(v)?.[1] ?? null)];
  return days.some((d) => d !== null) ? days : null;
}

/**
 * `public baseline 2026-01-05` for a dataset of one lambda-perf day (every sample carries that run tag),
 * null for anything else. The trend uses it as the day of every sample without reading timestamps.
 */
export function baselineTagOf(columns: SampleColumns): string | null {
  const runs = columns.run.values;
  return runs.length === 1 && (runs[0] as string).startsWith(`${BASELINE_TAG} `) ? (runs[0] as string) : null;
}
