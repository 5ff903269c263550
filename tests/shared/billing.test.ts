import { describe, expect, it } from 'vitest';
import { billedMsWithInit, initBilledByRule, initBillingOf } from '../../shared/billing';
import { costPerMillion } from '../../shared/pricing';
import { emptySample } from '../../shared/sample';

const cold = (initMs: number | null, durationMs: number, billedMs: number) => ({
  initMs,
  durationMs,
  billedMs,
});

describe('initBillingOf', () => {
  // Rows as the July 2023 seed files hold them.
  it('reads a managed runtime of 2023 as init left out (Billed = duration rounded up)', () => {
    expect(initBillingOf(cold(135.38, 15.65, 16))).toBe('excluded');
    expect(initBillingOf(cold(158.57, 1.93, 2))).toBe('excluded');
  });
  it('reads a custom runtime (and any record since August 2025) as init included', () => {
    expect(initBillingOf(cold(43.17, 1.28, 45))).toBe('included');
    expect(initBillingOf(cold(49.65, 1.32, 51))).toBe('included');
  });
  it('has nothing to say about warm starts, and says unknown for figures that fit neither', () => {
    expect(initBillingOf(cold(null, 3, 4))).toBeNull();
    expect(initBillingOf(cold(100, 10, 50))).toBe('unknown');
  });
});

describe('initBillingOf at its edges', () => {
  it('has no init to bill for an Init Duration of 0', () => {
    expect(initBillingOf(cold(0, 3, 4))).toBeNull();
  });
  it('allows one ms of slack either way, and not two', () => {
    // init + duration = 110.5: included from 109 on; duration 10.5: excluded up to 12.
    expect(initBillingOf(cold(100, 10.5, 109))).toBe('included');
    expect(initBillingOf(cold(100, 10.5, 108))).toBe('unknown');
    expect(initBillingOf(cold(100, 10.5, 12))).toBe('excluded');
    expect(initBillingOf(cold(100, 10.5, 13))).toBe('unknown');
  });
});

describe('initBilledByRule', () => {
  it('bills init from 2025-08-01 on, before that only for custom runtimes', () => {
    expect(initBilledByRule('2025-07-31T23:59:59Z', 'nodejs22.x')).toBe(false);
    expect(initBilledByRule('2025-08-01T00:00:00Z', 'nodejs22.x')).toBe(true);
    expect(initBilledByRule('2023-07-01T00:00:00Z', 'provided.al2')).toBe(true);
    expect(initBilledByRule(null, 'python3.11')).toBeNull();
    expect(initBilledByRule('not a date', 'python3.11')).toBeNull();
    expect(initBilledByRule(null, 'provided.al2023')).toBe(true);
    expect(initBilledByRule('2025-08-01', null)).toBe(true);
    expect(initBilledByRule('x2025-08-01T00:00:00Z', null)).toBeNull();
    expect(initBilledByRule('2025-8-1T00:00:00Z', null)).toBeNull();
  });
});

describe('billedMsWithInit', () => {
  it('adds init to a record that left it out, rounding up like AWS', () => {
    expect(billedMsWithInit(cold(135.38, 15.65, 16))).toBe(152);
    expect(billedMsWithInit(cold(43.17, 1.28, 45))).toBe(45);
    expect(billedMsWithInit(cold(null, 3.2, 4))).toBe(4);
  });
  it('prices a million of such cold starts higher when init is billed', () => {
    const s = {
      ...emptySample('hello-node'),
      memoryMB: 1024,
      arch: 'x86_64' as const,
      ...cold(135.38, 15.65, 16),
    };
    const asRecorded = costPerMillion([s])!.usd;
    const today = costPerMillion([s], { initBilled: true })!.usd;
    expect(asRecorded).toBeCloseTo(0.016 * 16.6667 + 0.2, 4);
    expect(today).toBeCloseTo(0.152 * 16.6667 + 0.2, 4);
  });
});
