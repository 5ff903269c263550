import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/io';
import { progressPrinter } from '../../electron/cli/progress-output';
import type { RunProgress } from '../../shared/measure';

function io(isTty: boolean) {
  const err: string[] = [];
  const value: CliIo = {
    stdout: () => undefined,
    stderr: (t) => err.push(t),
    isTty,
    env: {},
    cwd: '/',
    signal: new AbortController().signal,
  };
  return { value, err };
}

const step = (p: Partial<RunProgress>): RunProgress => ({
  runId: 'r',
  phase: 'invoking',
  done: 0,
  total: 10,
  functionName: 'api',
  memoryMB: 512,
  elapsedMs: 1000,
  etaMs: null,
  message: null,
  ...p,
});

describe('progress output', () => {
  it('redraws one bar with counts, function, memory and ETA on a terminal', () => {
    const { value, err } = io(true);
    const printer = progressPrinter(value);
    printer.onProgress(step({ done: 5, etaMs: 65_000 }));
    printer.finish();
    expect(err[0]).toBe('\r\x1b[2K[############------------] 5/10 api @ 512 MB invoking ETA 1:05');
    expect(err.at(-1)).toBe('\n');
  });

  it('prints one line per step otherwise, not one per ETA change', () => {
    const { value, err } = io(false);
    const printer = progressPrinter(value);
    printer.onProgress(step({ phase: 'updating', message: 'api: new environment r-1' }));
    printer.onProgress(step({ done: 1, etaMs: 9000 }));
    printer.onProgress(step({ done: 1, etaMs: 8000 }));
    printer.onProgress(step({ done: 2, etaMs: 7000 }));
    expect(err).toEqual([
      '[0/10] api @ 512 MB updating: api: new environment r-1\n',
      '[1/10] api @ 512 MB invoking ETA 0:09\n',
      '[2/10] api @ 512 MB invoking ETA 0:07\n',
    ]);
  });
});
