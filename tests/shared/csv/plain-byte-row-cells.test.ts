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

describe('PlainByteRowReader: a cell compared with the one above it, four bytes at a time', () => {
  it('tells apart names that differ from the row above in any one byte, whatever their length', () => {
    const lines: string[] = [];
    // Distinct letters, and one letter over and over (a word compared one byte off would still match it).
    for (const letters of ['abcdefghijklm', 'aaaaaaaaaaaaa'])
      for (let length = 1; length <= letters.length; length++) {
        const name = letters.slice(0, length);
        for (let at = 0; at < length; at++)
          lines.push(`${name};1;2;3`, `${name.slice(0, at)}Z${name.slice(at + 1)};1;2;3`, `${name};1;2;3`);
      }
    const rows = readPlain('Name;Init;Cold;Billed', lines);
    expect(rows.map((s) => s?.name)).toEqual(lines.map((line) => line.split(';')[0]));
  });
});

describe('PlainByteRowReader: where a line ends', () => {
  const FIVE_CELLS = 'Name;Init;Cold;Billed;Status';

  it('reads nothing at or past end, whatever follows the line', () => {
    // Each line is followed by bytes that would continue its last cell.
    const lineThen = (header: string, line: string, after: string): Sample | null => {
      const [read] = readRanges(header, encode(line + after), [[0, line.length]]);
      if (read == null) return null;
      expect(read.lineEnd).toBe(line.length);
      return read.sample;
    };
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
    const rows = readRanges(FIVE_CELLS, bytes, [
      [0, 11],
      [12, 21],
    ]);
    expect(rows.map((r) => r?.sample.status)).toEqual(['okay', 'ok']);
  });

  it('ends a line at its LF or CRLF, whatever kind of cell is last, and says where', () => {
    // The last cell of each header in turn: a text, a number, an arch, an ignored column, a request id.
    const cases: [string, string, (s: Sample) => unknown, unknown][] = [
      [FIVE_CELLS, 'f;1;2;3;ok', (s) => s.status, 'ok'],
      ['Name;Init;Cold;Billed', 'f;1;2;3.5', (s) => s.billedMs, 3.5],
      ['Name;Init;Cold;Billed;Arch', 'f;1;2;3;arm64', (s) => s.arch, 'arm64'],
      ['Name;Init;Cold;Billed;Extra', 'f;1;2;3;x', (s) => s.billedMs, 3],
      ['Name;Init;Cold;Billed;RequestId', 'f;1;2;3;r-1', (s) => s.requestId, 'r-1'],
      [FIVE_CELLS, 'f;1;2;3;', (s) => s.status, null],
    ];
    for (const [header, line, value, expected] of cases) {
      for (const lineBreak of ['\n', '\r\n']) {
        const bytes = encode(`${line}${lineBreak}${line}${lineBreak}`);
        const second = line.length + lineBreak.length;
        const rows = readRanges(header, bytes, [
          [0, bytes.length],
          [second, bytes.length],
        ]);
        const lineEnds = [second - 1, bytes.length - 1];
        expect(
          rows.map((r) => r?.lineEnd),
          `${line} ${JSON.stringify(lineBreak)}`,
        ).toEqual(lineEnds);
        expect(rows.map((r) => r && value(r.sample))).toEqual([expected, expected]);
      }
    }
  });

  it('ends the last line at a CR before end (CRLF cut by the end of the bytes)', () => {
    const bytes = encode('f;1;2;3;ok\r');
    expect(readRanges(FIVE_CELLS, bytes, [[0, bytes.length]])).toEqual([
      { sample: expect.objectContaining({ status: 'ok' }), lineEnd: bytes.length },
    ]);
  });

  it('leaves a row with a CR that is not before a line break to RowReader', () => {
    for (const line of [
      'f;1;2;3;o\rk\n',
      'f;1\r;2;3;ok\n',
      'f;1;2;3;ok\r\r\n',
      'f\r;1;2;3;ok\n',
      'f;1;2;3;ok\rx',
    ])
      expect(readRanges(FIVE_CELLS, encode(line), [[0, line.length]]), JSON.stringify(line)).toEqual([null]);
  });

  it('leaves a line with too few cells before its line break to RowReader, even if the next line has more', () => {
    const bytes = encode('f;1;2\n3;ok\n');
    expect(readRanges(FIVE_CELLS, bytes, [[0, bytes.length]])).toEqual([null]);
  });
});
