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
  const [api, ...rest] = memorySweep(samples, [1, 0.05], 1);

  it('gives one series per function and architecture measured at two sizes or more', () => {
    expect(rest).toEqual([]);
    expect(api!.name).toBe('api');
    expect(api!.points.map((p) => p.memoryMB)).toEqual([128, 512, 1024, 2048]);
  });
  it('gives medians with 95% intervals at the measured sizes only', () => {
    for (const p of api!.points) {
      expect(p.n).toBe(10);
      expect(p.total.ci![0]).toBeLessThanOrEqual(p.total.median);
      expect(p.total.ci![1]).toBeGreaterThanOrEqual(p.total.median);
    }
    expect(api!.points[0]!.init.median).toBeGreaterThan(api!.points[1]!.init.median);
  });
  it('prices a million invocations per cold share, warm ones from the cold durations when no warm sample exists', () => {
    const p = api!.points[1]!;
    const ten = samples.filter((s) => s.memoryMB === 512 && s.name === 'api');
    const allCold =
      (ten.reduce((sum, s) => sum + invocationCost(s.billedMs, 512, 'arm64'), 0) / ten.length) * 1e6;
    expect(p.costPerMillion[0]).toBeCloseTo(allCold, 6);
    expect(p.costPerMillion[1]).toBeLessThan(allCold);
    expect(p.warmFrom).toBe('cold durations');
  });
  it('picks the cheapest (512) and the balanced size (1024: clearly faster than 512, clearly cheaper than 2048), no fastest within the noise', () => {
    // 1024 and 2048 MB are within 3% of each other: neither is clearly the fastest.
    expect(api!.fastest).toBeNull();
    expect(api!.cheapest).toBe(512);
    expect(api!.balanced).toBe(1024);
  });
  it('gives no interval and picks nothing with too few samples (3 a size)', () => {
    const few = memorySweep(
      [...cold(7, 'f', 'x86_64', 128, 300, 20, 3), ...cold(8, 'f', 'x86_64', 256, 200, 10, 3)],
      [1],
    );
    expect(few[0]!.points[0]!.total.ci).toBeNull();
    expect(few[0]!.fastest).toBeNull();
  });
});
