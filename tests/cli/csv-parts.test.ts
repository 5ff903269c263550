// A big CSV file is read by the CLI in two parts at once, the later one by the built worker script: the result
// must be exactly what one reader gives, and a worker that fails must cost time only, never rows.
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCsvBytes, NEEDS_TEXT } from '../../shared/csv/import-bytes';
import { importCsvColumns, type CsvColumnsImportResult } from '../../shared/csv/import-csv';
import { samplesFromColumns } from '../../shared/sample-columns';
import { groupStatsOfColumns } from '../../shared/stats/column-stats';
import { importInTwoParts } from '../../electron/cli/csv-parts';
import { fileChunks } from '../../electron/cli/file-chunks';
import { HEADERS, randomText } from '../shared/csv/random-csv';
import { ensureBuiltCli, runCli } from './built-cli';

const dir = mkdtempSync(join(tmpdir(), 'coldstart-parts-'));
let workerScript = '';

beforeAll(() => {
  workerScript = join(dirname(ensureBuiltCli()), 'csv-part-worker.cjs');
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The file read by one reader on this thread. */
function whole(path: string, size: number): CsvColumnsImportResult | null {
  const fd = openSync(path, 'r');
  try {
    return importCsvBytes(fileChunks(fd, 0, size), 'runs.csv', size);
  } finally {
    closeSync(fd);
  }
}

async function inTwoParts(path: string, size: number, script: string, share: number) {
  const fd = openSync(path, 'r');
  try {
    return await importInTwoParts(fd, { path, fileName: 'runs.csv' }, size, script, share);
  } finally {
    closeSync(fd);
  }
}

function expectSame(parts: CsvColumnsImportResult | null, one: CsvColumnsImportResult | null): void {
  if (parts === NEEDS_TEXT || one === NEEDS_TEXT) throw new Error('expected the byte path to read the file');
  expect(parts.report).toEqual(one.report);
  if (!parts.ok || !one.ok) throw new Error('expected an import');
  expect(samplesFromColumns(parts.columns)).toEqual(samplesFromColumns(one.columns));
}

describe('importInTwoParts (the CLI reading a big file on two threads)', () => {
  // The full format: request ids and timestamps (packed texts), odd rows that are skipped or go to the general
  // reader, duplicates, blank lines; 3 MB, so each part is several chunks.
  const text = randomText(HEADERS[1] as string, 30_000, 77);
  const size = Buffer.byteLength(text);

  it.each([0.3, 0.5, 0.8])(
    'gives what one reader gives, the worker reading from %s of the file',
    async (share) => {
      const path = write('full.csv', text);
      const read = await inTwoParts(path, size, workerScript, share);
      expect(read.onWorker).toBe(true);
      expectSame(read.result, whole(path, size));
    },
  );

  it('reads the rest itself when the worker fails', async () => {
    const path = write('full.csv', text);
    const broken = write('broken-worker.cjs', 'throw new Error("no")');
    const read = await inTwoParts(path, size, broken, 0.5);
    expect(read.onWorker).toBe(false);
    expectSame(read.result, whole(path, size));
  });

  it('sends the file to the text path when a quote is in the worker part', async () => {
    const path = write('quoted.csv', `${text}"api";128;1;1;1\n`);
    const read = await inTwoParts(path, size + 17, workerScript, 0.5);
    expect(read).toEqual({ result: NEEDS_TEXT, onWorker: true });
  });
});

describe('coldstart stats on a file big enough for two threads', () => {
  it('prints the statistics and warnings of the whole file', async () => {
    const rows = Array.from(
      { length: 420_000 },
      (_, i) =>
        `fn-${i % 31};${128 << (i % 4)};${(100 + ((i * 7919) % 997) / 10).toFixed(1)};${i % 50};${(i % 50) + 1}`,
    );
    rows[400_000] = 'fn-1;128;abc;1;2';
    rows[405_001] = rows[405_000] as string;
    const body = `Name;Memory;Init;Cold;Billed\n${rows.join('\n')}\n`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(8 << 20);
    write('big.csv', body);
    const result = await runCli(['stats', 'big.csv', '--by', 'name,memory', '--json'], {}, dir);
    expect(result.code).toBe(0);
    const imported = importCsvColumns(body, 'big.csv');
    if (!imported.ok) throw new Error(imported.error);
    const expected = groupStatsOfColumns([imported.columns], ['name', 'memory'], 'init');
    expect(JSON.parse(result.stdout)).toEqual(
      JSON.parse(JSON.stringify(expected.map(({ group, metric, stats }) => ({ group, metric, ...stats })))),
    );
    expect(result.stderr).toContain(
      "big.csv: 1 row skipped: line 400002, column Init: 'abc' is not a number",
    );
    expect(result.stderr).toContain('e.g. line 405003 repeats line 405002');
  });
});
