// Synthetic cold starts with realistic noise, for the gate's targets (tests) and its bench. Seeded: reruns alike.
import { seededRandom } from '../../random';

/** Standard normal numbers (Box–Muller) from a seeded uniform source. */
export function seededNormal(seed: number): () => number {
  const next = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

export interface SyntheticGroup {
  /** Typical (median) Init Duration, ms. */
  median: number;
  /** Coefficient of variation of the group's values. */
  cv: number;
}

/**
 * Groups as a public daily cold-start benchmark has them: medians from 80 ms to 1.6 s, and a spread that is
 * ~25% CV for a typical group, up to 50% for a few (CV = 25% × e^(0.25 Z), kept within 15–50%).
 */
export function syntheticGroups(count: number, seed: number): SyntheticGroup[] {
  const normal = seededNormal(seed);
  return Array.from({ length: count }, () => ({
    median: 80 * Math.exp(3 * Math.abs(normal()) * 0.5),
    cv: Math.min(0.5, Math.max(0.15, 0.25 * Math.exp(0.25 * normal()))),
  }));
}

/** n log-normal values of a group, scaled by `factor`, sorted ascending. */
export function drawGroup(group: SyntheticGroup, n: number, normal: () => number, factor = 1): Float64Array {
  const sigma = Math.sqrt(Math.log(1 + group.cv * group.cv));
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = group.median * factor * Math.exp(sigma * normal());
  return values.sort();
}
