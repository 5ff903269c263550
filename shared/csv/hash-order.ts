// The candidate rows of the duplicate check, ordered by hash (see findDuplicates).

const HASH_RADIX = 2048;

/**
 * Sample indexes ordered by hash, file order among equal hashes (a stable LSD radix sort of the 32-bit hashes
 * in three passes), and the hashes in that order (`hashes` is used up).
 */
export function orderByHash(hashes: Uint32Array): { order: Int32Array; sorted: Uint32Array } {
  const n = hashes.length;
  let keys: Uint32Array = hashes;
  let order: Int32Array = rowsOf(n);
  let nextKeys: Uint32Array = new Uint32Array(n);
  let nextOrder: Int32Array = new Int32Array(n);
  const counts = digitCounts(keys);
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * HASH_RADIX;
    let sum = 0;
    for (let d = base; d < base + HASH_RADIX; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    scatterByDigit(keys, order, nextKeys, nextOrder, counts, base, pass * 11);
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  return { order, sorted: keys };
}

// The loops of the duplicate check are functions of their own. A run of the CLI calls each once or a few
// times: V8 compiles a long loop while it runs, and code after it inside the same function then has no type
// feedback, so the compiled code was thrown away there and the next loop began again in the interpreter.

/** 0, 1, ..., n - 1. */
function rowsOf(n: number): Int32Array {
  const rows = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: a typed array ignores the write past its end
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** The three 11-bit digits' histograms of the keys, one after the other. */
function digitCounts(keys: Uint32Array): Int32Array {
  const counts = new Int32Array(3 * HASH_RADIX);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    bump(counts, key & 0x7ff);
    bump(counts, HASH_RADIX + ((key >>> 11) & 0x7ff));
    bump(counts, 2 * HASH_RADIX + (key >>> 22));
  }
  return counts;
}

/** One pass of the radix sort: keys and their order moved to their digit's next slot. */
function scatterByDigit(
  keys: Uint32Array,
  order: Int32Array,
  nextKeys: Uint32Array,
  nextOrder: Int32Array,
  counts: Int32Array,
  base: number,
  shift: number,
): void {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    const slot = base + ((key >>> shift) & 0x7ff);
    const to = counts[slot] as number;
    counts[slot] = to + 1;
    nextKeys[to] = key;
    nextOrder[to] = order[i] as number;
  }
}

function bump(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] as number) + 1;
}

/**
 * The rows whose hash shares its bucket (low bits of the hash) with another row's, in file order. Every
 * duplicate is among them, and with 16 buckets per row few others are: two passes over bitmaps small enough
 * for the cache, so that the sort after it handles a few percent of the rows instead of all of them.
 */
export function candidateRows(hashes: Uint32Array): Int32Array {
  const n = hashes.length;
  // Stryker disable next-line MethodExpression,ArithmeticOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
  const bits = Math.min(24, Math.max(10, Math.ceil(Math.log2(n + 1)) + 4));
  const mask = (1 << bits) - 1;
  // Stryker disable next-line ArithmeticOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
  const seen = new Int32Array(1 << (bits - 5));
  // Stryker disable next-line ArithmeticOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
  const twice = new Int32Array(1 << (bits - 5));
  markBuckets(hashes, mask, seen, twice);
  return rowsInBuckets(hashes, mask, twice);
}

/** Sets the bit of each hash's bucket in `seen`, and in `twice` when `seen` had it already. */
function markBuckets(hashes: Uint32Array, mask: number, seen: Int32Array, twice: Int32Array): void {
  // Stryker disable next-line EqualityOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
  for (let i = 0; i < hashes.length; i++) {
    const bucket = (hashes[i] as number) & mask;
    const word = bucket >>> 5;
    const bit = 1 << (bucket & 31);
    const was = seen[word] as number;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
    if ((was & bit) === 0) seen[word] = was | bit;
    else twice[word] = (twice[word] as number) | bit;
  }
}

/** The rows whose hash's bucket has its bit in `buckets`, in file order. */
function rowsInBuckets(hashes: Uint32Array, mask: number, buckets: Int32Array): Int32Array {
  const n = hashes.length;
  // One pass into room for every row, then the used part: a second pass of random bitmap reads cost more
  // than the 4 bytes a row that are given back.
  const rows = new Int32Array(n);
  let count = 0;
  // Stryker disable next-line EqualityOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
  for (let i = 0; i < n; i++) {
    const bucket = (hashes[i] as number) & mask;
    // Stryker disable next-line ConditionalExpression: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
    if (((buckets[bucket >>> 5] as number) & (1 << (bucket & 31))) !== 0) rows[count++] = i;
  }
  return rows.slice(0, count);
}
