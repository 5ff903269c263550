// Speed figures for `npm run bench`: verified cold samples per minute against the fake endpoint with a
// realistic update delay (1 s InProgress, real-time init and duration), one sample per update (the classic
// method) versus --parallel 10. Prints, never asserts on time.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import { startFakeAws } from '../fake-aws/server';

const UPDATE_DELAY_MS = 1000;

async function coldSamplesPerMinute(
  parallel: number,
  times: number,
): Promise<{ perMinute: number; seconds: number }> {
  const fake = await startFakeAws({
    updateDelayMs: UPDATE_DELAY_MS,
    timeScale: 1,
    functions: [{ name: 'bench' }],
  });
  const stateDir = await mkdtemp(join(tmpdir(), 'coldstart-bench-'));
  try {
    // The engine's own polling and retry defaults: only the endpoint and credentials are the fake's.
    const engine = createEngine({ stateDir, env: { ...fake.env, HOME: stateDir } });
    const started = Date.now();
    const run = await engine.startMeasurement(
      { profile: null, region: null, endpoint: null },
      { functions: ['bench'], memorySizes: [], times, parallel, warm: 0, payload: '{}' },
    );
    const outcome = await run.done;
    const seconds = (Date.now() - started) / 1000;
    const cold = outcome.samples.filter((s) => s.initMs !== null).length;
    expect(outcome.state).toBe('completed');
    expect(cold).toBe(times);
    return { perMinute: (cold / seconds) * 60, seconds };
  } finally {
    await fake.close();
    await rm(stateDir, { recursive: true, force: true });
  }
}

describe('measurement throughput (fake endpoint, 1 s update delay)', () => {
  it('parallel 1 vs parallel 10', async () => {
    const classic = await coldSamplesPerMinute(1, 10);
    const parallel = await coldSamplesPerMinute(10, 50);
    const ratio = parallel.perMinute / classic.perMinute;
    console.log(
      [
        `measure throughput, verified cold samples per minute (update delay ${UPDATE_DELAY_MS} ms, whole run incl. restore):`,
        `  --parallel 1 : ${classic.perMinute.toFixed(1)}/min (10 samples in ${classic.seconds.toFixed(1)} s)`,
        `  --parallel 10: ${parallel.perMinute.toFixed(1)}/min (50 samples in ${parallel.seconds.toFixed(1)} s)`,
        `  ratio        : ${ratio.toFixed(1)}x (goal >= 8x)`,
      ].join('\n'),
    );
  });
});
