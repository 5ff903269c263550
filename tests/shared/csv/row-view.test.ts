import { describe, expect, it } from 'vitest';
import { EMPTY } from '../../../shared/csv/decimal';
import { ArrayRowView, TextRowView } from '../../../shared/csv/row-view';
import { seededRandom } from '../../random';

/** A view over `lines` (joined by \n) and a function that points it at line k and returns its cells. */
function viewOf(lines: string[], delimiter = ';'): { view: TextRowView; cells: (k: number) => string[] } {
  const text = lines.join('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const view = new TextRowView(text, delimiter.charCodeAt(0));
  const cells = (k: number): string[] => {
    const start = starts[k] as number;
    view.set(start, start + (lines[k] as string).length);
    return Array.from({ length: view.width }, (_, i) => view.cell(i));
  };
  return { view, cells };
}

describe('TextRowView', () => {
  it('cuts a line at every delimiter, empty cells included', () => {
    const { view, cells } = viewOf(['a;bc;;d;', '', ';', 'x,y;z'], ';');
    expect(cells(0)).toEqual(['a', 'bc', '', 'd', '']);
    expect(cells(1)).toEqual(['']);
    expect(view.width).toBe(1);
    expect(cells(2)).toEqual(['', '']);
    expect(cells(3)).toEqual(['x,y', 'z']);
    expect(view.cell(2)).toBe('');
    expect(view.cell(99)).toBe('');
  });

  it('holds rows of any width', () => {
    const wide = Array.from({ length: 100 }, (_, i) => `c${i}`);
    const { view, cells } = viewOf([wide.join(','), 'a,b'], ',');
    expect(cells(0)).toEqual(wide);
    expect(view.width).toBe(100);
    expect(cells(1)).toEqual(['a', 'b']);
  });

  it('gives every cell its own text, whichever recent values of its column it resembles', () => {
    // Values of one length that differ in one place (first, middle, last), repeats, more distinct values
    // than the column remembers, and a column of ids that never repeat.
    const next = seededRandom(5);
    const words = ['api', 'apx', 'xpi', 'aqi', 'api', 'ap', 'apis', 'fn-1', 'fn-2', 'fn-3', 'fn-4', 'fn-5'];
    const lines: string[] = [];
    for (let k = 0; k < 3000; k++) {
      const word = words[Math.floor(next() * (k < 1500 ? 3 : words.length))] as string;
      lines.push(`${word};req-${k};${k % 10 === 0 ? '' : word.toUpperCase()}`);
    }
    const { cells } = viewOf(lines);
    lines.forEach((line, k) => expect(cells(k), line).toEqual(line.split(';')));
  });

  it('reads only up to the end it is given, even where a delimiter follows', () => {
    const view = new TextRowView('a;b;c', ';'.charCodeAt(0));
    view.set(0, 3);
    expect(view.width).toBe(2);
    expect([view.cell(0), view.cell(1), view.cell(2)]).toEqual(['a', 'b', '']);
  });

  it('forgets the cells of a wider row before', () => {
    const { view, cells } = viewOf(['a;b;7', ';']);
    cells(0);
    expect(cells(1)).toEqual(['', '']);
    expect(view.cell(2)).toBe('');
    expect(view.number(2, false)).toBe(EMPTY);
    expect(view.blank()).toBe(true);
  });

  it('reads a line of one repeated character, whatever its length', () => {
    for (let n = 1; n <= 40; n++) {
      const line = 'x'.repeat(n);
      expect(viewOf([line]).cells(0), line).toEqual([line]);
    }
  });

  it('tells apart values of one length that differ in every place', () => {
    const lines = ['ab;12', 'cd;34', 'ab;43', 'cd;21', 'ef;12'];
    const { cells } = viewOf(lines);
    lines.forEach((line, k) => expect(cells(k), line).toEqual(line.split(';')));
  });

  it('reads numbers in place, and a cell past the row as empty', () => {
    const { view, cells } = viewOf(['166.76; 3 ;1,5;x']);
    cells(0);
    expect(view.number(0, false)).toBe(166.76);
    expect(view.number(1, false)).toBe(3);
    expect(view.number(2, true)).toBe(1.5);
    expect(view.number(3, true)).toBeLessThan(0);
    expect(view.number(4, true)).toBe(EMPTY);
  });

  it.each([
    ['', true],
    [';;;', true],
    [' ; \t;\r', true],
    ['\u00a0;\u2003', true],
    [';;x', false],
    ['; a ;', false],
    ['\u00a0é', false],
    [';\u00e9', false],
    ['\u00a0;;0', false],
    // Form feed and vertical tab are white space to String.prototype.trim (and to ArrayRowView); U+0080 and
    // other control characters are not.
    ['\f', true],
    [' \v ;\f', true],
    ['\u0080', false],
    ['\u0001', false],
    ['\f\u0001', false],
  ])('calls %j blank: %s, as ArrayRowView does', (line, blank) => {
    const { view, cells } = viewOf([line]);
    cells(0);
    expect(view.blank()).toBe(blank);
    const array = new ArrayRowView();
    array.row = line.split(';');
    expect(array.blank()).toBe(blank);
  });
});

describe('ArrayRowView', () => {
  it('reads the cells Papa Parse gave, and those past the row as empty', () => {
    const view = new ArrayRowView();
    expect(view.width).toBe(0);
    expect(view.blank()).toBe(true);
    view.row = ['api', ' 3 ', ''];
    expect(view.width).toBe(3);
    expect(view.cell(0)).toBe('api');
    expect(view.cell(5)).toBe('');
    expect(view.number(1, false)).toBe(3);
    expect(view.number(2, false)).toBe(EMPTY);
    expect(view.number(7, false)).toBe(EMPTY);
    expect(view.blank()).toBe(false);
    view.row = [' ', '\t', ''];
    expect(view.blank()).toBe(true);
  });
});
