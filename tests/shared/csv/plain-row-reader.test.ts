import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../shared/csv/header-mapping';
import { emptyImportReport } from '../../../shared/csv/import-report';
import { PlainRowReader } from '../../../shared/csv/plain-rows';
import { RowReader } from '../../../shared/csv/row-reader';
import { TextRowView } from '../../../shared/csv/row-view';
import type { Arch, Sample } from '../../../shared/sample';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { SampleColumnsBuilder } from '../../../shared/sample-columns-builder';

interface Options {
  delimiter?: string;
  decimalComma?: boolean;
  archDefault?: Arch | null;
  memoryDefault?: number;
}

/**
 * Each line read by PlainRowReader alone (one reader for all, as an import uses it): per line the sample it
 * took, or null when it left the line to RowReader.
 */
function readPlain(header: string, lines: string[], options: Options = {}): (Sample | null)[] {
  const delimiter = options.delimiter ?? ';';
  const mapping = mapHeader(header.split(delimiter), emptyImportReport('a.csv'), 1);
  if (typeof mapping === 'string') throw new Error(mapping);
  const text = lines.join('\n');
  const reader = new PlainRowReader(
    text,
    delimiter,
    mapping.index,
    header.split(delimiter).length,
    options.decimalComma ?? delimiter !== ',',
    options.archDefault ?? null,
    options.memoryDefault ?? NaN,
  );
  const out = new SampleColumnsBuilder(4);
  const taken: boolean[] = [];
  let start = 0;
  for (const line of lines) {
    taken.push(reader.read(start, start + line.length, out));
    start += line.length + 1;
  }
  const samples = samplesFromColumns(out.finish());
  return taken.map((t) => (t ? (samples.shift() as Sample) : null));
}

/** The same line as RowReader reads it: what the fast path must agree with. */
function readGeneral(header: string, line: string, options: Options = {}): Sample | null {
  const delimiter = options.delimiter ?? ';';
  const mapping = mapHeader(header.split(delimiter), emptyImportReport('a.csv'), 1);
  if (typeof mapping === 'string') throw new Error(mapping);
  const reader = new RowReader(
    mapping.index,
    header.split(delimiter).length,
    options.decimalComma ?? delimiter !== ',',
    options.archDefault ?? null,
    options.memoryDefault ?? NaN,
  );
  const view = new TextRowView(line, delimiter.charCodeAt(0));
  view.set(0, line.length);
  const out = new SampleColumnsBuilder(1);
  return reader.read(view, out) ? (samplesFromColumns(out.finish())[0] as Sample) : null;
}

const FIVE = 'Name;Memory;Init;Cold;Billed';
const ALL =
  'Name;Memory;Init;Cold;Billed;Arch;Runtime;MaxMemory;Restore;Status;RequestId;Timestamp;Run;ErrorType';

const one = (header: string, line: string, options?: Options): Sample | null =>
  readPlain(header, [line], options)[0] as Sample | null;

