import { describe, expect, it } from 'vitest';
import { emptySample, type Arch, type Sample } from '../../../shared/sample';

// Both plain readers, PlainRowReader (a line of text) and PlainByteRowReader (a line of bytes), follow one
// rule (plain-roles.ts): these cases run against each, so that the rule is stated once and the two cannot
// drift apart. A line a reader leaves is read the same by RowReader, so only tests like these tell that it
// takes the plain rows it is there for.

export interface ReadOptions {
  delimiter?: string;
  decimalComma?: boolean;
  archDefault?: Arch | null;
  memoryDefault?: number;
}

/** Per line the sample the reader took (one reader for all the lines, as an import uses it), or null. */
export type ReadPlain = (header: string, lines: string[], options?: ReadOptions) => (Sample | null)[];

export const FIVE = 'Name;Memory;Init;Cold;Billed';
export const ALL =
  'Name;Memory;Init;Cold;Billed;Arch;Runtime;MaxMemory;Restore;Status;RequestId;Timestamp;Run;ErrorType';
/** A row of ALL with every cell plain, and the sample it is. */
export const ALL_LINE =
  'api;512;166.76;15.5;16;arm64;nodejs20.x;70;3.25;success;req-1;2026-01-01T00:00:00Z;run-1;Boom';
const ALL_SAMPLE: Sample = {
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
};

export function describePlainRows(reader: string, readPlain: ReadPlain): void {
  const one = (header: string, line: string, options?: ReadOptions): Sample | null =>
    readPlain(header, [line], options)[0] as Sample | null;

  describe(`${reader}: the rows it takes and leaves`, () => {
    it('reads every column of a plain row', () => {
      expect(one(ALL, ALL_LINE)).toEqual(ALL_SAMPLE);
    });

    it('reads empty optional cells as unknown, and an Init of 0 as a warm start', () => {
      expect(one(ALL, 'api;;0;1;2;;;;;;;;;')).toEqual({ ...emptySample('api'), durationMs: 1, billedMs: 2 });
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

    // Wrong at each byte of the two names, and near misses.
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
      const comma = { delimiter: ',' };
      expect(one(header, 'api,128,1.5,2,3', comma)).toMatchObject({ initMs: 1.5, durationMs: 2 });
      expect(one(header, 'api,128,1.5,2', comma)).toBeNull();
      expect(one(header, 'api,128,1.5,2,3', { ...comma, decimalComma: false })?.initMs).toBe(1.5);
    });

    it('reads a decimal comma only when the file uses one', () => {
      const header = 'Name|Memory|Init|Cold|Billed';
      expect(one(header, 'api|128|1,5|2|3', { delimiter: '|', decimalComma: true })?.initMs).toBe(1.5);
      expect(one(header, 'api|128|1,5|2|3', { delimiter: '|', decimalComma: false })).toBeNull();
    });

    it.each(['Runtime', 'Status', 'ErrorType', 'Run'])(
      'leaves a %s cell with spaces at its edges or an escape to RowReader',
      (c) => {
        const header = `Name;Init;Cold;Billed;${c}`;
        expect(one(header, 'f;;1;2; x')).toBeNull();
        expect(one(header, 'f;;1;2;x ')).toBeNull();
        expect(one(header, "f;;1;2;'=x")).toBeNull();
        expect(one(header, 'f;;1;2;x')).not.toBeNull();
      },
    );
  });

  // A cell that repeats the one above it is not read again: what the shortcut gives must be what reading the
  // cell in full gives.
  describe(`${reader}: repeated cells`, () => {
    it('reads repeated cells to the same values as new ones, and tells apart cells that only start alike', () => {
      const header = 'Name;Runtime;Init;Cold;Billed;RequestId;Status';
      const rows = readPlain(header, [
        'api;nodejs20.x;;1;2;r-1;ok',
        'api;nodejs20.x;;1;2;r-1;ok',
        'apix;nodejs20.xx;;1;2;r-12;okay',
        'ap;nodejs20;;1;2;r;o',
        'api;nodejs20.x;;1;2;r-1;ok',
        'apj;nodejs20.y;;1;2;r-2;ol',
        'bpi;modejs20.x;;1;2;s-1;pk',
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
        ['apj', 'nodejs20.y', 'r-2', 'ol'],
        ['bpi', 'modejs20.x', 's-1', 'pk'],
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

    it('does not read a repeated cell past the end of its line', () => {
      // The Status "ok" is repeated at the start of the next line's bytes: it must not count.
      const rows = readPlain('Name;Init;Cold;Billed;Status', ['f;;1;2;okay', 'f;;1;2;ok', 'f;;1;2;o']);
      expect(rows.map((s) => s?.status)).toEqual(['okay', 'ok', 'o']);
      const names = readPlain('Init;Cold;Billed;Name', [';1;2;fx', ';1;2;f', ';1;2;fx']);
      expect(names.map((s) => s?.name)).toEqual(['fx', 'f', 'fx']);
    });

    it('keeps each text slot apart: a runtime repeated in the status column is read as the status', () => {
      const rows = readPlain('Name;Runtime;Status;Run;RequestId;Timestamp;ErrorType;Init;Cold;Billed', [
        'a;b;c;d;e;f;g;;1;2',
        'g;f;e;d;c;b;a;;1;2',
        'a;b;c;d;e;f;g;;1;2',
      ]);
      expect(
        rows.map((s) => s && [s.name, s.runtime, s.status, s.run, s.requestId, s.timestamp, s.errorType]),
      ).toEqual([
        ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
        ['g', 'f', 'e', 'd', 'c', 'b', 'a'],
        ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      ]);
    });
  });
}
