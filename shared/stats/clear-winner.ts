import { compareShift } from './shift-compare';

/**
 * Which of several groups is clearly the lowest (the fastest, the cheapest): the one with the lowest median
 * that every other group is larger than with 95% confidence (the interval of their ratio, `compareShift`,
 * lies wholly above 1). Null when no group is clearly lowest, so a difference within the noise is never
 * called a winner. Values of each group sorted ascending.
 */
export function clearlyLowest(groups: readonly ArrayLike<number>[]): number | null {
  if (groups.length < 2) return null;
  // Stryker disable next-line UnaryOperator: no median below Infinity means only empty groups, and no interval
  let best = -1;
  let bestMedian = Infinity;
  groups.forEach((g, i) => {
    const m = medianOfSorted(g);
    if (m < bestMedian) {
      bestMedian = m;
      best = i;
    }
  });
  if (best < 0) return null;
  const winner = groups[best]!;
  for (let i = 0; i < groups.length; i++) {
    if (i === best) continue;
    const ci = compareShift(winner, groups[i]!, 0).ratioCi;
    if (ci === null || !(ci[0] > 1)) return null;
  }
  return best;
}

function medianOfSorted(g: ArrayLike<number>): number {
  const n = g.length;
  // Stryker disable next-line ConditionalExpression: an empty group's median would be NaN, never lower either
  if (n === 0) return Infinity;
  // Stryker disable next-line ArithmeticOperator: the medians are only compared, and twice the sum orders them alike
  return (g[(n - 1) >> 1]! + g[n >> 1]!) / 2;
}
