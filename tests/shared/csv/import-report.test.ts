import { describe, expect, it } from 'vitest';
import { describeSkippedRow, emptyImportReport, firstReasons } from '../../../shared/csv/import-report';

describe('import report', () => {
  it('starts empty, with the default delimiter', () => {
    expect(emptyImportReport('a.csv')).toEqual({
      fileName: 'a.csv',
      imported: 0,
      skipped: [],
      unknownColumns: [],
      duplicates: [],
      delimiter: ';',
      archFromFileName: null,
      memoryFromFileName: null,
      warnings: [],
    });
  });

  it('describes a skipped row with its column when it has one', () => {
    expect(describeSkippedRow({ line: 5, column: 'Init', reason: "'abc' is not a number" })).toBe(
      "line 5, column Init: 'abc' is not a number",
    );
    expect(describeSkippedRow({ line: 7, column: null, reason: 'empty row' })).toBe('line 7: empty row');
  });

  it('spells out three skipped rows, then counts the rest', () => {
    const rows = [1, 2, 3, 4, 5].map((line) => ({ line, column: null, reason: 'empty row' }));
    expect(firstReasons(rows.slice(0, 3))).toBe('line 1: empty row; line 2: empty row; line 3: empty row');
    expect(firstReasons(rows)).toBe('line 1: empty row; line 2: empty row; line 3: empty row; and 2 more');
    expect(firstReasons([])).toBe('');
  });
});
