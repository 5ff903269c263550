import { describe, expect, it } from 'vitest';
import { importCsv, importCsvColumns } from '../../../shared/csv/import-csv';
import { failed, ok, SEED } from './import-helpers';

// What the import tells the user, word for word: the app and the CLI show these lines as they are.
describe('importCsv: what the report says', () => {
  it('refuses what is not text', () => {
    expect(failed(importCsv(5 as unknown as string, 'a.csv')).error).toBe('the file is not text');
    expect(failed(importCsv(null as unknown as string, 'a.csv')).error).toBe('the file is not text');
  });

  it.each([
    ['sep=|', "line 1: unsupported delimiter in 'sep=|'"],
    ['sep= ', "line 1: unsupported delimiter in 'sep='"],
  ])("refuses Excel's %j line", (line, error) => {
    expect(failed(importCsv(`${line}\n${SEED}`, 'a.csv')).error).toBe(error);
  });

  it('takes a sep line in any case, with CRLF, and counts it as line 1', () => {
    const r = ok(importCsv(`SEP=,\r\n${SEED.replaceAll(';', ',')}f,1,x,1,1\n`, 'a.csv'));
    expect(r.report.delimiter).toBe(',');
    expect(r.samples).toHaveLength(2);
    expect(r.report.skipped).toEqual([{ line: 5, column: 'Init', reason: "'x' is not a number" }]);
    const tab = ok(importCsv(`sep=\t\n${SEED.replaceAll(';', '\t')}`, 'a.csv'));
    expect(tab.report.delimiter).toBe('\t');
  });

  it('reads a header after a BOM', () => {
    expect(ok(importCsv(`\uFEFF${SEED}`, 'a.csv')).samples[0]?.name).toBe('hello-node');
  });

  it('says why the file name gives no architecture or memory', () => {
    const r = ok(importCsv('Name;Init;Cold;Billed\nf;1;1;1\n', 'arm-vs-x86-128-512.csv'));
    expect(r.report.warnings).toEqual([
      'no Arch column and the file name does not say: architecture unknown ' +
        '(the file name names both architectures (arm64, x86_64))',
      'no Memory column and the file name does not say: memory unknown ' +
        '(the file name has several memory sizes (128, 512))',
    ]);
    expect(r.report).toMatchObject({ archFromFileName: null, memoryFromFileName: null });
    const named = ok(importCsv('Name;Init;Cold;Billed\nf;1;1;1\n', 'x86-2048.csv'));
    expect(named.report.warnings).toEqual([
      'no Arch column: x86_64 taken from the file name for every row',
      'no Memory column: 2048 MB taken from the file name for every row',
    ]);
    expect(named.report).toMatchObject({ archFromFileName: 'x86_64', memoryFromFileName: 2048 });
    expect(named.samples[0]).toMatchObject({ arch: 'x86_64', memoryMB: 2048 });
  });

  it('takes an Arch or Memory column over the file name, even as the first column', () => {
    const arch = ok(importCsv('Arch;Name;Init;Cold;Billed\narm64;f;1;1;1\n', 'x86-512.csv'));
    expect(arch.report.warnings).toEqual(['no Memory column: 512 MB taken from the file name for every row']);
    expect(arch.samples[0]).toMatchObject({ arch: 'arm64', memoryMB: 512 });
    const memory = ok(importCsv('Memory;Name;Init;Cold;Billed\n256;f;1;1;1\n', 'arm-1024.csv'));
    expect(memory.report.warnings).toEqual(['no Arch column: arm64 taken from the file name for every row']);
    expect(memory.samples[0]).toMatchObject({ arch: 'arm64', memoryMB: 256 });
    expect(ok(importCsv('Name;Init;Cold;Billed\nf;1;1;1\n', 'a.csv')).report.warnings).toEqual([
      'no Arch column and the file name does not say: architecture unknown',
      'no Memory column and the file name does not say: memory unknown',
    ]);
  });

  it('counts one skipped row and one duplicate in the singular', () => {
    const r = ok(
      importCsv('Name;Memory;Init;Cold;Billed;Arch\nf;128;1;1;1;\nf;128;x;1;1;\nf;128;1;1;1;\n', 'a.csv'),
    );
    expect(r.report.warnings).toEqual([
      "1 row skipped: line 3, column Init: 'x' is not a number",
      '1 duplicated row (same values or same RequestId), e.g. line 4 repeats line 2',
    ]);
    expect(r.report.imported).toBe(2);
  });

  it('skips blank lines before the header silently, and reports a row of empty cells after it', () => {
    const r = ok(importCsv(';;;;\n\n  \n' + SEED + ';;;;\n\n', 'a.csv'));
    expect(r.samples).toHaveLength(2);
    expect(r.report.skipped).toEqual([{ line: 7, column: null, reason: 'empty row' }]);
  });

  it('reads no row after a bad header', () => {
    const r = failed(importCsv('Memory;Init\nf;1;1;1;1\n', 'a.csv'));
    expect(r.error).toBe(
      'missing required columns Name, Cold, Billed in the header on line 1 (it has: Memory;Init)',
    );
    expect(r.report.imported).toBe(0);
    expect(r.report.skipped).toEqual([]);
  });

  it('names the lines of the first duplicate group, whatever the order of the groups', () => {
    const text = 'Name;Memory;Init;Cold;Billed\ng;1;1;1;1\nf;1;1;1;1\nf;1;1;1;1\ng;1;1;1;1\nf;1;1;1;1\n';
    const r = importCsvColumns(text, 'a.csv');
    expect(r.ok && r.report.duplicates).toEqual([
      [0, 3],
      [1, 2, 4],
    ]);
    expect(r.ok && r.report.warnings.at(-1)).toBe(
      '3 duplicated rows (same values or same RequestId), e.g. line 5 repeats line 2',
    );
  });

  it('reports progress only for big texts, never past the end', () => {
    const fractions: number[] = [];
    ok(importCsv(SEED, 'a.csv'));
    importCsvColumns(SEED, 'a.csv', { onProgress: (f) => fractions.push(f) });
    expect(fractions).toEqual([]);
  });
});
