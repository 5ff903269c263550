import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../electron/engine/engine-api';
import { isCancel, stop, StopMeasuring } from '../../../electron/engine/measure/function-run';

describe('stop', () => {
  it('carries the run error as it is, with no hint unless one is given', () => {
    const error = stop('api', 'NoReport', 'api: giving up');
    expect(error).toBeInstanceOf(StopMeasuring);
    expect(error.name).toBe('StopMeasuring');
    expect(error.message).toBe('api: giving up');
    expect(error.runError).toEqual({
      functionName: 'api',
      code: 'NoReport',
      message: 'api: giving up',
      hint: null,
    });
    expect(stop('api', 'X', 'm', 'do this').runError.hint).toBe('do this');
  });
});

describe('isCancel', () => {
  const aborted = () => {
    const controller = new AbortController();
    controller.abort();
    return controller.signal;
  };
  const abortError = () => Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });

  it('is a cancel when the signal is aborted, whatever the error', () => {
    expect(isCancel(new Error('ECONNRESET'), aborted())).toBe(true);
  });

  it("is a cancel for the engine's own cancel error and for an aborted request", () => {
    expect(isCancel(new EngineError('cancelled', 'cancelled'))).toBe(true);
    expect(isCancel(abortError(), new AbortController().signal)).toBe(true);
  });

  it('is no cancel for any other error while the signal is not aborted', () => {
    const signal = new AbortController().signal;
    expect(isCancel(new Error('boom'), signal)).toBe(false);
    expect(isCancel(new EngineError('aws', 'cancelled'), signal)).toBe(false);
    expect(isCancel(Object.assign(new Error('x'), { name: 'ResourceConflictException' }))).toBe(false);
    expect(isCancel('cancelled')).toBe(false);
  });
});
