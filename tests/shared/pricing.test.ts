import { describe, expect, it } from 'vitest';
import { emptySample, type Sample } from '../../shared/sample';
import {
  DEFAULT_ASSUMPTIONS,
  LAMBDA_PRICES,
  costPerMillion,
  estimateRun,
  formatDuration,
  formatUsd,
  invocationCost,
} from '../../shared/pricing';

const sample = (over: Partial<Sample>): Sample => ({ ...emptySample('fn'), ...over });

describe('Lambda price table', () => {
  it('prices arm64 20% below x86_64 and a request at $0.20 per million', () => {
    expect(LAMBDA_PRICES.gbSecond.x86_64).toBe(0.0000166667);
    expect(LAMBDA_PRICES.gbSecond.arm64).toBe(0.0000133334);
    expect(LAMBDA_PRICES.request * 1_000_000).toBeCloseTo(0.2, 12);
  });
});

describe('invocationCost', () => {
  it('charges one GB-second for 1 s at 1024 MB, plus the request', () => {
    expect(invocationCost(1000, 1024, 'x86_64')).toBeCloseTo(0.0000168667, 13);
    expect(invocationCost(1000, 1024, 'arm64')).toBeCloseTo(0.0000135334, 13);
  });
  it('scales with memory: 128 MB costs an eighth of 1024 MB', () => {
    const compute = (mb: number): number => invocationCost(1000, mb, 'x86_64') - LAMBDA_PRICES.request;
    expect(compute(128) * 8).toBeCloseTo(compute(1024), 15);
  });
});

describe('costPerMillion', () => {
  it('prices each sample from its billed duration, which includes init since August 2025', () => {
    // A cold start: init 200 ms + duration 50 ms, billed 250 ms at 128 MB x86_64.
    const cold = sample({ memoryMB: 128, arch: 'x86_64', initMs: 200, durationMs: 50, billedMs: 250 });
    const cost = costPerMillion([cold]);
    expect(cost?.usd).toBeCloseTo(0.25 * 0.125 * 16.6667 + 0.2, 6);
    expect(cost?.n).toBe(1);
  });
  it('averages over samples and leaves out those without memory or architecture', () => {
    const result = costPerMillion([
      sample({ memoryMB: 1024, arch: 'x86_64', billedMs: 100 }),
      sample({ memoryMB: 1024, arch: 'x86_64', billedMs: 300 }),
      sample({ memoryMB: null, arch: 'x86_64', billedMs: 5000 }),
      sample({ memoryMB: 1024, arch: null, billedMs: 5000 }),
    ]);
    expect(result).toEqual({ usd: expect.closeTo(0.2 * 16.6667 + 0.2, 6), n: 2, skipped: 2 });
  });
  it('is null when nothing can be priced', () => {
    expect(costPerMillion([])).toBeNull();
    expect(costPerMillion([sample({ memoryMB: 512 })])).toBeNull();
  });
  it('makes arm64 cheaper than x86_64 for the same billed duration', () => {
    const x86 = costPerMillion([sample({ memoryMB: 1024, arch: 'x86_64', billedMs: 400 })]);
    const arm = costPerMillion([sample({ memoryMB: 1024, arch: 'arm64', billedMs: 400 })]);
    expect(arm!.usd).toBeLessThan(x86!.usd);
  });
});

describe('estimateRun', () => {
  const functions = [
    { name: 'fn-x86', arch: 'x86_64' as const, memoryMB: 256 },
    { name: 'fn-arm', arch: 'arm64' as const, memoryMB: 512 },
  ];
  const assumptions = { coldBilledMs: 800, warmBilledMs: 50, updateSeconds: 3 };
  const plan = { functions: ['fn-x86', 'fn-arm'], memorySizes: [128, 1024], times: 3, parallel: 1, warm: 0 };

  it('counts one update per cold sample for 2 functions × 2 memory sizes × 3 samples', () => {
    const e = estimateRun(plan, functions, assumptions);
    expect(e.updates).toBe(12);
    expect(e.coldInvocations).toBe(12);
    expect(e.invocations).toBe(12);
    expect(e.durationSeconds).toBeCloseTo(12 * 3.8, 9);
  });
  it('needs fewer updates with parallel cold starts and adds warm follow-ups to the invocations', () => {
    const e = estimateRun({ ...plan, parallel: 3, warm: 2 }, functions, assumptions);
    expect(e.updates).toBe(4);
    expect(e.coldInvocations).toBe(12);
    expect(e.warmInvocations).toBe(24);
    expect(e.invocations).toBe(36);
    expect(e.durationSeconds).toBeCloseTo(4 * (3 + 0.8 + 0.1), 9);
  });
  it('never counts more parallel cold starts than samples', () => {
    expect(estimateRun({ ...plan, parallel: 10 }, functions, assumptions).updates).toBe(4);
  });
  it('prices cold and warm invocations at each memory size and each function’s architecture', () => {
    const e = estimateRun({ ...plan, warm: 1 }, functions, assumptions);
    const gbs = (ms: number, mb: number): number => (ms / 1000) * (mb / 1024);
    const x86 = 0.0000166667;
    const arm = 0.0000133334;
    const perConfig = (mb: number, price: number): number =>
      3 * (gbs(800, mb) * price + 0.0000002) + 3 * (gbs(50, mb) * price + 0.0000002);
    const expected = perConfig(128, x86) + perConfig(1024, x86) + perConfig(128, arm) + perConfig(1024, arm);
    expect(e.costUsd).toBeCloseTo(expected, 12);
  });
  it('keeps each function’s own memory when no sizes are chosen', () => {
    const e = estimateRun({ ...plan, memorySizes: [] }, functions, assumptions);
    expect(e.updates).toBe(6);
    const expected = 3 * (0.8 * 0.25 * 0.0000166667 + 0.0000002) + 3 * (0.8 * 0.5 * 0.0000133334 + 0.0000002);
    expect(e.costUsd).toBeCloseTo(expected, 12);
  });
  it('names functions it cannot price', () => {
    const e = estimateRun({ ...plan, functions: ['fn-x86', 'gone'] }, functions, assumptions);
    expect(e.unknownFunctions).toEqual(['gone']);
    expect(e.updates).toBe(12);
  });
});

