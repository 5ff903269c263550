import { describe, expect, it } from 'vitest';
import { sortValues } from '../../../shared/stats/sort-values';
import { seededRandom } from '../../random';

const nativeSorted = (values: Float64Array): number[] => [...values.slice().sort()];

// Three ways to sort: native below 1,024 values, a radix sort by bytes below 4,096, by 11-bit digits above.
describe.each([
  { path: 'radix by bytes', n: 2000 },
  { path: 'radix by 11-bit digits', n: 20_000 },
])('sortValues, $path ($n values)', ({ n }) => {
  const random = seededRandom(n);

  it('sorts like Float64Array.prototype.sort, also a subarray in the middle of a buffer', () => {
    const values = new Float64Array(n + 6).map((_, i) =>
      i % 7 === 0 ? 0 : Math.round(random() * 10 ** (1 + (i % 9))) / 100,
    );
    values[5] = Number.MAX_VALUE;
    values[6] = Number.MIN_VALUE;
    const part = values.subarray(3, n + 3);
    const expected = nativeSorted(part);
    const before = [...values.subarray(0, 3), ...values.subarray(n + 3)];
    expect([...sortValues(part)]).toEqual(expected);
    expect([...values.subarray(0, 3), ...values.subarray(n + 3)]).toEqual(before);
  });

  it('sorts values that share their high digits (those passes are skipped) and durations of a box', () => {
    const close = new Float64Array(n).map(() => 1000 + Math.floor(random() * 256) / 1024);
    const scratch = new Float64Array(n + 1000).fill(-1);
    expect([...sortValues(close, scratch)]).toEqual(nativeSorted(close));
    // Log-normal cold starts with one decimal, as a real box holds them: every digit varies.
    const durations = new Float64Array(n).map(
      () => Math.round(Math.exp(5 + 0.4 * (random() + random() + random() - 1.5)) * 10) / 10,
    );
    expect([...sortValues(durations.slice())]).toEqual(nativeSorted(durations));
  });

  it('sorts values that differ only past their high word (runs of one high word, short and long)', () => {
    // Whole numbers from 100 to 511 plus at most 2^-30: each base's values share its high word (the radix
    // passes leave them in file order), in runs of about 8 (sorted by insertion) or about 1,000 (natively).
    for (const bases of [Math.floor(n / 8), Math.ceil(n / 1000)]) {
      const values = new Float64Array(n).map(
        () => 100 + Math.floor(random() * bases) + Math.floor(random() * 1024) * 2 ** -40,
      );
      expect(new Set(values).size).toBeGreaterThan(n / 2);
      expect([...sortValues(values.slice())]).toEqual(nativeSorted(values));
    }
  });

  it('falls back to the native order with negative values and -0', () => {
    const values = new Float64Array(n).map((_, i) => (i % 3 === 0 ? -random() : random()));
    values[10] = -0;
    values[11] = 0;
    const sorted = sortValues(values.slice());
    expect([...sorted]).toEqual(nativeSorted(values));
    expect(
      Object.is(
        sorted.find((v) => v === 0),
        -0,
      ),
    ).toBe(true);
    // A single negative value, last: the radix sort's first pass is what finds it.
    const last = new Float64Array(n).map(() => random());
    last[n - 1] = -1;
    expect([...sortValues(last.slice())]).toEqual(nativeSorted(last));
  });

  it('sorts right whatever scratch it is handed: too short, the values themselves, or exactly long enough', () => {
    const values = new Float64Array(n).map(() => Math.round(random() * 1e6) / 100);
    const expected = nativeSorted(values);
    expect([...sortValues(values.slice(), new Float64Array(10))]).toEqual(expected);
    const same = values.slice();
    expect([...sortValues(same, same)]).toEqual(expected);
    // Another view of the values' own memory is not scratch either: it would be overwritten while read.
    const shared = values.slice();
    expect([...sortValues(shared, new Float64Array(shared.buffer))]).toEqual(expected);
    // Scratch exactly as long as the values is used (and holds values afterwards), not a fresh buffer.
    const scratch = new Float64Array(n).fill(-1);
    expect([...sortValues(values.slice(), scratch)]).toEqual(expected);
    expect(scratch.includes(-1)).toBe(false);
  });
});

describe('sortValues at the edges of each way', () => {
  it('sorts 3, 1,023, 1,024, 4,095 and 4,096 values', () => {
    const random = seededRandom(7);
    for (const n of [3, 1023, 1024, 4095, 4096]) {
      const values = new Float64Array(n).map(() => Math.round(random() * 1e5) / 10);
      expect([...sortValues(values.slice())]).toEqual(nativeSorted(values));
    }
  });
});
