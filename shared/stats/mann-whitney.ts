import { normalUpperTail } from './normal';

/**
 * The Mann–Whitney U statistic of two samples, U = #(x, y) pairs with y > x (+ ½ per tie), and its null
 * distribution: exact for small samples without ties (as R's `wilcox.test` does it: both sizes below 50),
 * otherwise the normal approximation with R's tie and continuity corrections.
 */

/** Both sample sizes below this and no ties: exact distribution (R's rule). */
export const EXACT_BELOW = 50;

const cumulativeCache = new Map<string, Float64Array>();

/**
 * P(U ≤ u) for u = 0 … m·n when there are no ties: the counts are the coefficients of the Gaussian binomial
 * [m+n choose m]_q, built as ∏ (1 − q^(n+i)) / (1 − q^i), i = 1 … m, one polynomial step at a time.
 */
export function exactCumulative(m: number, n: number): Float64Array {
  const small = Math.min(m, n);
  const large = Math.max(m, n);
  const key = `${small},${large}`;
  const cached = cumulativeCache.get(key);
  if (cached) return cached;
  const size = small * large + 1;
  const counts = new Float64Array(size);
  counts[0] = 1;
  for (let i = 1; i <= small; i++) {
    // Only coefficients up to the quotient's degree i·large are kept: the division's forward recurrence
    // needs none above them, and above them it would not terminate on a truncated product.
    const up = large + i;
    const degree = i * large;
    for (let j = degree; j >= up; j--) counts[j] = counts[j]! - counts[j - up]!;
    for (let j = i; j <= degree; j++) counts[j] = counts[j]! + counts[j - i]!;
  }
  let total = 0;
  for (let j = 0; j < size; j++) total += counts[j]!;
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let j = 0; j < size; j++) {
    sum += counts[j]!;
    cumulative[j] = Math.min(1, sum / total);
  }
  cumulativeCache.set(key, cumulative);
  return cumulative;
}

/** C(m + n, m): how many equally likely orderings the exact distribution has (as a double). */
export function orderings(m: number, n: number): number {
  let c = 1;
  const small = Math.min(m, n);
  for (let i = 1; i <= small; i++) c = (c * (Math.max(m, n) + i)) / i;
  return c;
}

export interface UCount {
  /** Pairs with y − shift > x. */
  greater: number;
  /** Pairs with y − shift = x. */
  ties: number;
}

/** Counts the pairs of ascending `x` and `y` in which y − shift exceeds (or equals) x; O(m + n). */
export function countGreater(x: ArrayLike<number>, y: ArrayLike<number>, shift: number): UCount {
  const m = x.length;
  const n = y.length;
  let below = 0; // x values < current y
  let atMost = 0; // x values ≤ current y
  let greater = 0;
  let ties = 0;
  for (let j = 0; j < n; j++) {
    const v = y[j]! - shift;
    while (below < m && x[below]! < v) below++;
    if (atMost < below) atMost = below;
    while (atMost < m && x[atMost]! <= v) atMost++;
    greater += below;
    ties += atMost - below;
  }
  return { greater, ties };
}

/** Σ (t³ − t) over the runs of equal values in the pooled sample (x and y − shift), for the variance. */
function tieSum(x: ArrayLike<number>, y: ArrayLike<number>, shift: number): number {
  const m = x.length;
  const n = y.length;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < m || j < n) {
    const v = j >= n || (i < m && x[i]! <= y[j]! - shift) ? x[i]! : y[j]! - shift;
    let t = 0;
    while (i < m && x[i] === v) {
      i++;
      t++;
    }
    while (j < n && y[j]! - shift === v) {
      j++;
      t++;
    }
    sum += t * t * t - t;
  }
  return sum;
}

export interface OneSidedTest {
  /** U = pairs with y − shift > x, plus ½ per tie. */
  u: number;
  pValue: number;
  method: 'exact' | 'normal';
}

/**
 * One-sided test of "y is shifted above x by more than `shift`" (R: `wilcox.test(y, x, mu = shift,
 * alternative = "greater")`), for ascending `x` and `y`: exact without ties when both sizes are below 50,
 * otherwise normal with continuity and tie correction.
 */
export function testGreater(x: ArrayLike<number>, y: ArrayLike<number>, shift: number): OneSidedTest {
  const m = x.length;
  const n = y.length;
  const { greater, ties } = countGreater(x, y, shift);
  const u = greater + ties / 2;
  const pairs = m * n;
  if (ties === 0 && m < EXACT_BELOW && n < EXACT_BELOW) {
    // P(U ≥ u) = P(U ≤ m·n − u) by symmetry: read from the lower tail, where small p-values are exact.
    return { u, pValue: exactCumulative(m, n)[pairs - u]!, method: 'exact' };
  }
  const correction = ties === 0 ? 0 : tieSum(x, y, shift) / ((m + n) * (m + n - 1));
  const sigma = Math.sqrt((pairs / 12) * (m + n + 1 - correction));
  if (sigma === 0) return { u, pValue: 1, method: 'normal' };
  return { u, pValue: normalUpperTail((u - pairs / 2 - 0.5) / sigma), method: 'normal' };
}
