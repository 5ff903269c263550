import { describe, expect, it } from 'vitest';
import { exactCumulative, testGreater } from '../../../shared/stats/mann-whitney';
import { normalUpperTail } from '../../../shared/stats/normal';
import { countDifferencesAtMost, pairwiseDifferencesAt } from '../../../shared/stats/pairwise-differences';
import { compareShift, enoughForShiftCi } from '../../../shared/stats/shift-compare';
import { seededRandom } from '../../random';

const sorted = (xs: number[]): Float64Array => Float64Array.from(xs).sort();
const seq = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i + 1));

/**
 * From `Rscript tests/reference/wilcox-shift.R` (R 4.2): wilcox.test(log(new), log(base), conf.int = TRUE) for the
 * estimate and interval (exponentiated), wilcox.test(log(new), log(base), mu = log(1.1), alternative =
 * "greater") for the gate's W and p-value.
 */
const R = {
  a: {
    base: [212.4, 198.1, 240.9, 187.3, 260.2, 205.5, 230.8, 219.9, 195.6, 251.3],
    new: [281.0, 244.7, 310.2, 265.9, 330.4, 236.1, 298.8, 289.3, 257.6, 352.0],
    estimate: 1.2974872112767213,
    ci: [1.1512136888181461, 1.4611872146118716],
    w: 85,
    p: 0.0034207278789322136,
    // 1 - 2 * pwilcox(23, 10, 10): the exact interval's coverage (the normal one would claim 0.95).
    coverage: 0.95674294745502175,
  },
  b: {
    base: [101.5, 96.2, 120.7, 88.4, 110.3, 99.9, 105.1],
    new: [98.3, 91.0, 130.2, 102.6, 87.7, 115.4, 94.9, 108.8, 100.6, 97.1, 111.9, 93.3],
    estimate: 0.98519161358596719,
    ci: [0.89120580235720714, 1.1024630541871929],
    w: 19,
    p: 0.97753433357148523,
    coverage: 0.95506866714297056, // 1 - 2 * pwilcox(18, 7, 12)
  },
  // 60 and 80 values: R uses the normal approximation (and finds its interval by root finding, so only close).
  c: {
    base: seq(60, (i) => 150 + ((i * 37) % 101) * 1.3 + i * 0.01),
    new: seq(80, (i) => 170 + ((i * 53) % 97) * 1.5 + i * 0.02),
    estimate: 1.1175821875039038,
    ci: [1.0506795630461851, 1.1888813490643138],
    w: 2524,
    p: 0.30152174711428326,
  },
  // A tie (130 on both sides): R's interval uses the normal approximation; the gate (new − log 1.1) has no tie
  // and is exact.
  d: {
    base: [120, 130, 125, 140, 135, 128, 132, 127, 138, 131],
    new: [150, 160, 130, 170, 165, 158, 162, 157, 168, 161],
    estimate: 1.2271610749575548,
    ci: [1.1594669785786482, 1.282439832655762],
    w: 88,
    p: 0.001439736733854381,
  },
};

