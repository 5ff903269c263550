import { describe, expect, it } from 'vitest';
import { encode, readPlain, readRanges } from './plain-byte-reading';

// PlainByteRowReader at the limits of a row: its cells against the header's width, `end`, and the cell of
// the row above that a repeated cell is compared with.

const HEADER = 'Name;Memory;Init;Cold;Billed';

describe('PlainByteRowReader: the cells of a row', () => {
  it('leaves a row with fewer cells than the header to RowReader', () => {
    expect(readPlain(HEADER, ['f;128;1;2', 'f;128;1;2;3', 'f;128'])).toEqual([
      null,
      expect.objectContaining({ name: 'f', billedMs: 3 }),
      null,
    ]);
  });

  it('ends a row at `end` even where a delimiter follows it', () => {
    const bytes = encode('f;128;1;2;3;x;y\n');
    // [0, 11): the row's five cells; the bytes from 11 on are not the row's.
    expect(readRanges(HEADER, bytes, [[0, 11]])).toEqual([
      { sample: expect.objectContaining({ name: 'f', memoryMB: 128, billedMs: 3 }), lineEnd: 11 },
    ]);
  });
});

describe('PlainByteRowReader: a cell compared with the one above it', () => {
  it('compares with the cell above, not the bytes after it', () => {
    // Four bytes after the first row's name, 8 to 12, hold "wxyz": the next row's name, as long as "abcd".
    const header = 'Name;Runtime;Init;Cold;Billed';
    expect(
      readPlain(header, ['abcd;xxxwxyz;;1;2', 'wxyz;r;;1;2', 'wxyz;r;;1;3']).map((s) => s?.name),
    ).toEqual(['abcd', 'wxyz', 'wxyz']);
  });
});
