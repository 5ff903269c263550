// @vitest-environment node
// The import worker's reading of a dropped CSV file: from its bytes, else its text, always as the text path.
import { describe, expect, it } from 'vitest';
import { importCsvFile } from '../../renderer/src/workers/csv-file-import';
import { chunksOf, importInTwoParts, type PartReader } from '../../renderer/src/workers/csv-file-parts';
import { importCsvBytesPart, NEEDS_TEXT, TWO_PARTS_FROM_BYTES } from '../../shared/csv/import-bytes';
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

/**
 * The part worker's job, done in this thread (Node has no Worker): importCsvBytesPart of the part's bytes with
 * the file's first chunk. `calls` counts the parts asked for; `fail` makes the "thread" fail.
 */
function inThreadParts(fail = false): PartReader & { calls: number; stopped: number } {
  const reader = ((file: Blob, from: number, fileName: string) => {
    reader.calls += 1;
    const rows = fail
      ? Promise.resolve(undefined)
      : Promise.all([file.slice(0, 1 << 20).arrayBuffer(), file.slice(from).arrayBuffer()]).then(
          ([head, part]) =>
            importCsvBytesPart(
              new Uint8Array(head),
              chunksOf(new Uint8Array(part)),
              fileName,
              part.byteLength,
            ),
        );
    return { rows, stop: () => (reader.stopped += 1) };
  }) as unknown as PartReader & { calls: number; stopped: number };
  reader.calls = 0;
  reader.stopped = 0;
  return reader;
}

describe('importInTwoParts (a big file on two workers)', () => {
  const full = exportCsv(SAMPLES);
  const seed = seedCsv(SAMPLES);

  it.each([
    ['the full export', full],
    ['the seed format with CRLF lines', seed.replace(/\n/g, '\r\n')],
    [
      'skipped rows and blank lines in both parts',
      seed
        .split('\n')
        .map((line, i) => (i > 0 && i % 997 === 0 ? `${line}\n,x,,,\n` : line))
        .join('\n'),
    ],
  ])('joins the two parts of %s into what one reader gives, line numbers included', async (_, text) => {
    const file = new Blob([text]);
    const parts = inThreadParts();
    const read = await importInTwoParts(
      file,
      'speed-arm-1024.csv',
      () => {},
      () => {},
      parts,
    );
    expect(parts.calls).toBe(1);
    expect(parts.stopped).toBe(1);
    expect(read.parts).toBe(2);
    const two = read.result;
    if (two === NEEDS_TEXT) throw new Error('handed to the text path');
    expectSame(two, await viaText(file, 'speed-arm-1024.csv'));
    if (text.includes(',x,,,')) expect(two.report.skipped.length).toBeGreaterThan(4);
  });

  it('reports progress over the first part, which ends about when the second does', async () => {
    // Progress comes every 65,536 rows: here once, in the first part's 74,000 rows.
    const file = new Blob([`Name;Memory;Init;Cold;Billed\n${'api;128;1.5;2;3\n'.repeat(140_000)}`]);
    const fractions: number[] = [];
    const { result: two } = await importInTwoParts(
      file,
      'seed.csv',
      (f) => fractions.push(f),
      () => {},
      inThreadParts(),
    );
    expect(two !== NEEDS_TEXT && two.ok && two.columns.length).toBe(140_000);
    expect(fractions).toHaveLength(1);
    // 65,536 of the part's ~74,200 rows, not of the file's 140,000.
    expect(fractions[0]).toBeGreaterThan(0.85);
    expect(fractions[0]).toBeLessThanOrEqual(1);
  });

  it('reads the rest itself when the part worker fails, with the same result', async () => {
    const file = new Blob([full]);
    const parts = inThreadParts(true);
    const read = await importInTwoParts(
      file,
      'x.csv',
      () => {},
      () => {},
      parts,
    );
    expect(parts.calls).toBe(1);
    expect(read.parts).toBe(1);
    const two = read.result;
    if (two === NEEDS_TEXT) throw new Error('handed to the text path');
    expectSame(two, await viaText(file, 'x.csv'));
  });

  it('hands the file to the text path when the later part has a quote, as one reader does', async () => {
    const text = exportCsv([
      ...SAMPLES.slice(0, 8_000),
      { ...SAMPLES[0]!, name: 'x;y' },
      ...SAMPLES.slice(8_000),
    ]);
    expect(text.indexOf('"')).toBeGreaterThan(text.length * 0.6);
    const file = new Blob([text]);
    const read = await importInTwoParts(
      file,
      'x.csv',
      () => {},
      () => {},
      inThreadParts(),
    );
    expect(read.result).toBe(NEEDS_TEXT);
  });

  it('is what importCsvFile does from TWO_PARTS_FROM_BYTES on, falling back to the text path', async () => {
    const small = new Blob([full]);
    const parts = inThreadParts();
    expect(
      (
        await importCsvFile(
          small,
          'x.csv',
          () => {},
          () => {},
          parts,
        )
      ).parts,
    ).toBe(1);
    expect(parts.calls).toBe(0);
    // A file just over the threshold: the full format's rows again, renamed so that none is a duplicate.
    const rows = full.slice(full.indexOf('\n') + 1);
    let big = full;
    for (let copy = 1; big.length < TWO_PARTS_FROM_BYTES; copy++)
      big += rows.replace(/^([^;\n]*)/gm, `$1-${copy}`);
    const bigFile = new Blob([big]);
    const read = await importCsvFile(
      bigFile,
      'x.csv',
      () => {},
      () => {},
      parts,
    );
    expect(parts.calls).toBe(1);
    expect(read.parts).toBe(2);
    expect(read.fromBytes).toBe(true);
    expectSame(read.result, await viaText(bigFile, 'x.csv'));
    const quoted = new Blob([`${big}"q";128;1;2;3\n`]);
    const text = await importCsvFile(
      quoted,
      'x.csv',
      () => {},
      () => {},
      parts,
    );
    expect(text.fromBytes).toBe(false);
    expectSame(text.result, await viaText(quoted, 'x.csv'));
  });
});
