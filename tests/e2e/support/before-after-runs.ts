// Two runs of the same functions, before and after a change: one function got 60% slower, the others did
// not change. Seeded log-normal cold starts (tests/shared/stats/synthetic-cold-starts.ts): reruns alike.
import type { Arch, Sample } from '../../../shared/sample';
import { emptySample } from '../../../shared/sample';
import { seededNormal } from '../../shared/stats/synthetic-cold-starts';

export interface RunFunction {
  name: string;
  runtime: string;
  arch: Arch;
  memoryMB: number;
  /** Typical Init Duration before the change, ms. */
  medianMs: number;
}

export const RUN_FUNCTIONS: readonly RunFunction[] = [
  { name: 'orders-api', runtime: 'nodejs22.x', arch: 'arm64', memoryMB: 512, medianMs: 180 },
  { name: 'orders-api', runtime: 'nodejs22.x', arch: 'x86_64', memoryMB: 512, medianMs: 210 },
  { name: 'billing-py', runtime: 'python3.13', arch: 'arm64', memoryMB: 512, medianMs: 320 },
  { name: 'resize-go', runtime: 'provided.al2023', arch: 'arm64', memoryMB: 1024, medianMs: 70 },
];
/** The one configuration the change made slower, and by how much. */
export const SLOWER = { name: 'billing-py', arch: 'arm64', memoryMB: 512, factor: 1.6 } as const;
export const SAMPLES_PER_GROUP = 20;
/** Spread within a group: a CV of 20%, typical of cold starts of one configuration. */
const CV = 0.2;

/** The samples of one run; `after` applies the change to the SLOWER configuration. */
export function runSamples(after: boolean, seed: number): Sample[] {
  const normal = seededNormal(seed);
  const sigma = Math.sqrt(Math.log(1 + CV * CV));
  const out: Sample[] = [];
  for (const fn of RUN_FUNCTIONS) {
    const slower =
      after && fn.name === SLOWER.name && fn.arch === SLOWER.arch && fn.memoryMB === SLOWER.memoryMB;
    const median = fn.medianMs * (slower ? SLOWER.factor : 1);
    for (let i = 0; i < SAMPLES_PER_GROUP; i++) {
      const initMs = Math.round(median * Math.exp(sigma * normal()) * 100) / 100;
      const durationMs = Math.round(initMs * 0.2 * 100) / 100;
      out.push({
        ...emptySample(fn.name),
        runtime: fn.runtime,
        arch: fn.arch,
        memoryMB: fn.memoryMB,
        initMs,
        durationMs,
        billedMs: Math.ceil(initMs + durationMs),
      });
    }
  }
  return out;
}

export const BEFORE_SEED = 11;
export const AFTER_SEED = 12;
