import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as BoxTextsModule from '../../renderer/src/analysis/box-texts';
import type { Box } from '../../renderer/src/analysis/boxes';
import { defaultChartSettings } from '../../renderer/src/state/workspace';

const warmed: string[] = [];
vi.mock('../../renderer/src/analysis/box-texts', async (original) => ({
  ...(await original<typeof BoxTextsModule>()),
  warmBox: (b: Box) => warmed.push(b.key),
}));
const { warmBoxesWhenIdle } = await import('../../renderer/src/analysis/warm-boxes');

/** Idle callbacks the test runs itself, each with the idle time it says. */
const queue = new Map<number, IdleRequestCallback>();
let lastHandle = 0;
function runIdle(msPerCheck: number[]): void {
  const [handle, callback] = [...queue.entries()][0]!;
  queue.delete(handle);
  let k = 0;
  callback({ didTimeout: false, timeRemaining: () => msPerCheck[k++] ?? 0 });
}

const boxes = Array.from({ length: 5 }, (_, i) => ({ key: `b${i}` }) as Box);

describe('warmBoxesWhenIdle', () => {
  beforeEach(() => {
    warmed.length = 0;
    queue.clear();
    vi.stubGlobal(
      'requestIdleCallback',
      (cb: IdleRequestCallback) => (queue.set(++lastHandle, cb), lastHandle),
    );
    vi.stubGlobal('cancelIdleCallback', (handle: number) => queue.delete(handle));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('prepares boxes in order while the idle period lasts, and goes on in the next one', () => {
    warmBoxesWhenIdle(boxes, defaultChartSettings());
    expect(warmed).toEqual([]);
    // 10 ms, then 5, then only 1 left (under the 2 ms spared): two boxes in this period.
    runIdle([10, 5, 1]);
    expect(warmed).toEqual(['b0', 'b1']);
    runIdle([50, 50, 50, 50]);
    expect(warmed).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
    // All done: nothing more is asked for.
    expect(queue.size).toBe(0);
  });

  it('stops when told to (the boxes or the settings changed)', () => {
    const stop = warmBoxesWhenIdle(boxes, defaultChartSettings());
    runIdle([10, 1]);
    stop();
    expect(queue.size).toBe(0);
    expect(warmed).toEqual(['b0']);
  });
});
