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
  ])('calls %j blank: %s', (line, blank) => {
    const { view, cells } = viewOf([line]);
    cells(0);
    expect(view.blank()).toBe(blank);
  });
});

describe('ArrayRowView', () => {
  it('reads the cells Papa Parse gave, and those past the row as empty', () => {
    const view = new ArrayRowView();
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