describe("compareShift against R's wilcox.test", () => {
  it.each(['a', 'b'] as const)(
    'case %s (exact): estimate, interval and gate p-value are the same numbers',
    (name) => {
      const c = R[name];
      const r = compareShift(sorted(c.base), sorted(c.new), 10);
      expect(r.method).toBe('exact');
      expect(r.ratio).toBeCloseTo(c.estimate, 12);
      expect(r.ratioCi![0]).toBeCloseTo(c.ci[0]!, 12);
      expect(r.ratioCi![1]).toBeCloseTo(c.ci[1]!, 12);
      expect(r.pValue).toBeCloseTo(c.p, 12);
      expect(r.coverage).toBeCloseTo(c.coverage, 12);
    },
  );

  it('takes the middle pair difference when their number is odd (5 × 7 = 35; R 4.2, exact)', () => {
    // wilcox.test(log(new), log(base), conf.int = TRUE): estimate and interval, exponentiated.
    const r = compareShift(
      sorted([101.5, 96.2, 120.7, 88.4, 110.3]),
      sorted([98.3, 91.0, 130.2, 102.6, 87.7, 115.4, 94.9]),
      10,
    );
    expect(r.ratio).toBeCloseTo(0.98648648648648674, 12);
    expect(r.ratioCi![0]).toBeCloseTo(0.82502266545784186, 12);
    expect(r.ratioCi![1]).toBeCloseTo(1.1804170444242965, 12);
  });

  it.each(['c', 'd'] as const)(
    'case %s (interval by normal approximation): same p-value, estimate and interval within 1%%',
    (name) => {
      const c = R[name];
      const r = compareShift(sorted(c.base), sorted(c.new), 10);
      expect(r.method).toBe(name === 'c' ? 'normal' : 'exact');
      expect(r.pValue).toBeCloseTo(c.p, 10);
      expect(Math.abs(r.ratio! / c.estimate - 1)).toBeLessThan(0.01);
      expect(Math.abs(r.ratioCi![0] / c.ci[0]! - 1)).toBeLessThan(0.01);
      expect(Math.abs(r.ratioCi![1] / c.ci[1]! - 1)).toBeLessThan(0.01);
    },
  );

  it('corrects for ties as R does: case d at mu = 0 (R: two-sided p 0.00087679802965587479)', () => {
    const x = sorted(R.d.base.map(Math.log));
    const y = sorted(R.d.new.map(Math.log));
    const test = testGreater(x, y, 0);
    expect(test.method).toBe('normal');
    expect(2 * test.pValue).toBeCloseTo(0.00087679802965587479, 14);
  });

  it('corrects for ties within each side and across them as R does, also at a shift', () => {
    // R 4.2: wilcox.test(y, x, alternative = "greater") W = 57.5, p = 0.020443675877305431; with mu = 1,
    // W = 49.5, p = 0.10079864484405572; wilcox.test(log(y), log(x), conf.int = TRUE) estimate
    // 1.8000283435740432, interval 1.0000136588396376 … 4.0000244872329223 (R finds them by root finding).
    const x = [1, 2, 2, 3, 5, 5, 5, 8];
    const y = [2, 4, 5, 6, 6, 9, 9, 9, 10];
    expect(testGreater(x, y, 0)).toEqual({
      u: 57.5,
      pValue: expect.closeTo(0.020443675877305431, 15),
      method: 'normal',
    });
    expect(testGreater(x, y, 1)).toEqual({
      u: 49.5,
      pValue: expect.closeTo(0.10079864484405572, 15),
      method: 'normal',
    });
    const r = compareShift(x, y, 10);
    expect(r.ratio! / 1.8000283435740432).toBeCloseTo(1, 4);
    expect(r.ratioCi![0] / 1.0000136588396376).toBeCloseTo(1, 4);
    expect(r.ratioCi![1] / 4.0000244872329223).toBeCloseTo(1, 4);
    // Ties make the interval's ranks normal-approximate: coverage is the nominal 95%, not an exact figure.
    expect(r.coverage).toBe(0.95);
  });

  it('takes the exact interval only without ties, within either side or across them', () => {
    // 8 and 8 values: exact coverage 1 − 2 · P(U ≤ k − 1) without ties; with any tie the normal ranks, 95% as such.
    const base = [100, 110, 120, 130, 140, 150, 160, 170];
    const news = [105, 115, 125, 135, 145, 155, 165, 175];
    const coverage = (b: number[], n: number[]): number | null =>
      compareShift(sorted(b), sorted(n), 10).coverage;
    expect(coverage(base, news)).toBeCloseTo(0.9501165501165501, 12); // 1 − 2 · pwilcox(13, 8, 8)
    const withTie = (xs: number[], i: number, v: number): number[] => xs.map((x, j) => (j === i ? v : x));
    for (const [b, n, where] of [
      [withTie(base, 7, 160), news, 'the two largest BASE values'],
      [withTie(base, 1, 100), news, 'the two smallest BASE values'],
      [base, withTie(news, 7, 165), 'the two largest NEW values'],
      [base, withTie(news, 1, 105), 'the two smallest NEW values'],
      [base, withTie(news, 0, 100), 'the smallest of both'],
      [base, withTie(news, 7, 170), 'the largest of both'],
      [base, withTie(news, 3, 140), 'a middle value of both'],
    ] as const)
      expect(coverage([...b], [...n]), where).toBe(0.95);
  });

  it("counts the gate's U as R's W", () => {
    for (const c of Object.values(R)) {
      const x = sorted(c.base.map(Math.log));
      const y = sorted(c.new.map(Math.log));
      expect(testGreater(x, y, Math.log(1.1)).u).toBe(c.w);
    }
  });

  it('gives verdicts: slower beyond the threshold, faster, within the threshold, no clear change', () => {
    const base = R.a.base;
    const scaled = (f: number): Float64Array => sorted(base.map((v) => v * f));
    expect(compareShift(sorted(base), sorted(R.a.new), 10).verdict).toBe('slower');
    expect(compareShift(sorted(base), sorted(R.a.new), 40).verdict).toBe('within threshold');
    expect(compareShift(sorted(R.a.new), sorted(base), 10).verdict).toBe('faster');
    expect(compareShift(sorted(base), scaled(1.02), 10).verdict).toBe('no clear change');
    const same = compareShift(sorted(base), sorted(base), 10);
    expect(same.ratio).toBe(1);
    expect(same.ratioCi![0]).toBeLessThan(1);
    expect(same.ratioCi![1]).toBeGreaterThan(1);
  });

  it('says "too few samples" where no 95% interval exists, never a verdict', () => {
    expect(enoughForShiftCi(3, 4)).toBe(false); // C(7, 3) = 35 orderings: the extreme one is 2.9%
    expect(enoughForShiftCi(4, 4)).toBe(true); // 70 orderings: 1.4%
    expect(enoughForShiftCi(1, 38)).toBe(false);
    expect(enoughForShiftCi(1, 39)).toBe(true); // 40 orderings: exactly 2.5%, the interval is min … max
    const r = compareShift(sorted([100, 110, 120]), sorted([300, 310, 320, 330]), 10);
    expect(r).toMatchObject({
      verdict: 'too few samples',
      ratioCi: null,
      pValue: null,
      note: '3 and 4 values cannot give a 95% interval',
    });
    expect(r.ratio).toBeCloseTo(Math.exp(Math.log(310 / 110)), 0);
    expect(compareShift(sorted([]), sorted([1, 2]), 10)).toMatchObject({
      verdict: 'too few samples',
      ratio: null,
      note: 'one side has no values',
    });
    expect(compareShift(sorted([1, 2]), sorted([]), 10)).toMatchObject({
      ratio: null,
      note: 'one side has no values',
    });
  });

  it('gives 1 against 39 values the exact interval min … max, but no interval when a tie makes it normal', () => {
    const news = seq(39, (i) => 100 + i);
    const exact = compareShift(sorted([120.5]), sorted(news), 10);
    expect(exact.ratioCi).toEqual([101 / 120.5, 139 / 120.5].map((r) => expect.closeTo(r, 12)));
    expect(exact.coverage).toBeCloseTo(0.95, 12);
    // The normal approximation's rank for 1 × 39 pairs is below 1: no interval.
    const tied = compareShift(sorted([120]), sorted(news), 10);
    expect(tied).toMatchObject({ verdict: 'too few samples', ratioCi: null, coverage: null });
  });

  it('refuses a ratio of values that are not positive instead of making one up', () => {
    const r = compareShift(sorted([0, 1, 2, 3, 4, 5]), sorted([1, 2, 3, 4, 5, 6]), 10);
    expect(r).toMatchObject({ ratio: null, ratioCi: null, pValue: null, note: 'a value ≤ 0 has no ratio' });
  });
});

