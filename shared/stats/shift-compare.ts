import { EXACT_BELOW, exactCumulative, orderings, testGreater } from './mann-whitney';
import { Z_975 } from './normal';
import { pairwiseDifferencesAt } from './pairwise-differences';
import { CI_LEVEL, CI_TAIL } from './quantile-ci';

/**
 * How much slower (or faster) NEW is than BASE, with a 95% interval and a gate verdict. Cold starts are
 * right-skewed and change by factors, so everything is done on log values: the change is the Hodges–Lehmann
 * shift (the median of all log(new) − log(base) pairs), exponentiated into a ratio; its interval is the
 * distribution-free Moses interval (the k-th smallest and largest pair differences, k from the Mann–Whitney
 * distribution); the gate is a one-sided Mann–Whitney test of "NEW is slower than BASE × (1 + threshold)".
 */

/** One-sided significance level of the gate. */
export const GATE_ALPHA = 0.05;

export type Verdict = 'slower' | 'faster' | 'within threshold' | 'no clear change' | 'too few samples';

export interface ShiftComparison {
  verdict: Verdict;
  /** NEW / BASE as a ratio of typical values (Hodges–Lehmann); null when a value is ≤ 0 or a side is empty. */
  ratio: number | null;
  /** 95% interval of the ratio; null with too few samples. */
  ratioCi: [number, number] | null;
  /** Its exact coverage (≥ 0.95; a little more where the distribution is discrete). */
  coverage: number | null;
  /** One-sided p-value of "slower by more than the threshold"; null with too few samples. */
  pValue: number | null;
  method: 'exact' | 'normal' | null;
  /** Why there is no verdict, when there is none. */
  note?: string;
}

/**
 * Can these sample sizes ever give a 95% interval of the shift? Only when the most extreme of the
 * C(m + n, m) equally likely orderings has a chance of at most 2.5%.
 */
export function enoughForShiftCi(m: number, n: number): boolean {
  return m > 0 && n > 0 && orderings(m, n) * CI_TAIL >= 1 - 1e-12;
}

/** The rank k of the Moses interval [d(k), d(mn + 1 − k)]; 0 when there is none. */
function mosesRank(m: number, n: number, exact: boolean): { k: number; coverage: number } {
  const pairs = m * n;
  if (exact) {
    // The largest k with P(U ≤ k − 1) ≤ 2.5%. R's wilcox.test takes the smallest q with P(U ≤ q) ≥ 2.5%,
    // the same k unless P(U ≤ q) is exactly 2.5% (then this interval is one step narrower, coverage exactly 95%).
    const cumulative = exactCumulative(m, n);
    let k = 0;
    while (cumulative[k]! <= CI_TAIL + 1e-12) k++;
    return k === 0 ? { k: 0, coverage: 0 } : { k, coverage: 1 - 2 * cumulative[k - 1]! };
  }
  const sigma = Math.sqrt((pairs * (m + n + 1)) / 12);
  const k = Math.ceil(pairs / 2 - Z_975 * sigma - 0.5);
  if (k < 1) return { k: 0, coverage: 0 };
  return { k, coverage: CI_LEVEL };
}

function hasTies(x: ArrayLike<number>, y: ArrayLike<number>): boolean {
  const m = x.length;
  const n = y.length;
  for (let i = 1; i < m; i++) if (x[i] === x[i - 1]) return true;
  for (let j = 1; j < n; j++) if (y[j] === y[j - 1]) return true;
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    if (x[i] === y[j]) return true;
    if (x[i]! < y[j]!) i++;
    else j++;
  }
  return false;
}

function logs(sorted: ArrayLike<number>): Float64Array | null {
  const out = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (!(v > 0)) return null;
    out[i] = Math.log(v);
  }
  return out;
}

/**
 * Compares two groups of values, each sorted ascending. `thresholdPercent`: how much slower NEW may be before
 * the gate fails.
 */
export function compareShift(
  baseSorted: ArrayLike<number>,
  newSorted: ArrayLike<number>,
  thresholdPercent: number,
): ShiftComparison {
  const m = baseSorted.length;
  const n = newSorted.length;
  const none = { ratio: null, ratioCi: null, coverage: null, pValue: null, method: null };
  if (m === 0 || n === 0) return { verdict: 'too few samples', ...none, note: 'one side has no values' };
  const x = logs(baseSorted);
  const y = logs(newSorted);
  if (x === null || y === null)
    return { verdict: 'no clear change', ...none, note: 'a value ≤ 0 has no ratio' };

  const pairs = m * n;
  const middle = pairs % 2 === 1 ? [(pairs + 1) / 2] : [pairs / 2, pairs / 2 + 1];
  const estimate = (found: number[]): number => Math.exp((found[0]! + found[middle.length - 1]!) / 2);
  const exact = m < EXACT_BELOW && n < EXACT_BELOW && !hasTies(x, y);
  const { k, coverage } = enoughForShiftCi(m, n) ? mosesRank(m, n, exact) : { k: 0, coverage: 0 };
  if (k === 0) {
    return {
      verdict: 'too few samples',
      ...none,
      ratio: estimate(pairwiseDifferencesAt(x, y, middle)),
      note: `${m} and ${n} values cannot give a 95% interval`,
    };
  }
  const found = pairwiseDifferencesAt(x, y, [...middle, k, pairs + 1 - k]);
  const low = found[middle.length]!;
  const high = found[middle.length + 1]!;
  const test = testGreater(x, y, Math.log1p(thresholdPercent / 100));
  const ratioCi: [number, number] = [Math.exp(low), Math.exp(high)];
  let verdict: Verdict;
  if (test.pValue < GATE_ALPHA) verdict = 'slower';
  else if (ratioCi[1] < 1) verdict = 'faster';
  else if (ratioCi[0] > 1) verdict = 'within threshold';
  else verdict = 'no clear change';
  return {
    verdict,
    ratio: estimate(found),
    ratioCi,
    coverage,
    pValue: test.pValue,
    method: test.method,
  };
}
