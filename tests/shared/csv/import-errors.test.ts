import { describe, expect, it } from 'vitest';
import { describeSkippedRow, importCsv, importCsvColumns } from '../../../shared/csv/import-csv';
import { failed, ok } from './import-helpers';

describe('importCsv: bad input gets a report, never an exception', () => {
  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a file of blank lines', '\n\r\n  \n', 'the file is empty'],
    ['a BOM only', '\uFEFF', 'the file is empty'],
    ['a header only', 'Name;Memory;Init;Cold;Billed\n', 'only a header on line 1, no data rows'],
    [
      'a header and blank lines',
      'Name;Memory;Init;Cold;Billed\r\n\r\n\r\n',
      'only a header on line 1, no data rows',
    ],
    [
      'a binary file',
      '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000',
      'this is a binary file (or text that is not UTF-8), not a CSV file',
    ],
    [
      'UTF-16 text',
      'N\u0000a\u0000m\u0000e\u0000',
      'this is a binary file (or text that is not UTF-8), not a CSV file',
    ],
    [
      'no header',
      'hello-node;128;135.38;15.65;16\n',
      'line 1 is not a header: the first line must name the columns Name;Memory;Init;Cold;Billed',
    ],
    [
      'a missing required column',
      'Name;Memory;Cold;Billed\nf;128;1;1\n',
      'missing required column Init in the header on line 1 (it has: Name;Memory;Cold;Billed)',
    ],
    [
      'several missing columns',
      'sep=;\nName;Memory;Init\nf;128;1\n',
      'missing required columns Cold, Billed in the header on line 2 (it has: Name;Memory;Init)',
    ],
  ])('%s', (_what, text, error) => {
    expect(() => importCsv(text, 'bad.csv')).not.toThrow();
    expect(failed(importCsv(text, 'bad.csv')).error).toBe(error);
  });

  it('skips unreadable rows, counted with line, column and reason', () => {
    const text = [
      'Name;Memory;Init;Cold;Billed',
      'f;128;100;1;2',
      'f;128;abc;1;2',
      'f;12.5;100;1;2',
      'f;128;100;;2',
      ';128;100;1;2',
      'f;128;100;1',
      'f;128;-5;1;2',
      'f;128;1.2.3;1;2',
      ';;;;',
      'f;128;100;1;1e999',
      'f;128;0x10;1;2',
      'f;128;100;1;2;extra',
      'f;128;1e2;1;2',
    ].join('\n');
    const r = ok(importCsv(text, 'a.csv'));
    expect(r.samples.map((s) => s.initMs)).toEqual([100, 100]);
    expect(r.report.imported).toBe(2);
    expect(r.report.skipped.map(describeSkippedRow)).toEqual([
      "line 3, column Init: 'abc' is not a number",
      "line 4, column Memory: '12.5' is not a whole number of MB",
      'line 5, column Cold: empty (the Duration in ms is required)',
      'line 6, column Name: no function name',
      'line 7: 4 fields, but the header has 5',
      "line 8, column Init: '-5' is negative",
      "line 9, column Init: '1.2.3' is not a number",
      'line 10: empty row',
      "line 11, column Billed: '1e999' is not a number",
      "line 12, column Init: '0x10' is not a number",
      'line 13: 6 fields, but the header has 5',
    ]);
    expect(r.report.warnings).toContain(
      "11 rows skipped: line 3, column Init: 'abc' is not a number; line 4, column Memory: '12.5' is not a whole number of MB; line 5, column Cold: empty (the Duration in ms is required); and 8 more",
    );
  });

  it('counts lines after a sep= line and blank lines', () => {
    const r = ok(
      importCsv('sep=;\r\n\r\nName;Memory;Init;Cold;Billed\r\n\r\nf;128;x;1;1\r\nf;128;1;1;1\r\n', 'a.csv'),
    );
    expect(r.report.skipped).toEqual([{ line: 5, column: 'Init', reason: "'x' is not a number" }]);
  });

  it('fails with the first reasons when no row can be read', () => {
    const text = 'Name;Memory;Init;Cold;Billed\nf;128;a;1;1\nf;128;b;1;1\nf;128;c;1;1\nf;128;d;1;1\n';
    const r = failed(importCsv(text, 'a.csv'));
    expect(r.error).toBe(
      "no row could be read (4 skipped): line 2, column Init: 'a' is not a number; line 3, column Init: 'b' is not a number; line 4, column Init: 'c' is not a number; and 1 more",
    );
    expect(r.report.skipped).toHaveLength(4);
  });

  it('skips a row whose quote is never closed', () => {
    const r = importCsv('Name;Memory;Init;Cold;Billed\nf;128;1;1;1\n"f;128;1;1;1\n', 'a.csv');
    expect(ok(r).samples).toHaveLength(1);
    expect(ok(r).report.skipped[0]).toMatchObject({ line: 3, reason: 'a quoted field is never closed' });
  });

  it('says which lines a broken quote took in, when it takes in the rest of the file', () => {
    const r = importCsvColumns(
      'Name;Memory;Init;Cold;Billed\nf;128;1;1;1\n"f"x;128;1;2;3\ng;128;1;2;3\nh;128;1;2;3\n',
      'a.csv',
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.columns.length).toBe(1);
    expect(r.report.skipped).toEqual([
      {
        line: 3,
        column: null,
        reason: 'a quoted field is never closed, so the 2 lines after it are read as part of this row',
      },
    ]);
  });

  it('rejects an unknown architecture in an Arch column', () => {
    const r = ok(
      importCsv('Name;Memory;Init;Cold;Billed;Arch\nf;128;1;1;1;sparc\nf;128;1;1;1;arm64\n', 'a.csv'),
    );
    expect(r.report.skipped.map(describeSkippedRow)).toEqual([
      "line 2, column Arch: 'sparc' is not an architecture (x86_64 or arm64)",
    ]);
  });

  it('never throws on odd text', () => {
    for (const text of ['"', ';;;\n;;', 'sep=|\nName|Init', '\u0000', 'Name\n\u2028', 'a\rb\rc', null, 5]) {
      expect(() => importCsv(text as string, 'odd.csv')).not.toThrow();
    }
  });
});
