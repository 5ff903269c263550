/**
 * Distribution-free confidence intervals of a quantile from order statistics. The number of values below the
 * true p-quantile is Binomial(n, p), whatever the distribution; so [x(l), x(u)] covers it with probability
 * P(l ≤ B < u). The interval is equal-tailed: each end misses with probability at most 2.5% on its own, so each
 * end is also a valid one-sided 97.5% bound. No resampling, nothing random: the same data give the same interval.
 */

export const CI_LEVEL = 0.95;
/** What each end of a 95% interval may miss: exactly 2.5% (not (1 − 0.95) / 2, which rounds above it). */
export const CI_TAIL = 0.025;

export interface QuantileCi {
  low: number;
  high: number;
  /** 1-based ranks of the order statistics used. */
  lowRank: number;
  highRank: number;
  /** The exact coverage the binomial gives for these ranks (≥ 0.95). */
  coverage: number;
}

// Lanczos approximation (g = 7, 9 terms) of log Γ(x) for x ≥ 1/2 (binomial coefficients need x ≥ 1), about 15
// significant digits.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
export function logGamma(x: number): number {
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Walks Binomial(n, q) from k = 0 upward and returns the first k at which the tail P(B ≤ k) would pass 2.5%,
 * with the tail P(B ≤ k − 1) before it. Mass more than 10 standard deviations out (< 1e-23) is skipped, so a
 * million values take a few thousand steps, not a million.
 */
function tailRank(n: number, p: number, fromTop: boolean): { rank: number; tail: number } | null {
  const q = fromTop ? 1 - p : p;
  const logRatio = Math.log(q / (1 - q));
  const start = Math.max(0, Math.floor(n * q - 10 * Math.sqrt(n * q * (1 - q))));
  let logPmf =
    logGamma(n + 1) -
    logGamma(start + 1) -
    logGamma(n - start + 1) +
    start * Math.log(q) +
    (n - start) * Math.log(1 - q);
  let tail = 0;
  for (let k = start; k <= n; k++) {
    const pmf = Math.exp(logPmf);
    if (tail + pmf > CI_TAIL) return k === 0 ? null : { rank: k, tail };
    tail += pmf;
    logPmf += Math.log((n - k) / (k + 1)) + logRatio;
  }
  return null;
}

/**
 * The 95% equal-tailed interval of the p-quantile of `sorted` (ascending), or null when n is too small for
 * one: an honest interval needs P(all n values on one side of the quantile) ≤ 2.5%.
 */
export function quantileCi(sorted: ArrayLike<number>, p: number): QuantileCi | null {
  const n = sorted.length;
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile ${p} is not between 0 and 1`);
  if (n < minSamplesForQuantileCi(p)) return null;
  const ranks = quantileCiRanks(n, p);
  if (ranks === null) return null;
  return { low: sorted[ranks.lowRank - 1]!, high: sorted[ranks.highRank - 1]!, ...ranks };
}

const ranksCache = new Map<string, Omit<QuantileCi, 'low' | 'high'> | null>();

/** The ranks depend on n and p only: groups of the same size share them. */
export function quantileCiRanks(n: number, p: number): Omit<QuantileCi, 'low' | 'high'> | null {
  const key = `${n},${p}`;
  const cached = ranksCache.get(key);
  // Stryker disable next-line ConditionalExpression: without the cache the same ranks are only computed again
  if (cached !== undefined) return cached;
  // Below: largest l with P(B ≤ l − 1) ≤ 2.5%. Above: smallest u with P(B ≥ u) ≤ 2.5%.
  const below = tailRank(n, p, false);
  const above = tailRank(n, p, true);
  const ranks =
    below === null || above === null
      ? null
      : { lowRank: below.rank, highRank: n + 1 - above.rank, coverage: 1 - below.tail - above.tail };
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when to forget is memory only
  if (ranksCache.size > 10_000) ranksCache.clear();
  ranksCache.set(key, ranks);
  return ranks;
}

/** The smallest n for which quantileCi gives an interval: (1 − p)ⁿ ≤ 2.5% and pⁿ ≤ 2.5%. */
export function minSamplesForQuantileCi(p: number): number {
  const worst = Math.max(p, 1 - p);
  // A start only saves steps: it is below the answer whatever these mutate to, and the loop goes on from it.
  // Stryker disable next-line MethodExpression,ArithmeticOperator: speed only
  let n = Math.max(1, Math.floor(Math.log(CI_TAIL) / Math.log(worst)));
  while (Math.pow(worst, n) > CI_TAIL) n++;
  return n;
}
