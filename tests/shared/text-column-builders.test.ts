import { describe, expect, it } from 'vitest';
import { packedTextOf } from '../../shared/sample-columns';
import { TextCoder, TextPacker } from '../../shared/text-column-builders';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const values = (column: ReturnType<TextPacker['finish']>, n: number) =>
  Array.from({ length: n }, (_, i) => packedTextOf(column, i));

describe('TextPacker', () => {
  it('keeps values given as strings, as ASCII bytes and none, in their order, across 1 MB pools', () => {
    const n = 70_000;
    const packer = new TextPacker(n);
    const expected: (string | null)[] = [];
    // Room for the bytes around each value: setAscii reads only [from, to).
    const line = ascii('xx;aaaaaaaa-bbbb-cccc-dddd-000000000000;yy');
    for (let i = 0; i < n; i++) {
      if (i % 1000 === 7) {
        packer.skip(i);
        expected.push(null);
      } else if (i % 10_007 === 3 || (i >= 40_000 && i < 40_003)) {
        const value = `ü-${i}`;
        packer.set(i, value);
        expected.push(value);
      } else {
        const id = String(i).padStart(12, '0');
        line.set(ascii(id), 27);
        packer.setAscii(i, line, 3, 39);
        expected.push(`aaaaaaaa-bbbb-cccc-dddd-${id}`);
      }
    }
    const column = packer.finish((a) => a);
    // 36 bytes × ~69,000: more than two pools' worth between the strings.
    expect(column.text.length).toBeGreaterThan(2 * (1 << 20));
    const read = values(column, n);
    // The first sample that differs (-1: none), not a diff of 70,000 values.
    expect(read.findIndex((v, i) => v !== expected[i])).toBe(-1);
  });

  it('keeps a value longer than the pool', () => {
    const long = 'r'.repeat((1 << 20) + 10);
    const packer = new TextPacker(3);
    packer.setAscii(0, ascii('abc'), 0, 3);
    packer.setAscii(1, ascii(long), 0, long.length);
    packer.setAscii(2, ascii('de'), 0, 2);
    expect(
      values(
        packer.finish((a) => a),
        3,
      ),
    ).toEqual(['abc', long, 'de']);
  });

  it('appends another column (a second thread part) after its own values, and a column of none', () => {
    const packer = new TextPacker(16);
    packer.setAscii(0, ascii('first'), 0, 5);
    packer.set(1, 'second');
    packer.append(2, 3, { text: 'abcdef', ends: Uint32Array.from([1, 1, 6]) });
    packer.append(5, 2, null);
    packer.setAscii(7, ascii('last'), 0, 4);
    expect(
      values(
        packer.finish((a) => a.subarray(0, 8)),
        8,
      ),
    ).toEqual(['first', 'second', 'a', null, 'bcdef', null, null, 'last']);
  });
});

describe('TextCoder', () => {
  it('codes values from 1 in order of first appearance, a value seen before with its first code', () => {
    const coder = new TextCoder();
    expect(['b', 'b', 'a', 'b', 'c', 'a'].map((v) => coder.code(v))).toEqual([1, 1, 2, 1, 3, 2]);
    expect(coder.values).toEqual(['b', 'a', 'c']);
  });
});
