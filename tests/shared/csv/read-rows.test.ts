import { describe, expect, it } from 'vitest';
import { readRows, type OnPlainRow } from '../../../shared/csv/read-rows';

type Row = [line: number, cells: string[], quoteError: string | null];

/** Every row readRows hands on: its line, its raw cells and its quote error. */
function rowsOf(text: string, onPlainRow: OnPlainRow | null = null, stopAt = Infinity): Row[] {
  const rows: Row[] = [];
  readRows(
    text,
    ';',
    1,
    (row, line, quoteError) => {
      rows.push([line, Array.from({ length: row.width }, (_, i) => row.cell(i)), quoteError]);
      return rows.length < stopAt;
    },
    null,
    onPlainRow,
  );
  return rows;
}

describe('readRows', () => {
  it('cuts a text without quotes at LF and CRLF, the line break not in the last cell', () => {
    expect(rowsOf('a;b\r\nc;d\r\n')).toEqual([
      [1, ['a', 'b'], null],
      [2, ['c', 'd'], null],
      [3, [''], null],
    ]);
    expect(rowsOf('a;b\n\nc;d')).toEqual([
      [1, ['a', 'b'], null],
      [2, [''], null],
      [3, ['c', 'd'], null],
    ]);
    expect(rowsOf('\r\n')).toEqual([
      [1, [''], null],
      [2, [''], null],
    ]);
  });

  it('leaves a text with CR-only line ends to Papa Parse, which cuts it at each CR', () => {
    expect(rowsOf('a;b\rc')).toEqual([
      [1, ['a', 'b'], null],
      [2, ['c'], null],
    ]);
  });

  it('hands a line to the fast path first, and to onRow only when the fast path declines it', () => {
    const offered: [number, string][] = [];
    const text = 'a;b\r\nc\r\nd';
    const rows = rowsOf(text, (start, end, line) => {
      offered.push([line, text.slice(start, end)]);
      return line === 2;
    });
    expect(offered).toEqual([
      [1, 'a;b'],
      [2, 'c'],
      [3, 'd'],
    ]);
    expect(rows).toEqual([
      [1, ['a', 'b'], null],
      [3, ['d'], null],
    ]);
  });

  it('stops when onRow says so', () => {
    expect(rowsOf('a\nb\nc', null, 2)).toEqual([
      [1, ['a'], null],
      [2, ['b'], null],
    ]);
    expect(rowsOf('"a"\nb\nc', null, 1)).toEqual([[1, ['a'], null]]);
  });

  it('counts the lines of quoted fields that hold line breaks, and empty lines, through Papa Parse', () => {
    expect(rowsOf('"\nx";1\n\ny;"2\n\n"\nz')).toEqual([
      [1, ['\nx', '1'], null],
      [3, [''], null],
      [4, ['y', '2\n\n'], null],
      [7, ['z'], null],
    ]);
  });

  it('says which quote is wrong', () => {
    expect(rowsOf('a;"b"c";d\nx;y')).toEqual([
      [1, ['a', 'b"c', 'd'], 'a quote inside a field is not doubled'],
      [2, ['x', 'y'], null],
    ]);
    expect(rowsOf('a;"b\n')).toEqual([[1, ['a', 'b\n'], 'a quoted field is never closed']]);
  });

  it('names the lines a broken quote takes into its row (they are not rows of their own)', () => {
    // A quote closed too early is never closed after all: every line up to the end is in its cell.
    expect(rowsOf('"f"x;1\ng;2\nh;3\n')).toEqual([
      [
        1,
        ['f"x;1\ng;2\nh;3\n'],
        'a quoted field is never closed, so the 2 lines after it are read as part of this row',
      ],
    ]);
    expect(rowsOf('a;"b\nc;d')).toEqual([
      [
        1,
        ['a', 'b\nc;d'],
        'a quoted field is never closed, so the line after it is read as part of this row',
      ],
    ]);
  });
});
