import { vi } from 'vitest';
import type { Engine, RunCallbacks, RunOutcome, StartedRun } from '../../electron/engine/engine-api';
import type { FunctionInfo, RecoveryItem, RunSummary } from '../../shared/measure';
import { emptySample } from '../../shared/sample';

export const summary: RunSummary = {
  id: 'run-1',
  kind: 'measure',
  name: 'hello: node/arm',
  startedAt: '2026-11-28T10:00:00.000Z',
  endedAt: '2026-11-28T10:05:00.000Z',
  state: 'completed',
  functions: ['hello'],
  memorySizes: [128],
  samples: 1,
  errors: [],
};

/** An Engine whose runs are driven by the test: `finish()` resolves the last started run's outcome. */
export function fakeEngine() {
  let finish: (outcome: RunOutcome) => void = () => undefined;
  let lastCallbacks: RunCallbacks = {};
  const startRun = async (callbacks: RunCallbacks = {}): Promise<StartedRun> => {
    lastCallbacks = callbacks;
    // Samples before the id is known: main must hold them until it is.
    callbacks.onSamples?.([emptySample('hello')]);
    return { runId: 'run-1', done: new Promise<RunOutcome>((resolve) => (finish = resolve)) };
  };
  const engine = {
    listProfiles: vi.fn(async () => [{ name: 'default', region: 'eu-west-1', sso: false }]),
    listRegions: vi.fn(() => ['eu-west-1', 'us-east-1']),
    checkConnection: vi.fn(async () => ({
      account: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/me',
      region: 'eu-west-1',
      unreservedConcurrency: 1000,
    })),
    listFunctions: vi.fn(async (): Promise<FunctionInfo[]> => []),
    startMeasurement: vi.fn(async (_c: unknown, _p: unknown, callbacks?: RunCallbacks) =>
      startRun(callbacks),
    ),
    startFetch: vi.fn(async (_c: unknown, _r: unknown, callbacks?: RunCallbacks) => startRun(callbacks)),
    listRuns: vi.fn(async () => [summary]),
    openRun: vi.fn(async () => ({ summary, samples: [emptySample('hello')] })),
    renameRun: vi.fn(async (_id: string, name: string) => ({ ...summary, name })),
    deleteRun: vi.fn(async () => undefined),
    findInterruptedRuns: vi.fn(async (): Promise<RecoveryItem[]> => []),
    recoverInterruptedRuns: vi.fn(async (): Promise<RecoveryItem[]> => []),
  } satisfies Engine;
  return {
    engine,
    finish: (outcome: RunOutcome) => finish(outcome),
    callbacks: () => lastCallbacks,
  };
}
