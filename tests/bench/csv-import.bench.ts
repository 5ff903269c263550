// Speed figures for `npm run bench`: CSV import throughput on generated 1,000,000-row files. Prints, never asserts on time.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../shared/csv/export-csv';
import type * as ImportBytes from '../../shared/csv/import-bytes';
import type * as ImportCsv from '../../shared/csv/import-csv';
import { benchSamples, seedCsv } from './bench-samples';
import { goalLine, timed } from './goal';

/**
 * The importers as they ship: bundled by esbuild into one module, as the CLI and the app's worker are. Run from
 * source under Vitest every call to another module goes through Vite's import wrappers, which made the same code
 * about twice as slow (the byte path, whose inner loops call small helpers of other modules, most).
 */
type Importers = typeof ImportBytes & typeof ImportCsv;
let shipped: Importers;
beforeAll(async () => {
  const outfile = join(mkdtempSync(join(tmpdir(), 'coldstart-bench-import-')), 'importers.cjs');
  await build({
    stdin: {
      contents:
        "export * from './shared/csv/import-bytes'; export { importCsv, importCsvColumns } from './shared/csv/import-csv';",
      resolveDir: new URL('../..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  shipped = createRequire(import.meta.url)(outfile) as Importers;
});

const ROWS = 1_000_000;

/**
 * The app (in its worker) and the CLI import a file's bytes into columns (importCsvBytes, 1 MB at a time): the
 * goal is judged on that. A file the byte path does not take is imported from its text (importCsvColumns), and
 * older versions made a Sample object of every row (importCsv): both printed for comparison.
 */
const CHUNK = 1 << 20;
/** A file's bytes as read from disk: encoded once, before the timing. */
const encodedTexts = new Map<string, Uint8Array>();
const encoded = (text: string): Uint8Array => {
  let bytes = encodedTexts.get(text);
  if (!bytes) encodedTexts.set(text, (bytes = new TextEncoder().encode(text)));
  return bytes;
};
const IMPORTERS = {
  bytes: (text: string) => {
    const bytes = encoded(text);
    const chunks = function* () {
      for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
    };
    const r = shipped.importCsvBytes(chunks(), 'bench.csv', bytes.length);
    return r !== shipped.NEEDS_TEXT && r.ok
      ? { rows: r.columns.length, duplicates: r.report.duplicates.length }
      : null;
  },
  columns: (text: string) => {
    const r = shipped.importCsvColumns(text, 'bench.csv');
    return r.ok ? { rows: r.columns.length, duplicates: r.report.duplicates.length } : null;
  },
  objects: (text: string) => {
    const r = shipped.importCsv(text, 'bench.csv');
    return r.ok ? { rows: r.samples.length, duplicates: r.report.duplicates.length } : null;
  },
};

function measure(label: string, text: string, into: keyof typeof IMPORTERS): void {
  const importer = IMPORTERS[into];
  const bytes = encoded(text).length;
  importer(text.slice(0, 100_000));
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let imported = 0;
  let duplicates = 0;
  for (let i = 0; i < 5; i++) {
    const run = timed(() => importer(text));
    runs.push(run.wallMs);
    cpuRuns.push(run.cpuMs);
    const result = run.result;
    expect(result).not.toBeNull();
    imported = result?.rows ?? 0;
    duplicates = result?.duplicates ?? 0;
  }
  const best = Math.min(...runs);
  const bestCpu = Math.min(...cpuRuns);
  const mb = bytes / 1e6;
  // CPU time as well as wall time: on a machine shared with other work, wall time includes waiting for a core.
  console.log(
    `CSV import into ${into}, ${label}: ${imported.toLocaleString('en')} rows, ${mb.toFixed(1)} MB in ${best.toFixed(0)} ms ` +
      `(best of 5; runs ${runs.map((r) => r.toFixed(0)).join(', ')} ms) → ${(mb / (best / 1000)).toFixed(1)} MB/s, ` +
      `${Math.round(imported / (best / 1000)).toLocaleString('en')} rows/s, ${duplicates} duplicate groups; ` +
      `process CPU time ${bestCpu.toFixed(0)} ms (runs ${cpuRuns.map((r) => r.toFixed(0)).join(', ')} ms) → ` +
      `${(mb / (bestCpu / 1000)).toFixed(1)} MB/s, ${Math.round(imported / (bestCpu / 1000)).toLocaleString('en')} rows/s\n` +
      (into !== 'bytes'
        ? `(for comparison: ${into === 'columns' ? 'from the text' : 'Sample objects'})`
        : goalLine(
            `CSV import of 1,000,000 rows, ${label}`,
            'MB/s',
            mb / (best / 1000),
            mb / (bestCpu / 1000),
            50,
            true,
          )),
  );
  expect(imported).toBe(ROWS);
}

// The generated samples are dropped before timing: a million live objects more would make every garbage
// collection during the import slower than it is in the app.
describe('CSV import throughput', () => {
  it('imports 1,000,000 rows in the seed format (Name;Memory;Init;Cold;Billed)', () => {
    const text = seedCsv(benchSamples(ROWS));
    measure('seed format (5 columns)', text, 'bytes');
    measure('seed format (5 columns)', text, 'columns');
    measure('seed format (5 columns)', text, 'objects');
  });

  it('imports 1,000,000 rows in the full export format (14 columns)', () => {
    const text = exportCsv(benchSamples(ROWS));
    measure('full format (14 columns)', text, 'bytes');
    measure('full format (14 columns)', text, 'columns');
    measure('full format (14 columns)', text, 'objects');
  });
});

describe('CSV header mapping', () => {
  it('maps a header of 1,000,000 unknown columns (linear: this was about 23 minutes)', () => {
    const columns = 1_000_000;
    const unknown = Array.from({ length: columns }, (_, i) => `x${i}`);
    const text = `Name;Memory;Init;Cold;Billed;${unknown.join(';')}\nf;128;1;2;3${';'.repeat(columns)}\n`;
    const runs = [0, 1, 2].map(() => timed(() => shipped.importCsvColumns(text, 'wide.csv')));
    const last = runs[2]!.result;
    expect(last.ok && last.report.unknownColumns.length).toBe(columns);
    console.log(
      `CSV import of a header with ${columns.toLocaleString('en')} unknown columns and one row: ` +
        `${Math.min(...runs.map((r) => r.wallMs)).toFixed(0)} ms wall, ` +
        `${Math.min(...runs.map((r) => r.cpuMs)).toFixed(0)} ms CPU (best of 3)`,
    );
  });
});
