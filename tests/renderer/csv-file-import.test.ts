// @vitest-environment node
// The import worker's reading of a dropped CSV file: from its bytes, else its text, always as the text path.
import { describe, expect, it } from 'vitest';
import { importCsvFile } from '../../renderer/src/workers/csv-file-import';
import { exportCsv } from '../../shared/csv/export-csv';
import { importCsvColumns, type CsvColumnsImportResult } from '../../shared/csv/import-csv';
import { samplesFromColumns } from '../../shared/sample-columns';
import { benchSamples, seedCsv } from '../bench/bench-samples';

/** The text as bytes one per character (\xff stays the single byte 0xff, not valid UTF-8). */
const latin1 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** What the worker read before: the file's text (as the browser decodes it), through importCsvColumns. */
const viaText = async (file: Blob, name: string) => importCsvColumns(await file.text(), name);

function expectSame(a: CsvColumnsImportResult, b: CsvColumnsImportResult): void {
  expect(a.ok).toBe(b.ok);
  expect(a.report).toEqual(b.report);
  if (a.ok && b.ok) {
    expect(a.columns.length).toBeGreaterThan(0);
    expect(samplesFromColumns(a.columns)).toEqual(samplesFromColumns(b.columns));
  } else if (!a.ok && !b.ok) expect(a.error).toBe(b.error);
}

// 9,000 rows of the full format are about 1.3 MB: two 1 MB chunks, a line cut between them.
const SAMPLES = benchSamples(9_000);

describe('importCsvFile', () => {
  it('is tried on files longer than a chunk, one with its first quote past the first', () => {
    expect(exportCsv(SAMPLES).length).toBeGreaterThan(1 << 20);
    expect(
      exportCsv([...SAMPLES.slice(0, 8_800), { ...SAMPLES[0]!, name: 'x;y' }]).indexOf('"'),
    ).toBeGreaterThan(1 << 20);
  });

  it.each([
    ['the full 14-column export', exportCsv(SAMPLES)],
    ['the full export with CRLF lines', exportCsv(SAMPLES).replace(/\n/g, '\r\n')],
    ['the seed format', seedCsv(SAMPLES)],
    [
      'a BOM, a comma and skipped rows',
      `\ufeffName,Memory,Init,Cold,Billed\napi,128,1,2,3\n,x,,,\napi,1e3,4,5,6\n`,
    ],
    ['bytes that are not UTF-8', latin1('Name;Memory;Init;Cold;Billed\napi\xff;128;1;2;3\n')],
  ])('reads %s from its bytes, as the text path reads its text', async (_, text) => {
    const file = new Blob([text]);
    const read = await importCsvFile(file, 'speed-arm-1024.csv', () => {});
    expect(read.fromBytes).toBe(true);
    expectSame(read.result, await viaText(file, 'speed-arm-1024.csv'));
  });

  it.each([
    [
      'a quoted name (not ASCII)',
      exportCsv([{ ...SAMPLES[0]!, name: 'a;b "c" ü' }, ...SAMPLES.slice(1, 100)]),
    ],
    [
      'a quote past the first megabyte',
      exportCsv([...SAMPLES.slice(0, 8_800), { ...SAMPLES[0]!, name: 'x;y' }]),
    ],
    ['CR-only lines', seedCsv(SAMPLES.slice(0, 50)).replace(/\n/g, '\r')],
    ['an empty file', ''],
  ])('falls back to the text of the same bytes for %s, with the same result', async (_, text) => {
    const file = new Blob([text]);
    const read = await importCsvFile(file, 'runs.csv', () => {});
    expect(read.fromBytes).toBe(false);
    expectSame(read.result, await viaText(file, 'runs.csv'));
  });

  it('reports its progress along the file, from the bytes', async () => {
    // Progress comes every 65,536 rows.
    const file = new Blob([`Name;Memory;Init;Cold;Billed\n${'api;128;1.5;2;3\n'.repeat(140_000)}`]);
    const fractions: number[] = [];
    let readFirst = false;
    const read = await importCsvFile(
      file,
      'seed.csv',
      (f) => fractions.push(f),
      () => (readFirst = fractions.length === 0),
    );
    expect(read.fromBytes).toBe(true);
    expect(readFirst).toBe(true);
    expect(fractions.length).toBeGreaterThanOrEqual(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeLessThanOrEqual(1);
    expect(fractions.at(-1)).toBeGreaterThan(0.5);
  });
});
