// The sort behind every box, median and quantile: a radix sort of doubles, for the million-value groups.

/** How a radix sort cuts a double's high 32-bit word into digits, one pass per digit. */
interface Digits {
  shift: readonly number[];
  mask: readonly number[];
  /** Slots per digit: the largest mask + 1. */
  radix: number;
}

/** 11 + 11 + 10 bits: three passes, for large arrays. */
const WIDE: Digits = { shift: [0, 11, 22], mask: [0x7ff, 0x7ff, 0x3ff], radix: 2048 };
/** Bytes: four passes, but histograms of 256 slots, for a few thousand values (a box of a big file). */
const BYTES: Digits = { shift: [0, 8, 16, 24], mask: [0xff, 0xff, 0xff, 0xff], radix: 256 };

/**
 * Below this many values the native sort wins: a radix sort's histograms cost a fixed number of steps, and
 * its loops start cold in a one-off CLI run. Measured (Node 20, log-normal durations): native and bytes about
 * even at 1,024 values, bytes 1.7x faster at 2,048; wide 1.2x faster than bytes at 4,096, 1.5x at 65,536.
 */
const BYTES_MIN = 1024;
const WIDE_MIN = 4096;

/**
 * Sorts finite values ascending in place, the same order as Float64Array.prototype.sort. Non-negative doubles
 * compare like their bits read as 64-bit integers, so an LSD radix sort over those bits (a pass skipped when
 * every value has the same digit) sorts a million values about five times faster than the native comparison
 * sort, and a box of 1,600 values about twice as fast; with a negative value or -0 among them, the native sort
 * does it. Only the high word (sign, exponent and the top 20 bits of the mantissa) is sorted by digits: it
 * tells apart any two durations that differ by more than a millionth of their size, so values that share it
 * are few and next to each other afterwards, and are sorted among themselves (sortTies). Half the passes of
 * sorting both words; values that mostly share their high word (a millionth apart) cost the native sort of
 * those runs. `scratch` (at least as long as `values`, not sharing its memory) saves allocating the sort's
 * second buffer.
 */
export function sortValues(values: Float64Array, scratch?: Float64Array): Float64Array {
  const n = values.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: which sort runs only changes the speed (every way sorts alike)
  if (n < BYTES_MIN) return values.sort();
  // Stryker disable next-line ConditionalExpression,EqualityOperator: either digits sort alike (only the speed differs)
  const digits = n < WIDE_MIN ? BYTES : WIDE;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const counts = digits === WIDE ? wideCounts(words, n) : byteCounts(words, n);
  if (counts === null) return values.sort();
  const other =
    scratch !== undefined && scratch.length >= n && scratch.buffer !== values.buffer
      ? scratch.subarray(0, n)
      : new Float64Array(n);
  const sorted = radixPasses(values, other, counts, digits);
  // Stryker disable next-line ConditionalExpression: copying the values onto themselves changes nothing
  if (sorted !== values) values.set(sorted);
  sortTies(values, words);
  return values;
}

/** Below this many values a run of one high word is sorted by insertion, above by the native sort. */
const INSERTION_MAX = 16;

/** Values ordered by their high word: each run of values with the same high word sorted in place. */
function sortTies(values: Float64Array, words: Uint32Array): void {
  const n = values.length;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: a run from the last value or past the end is one value at most, left as it is
  for (let from = 0; from < n - 1;) {
    const high = words[2 * from + 1] as number;
    let to = from + 1;
    // Stryker disable next-line LogicalOperator,ConditionalExpression,EqualityOperator: a word past the end reads undefined and ends the run there too; a run taken on to the end is still sorted whole (only slower)
    while (to < n && words[2 * to + 1] === high) to++;
    // Stryker disable ConditionalExpression,EqualityOperator,ArithmeticOperator: insertion and the native sort order a run alike (only the speed differs), and an insertion sort of one value changes nothing
    if (to - from > INSERTION_MAX) values.subarray(from, to).sort();
    else if (to - from > 1) insertionSort(values, from, to);
    // Stryker restore ConditionalExpression,EqualityOperator,ArithmeticOperator
    from = to;
  }
}

function insertionSort(values: Float64Array, from: number, to: number): void {
  // Stryker disable next-line ArithmeticOperator,EqualityOperator: the value before the run or after it is smaller or larger than all of it (another high word) and stays where it is
  for (let i = from + 1; i < to; i++) {
    const v = values[i] as number;
    let j = i - 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the value before the run is smaller (another high word, or undefined before 0) and stops it; equal values swapped are the same values
    while (j >= from && (values[j] as number) > v) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = v;
  }
}

function increment(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] as number) + 1;
}

/** The three wide digits' histograms of the high words, one after the other; null when a value is negative (or -0). */
function wideCounts(words: Uint32Array, n: number): Int32Array | null {
  const radix = WIDE.radix;
  const counts = new Int32Array(3 * radix);
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1] as number;
    if (hi >>> 31 !== 0) return null;
    increment(counts, hi & 0x7ff);
    increment(counts, radix + ((hi >>> 11) & 0x7ff));
    increment(counts, 2 * radix + (hi >>> 22));
  }
  return counts;
}

/** The four bytes' histograms of the high words, one after the other; null when a value is negative (or -0). */
function byteCounts(words: Uint32Array, n: number): Int32Array | null {
  const counts = new Int32Array(4 * 256);
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1] as number;
    if (hi >>> 31 !== 0) return null;
    increment(counts, hi & 0xff);
    increment(counts, 256 + ((hi >>> 8) & 0xff));
    increment(counts, 512 + ((hi >>> 16) & 0xff));
    increment(counts, 768 + (hi >>> 24));
  }
  return counts;
}

/**
 * The LSD passes, back and forth between `values` and `other` (same length): the array that ends up sorted.
 * `counts` holds each digit's histogram and is used up.
 */
function radixPasses(
  values: Float64Array,
  other: Float64Array,
  counts: Int32Array,
  digits: Digits,
): Float64Array {
  const n = values.length;
  const { radix } = digits;
  let src = values;
  let dst = other;
  let srcWords = new Uint32Array(src.buffer, src.byteOffset, n * 2);
  let dstWords = new Uint32Array(dst.buffer, dst.byteOffset, n * 2);
  for (let pass = 0; pass < digits.shift.length; pass++) {
    const base = pass * radix;
    // Counts become the first slot of each digit; a digit holding every value means nothing moves.
    let sum = 0;
    let trivial = false;
    for (let d = base; d < base + radix; d++) {
      const c = counts[d] as number;
      // Stryker disable next-line ConditionalExpression,BlockStatement: a pass over one digit moves every value to where it is (only slower)
      if (c === n) {
        trivial = true;
        break;
      }
      counts[d] = sum;
      sum += c;
    }
    if (trivial) continue;
    const shift = digits.shift[pass] as number;
    const mask = digits.mask[pass] as number;
    for (let i = 0; i < n; i++) {
      const slot = base + (((srcWords[2 * i + 1] as number) >>> shift) & mask);
      dst[counts[slot] as number] = src[i] as number;
      increment(counts, slot);
    }
    [src, dst] = [dst, src];
    [srcWords, dstWords] = [dstWords, srcWords];
  }
  return src;
}
