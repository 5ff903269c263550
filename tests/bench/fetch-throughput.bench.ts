// Speed figures for `npm run bench`: REPORTs read per second by `fetch` from the fake CloudWatch Logs, for
// Logs Insights (a range over 10,000 rows, so it splits) and for FilterLogEvents (pages of up to 10,000 events).
// The fake answers instantly: the figures measure the engine's parsing, splitting and paging, not AWS.
// Prints, never asserts on time.
import { describe, expect, it } from 'vitest';
import { fetchReports } from '../../electron/engine/fetch';
import { configureLogsService } from '../fake-aws/logs-service';
import { startFetchFakeEndpoint } from '../engine/fetch-fake-endpoint';
import { appendInvocation, requestId } from '../engine/fetch-log-lines';

const REPORTS = 30_000;
const T0 = Date.UTC(2026, 10, 1);

describe('fetch throughput', () => {
  it.each(['insights', 'filter'] as const)('%s', async (method) => {
    const fake = await startFetchFakeEndpoint();
    try {
      fake.functions.set('bench', {
        name: 'bench',
        runtime: 'nodejs22.x',
        arch: 'arm64',
        logFormat: 'Text',
        logGroup: null,
      });
      configureLogsService(fake.store, { runningPolls: 1, filterScanChunk: 10_000 });
      for (let i = 0; i < REPORTS; i++) {
        appendInvocation(fake.store, '/aws/lambda/bench', `s${i % 50}`, {
          requestId: requestId(i),
          at: T0 + i * 2_000,
          initMs: 150,
          durationMs: 3,
          memoryMB: 512,
          format: 'Text',
        });
      }
      const started = performance.now();
      const result = await fetchReports({
        ...(await fake.clients()),
        request: {
          functions: ['bench'],
          start: new Date(T0).toISOString(),
          end: new Date(T0 + REPORTS * 2_000).toISOString(),
          coldOnly: true,
          method,
        },
        runId: 'bench',
        tuning: { pollIntervalMs: 1, maxPollIntervalMs: 1 },
      });
      const seconds = (performance.now() - started) / 1000;
      expect(result.samples).toHaveLength(REPORTS);
      console.log(
        `fetch --method ${method}: ${REPORTS} cold REPORTs (${REPORTS * 4} log events) in ${seconds.toFixed(1)} s = ${Math.round(REPORTS / seconds)} REPORTs/s`,
      );
    } finally {
      await fake.close();
    }
  });
});
