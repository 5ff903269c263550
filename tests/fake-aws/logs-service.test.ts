import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  GetQueryResultsCommand,
  MalformedQueryException,
  ResourceNotFoundException,
  LimitExceededException,
  InvalidParameterException,
  StartQueryCommand,
  StopQueryCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import { startFetchFakeEndpoint, type FetchFakeEndpoint } from '../engine/fetch-fake-endpoint';
import { appendInvocation, requestId } from '../engine/fetch-log-lines';
import { configureLogsService, logsServiceCounters } from './logs-service';
import { LogStore } from './log-store';

const GROUP = '/aws/lambda/hello';
const T0 = Date.UTC(2026, 10, 28, 10, 0, 0);

let fake: FetchFakeEndpoint;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  fake = await startFetchFakeEndpoint();
  logs = (await fake.clients()).logs;
  // 20 invocations one minute apart: odd ones cold; every one writes START, an app line, END and REPORT.
  for (let i = 0; i < 20; i++) {
    appendInvocation(fake.store, GROUP, `2026/11/28/[$LATEST]env${i % 3}`, {
      requestId: requestId(i),
      at: T0 + i * 60_000,
      initMs: i % 2 ? 150 + i : null,
      durationMs: 10,
      memoryMB: 256,
      format: 'Text',
    });
  }
  appendInvocation(fake.store, '/custom/json', 'stream', {
    requestId: requestId(100),
    at: T0,
    initMs: 200,
    durationMs: 5,
    memoryMB: 512,
    format: 'JSON',
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
    queryLifetimeMs: 60_000,
  });
});

async function allPages(input: {
  startTime: number;
  endTime: number;
  filterPattern?: string;
  limit?: number;
  logGroupName?: string;
}) {
  const pages: number[] = [];
  const messages: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, ...input, nextToken }));
    pages.push(page.events?.length ?? 0);
    messages.push(...(page.events ?? []).map((e) => e.message ?? ''));
    nextToken = page.nextToken;
  } while (nextToken);
  return { pages, messages };
}

describe('FilterLogEvents', () => {
  it('takes its range in milliseconds, both ends included', async () => {
    const { messages } = await allPages({
      startTime: T0 + 5 * 60_000,
      endTime: T0 + 7 * 60_000,
      filterPattern: '"REPORT RequestId"',
    });
    expect(messages.map((m) => m.slice(18, 54))).toEqual([requestId(5), requestId(6), requestId(7)]);
  });

  it('matches terms case-sensitively as substrings: REPORT also finds the app line that mentions it', async () => {
    const bare = await allPages({
      startTime: T0 - 60_000,
      endTime: T0 + 60_000 * 30,
      filterPattern: 'REPORT',
    });
    expect(bare.messages).toHaveLength(40);
    const lower = await allPages({
      startTime: T0 - 60_000,
      endTime: T0 + 60_000 * 30,
      filterPattern: 'report',
    });
    expect(lower.messages).toHaveLength(0);
    const both = await allPages({
      startTime: T0 - 60_000,
      endTime: T0 + 60_000 * 30,
      filterPattern: 'REPORT -INFO',
    });
    expect(both.messages).toHaveLength(20);
    const either = await allPages({
      startTime: T0 - 60_000,
      endTime: T0 + 60_000 * 30,
      filterPattern: '?"Init Duration" ?START',
    });
    expect(either.messages).toHaveLength(10 + 20);
  });

  it('reads JSON records with a JSON pattern and never matches text events with one', async () => {
    const json = await allPages({
      logGroupName: '/custom/json',
      startTime: 0,
      endTime: T0 + 1,
      filterPattern: '{ $.type = "platform.report" }',
    });
    expect(json.messages).toHaveLength(1);
    expect(JSON.parse(json.messages[0] ?? '{}').record.metrics.initDurationMs).toBe(200);
    const numeric = await allPages({
      logGroupName: '/custom/json',
      startTime: 0,
      endTime: T0 + 1,
      filterPattern: '{ $.record.metrics.initDurationMs > 100 && $.type = "platform.*" }',
    });
    expect(numeric.messages).toHaveLength(1);
    const text = await allPages({
      startTime: T0 - 60_000,
      endTime: T0 + 60_000 * 30,
      filterPattern: '{ $.type = "platform.report" }',
    });
    expect(text.messages).toHaveLength(0);
  });

  it('answers pages that are empty while a token remains, when a scanned chunk matches nothing', async () => {
    configureLogsService(fake.store, { filterScanChunk: 3 });
    const before = logsServiceCounters(fake.store).emptyPagesWithToken;
    const { pages, messages } = await allPages({
      startTime: T0 - 60_000,
      endTime: T0 + 60_000 * 30,
      filterPattern: '"Init Duration"',
    });
    expect(messages).toHaveLength(10);
    expect(pages.filter((n) => n === 0).length).toBeGreaterThan(0);
    expect(logsServiceCounters(fake.store).emptyPagesWithToken).toBeGreaterThan(before);
  });

  it('honours limit per page and continues with the token', async () => {
    const { pages, messages } = await allPages({
      startTime: T0 - 60_000,
      endTime: T0 + 60_000 * 30,
      filterPattern: '"REPORT RequestId"',
      limit: 7,
    });
    expect(pages).toEqual([7, 7, 6]);
    expect(new Set(messages).size).toBe(20);
  });

  it('answers typed SDK errors: unknown group, bad token, bad pattern', async () => {
    await expect(
      logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/nope' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, nextToken: 'garbage' })),
    ).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(
      logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: '{ $.a = ' })),
    ).rejects.toBeInstanceOf(InvalidParameterException);
  });
});

