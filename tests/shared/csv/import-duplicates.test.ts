import { describe, expect, it } from 'vitest';
import {
  dropDuplicateRows,
  dropDuplicates,
  importCsv,
  importCsvColumns,
} from '../../../shared/csv/import-csv';
import { ok } from './import-helpers';

describe('importCsv: duplicates', () => {
  it('reports identical rows and rows with one RequestId as groups; the caller drops them', () => {
    const text = [
      'Name;Memory;Init;Cold;Billed;RequestId',
      'f;128;100;1;2;',
      'f;128;101;1;2;',
      'f;128;100;1;2;',
      'g;128;1;1;1;r-1',
      'g;128;2;1;1;r-1',
      'f;128;100;1;2;',
      'g;128;1;1;1;r-2',
    ].join('\n');
    const r = ok(importCsv(text, 'a.csv'));
    expect(r.report.duplicates).toEqual([
      [0, 2, 5],
      [3, 4],
    ]);
    expect(r.report.warnings).toContain(
      '3 duplicated rows (same values or same RequestId), e.g. line 4 repeats line 2',
    );
    expect(r.samples).toHaveLength(7);
    expect(dropDuplicates(r.samples, r.report.duplicates).map((s) => [s.name, s.initMs])).toEqual([
      ['f', 100],
      ['f', 101],
      ['g', 1],
      ['g', 1],
    ]);
  });

  it('does not call rows that differ in any value duplicates', () => {
    const r = ok(
      importCsv('Name;Memory;Init;Cold;Billed\nf;128;100;1;2\nf;256;100;1;2\nf;128;100;1;3\n', 'a.csv'),
    );
    expect(r.report.duplicates).toEqual([]);
  });

  // Every column the samples keep: the duplicate check must compare each one the file has.
  it.each([
    ['Run', 'Run', 'run-1', 'run-2', '7'],
    ['Restore', 'Restore', '312.5', '312.25', '7'],
    ['Run (one empty)', 'Run', 'run-1', '', '7'],
    ['Restore (one empty)', 'Restore', '312.5', '', '7'],
    ['MaxMemory', 'MaxMemory', '70', '71', '7'],
    ['Arch', 'Arch', 'arm64', 'x86_64', 'arm64'],
    ['Runtime', 'Runtime', 'nodejs20.x', 'python3.12', '7'],
    ['Status', 'Status', 'success', 'error', '7'],
    ['ErrorType', 'ErrorType', 'Timeout', '', '7'],
  ])('does not call rows that differ only in %s duplicates', (_what, column, a, b, other) => {
    const file = (second: string): string =>
      `Name;Memory;Init;Cold;Billed;${column}\nf;128;100;1;2;${a}\ng;1;1;1;1;${other}\nf;128;100;1;2;${second}\n`;
    expect(ok(importCsv(file(b), 'a.csv')).report.duplicates).toEqual([]);
    const columns = importCsvColumns(file(b), 'a.csv');
    expect(columns.ok && columns.report.duplicates).toEqual([]);
    // The same rows with the same value are duplicates: the column is compared, not the rows told apart.
    expect(ok(importCsv(file(a), 'a.csv')).report.duplicates).toEqual([[0, 2]]);
  });
});

describe('importCsv: duplicates in a file that lacks columns', () => {
  it("finds them with the file name's memory size on every row, and the lacking numbers none", () => {
    const text = 'Name;Init;Cold;Billed\nf;100;1;2\nf;101;1;2\nf;100;1;2\n';
    const columns = importCsvColumns(text, 'api-512mb.csv');
    if (!columns.ok) throw new Error(columns.error);
    expect([...columns.columns.memoryMB]).toEqual([512, 512, 512]);
    expect([...columns.columns.maxMemoryUsedMB, ...columns.columns.restoreMs].every(Number.isNaN)).toBe(true);
    expect(columns.report.duplicates).toEqual([[0, 2]]);
  });
});

describe('dropping duplicates', () => {
  it('keeps the first of each group, however long the group', () => {
    const text = `Name;Memory;Init;Cold;Billed\n${'f;128;1;2;3\n'.repeat(200_000)}g;128;1;2;3\n`;
    const r = importCsvColumns(text, 'a.csv');
    if (!r.ok) throw new Error(r.error);
    expect(r.report.duplicates).toHaveLength(1);
    expect(dropDuplicateRows(r.columns, r.report.duplicates).length).toBe(2);
    const samples = importCsv(text, 'a.csv');
    expect(samples.ok && dropDuplicates(samples.samples, r.report.duplicates).map((s) => s.name)).toEqual([
      'f',
      'g',
    ]);
  });
});
