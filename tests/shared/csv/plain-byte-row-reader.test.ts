import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/sample';
import { readPlain, type Options } from './plain-byte-reading';

// A line PlainByteRowReader leaves is read the same by RowReader, so only these tests tell that it takes the
// plain rows it is there for (and leaves the others).

const FIVE = 'Name;Memory;Init;Cold;Billed';
const ALL =
  'Name;Memory;Init;Cold;Billed;Arch;Runtime;MaxMemory;Restore;Status;RequestId;Timestamp;Run;ErrorType';

const one = (header: string, line: string | Uint8Array, options?: Options): Sample | null =>
  readPlain(header, [line], options)[0] as Sample | null;

describe('PlainByteRowReader', () => {
  it('reads every column of a plain row', () => {
    const line =
      'api;512;166.76;15.5;16;arm64;nodejs20.x;70;3.25;success;req-1;2026-01-01T00:00:00Z;run-1;Boom';
    expect(one(ALL, line)).toEqual({
      name: 'api',
      memoryMB: 512,
      initMs: 166.76,
      durationMs: 15.5,
      billedMs: 16,
      arch: 'arm64',
      runtime: 'nodejs20.x',
      maxMemoryUsedMB: 70,
      restoreMs: 3.25,
      status: 'success',
      errorType: 'Boom',
      requestId: 'req-1',
      timestamp: '2026-01-01T00:00:00Z',
      run: 'run-1',
    });
  });

  it('reads empty optional cells as unknown, and an Init of 0 as a warm start', () => {
    expect(one(ALL, 'api;;0;1;2;;;;;;;;;')).toEqual({
      name: 'api',
      memoryMB: null,
      initMs: null,
      durationMs: 1,
      billedMs: 2,
      arch: null,
      runtime: null,
      maxMemoryUsedMB: null,
      restoreMs: null,
      status: null,
      errorType: null,
      requestId: null,
      timestamp: null,
      run: null,
    });
    expect(one(ALL, 'api;128;;1;2;x86_64;;0;0;;;;;')).toMatchObject({
      initMs: null,
      maxMemoryUsedMB: 0,
      restoreMs: 0,
      arch: 'x86_64',
    });
  });

  it.each([
    ['digits', 'api;128;166;1;2', 166],
    ['digits and a point', 'api;128;166.76;1;2', 166.76],
    ['a decimal comma', 'api;128;166,76;1;2', 166.76],
    ['15 digits', 'api;128;123456789012345;1;2', 123456789012345],
    ['16 digits', 'api;128;1234567890123456;1;2', 1234567890123456],
    ['a trailing point', 'api;128;12.;1;2', 12],
    ['a leading point', 'api;128;.5;1;2', 0.5],
    ['a leading space', 'api;128; 3;1;2', 3],
    ['an exponent', 'api;128;1e3;1;2', 1000],
    ['a plus sign', 'api;128;+7;1;2', 7],
  ])('takes a number of %s', (_what, line, init) => {
    expect(one(FIVE, line)?.initMs).toBe(init);
  });

  it('reads numbers at the end of a line and before a delimiter alike', () => {
    expect(one('Name;Cold;Billed;Init', 'api;1.25;2;166.76')).toMatchObject({
      durationMs: 1.25,
      billedMs: 2,
      initMs: 166.76,
    });
    expect(one('Name;Cold;Billed;Init', 'api;1.25;2;0.000001')?.initMs).toBe(0.000001);
    expect(one('Name;Init;Cold;Billed', 'api;;1;2.5')?.billedMs).toBe(2.5);
  });

  it.each([
    ['a short row', 'api;128;1;2'],
    ['a long row', 'api;128;1;2;3;4'],
    ['a trailing delimiter', 'api;128;1;2;3;'],
    ['a blank line', ''],
    ['no name', ';128;1;2;3'],
    ['a name with a leading space', ' api;128;1;2;3'],
    ['a name with a trailing space', 'api ;128;1;2;3'],
    ['a name with a leading tab', '\tapi;128;1;2;3'],
    ['a name ending in DEL', 'api\u007f;128;1;2;3'],
    ['a name starting with a non-ASCII letter', 'ärger;128;1;2;3'],
    ['an escaped formula', "'=api;128;1;2;3"],
    ['an empty Cold', 'api;128;1;;3'],
    ['an empty Billed', 'api;128;1;2;'],
    ['a negative number', 'api;128;-1;2;3'],
    ['a word for a number', 'api;128;abc;2;3'],
    ['a number and a word', 'api;128;12abc;2;3'],
    ['two points', 'api;128;1.2.3;2;3'],
    ['a fractional memory', 'api;128.5;1;2;3'],
    ['a memory of 0', 'api;0;1;2;3'],
    ['a negative memory', 'api;-128;1;2;3'],
    ['a negative Cold', 'api;128;1;-2;3'],
    ['a negative Billed', 'api;128;1;2;-3'],
  ])('leaves %s to RowReader', (_what, line) => {
    expect(one(FIVE, line)).toBeNull();
  });

  it('takes names with any printable ASCII at their edges, and UTF-8 inside', () => {
    expect(one(FIVE, '!a~;128;1;2;3')?.name).toBe('!a~');
    expect(one(FIVE, 'a b;128;1;2;3')?.name).toBe('a b');
    expect(one(FIVE, "a';128;1;2;3")?.name).toBe("a'");
    expect(one(FIVE, 'função-x;128;1;2;3')?.name).toBe('função-x');
  });

  it.each([
    ['x86_64', 'x86_64'],
    ['arm64', 'arm64'],
  ])('takes the Arch %s as it is', (cell, arch) => {
    expect(one('Name;Init;Cold;Billed;Arch', `f;;1;2;${cell}`)?.arch).toBe(arch);
    expect(one('Name;Arch;Init;Cold;Billed', `f;${cell};;1;2`)?.arch).toBe(arch);
  });

  it.each([
    'arm',
    'ARM64',
    'x86_64z',
    'arm64z',
    'x86-64',
    'amd64',
    ' arm64',
    'arm64 ',
    'xrm64',
    'aam64',
    'arr64',
    'arm44',
    'arm65',
    'y86_64',
    'x96_64',
    'x8664_',
    'x86-64',
    'x87_64',
    'x86_44',
    'x86_65',
    'x86_6',
  ])('leaves the Arch %j to RowReader', (cell) => {
    expect(one('Name;Init;Cold;Billed;Arch', `f;;1;2;${cell}`)).toBeNull();
    expect(one('Name;Arch;Init;Cold;Billed', `f;${cell};;1;2`)).toBeNull();
  });

  it("gives an empty Arch cell no architecture, whatever the file name says, and no Arch column the name's", () => {
    expect(one('Name;Init;Cold;Billed;Arch', 'f;;1;2;', { archDefault: 'arm64' })?.arch).toBeNull();
    expect(one('Name;Init;Cold;Billed', 'f;;1;2', { archDefault: 'arm64' })?.arch).toBe('arm64');
    expect(one('Name;Init;Cold;Billed', 'f;;1;2', { memoryDefault: 512 })?.memoryMB).toBe(512);
    expect(one('Name;Init;Cold;Billed', 'f;;1;2')?.memoryMB).toBeNull();
  });

  it('skips the cells of unknown columns, whatever they hold', () => {
    expect(one('Extra;Name;Other;Init;Cold;Billed', ' x ;f;-1, "y";;1;2')).toMatchObject({
      name: 'f',
      durationMs: 1,
      billedMs: 2,
    });
    expect(one('Extra;Name;Init;Cold;Billed', ';f;;1;2')).toMatchObject({ name: 'f', durationMs: 1 });
    expect(one('Name;Init;Cold;Billed;Extra', 'f;;1;2;')).toMatchObject({ name: 'f', billedMs: 2 });
  });

  it('reads a comma-delimited row, where a comma is no decimal separator', () => {
    const header = 'Name,Memory,Init,Cold,Billed';
    expect(one(header, 'api,128,1.5,2,3', { delimiter: ',' })).toMatchObject({ initMs: 1.5, durationMs: 2 });
    expect(one(header, 'api,128,1.5,2', { delimiter: ',' })).toBeNull();
    expect(one(header, 'api,128,1.5,2,3', { delimiter: ',', decimalComma: false })?.initMs).toBe(1.5);
  });

  it('reads a decimal comma only when the file uses one', () => {
    const header = 'Name|Memory|Init|Cold|Billed';
    expect(one(header, 'api|128|1,5|2|3', { delimiter: '|', decimalComma: true })?.initMs).toBe(1.5);
    expect(one(header, 'api|128|1,5|2|3', { delimiter: '|', decimalComma: false })).toBeNull();
  });

  it.each([
    ['a request id', 'Name;Init;Cold;Billed;RequestId', 'f;;1;2;'],
    ['a timestamp', 'Name;Init;Cold;Billed;Timestamp', 'f;;1;2;'],
  ])(
    'leaves %s with spaces at its edges, an escape or non-ASCII bytes to RowReader',
    (_what, header, start) => {
      for (const cell of [' r-1', 'r-1 ', "'=r", 'r\u00e9q', 'r\u007f'])
        expect(one(header, `${start}${cell}`)).toBeNull();
      expect(one(header, `${start}r-1`)).not.toBeNull();
      expect(one(header, `${start}'r`)).toBeNull();
      expect(one(header, `${start}r'`)).not.toBeNull();
    },
  );

  it('leaves a request id of one space to RowReader, also at the very start of the bytes', () => {
    expect(one('RequestId;Name;Init;Cold;Billed', ' ;f;;1;2')).toBeNull();
    expect(one('Name;RequestId;Init;Cold;Billed', 'f; ;;1;2')).toBeNull();
  });

  it('leaves a short row to RowReader whose first cell, a request id, is not plain', () => {
    // Read again from its start, the row would fill the other four columns.
    expect(one('RequestId;Name;Init;Cold;Billed', 'aéb;;1;2')).toBeNull();
    expect(one('RequestId;Name;Init;Cold;Billed', 'aéb;f;;1;2')).toBeNull();
  });

  it('takes request ids and timestamps before other cells, and empty ones as none', () => {
    const header = 'RequestId;Timestamp;Name;Init;Cold;Billed';
    expect(one(header, 'r-1;2026-01-01T00:00:00Z;f;;1;2')).toMatchObject({
      requestId: 'r-1',
      timestamp: '2026-01-01T00:00:00Z',
      name: 'f',
      durationMs: 1,
    });
    expect(one(header, ';;f;;1;2')).toMatchObject({ requestId: null, timestamp: null, name: 'f' });
  });

  it.each(['Runtime', 'Status', 'ErrorType', 'Run'])(
    'leaves a %s cell with spaces at its edges to RowReader',
    (c) => {
      const header = `Name;Init;Cold;Billed;${c}`;
      expect(one(header, 'f;;1;2; x')).toBeNull();
      expect(one(header, 'f;;1;2;x ')).toBeNull();
      expect(one(header, "f;;1;2;'=x")).toBeNull();
      expect(one(header, 'f;;1;2;x')).not.toBeNull();
    },
  );
});
