import { describe, expect, it } from 'vitest';
import { compareShift } from '../../../shared/stats/shift-compare';
import { drawGroup, seededNormal, syntheticGroups } from './synthetic-cold-starts';

// The targets for `coldstart compare` as a CI gate, on log-normal groups of 10 cold starts with a CV of
// ~25% (up to 50%), the default threshold (10%): A/A flags at most 1% of 620 groups; +50% is flagged in at least
// 75% of groups, +100% in at least 90%; one doubled group among 619 unchanged ones is caught.

const GROUPS = 620;
const N = 10;
const THRESHOLD = 10;

/** Verdicts for `days` pairs of 620-group datasets, NEW = BASE's distribution × factor(group index). */
function flagged(seed: number, days: number, factor: (g: number) => number): number[][] {
  const groups = syntheticGroups(GROUPS, seed);
  const normal = seededNormal(seed + 1);
  return Array.from({ length: days }, () =>
    groups.flatMap((group, g) =>
      compareShift(drawGroup(group, N, normal), drawGroup(group, N, normal, factor(g)), THRESHOLD).verdict ===
      'slower'
        ? [g]
        : [],
    ),
  );
}

describe('compare gate targets (620 groups, n = 10, CV ~25% up to 50%)', () => {
  it('A/A: at most 1% of unchanged groups are flagged, on each of 5 days', () => {
    const days = flagged(101, 5, () => 1);
    for (const day of days) expect(day.length).toBeLessThanOrEqual(GROUPS * 0.01);
    const rate = days.reduce((sum, d) => sum + d.length, 0) / (5 * GROUPS);
    expect(rate).toBeLessThanOrEqual(0.01);
    expect(rate).toBeGreaterThan(0); // the test is a real test: noise alone does sometimes pass it
  });

  it('+50% on every group is flagged in at least 75% of them', () => {
    const days = flagged(202, 3, () => 1.5);
    for (const day of days) expect(day.length).toBeGreaterThanOrEqual(GROUPS * 0.75);
  });

  it('+100% on every group is flagged in at least 90% of them', () => {
    const days = flagged(303, 3, () => 2);
    for (const day of days) expect(day.length).toBeGreaterThanOrEqual(GROUPS * 0.9);
  });

  it('one doubled group among 619 unchanged ones is caught (no correction for 620 tests hides it)', () => {
    const doubled = 417;
    const days = flagged(404, 20, (g) => (g === doubled ? 2 : 1));
    const caught = days.filter((day) => day.includes(doubled)).length;
    expect(caught).toBeGreaterThanOrEqual(19);
    const others = days.reduce((sum, day) => sum + day.filter((g) => g !== doubled).length, 0);
    expect(others / (20 * (GROUPS - 1))).toBeLessThanOrEqual(0.01);
  });

  it('a change within the threshold (+5%) is rarely flagged', () => {
    const within = flagged(505, 1, () => 1.05)[0]!.length;
    expect(within).toBeLessThanOrEqual(GROUPS * 0.05);
  });
});
