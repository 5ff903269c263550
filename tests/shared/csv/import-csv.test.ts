import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeSkippedRow,
  dropDuplicates,
  importCsv,
  importCsvColumns,
  type CsvImportResult,
} from '../../../shared/csv/import-csv';
import { hintsFromFileName } from '../../../shared/csv/file-name-hints';
import { emptySample } from '../../../shared/sample';
import { HAVE_SEED_RUNS, SEED_RUNS_DIR, noteSeedRunsSkip } from '../../seed-runs';
import { ok, SEED, seedSamples } from './import-helpers';

noteSeedRunsSkip();

describe('importCsv: the original format and its accepted variants', () => {
  it('reads Name;Memory;Init;Cold;Billed', () => {
    const r = ok(importCsv(SEED, 'runs.csv'));
    expect(r.samples).toEqual(seedSamples);
    expect(r.report).toMatchObject({
      imported: 2,
      skipped: [],
      unknownColumns: [],
      duplicates: [],
      delimiter: ';',
    });
  });

  it.each([
    ['a UTF-8 BOM', `\uFEFF${SEED}`],
    ['CRLF line ends', SEED.replaceAll('\n', '\r\n')],
    ['no final newline', SEED.trimEnd()],
    [
      'quoted fields',
      'Name;Memory;Init;Cold;Billed\n"hello-node";"128";"135.38";15.65;16\nhello-py311;128;105.25;"1.2";2\n',
    ],
    ["Excel's sep=; line", `sep=;\n${SEED}`],
    [
      'header names in any case',
      SEED.replace('Name;Memory;Init;Cold;Billed', 'NAME;memory;init;COLD;billed'),
    ],
    [
      'header aliases and spaces',
      SEED.replace(
        'Name;Memory;Init;Cold;Billed',
        ' Function ; Memory (MB);Init Duration (ms);Duration;Billed Duration ',
      ),
    ],
    [
      'columns in another order',
      'Billed;Cold;Init;Memory;Name\n16;15.65;135.38;128;hello-node\n2;1.2;105.25;128;hello-py311\n',
    ],
    ['a comma delimiter', SEED.replaceAll(';', ',')],
    ['a tab delimiter', SEED.replaceAll(';', '\t')],
    ['decimal commas in a semicolon file', SEED.replace('135.38', '135,38').replace('1.2;', '1,2;')],
    ['blank lines', `\n${SEED.replace('\nhello-py311', '\n\nhello-py311')}\n\n`],
    ['a trailing delimiter', SEED.replaceAll('\n', ';\n')],
    ['surrounding spaces', SEED.replace('hello-node;128;135.38', ' hello-node ; 128 ; 135.38 ')],
  ])('accepts %s', (_what, text) => {
    const r = ok(importCsv(text, 'runs.csv'));
    expect(r.samples).toEqual(seedSamples);
    expect(r.report.skipped).toEqual([]);
  });

  it('reports the delimiter it used', () => {
    expect(ok(importCsv(SEED.replaceAll(';', ','), 'a.csv')).report.delimiter).toBe(',');
    expect(ok(importCsv(SEED.replaceAll(';', '\t'), 'a.csv')).report.delimiter).toBe('\t');
    expect(ok(importCsv(`sep=,\n${SEED.replaceAll(';', ',')}`, 'a.csv')).report.delimiter).toBe(',');
  });

  it('reads decimal commas in a tab-separated file, read in place and through Papa Parse', () => {
    const text =
      'Name\tMemory\tInit\tCold\tBilled\tRestore\nf\t128\t1234,5\t0,25\t1\t2,5e2\ng\t256\t7,125\t1\t1\t\n';
    for (const file of [text, text.replace('\nf\t', '\n"f"\t')]) {
      const r = ok(importCsv(file, 'a.tsv'));
      expect(r.report.delimiter).toBe('\t');
      expect(r.report.skipped).toEqual([]);
      expect(
        r.samples.map((s) => [s.name, s.memoryMB, s.initMs, s.durationMs, s.billedMs, s.restoreMs]),
      ).toEqual([
        ['f', 128, 1234.5, 0.25, 1, 250],
        ['g', 256, 7.125, 1, 1, null],
      ]);
    }
  });

  it('does not read decimal commas in a comma-separated file', () => {
    const r = ok(importCsv('Name,Memory,Init,Cold,Billed\nf,128,"135,38",1,2\nf,128,100,1,2\n', 'a.csv'));
    expect(r.samples).toHaveLength(1);
    expect(describeSkippedRow(r.report.skipped[0]!)).toBe("line 2, column Init: '135,38' is not a number");
  });

  it('takes an empty or 0 Init as a warm sample', () => {
    const r = ok(
      importCsv('Name;Memory;Init;Cold;Billed\nf;128;;1.5;2\nf;128;0;1.6;2\nf;128;0.0;1.7;2\n', 'a.csv'),
    );
    expect(r.samples.map((s) => s.initMs)).toEqual([null, null, null]);
    expect(r.samples.map((s) => s.durationMs)).toEqual([1.5, 1.6, 1.7]);
  });

  it('reads every optional column', () => {
    const text = [
      'Name;Memory;Init;Cold;Billed;Arch;Runtime;MaxMemory;Restore;Status;RequestId;Timestamp;Run;ErrorType',
      'f;1024;;120.5;121;arm64;java21;160;474.16;timeout;r-1;2023-07-29T18:30:11.606Z;run-7;Sandbox.Timedout',
    ].join('\n');
    expect(ok(importCsv(text, 'a.csv')).samples[0]).toEqual({
      name: 'f',
      memoryMB: 1024,
      initMs: null,
      durationMs: 120.5,
      billedMs: 121,
      arch: 'arm64',
      runtime: 'java21',
      maxMemoryUsedMB: 160,
      restoreMs: 474.16,
      status: 'timeout',
      errorType: 'Sandbox.Timedout',
      requestId: 'r-1',
      timestamp: '2023-07-29T18:30:11.606Z',
      run: 'run-7',
    });
  });

  it('reads architecture spellings', () => {
    const text =
      'Name;Memory;Init;Cold;Billed;Arch\nf;128;1;1;1;x86\nf;128;2;1;1;AMD64\nf;128;3;1;1;aarch64\nf;128;4;1;1;\n';
    expect(ok(importCsv(text, 'a.csv')).samples.map((s) => s.arch)).toEqual([
      'x86_64',
      'x86_64',
      'arm64',
      null,
    ]);
  });

  it('reads a quoted field with the delimiter, a quote and a line break in it', () => {
    const text = 'Name;Memory;Init;Cold;Billed;Run\nf;128;1;1;1;"a;b ""c""\nd"\nf;128;x;1;1;r\n';
    const r = ok(importCsv(text, 'a.csv'));
    expect(r.samples[0]!.run).toBe('a;b "c"\nd');
    // The quoted line break moves the next row to line 4.
    expect(r.report.skipped).toEqual([{ line: 4, column: 'Init', reason: "'x' is not a number" }]);
  });
});