describe('exact Mann–Whitney distribution', () => {
  it('matches counting every ordering for small sizes', () => {
    // Brute force: all ways to choose which m of m + n ranks belong to x; U = pairs with y above x.
    for (const [m, n] of [
      [3, 4],
      [5, 5],
      [2, 9],
    ] as const) {
      const counts = new Array<number>(m * n + 1).fill(0);
      const total = 2 ** (m + n);
      let chosen = 0;
      for (let mask = 0; mask < total; mask++) {
        let bits = 0;
        for (let b = 0; b < m + n; b++) if (mask & (1 << b)) bits++;
        if (bits !== m) continue;
        chosen++;
        let u = 0;
        let xsBelow = 0;
        for (let b = 0; b < m + n; b++) {
          if (mask & (1 << b)) xsBelow++;
          else u += xsBelow;
        }
        counts[u]!++;
      }
      const cumulative = exactCumulative(m, n);
      let sum = 0;
      counts.forEach((c, u) => {
        sum += c;
        expect(cumulative[u]).toBeCloseTo(sum / chosen, 14);
      });
    }
  });

  it('is accurate for 49 × 49 (the largest exact case): symmetric and summing to 1', () => {
    const cumulative = exactCumulative(49, 49);
    const last = 49 * 49;
    expect(cumulative[last]).toBe(1);
    for (const u of [0, 100, 800, 1000, 1200])
      expect(cumulative[u]! + cumulative[last - u - 1]!).toBeCloseTo(1, 12);
  });

  it('normal upper tail matches R pnorm(z, lower.tail = FALSE)', () => {
    // R: sprintf("%.17g", pnorm(c(-1, 0, 1.6448536269514722, 3, 8), lower.tail = FALSE))
    expect(normalUpperTail(-1)).toBeCloseTo(0.84134474606854293, 15);
    expect(normalUpperTail(0)).toBe(0.5);
    expect(normalUpperTail(1.6448536269514722)).toBeCloseTo(0.050000000000000044, 15);
    expect(normalUpperTail(3) / 0.0013498980316300946).toBeCloseTo(1, 13);
    // Beyond |z| = 7.07 the continued fraction is good to about 1e-8 relative: p-values that far out are ~1e-12.
    expect(normalUpperTail(8) / 6.2209605742717849e-16).toBeCloseTo(1, 7);
  });

  it('normal upper tail on both sides of its switch to the continued fraction and at its cut-off', () => {
    // R 4.2: sprintf("%.17g", pnorm(c(37, 7.07, 7.08, 2, -3), lower.tail = FALSE))
    expect(normalUpperTail(7.07) / 7.7466848656364781e-13).toBeCloseTo(1, 7);
    expect(normalUpperTail(7.08) / 7.2077230864674783e-13).toBeCloseTo(1, 7);
    expect(normalUpperTail(2)).toBeCloseTo(0.022750131948179212, 15);
    expect(normalUpperTail(-3)).toBeCloseTo(0.9986501019683699, 15);
    expect(normalUpperTail(37) / 5.7255712225245771e-300).toBeCloseTo(1, 6);
    expect(normalUpperTail(37.5)).toBe(0);
    expect(normalUpperTail(-37.5)).toBe(1);
    expect(normalUpperTail(NaN)).toBeNaN();
  });
});

