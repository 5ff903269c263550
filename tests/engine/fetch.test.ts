import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchReports, type FetchReportsInput } from '../../electron/engine/fetch';
import type { FetchRequest, RunProgress } from '../../shared/measure';
import { configureLogsService, logsServiceCounters } from '../fake-aws/logs-service';
import { startFetchFakeEndpoint, type FetchFakeEndpoint } from './fetch-fake-endpoint';
import { appendInvocation, requestId } from './fetch-log-lines';

const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);
const HOUR = 3_600_000;
const FAST = { pollIntervalMs: 2, maxPollIntervalMs: 5, limitBackoffMs: 5, maxBackoffMs: 20 };

let fake: FetchFakeEndpoint;
let clients: Awaited<ReturnType<FetchFakeEndpoint['clients']>>;

interface Expected {
  cold: string[];
  warm: string[];
}

/**
 * Writes a function's history: cold and warm invocations inside [T0, T0 + 2h], some just outside, and
 * every cold REPORT of one environment written twice (as a re-delivered event would be).
 */
function seed(name: string, format: 'Text' | 'JSON', group: string, base: number): Expected {
  const expected: Expected = { cold: [], warm: [] };
  let n = base;
  const write = (at: number, cold: boolean, stream: string): string => {
    const id = requestId(n++);
    appendInvocation(fake.store, group, stream, {
      requestId: id,
      at,
      initMs: cold ? 100 + (n % 50) : null,
      durationMs: 3 + (n % 7),
      memoryMB: 512,
      format,
    });
    return id;
  };
  write(T0 - 1, true, '2026/11/27/[$LATEST]before');
  write(T0 + 2 * HOUR + 1, true, '2026/11/27/[$LATEST]after');
  for (let i = 0; i < 12; i++) {
    const at = T0 + i * 10 * 60_000 + 500;
    const stream = `2026/11/27/[$LATEST]env${i}`;
    expected.cold.push(write(at, true, stream));
    expected.warm.push(write(at + 1000, false, stream));
  }
  // The very first and last milliseconds of the range are in it.
  expected.cold.push(write(T0, true, '2026/11/27/[$LATEST]edge1'));
  expected.cold.push(write(T0 + 2 * HOUR, true, '2026/11/27/[$LATEST]edge2'));
  // A REPORT delivered twice (same request id, another stream) counts once.
  const again = fake.store
    .all()
    .filter((e) => e.logGroup === group && e.message.includes(expected.cold[0] ?? '?'));
  for (const e of again)
    fake.store.append(group, '2026/11/27/[$LATEST]replay', { timestamp: e.timestamp, message: e.message });
  return expected;
}

const expectations = new Map<string, Expected>();

