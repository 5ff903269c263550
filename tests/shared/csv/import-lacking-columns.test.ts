import { describe, expect, it } from 'vitest';
import { partBuffers, type RowsPart } from '../../../shared/csv/columns-import';
import { importCsvColumns, type CsvColumnsImportResult } from '../../../shared/csv/import-csv';
import type { SampleColumns } from '../../../shared/sample-columns';

const HEADER = 'Name;Memory;Init;Cold;Billed';

function columnsOf(result: CsvColumnsImportResult): SampleColumns {
  if (!result.ok) throw new Error(result.error);
  return result.columns;
}

const part = (columns: SampleColumns): RowsPart => ({
  columns,
  lines: { starts: [0], lines: [2], samples: columns.length },
  skipped: [],
  dataRows: columns.length,
});

describe('the number columns a file lacks', () => {
  it('are one shared array of NaNs: Memory (when the file name does not say it), MaxMemory and Restore', () => {
    const columns = columnsOf(importCsvColumns('Name;Init;Cold;Billed\nf;1;2;3\ng;4;5;6\n', 'a.csv'));
    const none = columns.memoryMB.buffer;
    expect(columns.maxMemoryUsedMB.buffer).toBe(none);
    expect(columns.restoreMs.buffer).toBe(none);
    expect([...columns.memoryMB]).toEqual([NaN, NaN]);
    expect(columns.durationMs.buffer).not.toBe(none);
    expect([...columns.durationMs]).toEqual([2, 5]);
  });

  it("are the file name's memory size on every row when it says one, the others still shared NaNs", () => {
    const columns = columnsOf(
      importCsvColumns('Name;Init;Cold;Billed\nf;1;2;3\ng;4;5;6\n', 'speed-x86-512.csv'),
    );
    expect([...columns.memoryMB]).toEqual([512, 512]);
    expect(columns.memoryMB.buffer).not.toBe(columns.restoreMs.buffer);
    expect(columns.maxMemoryUsedMB.buffer).toBe(columns.restoreMs.buffer);
  });
});

describe('partBuffers', () => {
  it("names each of a part's buffers once, a shared one once, and the request ids' and timestamps' only when there", () => {
    const plain = columnsOf(importCsvColumns(`Name;Init;Cold;Billed\nf;1;2;3\n`, 'a.csv'));
    // 12 columns, three of them one array of NaNs.
    const buffers = partBuffers(part(plain));
    expect(buffers).toHaveLength(10);
    expect(buffers).toContain(plain.memoryMB.buffer);
    expect(buffers).toContain(plain.run.codes.buffer);
    const full = columnsOf(
      importCsvColumns(
        `${HEADER};MaxMemory;Restore;RequestId;Timestamp\nf;128;1;2;3;60;4;r-1;2026-01-01\n`,
        'a.csv',
      ),
    );
    const all = partBuffers(part(full));
    expect(all).toHaveLength(14);
    expect(all).toContain(full.requestId?.ends.buffer);
    expect(all).toContain(full.timestamp?.ends.buffer);
    expect(new Set(all).size).toBe(14);
  });
});

describe('ColumnsImport: the start of a text and its rows', () => {
  it('reads a file after its byte order mark', () => {
    const result = importCsvColumns(`\ufeff${HEADER}\nf;128;1;2;3\n`, 'a.csv');
    expect(columnsOf(result).length).toBe(1);
    expect(result.report.delimiter).toBe(';');
    expect(result.report.skipped).toEqual([]);
  });

  it('takes only a first line as the sep= line, not a cell ending a later one', () => {
    const result = importCsvColumns('Memory;Init;Cold;Billed;Name\n128;1;2;3;sep=,\n128;1;2;3;g\n', 'a.csv');
    expect(result.report.delimiter).toBe(';');
    expect(columnsOf(result).name.values).toEqual(['sep=,', 'g']);
  });

  it('calls a file of empty cells only empty', () => {
    expect(importCsvColumns(';;;\n;;;\n', 'a.csv')).toMatchObject({ ok: false, error: 'the file is empty' });
  });

  it('goes on after a row with a broken quote', () => {
    const result = importCsvColumns(`${HEADER}\n"f"x";128;1;2;3\ng;128;1;2;3\n`, 'a.csv');
    expect(columnsOf(result).name.values).toEqual(['g']);
    expect(result.report.skipped).toEqual([
      { line: 2, column: null, reason: 'a quote inside a field is not doubled' },
    ]);
  });

  it("names each warning's own ambiguities of the file name", () => {
    const result = importCsvColumns('Name;Init;Cold;Billed\nf;1;2;3\n', 'a-arm64-x86_64-128-512.csv');
    expect(result.report.warnings).toEqual([
      'no Arch column and the file name does not say: architecture unknown (the file name names both architectures (arm64, x86_64))',
      'no Memory column and the file name does not say: memory unknown (the file name has several memory sizes (128, 512))',
    ]);
  });
});
