import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressTracker } from '../../../electron/engine/measure/progress';
import type { RunProgress } from '../../../shared/measure';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

function tracker(total: number) {
  const seen: RunProgress[] = [];
  const t = new ProgressTracker('run-1', total, (p) => seen.push(p));
  return { t, seen };
}

describe('ProgressTracker', () => {
  it('reports every field, with no ETA before the first sample', () => {
    const { t, seen } = tracker(10);
    vi.advanceTimersByTime(1500);
    t.update({ phase: 'updating', functionName: 'f', memoryMB: 512 }, 'writing');
    expect(seen).toEqual([
      {
        runId: 'run-1',
        phase: 'updating',
        done: 0,
        total: 10,
        functionName: 'f',
        memoryMB: 512,
        elapsedMs: 1500,
        etaMs: null,
        message: 'writing',
      },
    ]);
  });

  it('is preparing until told otherwise', () => {
    const { t, seen } = tracker(1);
    t.report(null);
    expect(seen[0]).toMatchObject({ phase: 'preparing', functionName: null, memoryMB: null, done: 0 });
  });

  it('turns the pace so far into an ETA for what remains', () => {
    const { t, seen } = tracker(10);
    vi.advanceTimersByTime(3000);
    t.add(2); // 1.5 s per sample, 8 to go
    expect(seen.at(-1)).toMatchObject({ done: 2, total: 10, elapsedMs: 3000, etaMs: 12_000, message: null });
    vi.advanceTimersByTime(1001);
    t.add(1); // 4001 ms / 3 per sample, 7 to go: 9335.67 rounds to 9336
    expect(seen.at(-1)?.etaMs).toBe(9336);
  });

  it('keeps the last phase and names until they change, and has an ETA of 0 when done', () => {
    const { t, seen } = tracker(4);
    t.update({ phase: 'invoking', functionName: 'f', memoryMB: 128 });
    t.update({}, 'a message only');
    expect(seen.at(-1)).toMatchObject({
      phase: 'invoking',
      functionName: 'f',
      memoryMB: 128,
      message: 'a message only',
    });
    t.update({ phase: 'done', functionName: null, memoryMB: null });
    expect(seen.at(-1)).toMatchObject({ phase: 'done', etaMs: 0, functionName: null, message: null });
  });

  it('shrinks the total by what a function will not deliver, never below what is done', () => {
    const { t } = tracker(10);
    t.add(3);
    t.dropRemaining(4);
    expect(t.total).toBe(6);
    t.dropRemaining(5);
    expect(t.total).toBe(3);
    t.dropRemaining(0);
    expect(t.total).toBe(3);
  });

  it('goes on when the listener throws', () => {
    const t = new ProgressTracker('run-1', 2, () => {
      throw new Error('listener failed');
    });
    expect(() => t.add(1)).not.toThrow();
    expect(t.done).toBe(1);
  });

  it('works without a listener', () => {
    const t = new ProgressTracker('run-1', 2);
    t.update({ phase: 'waiting' }, 'x');
    t.add(2);
    expect([t.phase, t.done]).toEqual(['waiting', 2]);
  });
});
