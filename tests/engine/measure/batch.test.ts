import { describe, expect, it } from 'vitest';
import {
  assessBatch,
  MAX_FAILED_INVOKES_IN_A_ROW,
  newTally,
  WARM_RETRIES_PER_SAMPLE,
} from '../../../electron/engine/measure/batch';
import type { InvokeOutcome } from '../../../electron/engine/measure/sample-from-invoke';
import { emptySample } from '../../../shared/sample';

const sample = (requestId: string) => ({ ...emptySample('f'), requestId });
const cold = (id: string): InvokeOutcome => ({ kind: 'sample', sample: sample(id), cold: true });
const warm = (id: string): InvokeOutcome => ({ kind: 'sample', sample: sample(id), cold: false });
const failed = (reason: string): InvokeOutcome => ({ kind: 'no-report', reason });

describe('assessBatch', () => {
  it('starts from an empty tally', () => {
    expect(newTally()).toEqual({ warmAnswers: 0, invocations: 0, failedInARow: 0, lastFailure: null });
  });

  it('keeps only the cold samples, in order, and counts every invocation', () => {
    const tally = newTally();
    const { cold: kept, giveUp } = assessBatch([cold('a'), warm('b'), failed('x'), cold('c')], tally, 5);
    expect(kept.map((s) => s.requestId)).toEqual(['a', 'c']);
    expect(giveUp).toBeNull();
    expect(tally).toEqual({ warmAnswers: 1, invocations: 4, failedInARow: 0, lastFailure: 'x' });
  });

  it('counts failures in a row across batches; a cold sample resets the count, a warm one does not', () => {
    const tally = newTally();
    assessBatch([failed('1'), failed('2')], tally, 1);
    expect(tally.failedInARow).toBe(2);
    assessBatch([warm('w')], tally, 1);
    expect(tally.failedInARow).toBe(2);
    assessBatch([cold('c')], tally, 1);
    expect(tally.failedInARow).toBe(0);
    expect(tally.lastFailure).toBe('2');
  });

  it(`gives up after exactly ${MAX_FAILED_INVOKES_IN_A_ROW} failures in a row, keeping the cold samples of that batch`, () => {
    const tally = newTally();
    const four = Array.from({ length: MAX_FAILED_INVOKES_IN_A_ROW - 1 }, (_, i) => failed(`f${i}`));
    expect(assessBatch(four, tally, 10).giveUp).toBeNull();
    const last = assessBatch([failed('last')], tally, 10);
    expect(last.giveUp).toBe('no-report');
    expect(tally.lastFailure).toBe('last');
    const again = newTally();
    const result = assessBatch([cold('kept'), ...four, failed('fifth')], again, 10);
    expect(result).toMatchObject({ giveUp: 'no-report' });
    expect(result.cold.map((s) => s.requestId)).toEqual(['kept']);
  });

  it(`tolerates ${WARM_RETRIES_PER_SAMPLE} warm answers per wanted cold sample, and gives up on one more`, () => {
    const tally = newTally();
    const allowed = Array.from({ length: WARM_RETRIES_PER_SAMPLE * 2 }, (_, i) => warm(`w${i}`));
    expect(assessBatch(allowed, tally, 2).giveUp).toBeNull();
    const over = assessBatch([cold('c'), warm('one more')], tally, 2);
    expect(over.giveUp).toBe('warm');
    expect(over.cold).toHaveLength(1);
  });

  it('names no-report before warm when both limits are reached', () => {
    const tally = {
      warmAnswers: 100,
      invocations: 100,
      failedInARow: MAX_FAILED_INVOKES_IN_A_ROW - 1,
      lastFailure: null,
    };
    expect(assessBatch([failed('x')], tally, 1).giveUp).toBe('no-report');
  });
});