beforeAll(async () => {
  fake = await startFetchFakeEndpoint();
  clients = await fake.clients();
  fake.functions.set('text-fn', {
    name: 'text-fn',
    runtime: 'nodejs22.x',
    arch: 'arm64',
    logFormat: 'Text',
    logGroup: null,
  });
  fake.functions.set('json-fn', {
    name: 'json-fn',
    runtime: 'python3.13',
    arch: 'x86_64',
    logFormat: 'JSON',
    logGroup: null,
  });
  fake.functions.set('custom-fn', {
    name: 'custom-fn',
    runtime: 'java21',
    arch: 'x86_64',
    logFormat: 'Text',
    logGroup: '/shared/lambda-logs',
  });
  fake.functions.set('silent-fn', {
    name: 'silent-fn',
    runtime: 'nodejs22.x',
    arch: 'x86_64',
    logFormat: 'Text',
    logGroup: null,
  });
  expectations.set('text-fn', seed('text-fn', 'Text', '/aws/lambda/text-fn', 1000));
  expectations.set('json-fn', seed('json-fn', 'JSON', '/aws/lambda/json-fn', 2000));
  expectations.set('custom-fn', seed('custom-fn', 'Text', '/shared/lambda-logs', 3000));
  // Another function's stream in the shared custom group must not be attributed to custom-fn.
  appendInvocation(fake.store, '/shared/lambda-logs', '2026/11/27/other-fn[$LATEST]abc', {
    requestId: requestId(9999),
    at: T0 + HOUR,
    initMs: 300,
    durationMs: 4,
    memoryMB: 128,
    format: 'Text',
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  configureLogsService(fake.store, {
    scheduledPolls: 1,
    runningPolls: 2,
    maxConcurrentQueries: 30,
    filterScanChunk: 100,
    failStartQuery: 0,
  });
});

function request(
  functions: string[],
  method: 'insights' | 'filter',
  extra: Partial<FetchRequest> = {},
): FetchRequest {
  return {
    functions,
    start: new Date(T0).toISOString(),
    end: new Date(T0 + 2 * HOUR).toISOString(),
    coldOnly: true,
    method,
    ...extra,
  };
}

function run(req: FetchRequest, extra: Partial<FetchReportsInput> = {}) {
  return fetchReports({ ...clients, request: req, runId: 'fetch-test', tuning: FAST, ...extra });
}

describe.each(['insights', 'filter'] as const)('fetchReports with %s', (method) => {
  it.each(['text-fn', 'json-fn', 'custom-fn'])(
    'returns exactly the cold REPORTs of the range of %s, once each',
    async (name) => {
      const result = await run(request([name], method));
      expect(result.errors).toEqual([]);
      const ids = result.samples.map((s) => s.requestId);
      expect([...ids].sort()).toEqual([...(expectations.get(name)?.cold ?? [])].sort());
      const sample = result.samples[0];
      const fn = fake.functions.get(name);
      expect(sample).toMatchObject({
        name,
        memoryMB: 512,
        arch: fn?.arch,
        runtime: fn?.runtime,
        run: 'fetch-test',
        status: 'success',
      });
      expect(result.samples.every((s) => s.initMs !== null && s.initMs >= 100)).toBe(true);
      expect(result.functions[0]).toMatchObject({ functionName: name, duplicates: 1, warm: 12 });
    },
  );

  it('includes warm starts when asked for all, still once per request id', async () => {
    const result = await run(request(['text-fn', 'json-fn'], method, { coldOnly: false }));
    const ids = result.samples.map((s) => s.requestId);
    const all = ['text-fn', 'json-fn'].flatMap((n) => [
      ...(expectations.get(n)?.cold ?? []),
      ...(expectations.get(n)?.warm ?? []),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(all.sort());
    expect(result.samples.filter((s) => s.initMs === null)).toHaveLength(24);
  });

  it('names the function that cannot be read and still fetches the others', async () => {
    const result = await run(request(['text-fn', 'no-such-fn', 'silent-fn'], method));
    expect(result.samples).toHaveLength(14);
    expect(result.errors.map((e) => [e.functionName, e.code])).toEqual(
      expect.arrayContaining([
        ['no-such-fn', 'not-found'],
        ['silent-fn', 'not-found'],
      ]),
    );
    expect(result.errors.find((e) => e.functionName === 'silent-fn')?.message).toContain(
      '/aws/lambda/silent-fn',
    );
  });
});

describe('Logs Insights specifics', () => {
  it('never takes partial (Running) results as final', async () => {
    configureLogsService(fake.store, { runningPolls: 4 });
    const before = logsServiceCounters(fake.store).partialAnswersWithRows;
    const result = await run(request(['text-fn'], 'insights'));
    expect(logsServiceCounters(fake.store).partialAnswersWithRows).toBeGreaterThan(before);
    expect(result.samples).toHaveLength(expectations.get('text-fn')?.cold.length ?? -1);
  });

  it('queries in seconds with filter before limit', async () => {
    const before = logsServiceCounters(fake.store).queries.length;
    await run(request(['text-fn'], 'insights'));
    const [query] = logsServiceCounters(fake.store).queries.slice(before);
    expect(query?.startTime).toBe(T0 / 1000);
    expect(query?.endTime).toBe((T0 + 2 * HOUR) / 1000);
    expect(query?.queryString.indexOf('filter')).toBeLessThan(query?.queryString.indexOf('limit') ?? -1);
  });

  it('backs off on LimitExceededException and completes once a slot frees', async () => {
    // More refusals in a row than the SDK's own retries (8 attempts): the engine's back-off has to act.
    const before = logsServiceCounters(fake.store).limitExceeded;
    configureLogsService(fake.store, { failStartQuery: 20 });
    const result = await run(request(['text-fn'], 'insights'));
    expect(logsServiceCounters(fake.store).limitExceeded - before).toBe(20);
    expect(result.errors).toEqual([]);
    expect(result.samples).toHaveLength(14);
  });

  it('gives up with a clear error when the limit never frees', async () => {
    configureLogsService(fake.store, { failStartQuery: 1000 });
    const result = await run(request(['text-fn'], 'insights'), { tuning: { ...FAST, maxLimitRetries: 1 } });
    expect(result.errors[0]?.message).toMatch(/text-fn.*LimitExceededException/);
    expect(result.errors[0]?.hint).toContain('--method filter');
  });

  it('stops its running query when cancelled', async () => {
    configureLogsService(fake.store, { runningPolls: 1000 });
    const controller = new AbortController();
    const stopsBefore = logsServiceCounters(fake.store).stopQuery;
    const pollsBefore = logsServiceCounters(fake.store).getQueryResults;
    const progress: RunProgress[] = [];
    const pending = run(request(['text-fn'], 'insights'), {
      signal: controller.signal,
      tuning: { ...FAST, pollIntervalMs: 20, maxPollIntervalMs: 20 },
      onProgress: (p) => progress.push(p),
    });
    while (logsServiceCounters(fake.store).getQueryResults < pollsBefore + 3)
      await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const result = await pending;
    expect(result.cancelled).toBe(true);
    expect(result.samples).toEqual([]);
    expect(logsServiceCounters(fake.store).stopQuery).toBe(stopsBefore + 1);
    expect(progress[0]).toMatchObject({ runId: 'fetch-test', phase: 'fetching', total: 1 });
  });
});

describe('large ranges', () => {
  it('splits a range whose query returns 10,000 rows until every REPORT is read', async () => {
    const big = await startFetchFakeEndpoint();
    try {
      big.functions.set('busy', {
        name: 'busy',
        runtime: 'nodejs22.x',
        arch: 'x86_64',
        logFormat: 'Text',
        logGroup: null,
      });
      configureLogsService(big.store, { runningPolls: 1 });
      // 12,500 cold REPORTs (plus their START/END lines) over a day.
      for (let i = 0; i < 12_500; i++) {
        appendInvocation(big.store, '/aws/lambda/busy', `2026/11/27/[$LATEST]e${i % 40}`, {
          requestId: requestId(i),
          at: T0 + i * 6_900,
          initMs: 120,
          durationMs: 2,
          memoryMB: 1024,
          format: 'Text',
        });
      }
      const result = await fetchReports({
        ...(await big.clients()),
        request: { ...request(['busy'], 'insights'), end: new Date(T0 + 24 * HOUR).toISOString() },
        runId: 'big',
        tuning: FAST,
      });
      expect(result.errors).toEqual([]);
      expect(result.samples).toHaveLength(12_500);
      expect(new Set(result.samples.map((s) => s.requestId)).size).toBe(12_500);
      expect(logsServiceCounters(big.store).queries.length).toBeGreaterThanOrEqual(3);
    } finally {
      await big.close();
    }
  });

  it('reads a second holding more than 10,000 REPORTs with FilterLogEvents instead', async () => {
    const dense = await startFetchFakeEndpoint();
    try {
      dense.functions.set('burst', {
        name: 'burst',
        runtime: null,
        arch: 'x86_64',
        logFormat: 'Text',
        logGroup: null,
      });
      for (let i = 0; i < 10_001; i++) {
        dense.store.append('/aws/lambda/burst', 's', {
          timestamp: T0 + 5000 + (i % 1000),
          message: `REPORT RequestId: ${requestId(i)}\tDuration: 1.00 ms\tBilled Duration: 90 ms\tMemory Size: 128 MB\tMax Memory Used: 50 MB\tInit Duration: 88.00 ms\t\n`,
        });
      }
      configureLogsService(dense.store, { runningPolls: 0, filterScanChunk: 5000 });
      const result = await fetchReports({
        ...(await dense.clients()),
        request: { ...request(['burst'], 'insights'), end: new Date(T0 + 60_000).toISOString() },
        runId: 'dense',
        tuning: FAST,
      });
      expect(result.samples).toHaveLength(10_001);
      expect(result.warnings.join()).toMatch(/more than 10000 REPORT records within one second/);
    } finally {
      await dense.close();
    }
  });
});

describe('FilterLogEvents specifics', () => {
  it('follows nextToken through empty pages', async () => {
    configureLogsService(fake.store, { filterScanChunk: 2 });
    const before = logsServiceCounters(fake.store);
    const empty = before.emptyPagesWithToken;
    const calls = before.filterLogEvents;
    const result = await run(request(['text-fn'], 'filter'));
    expect(logsServiceCounters(fake.store).emptyPagesWithToken).toBeGreaterThan(empty);
    expect(logsServiceCounters(fake.store).filterLogEvents - calls).toBeGreaterThan(10);
    expect(result.samples).toHaveLength(14);
  });
});

describe('ingestion delay', () => {
  it('returns only what CloudWatch has ingested, and says the range may be incomplete', async () => {
    const late = await startFetchFakeEndpoint({ ingestionDelayMs: 90_000 });
    try {
      late.functions.set('late', {
        name: 'late',
        runtime: 'nodejs22.x',
        arch: 'x86_64',
        logFormat: 'Text',
        logGroup: null,
      });
      const now = late.clock.now;
      appendInvocation(late.store, '/aws/lambda/late', 's1', {
        requestId: requestId(1),
        at: now - 60_000,
        initMs: 100,
        durationMs: 2,
        memoryMB: 128,
        format: 'Text',
      });
      late.clock.now += 90_000;
      appendInvocation(late.store, '/aws/lambda/late', 's2', {
        requestId: requestId(2),
        at: now + 80_000,
        initMs: 100,
        durationMs: 2,
        memoryMB: 128,
        format: 'Text',
      });
      const req = {
        ...request(['late'], 'insights'),
        start: new Date(now - HOUR).toISOString(),
        end: new Date(now + 90_000).toISOString(),
      };
      for (const method of ['insights', 'filter'] as const) {
        const result = await fetchReports({
          ...(await late.clients()),
          request: { ...req, method },
          runId: 'late',
          tuning: FAST,
          now: () => late.clock.now,
        });
        expect(result.samples.map((s) => s.requestId)).toEqual([requestId(1)]);
        expect(result.warnings.join()).toMatch(/ingests events with a delay/);
      }
      late.clock.now += 90_000;
      const later = await fetchReports({
        ...(await late.clients()),
        request: req,
        runId: 'late',
        tuning: FAST,
        now: () => late.clock.now,
      });
      expect(later.samples.map((s) => s.requestId)).toEqual([requestId(1), requestId(2)]);
    } finally {
      await late.close();
    }
  });
});
