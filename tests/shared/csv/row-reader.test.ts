import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../shared/csv/header-mapping';
import { emptyImportReport } from '../../../shared/csv/import-report';
import { RowReader } from '../../../shared/csv/row-reader';
import { ArrayRowView } from '../../../shared/csv/row-view';
import type { Arch, Sample } from '../../../shared/sample';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { SampleColumnsBuilder } from '../../../shared/sample-columns-builder';

interface Read {
  samples: (Sample | null)[];
  /** `column: reason` of each row that failed, in order. */
  failures: string[];
}

/** Rows (cells as Papa Parse gives them) through one RowReader, as an import uses it. */
function readRows(
  header: string[],
  rows: string[][],
  defaults: { arch?: Arch | null; memoryMB?: number; decimalComma?: boolean } = {},
): Read {
  const mapping = mapHeader(header, emptyImportReport('a.csv'), 1);
  if (typeof mapping === 'string') throw new Error(mapping);
  const reader = new RowReader(
    mapping.index,
    header.length,
    defaults.decimalComma ?? true,
    defaults.arch ?? null,
    defaults.memoryMB ?? NaN,
  );
  const out = new SampleColumnsBuilder(4);
  const view = new ArrayRowView();
  const taken: boolean[] = [];
  const failures: string[] = [];
  for (const row of rows) {
    view.row = row;
    const ok = reader.read(view, out);
    taken.push(ok);
    if (!ok) failures.push(`${reader.failedColumn}: ${reader.failure}`);
  }
  const samples = samplesFromColumns(out.finish());
  return { samples: taken.map((t) => (t ? (samples.shift() as Sample) : null)), failures };
}

const FIVE = ['Name', 'Memory', 'Init', 'Cold', 'Billed'];
const WITH_ARCH = ['Name', 'Init', 'Cold', 'Billed', 'Arch'];

