import { describe, expect, it } from 'vitest';
import { memorySweep } from '../../../shared/stats/memory-sweep';
import { emptySample, type Arch, type Sample } from '../../../shared/sample';
import { invocationCost } from '../../../shared/pricing';
import { seededRandom } from '../../random';

/** n cold starts of a function at one memory size: log-normal init and duration (sdlog 0.3). */
function cold(
  seed: number,
  name: string,
  arch: Arch,
  memoryMB: number,
  initMs: number,
  durationMs: number,
  n = 10,
) {
  const rnd = seededRandom(seed);
  const z = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return Array.from({ length: n }, (): Sample => {
    const init = initMs * Math.exp(0.3 * z());
    const duration = durationMs * Math.exp(0.3 * z());
    return {
      ...emptySample(name),
      arch,
      memoryMB,
      initMs: init,
      durationMs: duration,
      billedMs: Math.ceil(init + duration),
    };
  });
}

describe('memorySweep', () => {
  // More memory, more CPU: init and duration fall until 1024 MB, then flatten. Per GB-second 512 MB is the
  // cheapest by far (0.5 GB × 330 ms against 1 GB × 230 ms).
  const samples = [
    ...cold(1, 'api', 'arm64', 128, 3000, 2000),
    ...cold(2, 'api', 'arm64', 512, 250, 80),
    ...cold(3, 'api', 'arm64', 1024, 180, 50),
    ...cold(4, 'api', 'arm64', 2048, 175, 48),
    ...cold(5, 'lonely', 'arm64', 512, 200, 10),
  ];
  // Computed inside each test, not here: a result computed while collecting the tests makes every mutant of
  // memory-sweep.ts "static" for Stryker (run against all tests).
  const sweep = () => memorySweep(samples, [1, 0.05], 1);

  it('gives one series per function and architecture measured at two sizes or more', () => {
    const [api, ...rest] = sweep();
    expect(rest).toEqual([]);
    expect(api!.name).toBe('api');
    expect(api!.points.map((p) => p.memoryMB)).toEqual([128, 512, 1024, 2048]);
  });
  it('gives medians with 95% intervals at the measured sizes only', () => {
    const [api] = sweep();
    for (const p of api!.points) {
      expect(p.n).toBe(10);
      expect(p.total.ci![0]).toBeLessThanOrEqual(p.total.median);
      expect(p.total.ci![1]).toBeGreaterThanOrEqual(p.total.median);
    }
    expect(api!.points[0]!.init.median).toBeGreaterThan(api!.points[1]!.init.median);
  });
  it('prices a million invocations per cold share, warm ones from the cold durations when no warm sample exists', () => {
    const [api] = sweep();
    const p = api!.points[1]!;
    const ten = samples.filter((s) => s.memoryMB === 512 && s.name === 'api');
    const allCold =
      (ten.reduce((sum, s) => sum + invocationCost(s.billedMs, 512, 'arm64'), 0) / ten.length) * 1e6;
    expect(p.costPerMillion[0]).toBeCloseTo(allCold, 6);
    expect(p.costPerMillion[1]).toBeLessThan(allCold);
    expect(p.warmFrom).toBe('cold durations');
  });
  it('picks the cheapest (512) and the balanced size (1024: clearly faster than 512, clearly cheaper than 2048), no fastest within the noise', () => {
    const [api] = sweep();
    // 1024 and 2048 MB are within 3% of each other: neither is clearly the fastest.
    expect(api!.fastest).toBeNull();
    expect(api!.cheapest).toBe(512);
    expect(api!.balanced).toBe(1024);
  });
  it('prices warm invocations from warm samples when the run took some, and SnapStart restores as cold starts', () => {
    const warm = (memoryMB: number, billedMs: number): Sample => ({
      ...emptySample('snap'),
      arch: 'x86_64',
      memoryMB,
      durationMs: billedMs - 0.5,
      billedMs,
    });
    const restored = (memoryMB: number, restoreMs: number): Sample => ({
      ...emptySample('snap'),
      arch: 'x86_64',
      memoryMB,
      restoreMs,
      durationMs: 20,
      billedMs: restoreMs + 20,
    });
    const [snap] = memorySweep(
      [
        ...[300, 310, 320, 330, 340, 350].map((r) => restored(256, r)),
        ...[50, 55, 60, 65, 70, 75].map((r) => restored(512, r)),
        warm(256, 7),
        warm(512, 3),
        warm(512, 5),
        { ...warm(1024, 2), memoryMB: null },
      ],
      [0, 1],
      1,
    );
    expect(snap!.points.map((p) => [p.memoryMB, p.n, p.warmFrom])).toEqual([
      [256, 6, 'warm samples'],
      [512, 6, 'warm samples'],
    ]);
    expect(snap!.points[0]!.init.median).toBe(325);
    expect(snap!.points[1]!.total.median).toBe(82.5);
    // No cold share: every invocation is a warm one, at the warm samples' billed ms (512 MB: 3 and 5 in turn).
    expect(snap!.points[0]!.costPerMillion[0]).toBeCloseTo(invocationCost(7, 256, 'x86_64') * 1e6, 9);
    expect(snap!.points[1]!.costPerMillion[0]).toBeCloseTo(
      ((invocationCost(3, 512, 'x86_64') + invocationCost(5, 512, 'x86_64')) / 2) * 1e6,
      9,
    );
    const allCold = [50, 55, 60, 65, 70, 75].map((r) => invocationCost(r + 20, 512, 'x86_64'));
    expect(snap!.points[1]!.costPerMillion[1]).toBeCloseTo((allCold.reduce((a, b) => a + b) / 6) * 1e6, 9);
    // Picked at the all-cold share: 512 MB restores in a fifth of the time, for less than half the cost.
    expect(snap!.cheapest).toBe(512);
    expect(snap!.fastest).toBe(512);
    expect(snap!.balanced).toBe(512);
  });

  it('prices nothing and picks no cost without an architecture, and sorts series by name, then architecture', () => {
    const series = memorySweep(
      [
        ...cold(11, 'zeta', 'x86_64', 128, 900, 300),
        ...cold(12, 'zeta', 'x86_64', 1024, 200, 40),
        ...cold(13, 'zeta', 'arm64', 128, 900, 300),
        ...cold(14, 'zeta', 'arm64', 1024, 200, 40),
        ...cold(15, 'alpha', 'arm64', 128, 900, 300).map((s) => ({ ...s, arch: null })),
        ...cold(16, 'alpha', 'arm64', 1024, 200, 40).map((s) => ({ ...s, arch: null })),
      ],
      [1],
    );
    expect(series.map((s) => [s.name, s.arch])).toEqual([
      ['alpha', null],
      ['zeta', 'arm64'],
      ['zeta', 'x86_64'],
    ]);
    const alpha = series[0]!;
    expect(alpha.points.every((p) => Number.isNaN(p.costPerMillion[0]))).toBe(true);
    expect(alpha.cheapest).toBeNull();
    expect(alpha.balanced).toBeNull();
    // Four to five times faster at 1024 MB: clearly the fastest.
    expect(alpha.fastest).toBe(1024);
    expect(series[1]!.fastest).toBe(1024);
  });

  it('orders sizes by memory, leaves out sizes with only warm samples, and counts Init 0 as warm', () => {
    const small = cold(21, 'g', 'arm64', 128, 900, 300);
    const warm = (memoryMB: number | null, initMs: number | null): Sample => ({
      ...emptySample('g'),
      arch: 'arm64',
      memoryMB,
      initMs,
      durationMs: 4,
      billedMs: 4,
    });
    const [g] = memorySweep(
      [...cold(22, 'g', 'arm64', 1024, 200, 40), ...small, warm(256, null), warm(128, 0), warm(null, 300)],
      [1],
    );
    expect(g!.points.map((p) => [p.memoryMB, p.n, p.warmFrom])).toEqual([
      [128, 10, 'warm samples'],
      [1024, 10, 'cold durations'],
    ]);
    const durations = small.map((x) => x.durationMs!).sort((a, b) => a - b);
    expect(g!.points[0]!.duration.median).toBeCloseTo((durations[4]! + durations[5]!) / 2, 9);
  });

  it('gives no interval and picks nothing with too few samples (3 a size)', () => {
    const few = memorySweep(
      [...cold(7, 'f', 'x86_64', 128, 300, 20, 3), ...cold(8, 'f', 'x86_64', 256, 200, 10, 3)],
      [1],
    );
    expect(few[0]!.points[0]!.total.ci).toBeNull();
    expect(few[0]!.fastest).toBeNull();
    expect(few[0]!.cheapest).toBeNull();
    expect(few[0]!.balanced).toBeNull();
  });
});
