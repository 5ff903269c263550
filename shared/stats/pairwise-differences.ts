/**
 * The k-th smallest of the m·n pairwise differences y[j] − x[i] of two ascending samples, without building them
 * all: a search on the value, counting the differences ≤ t with two pointers in O(m + n), narrows the range until
 * it holds few differences, which are then collected and sorted. For 1,600 × 1,600 values (2.56 million
 * differences) that is a handful of passes over 3,200 values instead of sorting 2.56 million.
 */

/** Up to this many differences they are simply all built and sorted. */
const SORT_ALL_UP_TO = 4096;

/** How many differences y[j] − x[i] are ≤ t (`strict`: < t). */
export function countDifferencesAtMost(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  t: number,
  strict = false,
): number {
  const m = x.length;
  const n = y.length;
  let j = 0;
  let count = 0;
  // As x[i] grows, y[j] − x[i] shrinks for every j: the number of qualifying j never decreases.
  for (let i = 0; i < m; i++) {
    const xi = x[i]!;
    if (strict) while (j < n && y[j]! - xi < t) j++;
    else while (j < n && y[j]! - xi <= t) j++;
    count += j;
  }
  return count;
}

function allDifferencesSorted(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const m = x.length;
  const n = y.length;
  const d = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) d[i * n + j] = y[j]! - x[i]!;
  return d.sort();
}

/** The differences in (lo, hi], sorted. */
function differencesBetween(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  lo: number,
  hi: number,
): Float64Array {
  const m = x.length;
  const n = y.length;
  const out: number[] = [];
  let a = 0; // first j with y[j] − x[i] > lo
  let b = 0; // first j with y[j] − x[i] > hi
  for (let i = 0; i < m; i++) {
    const xi = x[i]!;
    while (a < n && y[a]! - xi <= lo) a++;
    if (b < a) b = a;
    while (b < n && y[b]! - xi <= hi) b++;
    for (let j = a; j < b; j++) out.push(y[j]! - xi);
  }
  return Float64Array.from(out).sort();
}

/**
 * The ranks-th smallest differences y[j] − x[i] (ranks 1-based, 1 … m·n) of ascending `x` and `y`, in the
 * order asked. Exact: the result is one of the differences, computed as `y[j] - x[i]` in doubles.
 */
export function pairwiseDifferencesAt(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  ranks: readonly number[],
): number[] {
  const m = x.length;
  const n = y.length;
  const total = m * n;
  for (const k of ranks)
    if (!Number.isInteger(k) || k < 1 || k > total)
      throw new RangeError(`rank ${k} is outside 1 … ${total} pairwise differences`);
  if (total <= SORT_ALL_UP_TO) {
    const all = allDifferencesSorted(x, y);
    return ranks.map((k) => all[k - 1]!);
  }
  return ranks.map((k) => kthDifference(x, y, k));
}

function kthDifference(x: ArrayLike<number>, y: ArrayLike<number>, k: number): number {
  const m = x.length;
  const n = y.length;
  const limit = Math.max(SORT_ALL_UP_TO, 2 * (m + n));
  // Invariant: countAtMost(lo) < k ≤ countAtMost(hi).
  let lo = y[0]! - x[m - 1]!;
  let cLo = countDifferencesAtMost(x, y, lo);
  if (cLo >= k) return lo;
  let hi = y[n - 1]! - x[0]!;
  let cHi = m * n;
  let interpolate = true;
  while (cHi - cLo > limit) {
    let t = interpolate ? lo + ((hi - lo) * (k - cLo)) / (cHi - cLo) : lo + (hi - lo) / 2;
    if (!(t > lo && t < hi)) t = lo + (hi - lo) / 2;
    if (!(t > lo && t < hi)) return hi; // no double between: every difference left equals hi
    const c = countDifferencesAtMost(x, y, t);
    const before = cHi - cLo;
    if (c < k) {
      lo = t;
      cLo = c;
    } else {
      hi = t;
      cHi = c;
    }
    // Interpolation converges fast on smooth counts; when it did not at least halve the range, bisect once.
    interpolate = cHi - cLo <= before / 2;
  }
  const between = differencesBetween(x, y, lo, hi);
  return between[k - cLo - 1]!;
}
