import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/sample';
import { encode, readPlain, readRanges } from './plain-byte-reading';

// PlainByteRowReader's repeated-cell shortcut (a cell that repeats the one above it is not read again) and
// its line bounds: what it returns must be what reading the cell in full gives.

// The repeated-cell cases both plain readers share are in plain-reader-cases.ts.
describe('PlainByteRowReader: repeated cells', () => {
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
