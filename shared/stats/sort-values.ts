// The sort behind every box, median and quantile: a radix sort of doubles, for the million-value groups.

// Radix digits of a double's two 32-bit words, low word first: 11 + 11 + 10 bits each.
const DIGIT_WORD = [0, 0, 0, 1, 1, 1];
const DIGIT_SHIFT = [0, 11, 22, 0, 11, 22];
const DIGIT_MASK = [0x7ff, 0x7ff, 0x3ff, 0x7ff, 0x7ff, 0x3ff];
const RADIX = 2048;
/**
 * Below this many values the native sort wins (a radix sort's histograms cost a fixed ~12k steps, and its
 * loops start cold in a one-off CLI run): measured about even at 5,000 values, native twice as fast at 1,450.
 */
const RADIX_MIN = 4096;

function increment(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] as number) + 1;
}

/**
 * Sorts finite values ascending in place, the same order as Float64Array.prototype.sort. Non-negative doubles
 * compare like their bits read as 64-bit integers, so an LSD radix sort over those bits (six passes of at most
 * 11 bits, a pass skipped when every value has the same digit) sorts a million values about five times faster
 * than the native comparison sort; with a negative value or -0 among them, the native sort does it.
 * `scratch` (at least as long as `values`, not sharing its memory) saves allocating the sort's second buffer.
 */
export function sortValues(values: Float64Array, scratch?: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_MIN) return values.sort();
  let src = values;
  let srcWords = new Uint32Array(src.buffer, src.byteOffset, n * 2);
  const counts = new Int32Array(6 * RADIX);
  for (let i = 0; i < n; i++) {
    const lo = srcWords[2 * i] as number;
    const hi = srcWords[2 * i + 1] as number;
    if (hi >>> 31 !== 0) return values.sort();
    increment(counts, lo & 0x7ff);
    increment(counts, RADIX + ((lo >>> 11) & 0x7ff));
    increment(counts, 2 * RADIX + (lo >>> 22));
    increment(counts, 3 * RADIX + (hi & 0x7ff));
    increment(counts, 4 * RADIX + ((hi >>> 11) & 0x7ff));
    increment(counts, 5 * RADIX + (hi >>> 22));
  }
  let dst =
    scratch !== undefined && scratch.length >= n && scratch.buffer !== values.buffer
      ? scratch.subarray(0, n)
      : new Float64Array(n);
  let dstWords = new Uint32Array(dst.buffer, dst.byteOffset, n * 2);
  for (let pass = 0; pass < 6; pass++) {
    const base = pass * RADIX;
    // Counts become the first slot of each digit; a digit holding every value means nothing moves.
    let sum = 0;
    let trivial = false;
    for (let d = base; d < base + RADIX; d++) {
      const c = counts[d] as number;
      if (c === n) {
        trivial = true;
        break;
      }
      counts[d] = sum;
      sum += c;
    }
    if (trivial) continue;
    const word = DIGIT_WORD[pass] as number;
    const shift = DIGIT_SHIFT[pass] as number;
    const mask = DIGIT_MASK[pass] as number;
    for (let i = 0; i < n; i++) {
      const slot = base + (((srcWords[2 * i + word] as number) >>> shift) & mask);
      dst[counts[slot] as number] = src[i] as number;
      increment(counts, slot);
    }
    [src, dst] = [dst, src];
    [srcWords, dstWords] = [dstWords, srcWords];
  }
  if (src !== values) values.set(src);
  return values;
}