describe('pairwiseDifferencesAt', () => {
  it('finds the same k-th difference as sorting all of them, with and without ties', () => {
    const next = seededRandom(7);
    for (const [m, n, decimals] of [
      [300, 400, 6],
      [1000, 77, 1],
      [150, 150, 0],
      [5, 2000, 3],
    ] as const) {
      const round = (v: number): number => Math.round(v * 10 ** decimals) / 10 ** decimals;
      const x = sorted(seq(m, () => round(Math.log(100 + 400 * next()))));
      const y = sorted(seq(n, () => round(Math.log(120 + 500 * next() ** 2))));
      const all = new Float64Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) all[i * n + j] = y[j]! - x[i]!;
      all.sort();
      const ranks = [1, 2, Math.floor((m * n) / 3), (m * n) / 2, m * n - 5, m * n].map(Math.floor);
      expect(pairwiseDifferencesAt(x, y, ranks), `${m} × ${n}`).toEqual(ranks.map((k) => all[k - 1]));
    }
  });

  it('counts the differences at most t, or below t (strict), as counting every pair does, ties included', () => {
    const x = [1, 2, 2, 4, 7];
    const y = [0, 2, 3, 3, 5, 9];
    for (const t of [-8, -2, 0, 1, 1.5, 3, 8, 20]) {
      const diffs = y.flatMap((yj) => x.map((xi) => yj - xi));
      expect(countDifferencesAtMost(x, y, t), `≤ ${t}`).toBe(diffs.filter((d) => d <= t).length);
      expect(countDifferencesAtMost(x, y, t, true), `< ${t}`).toBe(diffs.filter((d) => d < t).length);
    }
  });

  it('rejects a rank outside the pairs', () => {
    expect(() => pairwiseDifferencesAt([1, 2], [3], [3])).toThrow(/rank 3 is outside 1 … 2/);
    for (const k of [0, -1, 1.5, NaN])
      expect(() => pairwiseDifferencesAt([1, 2], [3], [k]), `rank ${k}`).toThrow(/is outside 1 … 2/);
    const many = seq(100, (i) => i);
    expect(() => pairwiseDifferencesAt(many, many, [10_001])).toThrow(/rank 10001 is outside 1 … 10000/);
  });

  it('gives every rank in turn, up and down, as sorting all differences does (the search reuses its windows)', () => {
    const next = seededRandom(11);
    // 120 × 90 = 10,800 differences: the value search, not the sort of all; x below zero, so that the largest
    // difference is y's largest minus x's smallest and not their sum.
    const x = sorted(seq(120, () => Math.round(200 * next()) / 10 - 12));
    const y = sorted(seq(90, () => Math.round(300 * next()) / 10));
    const all = new Float64Array(x.length * y.length);
    for (let i = 0; i < x.length; i++)
      for (let j = 0; j < y.length; j++) all[i * y.length + j] = y[j]! - x[i]!;
    all.sort();
    const up = seq(900, (i) => 4000 + i);
    const down = seq(900, (i) => 9000 - i);
    const ends = [1, 2, 3, 10_798, 10_799, 10_800];
    for (const ranks of [up, down, ends])
      expect(pairwiseDifferencesAt(x, y, ranks)).toEqual(ranks.map((k) => all[k - 1]));
  });
});