async function pollToEnd(queryId: string) {
  const answers = [];
  for (;;) {
    const answer = await logs.send(new GetQueryResultsCommand({ queryId }));
    answers.push(answer);
    if (answer.status !== 'Scheduled' && answer.status !== 'Running') return answers;
  }
}

const value = (row: { field?: string; value?: string }[] | undefined, field: string) =>
  row?.find((f) => f.field === field)?.value;

describe('Logs Insights', () => {
  const startTime = Math.floor(T0 / 1000);
  const endTime = startTime + 30 * 60;

  it('goes Scheduled, Running with partial rows, then Complete with all of them', async () => {
    configureLogsService(fake.store, { runningPolls: 3 });
    const { queryId } = await logs.send(
      new StartQueryCommand({
        logGroupName: GROUP,
        startTime,
        endTime,
        queryString:
          'fields @timestamp, @message | filter @type = "REPORT" | sort @timestamp asc | limit 10000',
      }),
    );
    const answers = await pollToEnd(queryId ?? '');
    expect(answers.map((a) => a.status)).toEqual(['Scheduled', 'Running', 'Running', 'Running', 'Complete']);
    const running = answers.filter((a) => a.status === 'Running').map((a) => a.results?.length ?? 0);
    expect(running.some((n) => n > 0 && n < 20)).toBe(true);
    const complete = answers[answers.length - 1];
    expect(complete?.results).toHaveLength(20);
    expect(complete?.statistics?.recordsMatched).toBe(20);
    expect(value(complete?.results?.[0], '@timestamp')).toBe('2026-11-28 10:00:00.000');
    expect(value(complete?.results?.[0], '@ptr')).toBeTruthy();
  });

  it('applies filter and limit in the order written', async () => {
    configureLogsService(fake.store, { runningPolls: 0 });
    const run = async (queryString: string) => {
      const { queryId } = await logs.send(
        new StartQueryCommand({ logGroupName: GROUP, startTime, endTime, queryString }),
      );
      return (await pollToEnd(queryId ?? '')).pop()?.results ?? [];
    };
    expect(await run('filter @message like /Init Duration/ | limit 5')).toHaveLength(5);
    // limit first keeps 5 events (START/INFO/END/REPORT of the first invocations), of which few are cold REPORTs.
    expect(
      (await run('sort @timestamp asc | limit 5 | filter @message like /Init Duration/')).length,
    ).toBeLessThan(5);
  });

  it('gives memory fields in bytes and keeps the raw @message', async () => {
    configureLogsService(fake.store, { runningPolls: 0 });
    const { queryId } = await logs.send(
      new StartQueryCommand({
        logGroupName: GROUP,
        startTime,
        endTime,
        queryString:
          'fields @memorySize, @maxMemoryUsed, @initDuration, @requestId, @message | filter ispresent(@initDuration) | sort @timestamp desc',
      }),
    );
    const rows = (await pollToEnd(queryId ?? '')).pop()?.results ?? [];
    expect(rows).toHaveLength(10);
    expect(value(rows[0], '@memorySize')).toBe('256000000');
    expect(value(rows[0], '@requestId')).toBe(requestId(19));
    expect(value(rows[0], '@message')).toMatch(/^REPORT RequestId: .*Memory Size: 256 MB/);
  });

  it('returns at most 10,000 rows and says how many matched', async () => {
    const store = new LogStore({ ingestionDelayMs: 0, now: Date.now });
    for (let i = 0; i < 10_050; i++)
      store.append('/big', 's', {
        timestamp: T0 + i,
        message: `REPORT RequestId: ${requestId(i)}\tDuration: 1.00 ms`,
      });
    configureLogsService(fake.store, { runningPolls: 0 });
    // Through the handler directly: the same code path as over HTTP, without 10,000 rows of JSON twice.
    const { handleLogsRequest } = await import('./logs-service');
    configureLogsService(store, { runningPolls: 0, scheduledPolls: 0 });
    const start = JSON.parse(
      handleLogsRequest(
        'StartQuery',
        { logGroupName: '/big', startTime, endTime, queryString: 'filter @type = "REPORT"' },
        store,
      ).body,
    );
    const answer = JSON.parse(handleLogsRequest('GetQueryResults', { queryId: start.queryId }, store).body);
    expect(answer.status).toBe('Complete');
    expect(answer.results).toHaveLength(10_000);
    expect(answer.statistics.recordsMatched).toBe(10_050);
  });

  it('refuses more concurrent queries than allowed with LimitExceededException, until one ends', async () => {
    configureLogsService(fake.store, { maxConcurrentQueries: 1, runningPolls: 5 });
    const input = { logGroupName: GROUP, startTime, endTime, queryString: 'filter @type = "REPORT"' };
    const first = await logs.send(new StartQueryCommand(input));
    await expect(logs.send(new StartQueryCommand(input))).rejects.toBeInstanceOf(LimitExceededException);
    await logs.send(new StopQueryCommand({ queryId: first.queryId }));
    const answer = await logs.send(new GetQueryResultsCommand({ queryId: first.queryId }));
    expect(answer.status).toBe('Cancelled');
    const second = await logs.send(new StartQueryCommand(input));
    await logs.send(new StopQueryCommand({ queryId: second.queryId }));
  });

  it('lets a query nobody polls end on its own, freeing its slot', async () => {
    configureLogsService(fake.store, { maxConcurrentQueries: 1, runningPolls: 5, queryLifetimeMs: 20 });
    const input = { logGroupName: GROUP, startTime, endTime, queryString: 'filter @type = "REPORT"' };
    const abandoned = await logs.send(new StartQueryCommand(input));
    await new Promise((r) => setTimeout(r, 40));
    const next = await logs.send(new StartQueryCommand(input));
    expect((await logs.send(new GetQueryResultsCommand({ queryId: abandoned.queryId }))).status).toBe(
      'Complete',
    );
    await expect(logs.send(new StopQueryCommand({ queryId: abandoned.queryId }))).rejects.toBeInstanceOf(
      InvalidParameterException,
    );
    configureLogsService(fake.store, { queryLifetimeMs: 60_000 });
    await logs.send(new StopQueryCommand({ queryId: next.queryId }));
  });

  it('rejects what it does not support with MalformedQueryException and where', async () => {
    const attempt = logs.send(
      new StartQueryCommand({
        logGroupName: GROUP,
        startTime,
        endTime,
        queryString: 'fields @message | stats count(*) by bin(5m)',
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(MalformedQueryException);
    const error = (await attempt.catch((e: unknown) => e)) as MalformedQueryException;
    expect(error.queryCompileError?.location?.startCharOffset).toBe(18);
    await expect(
      logs.send(
        new StartQueryCommand({
          logGroupName: GROUP,
          startTime,
          endTime,
          queryString: 'filter @message like /(unclosed/',
        }),
      ),
    ).rejects.toBeInstanceOf(MalformedQueryException);
  });

  it('takes SECONDS: a range in milliseconds is refused, an unknown group is not found', async () => {
    await expect(
      logs.send(
        new StartQueryCommand({
          logGroupName: GROUP,
          startTime: T0 - 60_000,
          endTime: T0 + 1000,
          queryString: 'limit 1',
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(
      logs.send(
        new StartQueryCommand({
          logGroupName: '/aws/lambda/nope',
          startTime,
          endTime,
          queryString: 'limit 1',
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(logs.send(new GetQueryResultsCommand({ queryId: 'nope' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('lists log groups', async () => {
    const { logGroups } = await logs.send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/' }),
    );
    expect(logGroups?.map((g) => g.logGroupName)).toEqual([GROUP]);
  });
});

describe('ingestion delay', () => {
  it('hides events until they are ingested, for both APIs', async () => {
    const store = new LogStore({ ingestionDelayMs: 30_000, now: () => clock });
    let clock = T0;
    store.append('/late', 's', {
      timestamp: T0,
      message: `REPORT RequestId: ${requestId(1)}\tDuration: 1.00 ms`,
    });
    const { handleLogsRequest } = await import('./logs-service');
    configureLogsService(store, { scheduledPolls: 0, runningPolls: 0 });
    const filter = () =>
      JSON.parse(handleLogsRequest('FilterLogEvents', { logGroupName: '/late' }, store).body).events.length;
    const insights = () => {
      const { queryId } = JSON.parse(
        handleLogsRequest(
          'StartQuery',
          { logGroupName: '/late', startTime: 0, endTime: T0 / 1000 + 10, queryString: 'limit 10' },
          store,
        ).body,
      );
      return JSON.parse(handleLogsRequest('GetQueryResults', { queryId }, store).body).results.length;
    };
    expect([filter(), insights()]).toEqual([0, 0]);
    clock += 30_000;
    expect([filter(), insights()]).toEqual([1, 1]);
  });
});
