/**
 * The k-th smallest of the m·n pairwise differences y[j] − x[i] of two ascending samples, without building them
 * all: a search on the value, counting the differences ≤ t with two pointers in O(m + n), narrows the range until
 * it holds at most a few hundred differences, which are then collected and sorted. A coarse grid of differences
 * gives the first bracket, Illinois regula falsi the rest: for 1,600 × 1,600 values (2.56 million differences)
 * about half a dozen passes over 3,200 values instead of sorting 2.56 million.
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
    // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end y[n] is undefined: the loop stops at n anyway
    if (strict) while (j < n && y[j]! - xi < t) j++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end y[n] is undefined: the loop stops at n anyway
    else while (j < n && y[j]! - xi <= t) j++;
    count += j;
  }
  return count;
}

function allDifferencesSorted(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const m = x.length;
  const n = y.length;
  const d = new Float64Array(m * n);
  // Stryker disable next-line EqualityOperator: an extra j is overwritten by the next row, or past the end ignored
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
    // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end y[n] is undefined: the loop stops at n anyway
    while (a < n && y[a]! - xi <= lo) a++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: only where b starts; the loop below moves it past a either way
    if (b < a) b = a;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: stops at n anyway, or collects more (sorted alike)
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
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: both ways are exact; this only picks the faster
  if (total <= SORT_ALL_UP_TO) {
    const all = allDifferencesSorted(x, y);
    return ranks.map((k) => all[k - 1]!);
  }
  const grid = gridDifferences(x, y);
  // The two middle ranks of an even count almost always fall in one window: search once for both.
  let last: Window | null = null;
  return ranks.map((k) => {
    if (last && k > last.cLo && k <= last.cLo + last.values.length) return last.values[k - last.cLo - 1]!;
    const found = windowAround(x, y, k, grid);
    if (typeof found === 'number') return found;
    last = found;
    return found.values[k - found.cLo - 1]!;
  });
}

/** At most this many differences are left to sort once the value search has narrowed the range. */
const COLLECT_AT_MOST = 256;
/** Grid of order statistics (per side) whose differences give the search its first bracket. */
const GRID = 32;

// Stryker disable all: the grid only proposes a first bracket, kept where the counts confirm it: speed only
/** Differences of a GRID × GRID grid of evenly spaced order statistics, sorted: a coarse map of them all. */
function gridDifferences(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const gx = Math.min(GRID, x.length);
  const gy = Math.min(GRID, y.length);
  const out = new Float64Array(gx * gy);
  for (let a = 0; a < gx; a++) {
    const xi = x[Math.floor(((a + 0.5) * x.length) / gx)]!;
    for (let b = 0; b < gy; b++) out[a * gy + b] = y[Math.floor(((b + 0.5) * y.length) / gy)]! - xi;
  }
  return out.sort();
}
// Stryker restore all

/** The differences ranked cLo + 1 … cLo + values.length, sorted. */
interface Window {
  cLo: number;
  values: Float64Array;
}

/** A narrow window of sorted differences that holds rank k, or the k-th difference itself. */
function windowAround(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  k: number,
  grid: Float64Array,
): Window | number {
  const m = x.length;
  const n = y.length;
  const total = m * n;
  // Invariant: count(≤ lo) < k ≤ count(≤ hi). lo starts just below the smallest difference.
  const min = y[0]! - x[m - 1]!;
  let hi = y[n - 1]! - x[0]!;
  // Stryker disable next-line ConditionalExpression: with every difference equal the search returns hi, which is min, at once
  if (hi === min) return min;
  let lo = min - (hi - min);
  let cLo = 0;
  let cHi = total;
  // First bracket from the grid, a few grid steps either side of the rank; kept only where the counts confirm it.
  // Stryker disable all: which guesses are tried is speed only: lo or hi moves to one only as its count allows
  const at = (k / total) * grid.length;
  const step = 2 + Math.sqrt(grid.length) / 4;
  const guessLo = grid[Math.max(0, Math.floor(at - step))]!;
  const guessHi = grid[Math.min(grid.length - 1, Math.ceil(at + step))]!;
  if (guessLo > lo) {
    // Stryker restore all
    const c = countDifferencesAtMost(x, y, guessLo);
    if (c < k) [lo, cLo] = [guessLo, c];
    else [hi, cHi] = [guessLo, c];
  }
  // Stryker disable next-line all: speed only: a guess outside (lo, hi), counted, would widen the bracket (still valid)
  if (guessHi < hi && guessHi > lo) {
    const c = countDifferencesAtMost(x, y, guessHi);
    if (c >= k) [hi, cHi] = [guessHi, c];
    else [lo, cLo] = [guessHi, c];
  }
  // Illinois regula falsi on count(t) − (k − ½): converges fast on the smooth count, and halving the weight of an
  // end that stays put keeps it from stalling on one side.
  // Stryker disable next-line ArithmeticOperator: the secant's weights only choose where to count next (speed)
  let fLo = cLo - (k - 0.5);
  // Stryker disable next-line ArithmeticOperator: the secant's weights only choose where to count next (speed)
  let fHi = cHi - (k - 0.5);
  let side = 0;
  // A wider window is only sorted (memory), a narrower one searched on until no double is left between lo and hi,
  // where every difference left is hi: either way the same values.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: speed and memory only
  while (cHi - cLo > COLLECT_AT_MOST) {
    // Stryker disable next-line ArithmeticOperator: where to count next (speed); the next line keeps t inside (lo, hi)
    let t = (lo * fHi - hi * fLo) / (fHi - fLo);
    if (!(t > lo && t < hi)) t = lo + (hi - lo) / 2;
    if (!(t > lo && t < hi)) return hi; // no double between: every difference left equals hi
    const c = countDifferencesAtMost(x, y, t);
    if (c < k) {
      lo = t;
      cLo = c;
      // Stryker disable next-line ArithmeticOperator: the secant's weights only choose where to count next (speed)
      fLo = c - (k - 0.5);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,AssignmentOperator: the weights, see above
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = t;
      cHi = c;
      // Stryker disable next-line ArithmeticOperator: the secant's weights only choose where to count next (speed)
      fHi = c - (k - 0.5);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,AssignmentOperator: the weights, see above
      if (side === 1) fLo /= 2;
      side = 1;
    }
  }
  return { cLo, values: differencesBetween(x, y, lo, hi) };
}
