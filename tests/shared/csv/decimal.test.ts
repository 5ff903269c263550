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
});
