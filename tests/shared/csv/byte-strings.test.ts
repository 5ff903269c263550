import { describe, expect, it } from 'vitest';
import { ByteStrings, decodeBytes, FNV_START, fnvStep } from '../../../shared/csv/byte-strings';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const hashOf = (bytes: Uint8Array, from = 0, to = bytes.length): number => {
  let hash = FNV_START;
  for (let i = from; i < to; i++) hash = fnvStep(hash, bytes[i] as number);
  return hash;
};

describe('decodeBytes', () => {
  it.each([
    ['', ''],
    ['api', 'api'],
    ['x'.repeat(64), 'x'.repeat(64)],
    ['x'.repeat(65), 'x'.repeat(65)],
    ['é'.repeat(10), 'é'.repeat(10)],
    ['\uFEFFName', '\uFEFFName'],
  ])('decodes %j', (text, decoded) => {
    const bytes = utf8(`;${text};`);
    expect(decodeBytes(bytes, 1, bytes.length - 1)).toBe(decoded);
  });

  it('gives a replacement character for bytes that are not UTF-8, short or long', () => {
    expect(decodeBytes(new Uint8Array([0x61, 0xff, 0x62]), 0, 3)).toBe('a\uFFFDb');
    const long = new Uint8Array(100).fill(0x61);
    long[99] = 0x80;
    expect(decodeBytes(long, 0, 100)).toBe(`${'a'.repeat(99)}\uFFFD`);
  });
});

describe('FNV-1a', () => {
  it('is the 32-bit FNV-1a hash', () => {
    // Published test vectors (as signed 32-bit integers): "a" and "foobar".
    expect(FNV_START).toBe(0x811c9dc5 | 0);
    expect(hashOf(utf8('a'))).toBe(0xe40c292c | 0);
    expect(hashOf(utf8('foobar'))).toBe(0xbf9cf968 | 0);
  });
});

describe('ByteStrings', () => {
  it('gives equal bytes one string, wherever they are, and different bytes their own', () => {
    const strings = new ByteStrings();
    const bytes = utf8('api;api;apx;ap;api');
    const at = (from: number, to: number): string => strings.intern(bytes, from, to, hashOf(bytes, from, to));
    expect([at(0, 3), at(4, 7), at(8, 11), at(12, 14), at(15, 18)]).toEqual([
      'api',
      'api',
      'apx',
      'ap',
      'api',
    ]);
  });

  it('tells apart bytes whose hashes collide, of one length or not', () => {
    const strings = new ByteStrings();
    const bytes = utf8('abcabdab');
    expect(strings.intern(bytes, 0, 3, 7)).toBe('abc');
    expect(strings.intern(bytes, 3, 6, 7)).toBe('abd');
    expect(strings.intern(bytes, 6, 8, 7)).toBe('ab');
    expect(strings.intern(bytes, 0, 3, 7)).toBe('abc');
    expect(strings.intern(bytes, 3, 6, 7)).toBe('abd');
    expect(strings.intern(bytes, 6, 8, 7)).toBe('ab');
    // Same bytes under a hash of the same slot are another entry; the first is still found.
    expect(strings.intern(bytes, 0, 3, 7 + 256)).toBe('abc');
  });

  it('finds only the same bytes under a colliding hash: not a prefix, not the same letters elsewhere', () => {
    const strings = new ByteStrings();
    const bytes = utf8('zcabbacxyzab');
    expect(strings.intern(bytes, 0, 2, 99)).toBe('zc');
    expect(strings.intern(bytes, 2, 4, 7)).toBe('ab');
    expect(strings.intern(bytes, 5, 7, 7)).toBe('ac');
    expect(strings.intern(bytes, 7, 10, 7)).toBe('xyz');
    const prefixed = new ByteStrings();
    expect(prefixed.intern(bytes, 10, 12, 7)).toBe('ab');
    expect(prefixed.intern(bytes, 2, 5, 7)).toBe('abb');
    expect(prefixed.intern(bytes, 0, 3, 7)).toBe('zca');
    expect(prefixed.intern(bytes, 7, 10, 7)).toBe('xyz');
  });

  it('takes a first string longer than twice its byte pool', () => {
    const big = utf8('y'.repeat(10_000));
    expect(new ByteStrings().intern(big, 0, big.length, hashOf(big))).toBe('y'.repeat(10_000));
  });

  it('keeps every string through its tables and byte pool growing', () => {
    const strings = new ByteStrings();
    const words = Array.from({ length: 3000 }, (_, i) => `fn-${i}-${'x'.repeat(i % 40)}`);
    const bytes = utf8(words.join(';'));
    const spans: [number, number][] = [];
    let from = 0;
    for (const word of words) {
      spans.push([from, from + word.length]);
      from += word.length + 1;
    }
    for (let round = 0; round < 2; round++) {
      spans.forEach(([a, b], i) => {
        expect(strings.intern(bytes, a, b, hashOf(bytes, a, b))).toBe(words[i]);
      });
    }
    // A string longer than the whole pool.
    const big = utf8('y'.repeat(10_000));
    expect(strings.intern(big, 0, big.length, hashOf(big))).toBe('y'.repeat(10_000));
    expect(strings.intern(bytes, 0, 4, hashOf(bytes, 0, 4))).toBe('fn-0');
  });
});