describe('RowReader', () => {
  it.each([
    ['x86_64', 'x86_64'],
    ['x86', 'x86_64'],
    ['x86-64', 'x86_64'],
    ['AMD64', 'x86_64'],
    ['x64', 'x86_64'],
    [' arm64 ', 'arm64'],
    ['ARM', 'arm64'],
    ['aarch64', 'arm64'],
    ['Graviton', 'arm64'],
    ['', null],
    ['  ', null],
  ])('reads the Arch %j as %s', (cell, arch) => {
    expect(readRows(WITH_ARCH, [['f', '1', '2', '3', cell]]).samples[0]?.arch).toBe(arch);
  });

  it("reads each row's own Arch when the spelling changes from row to row", () => {
    const cells = ['arm', 'arm', 'x86', 'sparc', 'arm', '', 'sparc', 'x64'];
    const read = readRows(
      WITH_ARCH,
      cells.map((a) => ['f', '1', '2', '3', a]),
    );
    expect(read.samples.map((s) => s?.arch)).toEqual([
      'arm64',
      'arm64',
      'x86_64',
      undefined,
      'arm64',
      null,
      undefined,
      'x86_64',
    ]);
    expect(read.failures).toEqual([
      "Arch: 'sparc' is not an architecture (x86_64 or arm64)",
      "Arch: 'sparc' is not an architecture (x86_64 or arm64)",
    ]);
  });

  it('takes the Arch and Memory the file name gives when the header has no such column', () => {
    const read = readRows(['Name', 'Init', 'Cold', 'Billed'], [['f', '1', '2', '3']], {
      arch: 'arm64',
      memoryMB: 1024,
    });
    expect(read.samples[0]).toMatchObject({ arch: 'arm64', memoryMB: 1024 });
    // An Arch column wins, even an empty cell of it.
    expect(readRows(WITH_ARCH, [['f', '1', '2', '3', '']], { arch: 'arm64' }).samples[0]?.arch).toBeNull();
    expect(readRows(FIVE, [['f', '', '1', '2', '3']], { memoryMB: 1024 }).samples[0]?.memoryMB).toBeNull();
  });

  it('tells why a number cell cannot be read, naming the cell as written (trimmed)', () => {
    const read = readRows(FIVE, [
      ['f', ' 0 ', '1', '2', '3'],
      ['f', '128.5', '1', '2', '3'],
      ['f', '-128', '1', '2', '3'],
      ['f', '128', ' x ', '2', '3'],
      ['f', '128', '1', '', '3'],
      ['f', '128', '1', '2', ' '],
      ['f', '128', '1', '2', '-3'],
      ['f', '128', '1', 'NaN', '3'],
    ]);
    expect(read.samples.every((s) => s === null)).toBe(true);
    expect(read.failures).toEqual([
      "Memory: '0' is not a whole number of MB",
      "Memory: '128.5' is not a whole number of MB",
      "Memory: '-128' is negative",
      "Init: 'x' is not a number",
      'Cold: empty (the Duration in ms is required)',
      'Billed: empty (the Billed Duration in ms is required)',
      "Billed: '-3' is negative",
      "Cold: 'NaN' is not a number",
    ]);
  });

  it('reads MaxMemory and Restore, empty as unknown, and says which one is unreadable', () => {
    const header = ['Name', 'Init', 'Cold', 'Billed', 'MaxMemory', 'Restore'];
    const read = readRows(header, [
      ['f', '0', '2', '3', '70', '1,5'],
      ['f', '', '2', '3', '', ''],
      ['f', '1', '2', '3', 'x', '1'],
      ['f', '1', '2', '3', '1', '-1'],
    ]);
    expect(read.samples[0]).toMatchObject({ initMs: null, maxMemoryUsedMB: 70, restoreMs: 1.5 });
    expect(read.samples[1]).toMatchObject({ initMs: null, maxMemoryUsedMB: null, restoreMs: null });
    expect(read.failures).toEqual(["MaxMemory: 'x' is not a number", "Restore: '-1' is negative"]);
  });

  it('reads text cells trimmed, empty as unknown, and an escaped formula exactly as it was exported', () => {
    const header = [
      'Name',
      'Init',
      'Cold',
      'Billed',
      'Runtime',
      'Status',
      'ErrorType',
      'Run',
      'RequestId',
      'Timestamp',
    ];
    const read = readRows(header, [
      [' api ', '1', '2', '3', ' nodejs20.x ', 'error', "'=Boom ", 'run-1', ' r-1', 't '],
      ["'-f", '1', '2', '3', '', ' ', '', '', '', ''],
      ["'quoted", '1', '2', '3', "it's", '', '', '', '', ''],
    ]);
    expect(read.samples[0]).toMatchObject({
      name: 'api',
      runtime: 'nodejs20.x',
      status: 'error',
      errorType: '=Boom ',
      run: 'run-1',
      requestId: 'r-1',
      timestamp: 't',
    });
    expect(read.samples[1]).toMatchObject({
      name: '-f',
      runtime: null,
      status: null,
      errorType: null,
      run: null,
      requestId: null,
      timestamp: null,
    });
    expect(read.samples[2]).toMatchObject({ name: "'quoted", runtime: "it's" });
  });

  it('reads a row with empty cells past the header, and refuses one with more values or fewer cells', () => {
    const read = readRows(FIVE, [
      ['f', '128', '1', '2', '3', '', ' '],
      ['f', '128', '1', '2', '3', '', 'x'],
      ['f', '128', '1', '2'],
      ['', '', ''],
      [' ', '', '', '', ''],
      ['', '128', '1', '2', '3'],
    ]);
    expect(read.samples[0]).toMatchObject({ name: 'f', billedMs: 3 });
    expect(read.failures).toEqual([
      'null: 7 fields, but the header has 5',
      'null: 4 fields, but the header has 5',
      'null: empty row',
      'null: empty row',
      'Name: no function name',
    ]);
  });

  it('reads a decimal comma only when told to', () => {
    expect(readRows(FIVE, [['f', '128', '1,5', '2', '3']]).samples[0]?.initMs).toBe(1.5);
    const comma = readRows(FIVE, [['f', '128', '1,5', '2', '3']], { decimalComma: false });
    expect(comma.failures).toEqual(["Init: '1,5' is not a number"]);
  });

  it('reads a number, Memory or Arch column that comes first', () => {
    expect(readRows(['Cold', 'Name', 'Init', 'Billed'], [['2', 'f', '1', '3']]).samples[0]).toMatchObject({
      durationMs: 2,
      billedMs: 3,
    });
    const first = readRows(['Memory', 'Name', 'Init', 'Cold', 'Billed'], [['256', 'f', '1', '2', '3']], {
      memoryMB: 128,
    });
    expect(first.samples[0]?.memoryMB).toBe(256);
    const arch = readRows(['Arch', 'Name', 'Init', 'Cold', 'Billed'], [['arm64', 'f', '1', '2', '3']], {
      arch: 'x86_64',
    });
    expect(arch.samples[0]?.arch).toBe('arm64');
  });

  it('names an unknown architecture trimmed', () => {
    expect(readRows([...FIVE, 'Arch'], [['f', '128', '1', '2', '3', ' sparc ']]).failures).toEqual([
      "Arch: 'sparc' is not an architecture (x86_64 or arm64)",
    ]);
  });
});
