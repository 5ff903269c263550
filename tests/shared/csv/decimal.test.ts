import { describe, expect, it } from 'vitest';
import { EMPTY, INVALID, NEGATIVE, parseNonNegative, parseNonNegativeAt } from '../../../shared/csv/decimal';
import { seededRandom } from '../../random';

describe('parseNonNegative', () => {
  it('gives exactly the double Number() gives', () => {
    const next = seededRandom(7);
    const cells: string[] = [
      '0',
      '0.0',
      '00012',
      '.5',
      '5.',
      '1e3',
      '1E-3',
      '+2.5',
      '123456789012345',
      '1234567890123456',
      '0.1',
      '0.2',
      '0.30000000000000004',
      '5e-324',
      '1.7976931348623157e308',
      '9007199254740993',
      '1e22',
      '1e23',
      '3.14e-22',
      '2.5e-23',
    ];
    for (let i = 0; i < 20000; i++) {
      const v = next() * 10 ** Math.floor(next() * 12 - 4);
      cells.push(String(v), v.toFixed(Math.floor(next() * 6)), v.toPrecision(1 + Math.floor(next() * 17)));
    }
    for (const cell of cells) expect([cell, parseNonNegative(cell, false)]).toEqual([cell, Number(cell)]);
  });

  it('reads decimal commas only when asked', () => {
    expect(parseNonNegative('166,76', true)).toBe(166.76);
    expect(parseNonNegative('166,76', false)).toBe(INVALID);
    expect(parseNonNegative('1,234.5', true)).toBe(INVALID);
  });

  it('reports empty, invalid and negative cells', () => {
    expect(parseNonNegative('  ', false)).toBe(EMPTY);
    expect(parseNonNegative('-1.5', false)).toBe(NEGATIVE);
    expect(parseNonNegative('-0', false)).toBe(0);
    for (const bad of [
      'abc',
      '1.2.3',
      '0x10',
      'Infinity',
      'NaN',
      '1e',
      '1e+',
      '--1',
      '1 2',
      '1e999',
      '.',
      '-',
      '12ms',
    ]) {
      expect([bad, parseNonNegative(bad, true)]).toEqual([bad, INVALID]);
    }
  });

  it('reads a number in place, ignoring the spaces around it', () => {
    expect(parseNonNegativeAt('a;  166.76 ;b', 2, 11, false)).toBe(166.76);
  });

  it('answers with codes no value can be: every value is >= 0', () => {
    const codes = [EMPTY, INVALID, NEGATIVE];
    for (const code of codes) expect(code).toBeLessThan(0);
    expect(new Set(codes).size).toBe(3);
  });

  it.each([
    ['\t3\t', 3],
    ['\r3\r', 3],
    ['\n3\n', 3],
    ['\u00a03\u00a0', 3],
    ['\ufeff3', 3],
    ['\t\r\n\u00a0\ufeff', EMPTY],
    // Only the spaces a spreadsheet or an export writes; the other Unicode spaces are not a number's.
    ['\u20033', INVALID],
  ])('takes the white space around %j: %d', (cell, value) => {
    expect(parseNonNegative(cell, false)).toBe(value);
  });

  it('reads only text[start, end), whatever follows', () => {
    expect(parseNonNegativeAt('12345', 0, 2, false)).toBe(12);
    expect(parseNonNegativeAt(' 123', 0, 3, false)).toBe(12);
    expect(parseNonNegativeAt(' 1e12', 0, 4, false)).toBe(10);
    // A blank cell of a tab-separated line: the tab after it is white space too, but not the cell's.
    expect(parseNonNegativeAt('1\t \t2', 2, 3, true)).toBe(EMPTY);
    expect(parseNonNegativeAt('1\t\t2', 2, 2, true)).toBe(EMPTY);
    expect(parseNonNegativeAt('a;1234567890123456789;b', 2, 21, false)).toBe(Number('1234567890123456789'));
  });

  it('reads a decimal comma in a number too long for the fast path', () => {
    expect(parseNonNegative('1234567890123456,5', true)).toBe(Number('1234567890123456.5'));
    expect(parseNonNegative('0,1234567890123456789', true)).toBe(Number('0.1234567890123456789'));
    expect(parseNonNegativeAt('x;0,1234567890123456789;y', 2, 23, true)).toBe(
      Number('0.1234567890123456789'),
    );
    expect(parseNonNegative('1234567890123456,5', false)).toBe(INVALID);
  });

  it.each(['.5.', '..5', '5..', '1e2x', '1e/', '1e:', '1e+x', '1e2.5'])('calls %j not a number', (cell) => {
    expect(parseNonNegative(cell, true)).toBe(INVALID);
  });
});
