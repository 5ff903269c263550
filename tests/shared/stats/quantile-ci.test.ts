import { describe, expect, it } from 'vitest';
import {
  logGamma,
  minSamplesForQuantileCi,
  quantileCi,
  quantileCiRanks,
} from '../../../shared/stats/quantile-ci';
import { seededRandom } from '../../random';

/** Exact Binomial(n, p) probabilities by multiplying out the binomial coefficients (small n only). */
function binomial(n: number, p: number): number[] {
  const pmf: number[] = [];
  let c = 1;
  for (let k = 0; k <= n; k++) {
    pmf.push(c * p ** k * (1 - p) ** (n - k));
    c = (c * (n - k)) / (k + 1);
  }
  return pmf;
}
const sum = (xs: number[], from: number, to: number): number =>
  xs.slice(from, to + 1).reduce((a, b) => a + b, 0);

function ascending(n: number): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = 100 + i;
  return values;
}

/** The tail walk from k = 0 (no mass skipped): the first k whose P(B ≤ k) passes 2.5%, in log space. */
function walkFromZero(n: number, q: number): number {
  let logPmf = n * Math.log(1 - q);
  let tail = 0;
  for (let k = 0; k <= n; k++) {
    const pmf = Math.exp(logPmf);
    if (tail + pmf > 0.025) return k;
    tail += pmf;
    logPmf += Math.log((n - k) / (k + 1)) + Math.log(q / (1 - q));
  }
  return -1;
}

describe('quantileCi', () => {
  it('gives the textbook median interval for n = 10: x(2) … x(9), coverage 1 − 2 · 11/1024', () => {
    const ci = quantileCi(ascending(10), 0.5);
    expect(ci).toEqual({ low: 101, high: 108, lowRank: 2, highRank: 9, coverage: 1 - 22 / 1024 });
  });

  it('has no median interval below n = 6 and no p90 interval below n = 36 (0.9^35 > 2.5%)', () => {
    expect(minSamplesForQuantileCi(0.5)).toBe(6);
    expect(minSamplesForQuantileCi(0.9)).toBe(36);
    expect(0.9 ** 35).toBeGreaterThan(0.025);
    expect(0.9 ** 36).toBeLessThanOrEqual(0.025);
    expect(quantileCi(ascending(5), 0.5)).toBeNull();
    expect(quantileCi(ascending(6), 0.5)).toMatchObject({ lowRank: 1, highRank: 6 });
    expect(quantileCi(ascending(35), 0.9)).toBeNull();
    expect(quantileCi(ascending(36), 0.9)).toMatchObject({ highRank: 36 });
  });

  it('picks the tightest equal-tailed ranks with at most 2.5% in each tail, for every n up to 80', () => {
    for (const p of [0.5, 0.9]) {
      for (let n = minSamplesForQuantileCi(p); n <= 80; n++) {
        const pmf = binomial(n, p);
        const ci = quantileCi(ascending(n), p);
        expect(ci, `n = ${n}, p = ${p}`).not.toBeNull();
        const { lowRank: l, highRank: u, coverage } = ci!;
        // P(x(l) above the quantile) = P(B ≤ l − 1); P(x(u) below it) = P(B ≥ u).
        expect(sum(pmf, 0, l - 1)).toBeLessThanOrEqual(0.025 + 1e-12);
        expect(sum(pmf, 0, l)).toBeGreaterThan(0.025);
        expect(sum(pmf, u, n)).toBeLessThanOrEqual(0.025 + 1e-12);
        expect(sum(pmf, u - 1, n)).toBeGreaterThan(0.025);
        expect(coverage).toBeCloseTo(sum(pmf, l, u - 1), 10);
        expect(coverage).toBeGreaterThanOrEqual(0.95);
      }
    }
  });

  it('covers the true median of a log-normal in about 95% of 4,000 samples of 20 (it is exact, not asymptotic)', () => {
    const next = seededRandom(20261202);
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    let covered = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const values = Float64Array.from({ length: 20 }, () => 200 * Math.exp(0.4 * normal())).sort();
      const ci = quantileCi(values, 0.5)!;
      if (ci.low <= 200 && 200 <= ci.high) covered++;
    }
    // Exact coverage for n = 20 is 0.9586; 4,000 trials put the observed rate within ±0.012 of it (4 sd).
    expect(quantileCi(ascending(20), 0.5)!.coverage).toBeCloseTo(0.9586, 4);
    expect(Math.abs(covered / trials - 0.9586)).toBeLessThan(0.012);
  });

  it('works for a million values without underflow and lands near n/2 ± 1.96 √n / 2', () => {
    const n = 1_000_000;
    const ci = quantileCi(ascending(n), 0.5)!;
    const half = (1.96 * Math.sqrt(n)) / 2;
    expect(Math.abs(ci.lowRank - (n / 2 - half))).toBeLessThan(3);
    expect(Math.abs(ci.highRank - (n / 2 + half))).toBeLessThan(3);
    expect(ci.coverage).toBeGreaterThanOrEqual(0.95);
    expect(ci.coverage).toBeLessThan(0.9502);
  });

  it('skips only mass that cannot matter: large n give the ranks of a walk over every k', () => {
    for (const p of [0.5, 0.9, 0.99])
      for (const n of [500, 2000, 20_000]) {
        const ranks = quantileCiRanks(n, p)!;
        expect(ranks.lowRank, `low rank, n ${n}, p ${p}`).toBe(walkFromZero(n, p));
        expect(ranks.highRank, `high rank, n ${n}, p ${p}`).toBe(n + 1 - walkFromZero(n, 1 - p));
      }
  });

  it('gives no ranks where the sample is too small, asked for them directly too', () => {
    expect(quantileCiRanks(5, 0.5)).toBeNull();
    expect(quantileCiRanks(35, 0.9)).toBeNull();
    expect(quantileCiRanks(35, 0.1)).toBeNull();
    expect(quantileCiRanks(36, 0.9)).toMatchObject({ highRank: 36 });
  });

  it('has log Γ to about 14 digits', () => {
    // log Γ(1) = log Γ(2) = 0, Γ(1/2) = √π, Γ(5) = 24, Γ(10.5) = 1133278.388948786 (R: gamma(10.5)).
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(2)).toBeCloseTo(0, 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(10.5)).toBeCloseTo(Math.log(1133278.388948786), 12);
  });

  it('rejects a quantile outside (0, 1)', () => {
    expect(() => quantileCi(ascending(10), 1)).toThrow(/quantile 1 is not between 0 and 1/);
    expect(() => quantileCi(ascending(10), 0)).toThrow(/quantile 0 is not between 0 and 1/);
    expect(() => quantileCi(ascending(10), Number.NaN)).toThrow(/quantile NaN is not between 0 and 1/);
  });
});