describe('importCsv: architecture and memory from the file name', () => {
  it.each([
    ['speed-arm-1024.csv', 'arm64', 1024],
    ['speed-x86-128.csv', 'x86_64', 128],
    ['/some/dir/run_graviton_2048MB.csv', 'arm64', 2048],
    ['C:\\runs\\x86_64-512.csv', 'x86_64', 512],
    ['amd64.csv', 'x86_64', null],
    ['arm64-results.csv', 'arm64', null],
    ['results-2023-07-29.csv', null, null],
    ['runs.csv', null, null],
    ['compare-arm-vs-x86-128-1024.csv', null, null],
    ['node-64.csv', null, null],
  ])('%s → %s, %s', (fileName, arch, memory) => {
    const hints = hintsFromFileName(fileName);
    expect([hints.arch, hints.memoryMB]).toEqual([arch, memory]);
  });

  it('uses them only where the file has no such column', () => {
    const noArch = ok(importCsv(SEED, 'speed-arm-1024.csv'));
    expect(noArch.samples.map((s) => [s.arch, s.memoryMB])).toEqual([
      ['arm64', 128],
      ['arm64', 128],
    ]);
    expect(noArch.report).toMatchObject({ archFromFileName: 'arm64', memoryFromFileName: 1024 });
    expect(noArch.report.warnings).toContain('no Arch column: arm64 taken from the file name for every row');

    const noMemory = ok(importCsv('Name;Init;Cold;Billed;Arch\nf;1;1;1;x86_64\n', 'speed-arm-1024.csv'));
    expect(noMemory.samples.map((s) => [s.arch, s.memoryMB])).toEqual([['x86_64', 1024]]);
  });

  it('leaves them unknown, with a warning, when the file name does not say', () => {
    const r = ok(importCsv('Name;Init;Cold;Billed\nf;1;1;1\n', 'runs.csv'));
    expect(r.samples[0]).toMatchObject({ arch: null, memoryMB: null });
    expect(r.report.warnings).toContain('no Memory column and the file name does not say: memory unknown');
  });
});

describe('importCsv: a text without quotes (read in place) and with quotes (Papa Parse) read alike', () => {
  // Quoting the header's Name changes nothing in the content but sends the text through Papa Parse.
  const quoted = (text: string): string => text.replace(/(^|\n)(sep=.\r?\n)?Name/, '$1$2"Name"');
  it.each([
    ['the seed format', SEED],
    ['CRLF', SEED.replaceAll('\n', '\r\n')],
    ['a sep line and blank lines', `sep=;\n\n${SEED}\n\n`],
    // Form feed and vertical tab are white space: such a line is blank (it once made the header line 1).
    ['lines of form feeds and vertical tabs', `\f\n${SEED}\v \n\f;\f;;;\n`],
    ['commas', SEED.replaceAll(';', ',')],
    ['tabs and decimal commas', SEED.replaceAll(';', '\t').replace('135.38', '135,38')],
    ['unknown columns', 'Name;X;Memory;Init;Cold;Billed\nf;x;128;1;2;3\n'],
    [
      'bad rows',
      'Name;Memory;Init;Cold;Billed;Arch\nf;128;abc;1;2;\n;;;;;\nf;12.5;1;1;1;\nf;1;1;1\nf;1;1;1;1;arm;;\nf;1;1;1;1;x;y\n f ;1; 2 ;3;4; arm64 \n',
    ],
    ['all bad', 'Name;Memory;Init;Cold;Billed\nf;128;a;1;1\n'],
    ['a header only', 'Name;Memory;Init;Cold;Billed\n\n'],
    ['a missing column', 'Name;Memory;Cold;Billed\nf;1;1;1\n'],
  ])('%s', (_what, text) => {
    expect(quoted(text)).not.toBe(text);
    expect(importCsv(quoted(text), 'speed-arm-1024.csv')).toEqual(importCsv(text, 'speed-arm-1024.csv'));
  });
});

