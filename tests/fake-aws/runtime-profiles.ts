/**
 * Simulated timings per runtime, drawn from a seeded generator so that a test run is repeatable. The
 * numbers are in the range AWS shows for a small function; they only need to look plausible.
 */
export interface RuntimeProfile {
  initMs: number;
  initSpreadMs: number;
  durationMs: number;
  durationSpreadMs: number;
  baseMemoryUsedMB: number;
}

const PROFILES: [prefix: string, profile: RuntimeProfile][] = [
  ['nodejs', { initMs: 160, initSpreadMs: 40, durationMs: 8, durationSpreadMs: 4, baseMemoryUsedMB: 68 }],
  ['python', { initMs: 120, initSpreadMs: 30, durationMs: 5, durationSpreadMs: 3, baseMemoryUsedMB: 42 }],
  ['java', { initMs: 650, initSpreadMs: 150, durationMs: 20, durationSpreadMs: 10, baseMemoryUsedMB: 110 }],
  ['dotnet', { initMs: 380, initSpreadMs: 80, durationMs: 12, durationSpreadMs: 6, baseMemoryUsedMB: 80 }],
  ['ruby', { initMs: 210, initSpreadMs: 50, durationMs: 9, durationSpreadMs: 4, baseMemoryUsedMB: 50 }],
  ['provided', { initMs: 45, initSpreadMs: 15, durationMs: 2, durationSpreadMs: 1, baseMemoryUsedMB: 20 }],
];
const FALLBACK = PROFILES[0]![1];

export function runtimeProfile(runtime: string | null): RuntimeProfile {
  return PROFILES.find(([prefix]) => runtime?.startsWith(prefix))?.[1] ?? FALLBACK;
}

/** mulberry32: tiny, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulatedTimes {
  initMs: number | null;
  durationMs: number;
  maxMemoryUsedMB: number;
}

/** More memory means more CPU: init and duration shrink with the square root of the memory, as on AWS. */
export function simulateTimes(
  profile: RuntimeProfile,
  memoryMB: number,
  cold: boolean,
  random: () => number,
): SimulatedTimes {
  const cpu = Math.min(2.5, Math.max(0.4, Math.sqrt(1024 / memoryMB)));
  const spread = () => random() * 2 - 1;
  const round2 = (n: number) => Math.round(n * 100) / 100;
  const initMs = cold ? round2(Math.max(5, (profile.initMs + spread() * profile.initSpreadMs) * cpu)) : null;
  const durationMs = round2(
    Math.max(0.5, (profile.durationMs + spread() * profile.durationSpreadMs) * cpu * (cold ? 3 : 1)),
  );
  const maxMemoryUsedMB = Math.min(memoryMB, Math.round(profile.baseMemoryUsedMB + random() * 10));
  return { initMs, durationMs, maxMemoryUsedMB };
}