describe('formatting', () => {
  it('shows small amounts with two significant digits', () => {
    expect(formatUsd(0.0042)).toBe('$0.0042');
    expect(formatUsd(0.42)).toBe('$0.42');
    expect(formatUsd(3.53334)).toBe('$3.53');
    expect(formatUsd(1234.5)).toBe('$1,235');
    expect(formatUsd(0)).toBe('$0');
  });
  it('shows durations in seconds, minutes or hours', () => {
    expect(formatDuration(45.6)).toBe('46 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
  });
});

describe('pricing edges', () => {
  it('counts the samples it skipped, and prices a sample with memory and architecture only', () => {
    const result = costPerMillion([
      sample({ memoryMB: 128, arch: 'arm64', billedMs: 1000 }),
      sample({ memoryMB: null, arch: 'arm64' }),
      sample({ memoryMB: 128, arch: null }),
    ]);
    expect(result).toEqual({ usd: expect.closeTo(0.125 * 13.3334 + 0.2, 6), n: 1, skipped: 2 });
  });

  it('uses the default assumptions when none are given', () => {
    const run = { functions: ['f'], memorySizes: [1024], times: 2, parallel: 1, warm: 1 };
    const f = [{ name: 'f', arch: 'x86_64' as const, memoryMB: 128 }];
    expect(DEFAULT_ASSUMPTIONS).toEqual({ coldBilledMs: 800, warmBilledMs: 50, updateSeconds: 3 });
    expect(estimateRun(run, f)).toEqual(estimateRun(run, f, DEFAULT_ASSUMPTIONS));
    expect(estimateRun(run, f).durationSeconds).toBeCloseTo(2 * (3 + 0.85), 9);
  });

  it('counts an unknown function without sizes as one configuration, at no cost', () => {
    const e = estimateRun({ functions: ['gone'], memorySizes: [], times: 4, parallel: 2, warm: 1 }, [], {
      coldBilledMs: 1000,
      warmBilledMs: 100,
      updateSeconds: 2,
    });
    expect(e).toEqual({
      updates: 2,
      coldInvocations: 4,
      warmInvocations: 4,
      invocations: 8,
      durationSeconds: 2 * (2 + 1 + 0.1),
      costUsd: 0,
      unknownFunctions: ['gone'],
    });
  });

  it('rounds updates up when the samples do not divide by parallel', () => {
    const run = { functions: ['f'], memorySizes: [128], times: 5, parallel: 2, warm: 0 };
    expect(estimateRun(run, [{ name: 'f', arch: 'arm64', memoryMB: 128 }]).updates).toBe(3);
  });

  it('shows amounts with the digits they need, and a dash for no number', () => {
    expect(formatUsd(100)).toBe('$100');
    expect(formatUsd(99.5)).toBe('$99.50');
    expect(formatUsd(1)).toBe('$1.00');
    expect(formatUsd(0.999)).toBe('$1.00');
    expect(formatUsd(0.05)).toBe('$0.050');
    expect(formatUsd(0.0000001234)).toBe('$0.00000012');
    expect(formatUsd(1e-12)).toBe('$0.00000000');
    expect(formatUsd(NaN)).toBe('—');
    expect(formatUsd(Infinity)).toBe('—');
  });

  it('shows durations at the unit boundaries, and a dash for no duration', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59.4)).toBe('59 s');
    expect(formatDuration(59.6)).toBe('1 min 00 s');
    expect(formatDuration(3599.4)).toBe('59 min 59 s');
    expect(formatDuration(3600)).toBe('1 h 00 min');
    expect(formatDuration(7265)).toBe('2 h 01 min');
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(NaN)).toBe('—');
    expect(formatDuration(Infinity)).toBe('—');
  });
});