describe('PlainRowReader', () => {
  it('reads every column of a plain row to the values RowReader gives', () => {
    const line =
      'api;512;166.76;15.5;16;arm64;nodejs20.x;70;3.25;success;req-1;2026-01-01T00:00:00Z;run-1;Boom';
    const sample = one(ALL, line);
    expect(sample).toEqual({
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
    expect(sample).toEqual(readGeneral(ALL, line));
  });

  it('reads empty optional cells as unknown, and an Init of 0 as a warm start', () => {
    const line = 'api;;0;1;2;;;;;;;;;';
    const sample = one(ALL, line);
    expect(sample).toMatchObject({
      memoryMB: null,
      initMs: null,
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
    expect(sample).toEqual(readGeneral(ALL, line));
    expect(one(ALL, 'api;128;;1;2;x86_64;;0;0;;;;;')).toMatchObject({
      initMs: null,
      maxMemoryUsedMB: 0,
      restoreMs: 0,
      arch: 'x86_64',
    });
  });

  it.each([
    ['a number with a leading space', 'api;128; 3;1;2', 3],
    ['an exponent', 'api;128;1e3;1;2', 1000],
    ['a decimal comma', 'api;128;166,76;1;2', 166.76],
    ['16 digits', 'api;128;1234567890123456;1;2', 1234567890123456],
    ['a trailing point', 'api;128;12.;1;2', 12],
    ['a leading point', 'api;128;.5;1;2', 0.5],
  ])('reads %s as RowReader does', (_what, line, init) => {
    expect(one(FIVE, line)?.initMs).toBe(init);
    expect(one(FIVE, line)).toEqual(readGeneral(FIVE, line));
  });

  it('reads numbers at the end of a line and before a delimiter alike', () => {
    expect(one('Name;Cold;Billed;Init', 'api;1.25;2;166.76')).toMatchObject({
      durationMs: 1.25,
      billedMs: 2,
      initMs: 166.76,
    });
    expect(one('Name;Cold;Billed;Init', 'api;1.25;2;0.000001')?.initMs).toBe(0.000001);
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
    ['two points', 'api;128;1.2.3;2;3'],
    ['a fractional memory', 'api;128.5;1;2;3'],
    ['a memory of 0', 'api;0;1;2;3'],
    ['a negative memory', 'api;-128;1;2;3'],
    ['a negative Cold', 'api;128;1;-2;3'],
    ['a negative Billed', 'api;128;1;2;-3'],
  ])('leaves %s to RowReader', (_what, line) => {
    expect(one(FIVE, line)).toBeNull();
  });

  it('takes names with any printable ASCII at their edges', () => {
    expect(one(FIVE, '!a~;128;1;2;3')?.name).toBe('!a~');
    expect(one(FIVE, 'a b;128;1;2;3')?.name).toBe('a b');
    expect(one(FIVE, "a';128;1;2;3")?.name).toBe("a'");
  });

  it.each([
    ['x86_64', 'x86_64'],
    ['arm64', 'arm64'],
  ])('takes the Arch %s as it is', (cell, arch) => {
    expect(one('Name;Init;Cold;Billed;Arch', `f;;1;2;${cell}`)?.arch).toBe(arch);
    expect(one('Name;Arch;Init;Cold;Billed', `f;${cell};;1;2`)?.arch).toBe(arch);
  });

  it.each(['arm', 'ARM64', 'x86_64z', 'arm64z', 'x86-64', 'amd64', ' arm64', 'arm64 ', 'arm65', 'x86_65'])(
    'leaves the Arch %j to RowReader',
    (cell) => {
      expect(one('Name;Init;Cold;Billed;Arch', `f;;1;2;${cell}`)).toBeNull();
      expect(one('Name;Arch;Init;Cold;Billed', `f;${cell};;1;2`)).toBeNull();
    },
  );

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
  });

  it('reads a comma-delimited row, where a comma is no decimal separator', () => {
    const header = 'Name,Memory,Init,Cold,Billed';
    expect(one(header, 'api,128,1.5,2,3', { delimiter: ',' })).toMatchObject({ initMs: 1.5, durationMs: 2 });
    expect(one(header, 'api,128,1.5,2', { delimiter: ',' })).toBeNull();
  });

  it('reads repeated cells to the same values as new ones, and tells apart cells that only start alike', () => {
    const header = 'Name;Runtime;Init;Cold;Billed;RequestId;Status';
    const rows = readPlain(header, [
      'api;nodejs20.x;;1;2;r-1;ok',
      'api;nodejs20.x;;1;2;r-1;ok',
      'apix;nodejs20.xx;;1;2;r-12;okay',
      'ap;nodejs20;;1;2;r;o',
      'api;nodejs20.x;;1;2;r-1;ok',
      'api ;nodejs20.x;;1;2;r-1;ok',
      'api;nodejs20.x;;1;2;r-1; ok',
      'api;;;1;2;;',
      'api;nodejs20.x;;1;2;r-1;ok',
    ]);
    const picked = rows.map((s) => s && [s.name, s.runtime, s.requestId, s.status]);
    expect(picked).toEqual([
      ['api', 'nodejs20.x', 'r-1', 'ok'],
      ['api', 'nodejs20.x', 'r-1', 'ok'],
      ['apix', 'nodejs20.xx', 'r-12', 'okay'],
      ['ap', 'nodejs20', 'r', 'o'],
      ['api', 'nodejs20.x', 'r-1', 'ok'],
      null,
      null,
      ['api', null, null, null],
      ['api', 'nodejs20.x', 'r-1', 'ok'],
    ]);
  });

  it('finds where a repeated cell ends from where it starts, however short the first line', () => {
    const rows = readPlain('Name;Init;Cold;Billed', ['f;;1;2', 'f;;3;4', 'f;5;6;7']);
    expect(rows.map((s) => s && [s.name, s.initMs, s.durationMs, s.billedMs])).toEqual([
      ['f', null, 1, 2],
      ['f', null, 3, 4],
      ['f', 5, 6, 7],
    ]);
  });

  it('skips an empty first cell of an unknown column at the very start of the text', () => {
    expect(one('Extra;Name;Init;Cold;Billed', ';f;;1;2')).toMatchObject({ name: 'f', durationMs: 1 });
  });

  it('does not read a repeated cell past the end of its line', () => {
    // The Status "ok" is repeated at the start of the next line's text: it must not count.
    const rows = readPlain('Name;Init;Cold;Billed;Status', ['f;;1;2;okay', 'f;;1;2;ok', 'f;;1;2;o']);
    expect(rows.map((s) => s?.status)).toEqual(['okay', 'ok', 'o']);
  });

  it('keeps each text slot apart: a runtime repeated in the status column is read as the status', () => {
    const rows = readPlain('Name;Runtime;Status;Run;RequestId;Timestamp;ErrorType;Init;Cold;Billed', [
      'a;b;c;d;e;f;g;;1;2',
      'g;f;e;d;c;b;a;;1;2',
    ]);
    expect(
      rows.map((s) => s && [s.name, s.runtime, s.status, s.run, s.requestId, s.timestamp, s.errorType]),
    ).toEqual([
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      ['g', 'f', 'e', 'd', 'c', 'b', 'a'],
    ]);
  });
});
