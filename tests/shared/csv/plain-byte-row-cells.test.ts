import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/sample';
import { encode, readPlain, readRanges } from './plain-byte-reading';

// PlainByteRowReader's repeated-cell shortcut (a cell that repeats the one above it is not read again) and
// its line bounds: what it returns must be what reading the cell in full gives.

describe('PlainByteRowReader: repeated cells', () => {
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

  it('forgets the last values at new bytes (newBytes): the same place in other bytes is another cell', () => {
    const header = 'Name;Runtime;Status;ErrorType;Run;Init;Cold;Billed';
    const rows = readPlain(
      header,
      ['api;rt1;ok;E1;run-1;;1;2', 'apx;rt2;no;E2;run-2;;3;4', 'apx;rt2;no;E2;run-2;;3;4'],
      {
        apart: true,
      },
    );
    expect(rows.map((s) => s && [s.name, s.runtime, s.status, s.errorType, s.run, s.durationMs])).toEqual([
      ['api', 'rt1', 'ok', 'E1', 'run-1', 1],
      ['apx', 'rt2', 'no', 'E2', 'run-2', 3],
      ['apx', 'rt2', 'no', 'E2', 'run-2', 3],
    ]);
  });
});

describe('PlainByteRowReader: the line bytes[start, end)', () => {
  it('reads nothing at or past end, whatever follows the line', () => {
    // Each line is followed by bytes that would continue its last cell.
    const lineThen = (header: string, line: string, after: string): Sample | null =>
      readRanges(header, encode(line + after), [[0, line.length]])[0] as Sample | null;
    expect(lineThen('Name;Init;Cold;Billed', 'f;;1;2', '5')?.billedMs).toBe(2);
    expect(lineThen('Name;Init;Cold;Billed', 'f;;1;2', '5;')?.billedMs).toBe(2);
    expect(lineThen('Name;Init;Cold;Billed;Status', 'f;;1;2;ok', 'ay')?.status).toBe('ok');
    expect(lineThen('Name;Init;Cold;Billed;RequestId', 'f;;1;2;r-1', '2')?.requestId).toBe('r-1');
    expect(lineThen('Name;Init;Cold;Billed;Timestamp', 'f;;1;2;2026', 'Z;')?.timestamp).toBe('2026');
    expect(lineThen('Name;Init;Cold;Billed;Arch', 'f;;1;2;arm64', 'x')?.arch).toBe('arm64');
    expect(lineThen('Name;Init;Cold;Billed;Arch', 'f;;1;2;', 'arm64')).toMatchObject({ arch: null });
    expect(lineThen('Name;Init;Cold;Billed;Extra', 'f;;1;2;', '2;3')).toMatchObject({ billedMs: 2 });
  });

  it('does not take a repeated cell that continues past end', () => {
    // "okay" on the first line; the second ends in "ok" followed by "ay;": still "ok".
    const bytes = encode('f;;1;2;okay\nf;;1;2;okay;');
    const rows = readRanges('Name;Init;Cold;Billed;Status', bytes, [
      [0, 11],
      [12, 21],
    ]);
    expect(rows.map((s) => s?.status)).toEqual(['okay', 'ok']);
  });
});