describe.skipIf(!HAVE_SEED_RUNS)('importCsv: the seed runs', () => {
  const read = (f: string): CsvImportResult => importCsv(readFileSync(join(SEED_RUNS_DIR, f), 'utf8'), f);

  it('imports speed-x86-128.csv: 40 x86_64 samples at 128 MB', () => {
    const r = ok(read('speed-x86-128.csv'));
    expect(r.samples).toHaveLength(40);
    expect(new Set(r.samples.map((s) => `${s.arch}/${s.memoryMB}`))).toEqual(new Set(['x86_64/128']));
    expect(r.samples[0]).toEqual({
      ...emptySample('hello-node'),
      memoryMB: 128,
      initMs: 135.38,
      durationMs: 15.65,
      billedMs: 16,
      arch: 'x86_64',
    });
  });

  it('imports speed-x86-1024.csv with 8 hello-py311 rows', () => {
    const r = ok(read('speed-x86-1024.csv'));
    expect(r.samples.filter((s) => s.name === 'hello-py311')).toHaveLength(8);
    expect(r.report.duplicates).toEqual([]);
  });

  it('finds the 20 duplicated rows of speed-arm-1024.csv', () => {
    const r = ok(read('speed-arm-1024.csv'));
    expect(r.samples).toHaveLength(60);
    expect(r.report.duplicates).toHaveLength(20);
    expect(r.report.duplicates.every((g) => g.length === 2)).toBe(true);
    const kept = dropDuplicates(r.samples, r.report.duplicates);
    expect(kept).toHaveLength(40);
    expect(kept.filter((s) => s.name === 'hello-node')).toHaveLength(10);
    expect(new Set(kept.map((s) => s.arch))).toEqual(new Set(['arm64']));
  });
});

describe('importCsvColumns: progress', () => {
  const rows = Array.from({ length: 150_000 }, (_, i) => `fn;128;${i % 500};1.5;2`);
  for (const [label, text] of [
    ['read in place', `Name;Memory;Init;Cold;Billed\n${rows.join('\n')}\n`],
    ['Papa Parse', `Name;Memory;Init;Cold;Billed\n"fn";${rows.join('\n')}\n`.replace('"fn";fn', '"fn"')],
  ] as const) {
    it(`reports the share read so far, rising, while it reads (${label})`, () => {
      const fractions: number[] = [];
      const result = importCsvColumns(text, 'big.csv', { onProgress: (f) => fractions.push(f) });
      expect(result.ok && result.columns.length).toBe(150_000);
      expect(fractions.length).toBeGreaterThanOrEqual(2);
      // Now and then, not for every row.
      expect(fractions.length).toBeLessThan(10);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      expect(fractions[0]).toBeGreaterThan(0);
      expect(fractions.at(-1)).toBeLessThan(1);
    });
  }
});

describe('importCsvColumns: never throws', () => {
  const text = `Name;Memory;Init;Cold;Billed\n${'fn;128;1;1.5;2\n'.repeat(70_000)}`;
  it.each([
    [new Error('stopped\nat line 2'), 'could not read the file: stopped'],
    ['halt', 'could not read the file: halt'],
  ])('turns what a progress callback throws (%s) into a one-line error', (thrown, error) => {
    const result = importCsvColumns(text, 'big.csv', {
      onProgress: () => {
        throw thrown;
      },
    });
    expect(result).toMatchObject({ ok: false, error });
  });
});

describe('importCsvColumns: room for the rows', () => {
  it('keeps every row and its line when the first lines are long and the rest short', () => {
    const long = Array.from({ length: 1000 }, (_, i) => `${'f'.repeat(300)};128;${i};1;2`);
    const short = Array.from({ length: 30_000 }, (_, i) => `g;128;${i};1;2`);
    const text = ['Name;Memory;Init;Cold;Billed', ...long, ...short, 'g;128;29999;1;2'].join('\n');
    const r = importCsvColumns(text, 'a.csv');
    expect(r.ok && r.columns.length).toBe(31_001);
    // The last row repeats the one before it: lines 31001 and 31002 of the file.
    expect(r.ok && r.report.warnings.at(-1)).toContain('e.g. line 31002 repeats line 31001');
  });
});
