import { describe, expect, it } from 'vitest';
import { describeValue, jsonSyntaxMessage, lineAndColumn } from '../../../shared/baseline/json-text';

describe('describeValue', () => {
  it.each([
    [null, 'null'],
    [[], 'an empty array'],
    [[1], 'an array'],
    ['abc', 'a string ("abc")'],
    ['', 'a string ("")'],
    ['x'.repeat(40), `a string ("${'x'.repeat(40)}")`],
    ['x'.repeat(41), `a string ("${'x'.repeat(40)}…")`],
    [-1.5, 'a number (-1.5)'],
    [true, 'true'],
    [false, 'false'],
    [{}, 'an empty object'],
    [{ a: 1, b: 2 }, 'an object with keys a, b'],
    [{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, 'an object with keys a, b, c, d, e, f'],
    [{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }, 'an object with keys a, b, c, d, e, f, …'],
    [undefined, 'undefined'],
  ])('%j is %s', (value, words) => {
    expect(describeValue(value)).toBe(words);
  });
});

describe('lineAndColumn', () => {
  it('counts lines from 1 and columns from 1 after the last line break', () => {
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('abc', 2)).toEqual({ line: 1, column: 3 });
    expect(lineAndColumn('ab\ncd\nef', 3)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
    // The offset of the end of the text (a missing closing bracket) is the column after the last character.
    expect(lineAndColumn('ab\ncd', 99)).toEqual({ line: 2, column: 3 });
  });
});

describe('jsonSyntaxMessage', () => {
  it('gives the line and column of the first mistake', () => {
    expect(jsonSyntaxMessage('{\n "a": x}', new SyntaxError('whatever V8 says'))).toBe(
      "line 2, column 7: not JSON: expected a value, found 'x'",
    );
  });

  it("falls back to JSON.parse's own first line when the scanner finds no mistake", () => {
    expect(jsonSyntaxMessage('{"a": 1}', new SyntaxError('too deep\nat depth 10000'))).toBe(
      'not JSON: too deep',
    );
    expect(jsonSyntaxMessage('[]', 'out of memory')).toBe('not JSON: out of memory');
  });
});
