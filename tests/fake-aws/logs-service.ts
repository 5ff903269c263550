import type { LogStore, StoredLogEvent } from './log-store';
import { compileFilterPattern, FilterPatternError } from './filter-pattern';
import {
  compileQuery,
  QueryCompileError,
  runQuery,
  type CompiledQuery,
  type QueryRow,
} from './insights-query';

/** Answer of one CloudWatch Logs JSON 1.1 call. */
export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * How the fake CloudWatch Logs behaves, per log store. Insights queries advance one state per
 * GetQueryResults poll (Scheduled, then Running with PARTIAL results, then Complete), so tests are
 * deterministic and every client must poll through the partial answers.
 */
export interface LogsServiceOptions {
  /** Polls answered `Scheduled` (no rows) before a query runs. */
  scheduledPolls: number;
  /** Polls answered `Running` with partial rows (a growing share of the scanned events) before `Complete`. */
  runningPolls: number;
  /** Concurrent (Scheduled or Running) queries before StartQuery answers LimitExceededException (AWS: 30). */
  maxConcurrentQueries: number;
  /** Events a FilterLogEvents page scans: a page whose scanned events match nothing is empty yet has a token. */
  filterScanChunk: number;
  /** A query nobody polls still ends: after this long (real ms) it is Complete and frees its slot. */
  queryLifetimeMs: number;
  /** Fault: the next N StartQuery calls answer LimitExceededException whatever the concurrency. */
  failStartQuery: number;
  /** Account id in `@log` values and ARNs. */
  accountId: string;
}

export interface LogsServiceCounters {
  startQuery: number;
  limitExceeded: number;
  getQueryResults: number;
  /** Running answers that carried rows (partial results a client must not take as final). */
  partialAnswersWithRows: number;
  stopQuery: number;
  filterLogEvents: number;
  /** FilterLogEvents pages with no events but a nextToken. */
  emptyPagesWithToken: number;
  /** Every StartQuery's time range (seconds) and query string, in order. */
  queries: { logGroups: string[]; startTime: number; endTime: number; queryString: string }[];
}

type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled';

interface QueryState {
  id: string;
  status: QueryStatus;
  polls: number;
  compiled: CompiledQuery;
  /** Rows of the query's groups and time range as visible when it started, in scan order. */
  snapshot: QueryRow[];
  /** At most this many rows come back (the request's `limit`, never above 10,000). */
  maxRows: number;
  startedAt: number;
}

interface LogsServiceState {
  options: LogsServiceOptions;
  counters: LogsServiceCounters;
  queries: Map<string, QueryState>;
  createdGroups: Set<string>;
  nextQuery: number;
}

const MAX_QUERY_ROWS = 10_000;

const states = new WeakMap<LogStore, LogsServiceState>();

function stateOf(store: LogStore): LogsServiceState {
  let state = states.get(store);
  if (!state) {
    state = {
      options: {
        scheduledPolls: 1,
        runningPolls: 2,
        maxConcurrentQueries: 30,
        filterScanChunk: 100,
        queryLifetimeMs: 60_000,
        failStartQuery: 0,
        accountId: '123456789012',
      },
      counters: {
        startQuery: 0,
        limitExceeded: 0,
        getQueryResults: 0,
        partialAnswersWithRows: 0,
        stopQuery: 0,
        filterLogEvents: 0,
        emptyPagesWithToken: 0,
        queries: [],
      },
      queries: new Map(),
      createdGroups: new Set(),
      nextQuery: 0,
    };
    states.set(store, state);
  }
  return state;
}

/** Changes how the Logs side of this store behaves (faults, Insights pacing, page sizes). */
export function configureLogsService(store: LogStore, options: Partial<LogsServiceOptions>): void {
  Object.assign(stateOf(store).options, options);
}

/** What clients asked of the Logs side of this store, for assertions. */
export function logsServiceCounters(store: LogStore): LogsServiceCounters {
  return stateOf(store).counters;
}

/** Creates an empty log group (a function's custom log group before its first invocation, say). */
export function createLogGroup(store: LogStore, name: string): void {
  stateOf(store).createdGroups.add(name);
}

class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function json(status: number, payload: unknown): FakeResponse {
  return {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': `fake-${Math.random().toString(16).slice(2, 10)}`,
    },
    body: JSON.stringify(payload),
  };
}

/**
 * Handles one CloudWatch Logs call (`X-Amz-Target: Logs_20140328.<Operation>`, JSON 1.1 body). Errors come
 * back as status 400 with `{"__type": "...Exception", "message": ...}`, which the SDK turns into its typed
 * exceptions (ResourceNotFoundException, LimitExceededException, MalformedQueryException, ...).
 */
export function handleLogsRequest(operation: string, body: unknown, store: LogStore): FakeResponse {
  const state = stateOf(store);
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  try {
    switch (operation) {
      case 'FilterLogEvents':
        return json(200, filterLogEvents(input, store, state));
      case 'StartQuery':
        return json(200, startQuery(input, store, state));
      case 'GetQueryResults':
        return json(200, getQueryResults(input, state));
      case 'StopQuery':
        return json(200, stopQuery(input, state));
      case 'DescribeLogGroups':
        return json(200, describeLogGroups(input, store, state));
      case 'CreateLogGroup': {
        const name = requireString(input, 'logGroupName');
        if (groupExists(name, store, state)) {
          throw new ServiceError('ResourceAlreadyExistsException', 'The specified log group already exists');
        }
        state.createdGroups.add(name);
        return json(200, {});
      }
      default:
        throw new ServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    }
  } catch (error) {
    if (error instanceof ServiceError) {
      return json(400, { __type: error.type, message: error.message, ...error.extra });
    }
    throw error;
  }
}

function requireString(input: Record<string, unknown>, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value === '') {
    throw new ServiceError(
      'InvalidParameterException',
      `1 validation error detected: Value at '${key}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function optionalNumber(input: Record<string, unknown>, key: string): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ServiceError('InvalidParameterException', `Value at '${key}' must be a number`);
  }
  return value;
}

function groupExists(name: string, store: LogStore, state: LogsServiceState): boolean {
  return state.createdGroups.has(name) || store.groups().includes(name);
}

/** A group named by name or by ARN (`logGroupIdentifier`). */
function resolveGroup(identifier: string, store: LogStore, state: LogsServiceState): string {
  const name = identifier.startsWith('arn:')
    ? identifier.replace(/^arn:[^:]*:logs:[^:]*:[^:]*:log-group:/, '').replace(/:\*$/, '')
    : identifier;
  if (!groupExists(name, store, state)) {
    throw new ServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
  }
  return name;
}

// --- FilterLogEvents ---------------------------------------------------------------------------------------

interface FilterCursor {
  t: number;
  id: string;
}

function encodeToken(cursor: FilterCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64');
}

function decodeToken(token: string): FilterCursor {
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Partial<FilterCursor>;
    if (typeof cursor.t === 'number' && typeof cursor.id === 'string') return { t: cursor.t, id: cursor.id };
  } catch {
    // fall through
  }
  throw new ServiceError('InvalidParameterException', 'The specified nextToken is invalid.');
}

function after(event: StoredLogEvent, cursor: FilterCursor): boolean {
  return event.timestamp > cursor.t || (event.timestamp === cursor.t && event.eventId > cursor.id);
}

function filterLogEvents(input: Record<string, unknown>, store: LogStore, state: LogsServiceState): unknown {
  state.counters.filterLogEvents += 1;
  const byName = input.logGroupName;
  const byId = input.logGroupIdentifier;
  if ((byName === undefined) === (byId === undefined)) {
    throw new ServiceError(
      'InvalidParameterException',
      'Exactly one of logGroupName or logGroupIdentifier must be given.',
    );
  }
  const group = resolveGroup(String(byName ?? byId), store, state);
  const startTime = optionalNumber(input, 'startTime') ?? 0;
  const endTime = optionalNumber(input, 'endTime') ?? Number.MAX_SAFE_INTEGER;
  if (endTime < startTime) {
    throw new ServiceError('InvalidParameterException', 'endTime must be greater than or equal to startTime');
  }
  const limit = optionalNumber(input, 'limit') ?? 10_000;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new ServiceError(
      'InvalidParameterException',
      "Value at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000",
    );
  }
  let matches: (message: string) => boolean;
  try {
    matches = compileFilterPattern(typeof input.filterPattern === 'string' ? input.filterPattern : undefined);
  } catch (error) {
    if (error instanceof FilterPatternError)
      throw new ServiceError('InvalidParameterException', error.message);
    throw error;
  }
  const streamNames = Array.isArray(input.logStreamNames) ? input.logStreamNames.map(String) : null;
  const streamPrefix = typeof input.logStreamNamePrefix === 'string' ? input.logStreamNamePrefix : null;
  if (streamNames && streamPrefix !== null) {
    throw new ServiceError(
      'InvalidParameterException',
      'logStreamNames and logStreamNamePrefix are mutually exclusive',
    );
  }
  const cursor = typeof input.nextToken === 'string' ? decodeToken(input.nextToken) : null;

  const candidates = store
    .visible(group)
    .filter(
      (e) =>
        e.timestamp >= startTime &&
        e.timestamp <= endTime &&
        (!streamNames || streamNames.includes(e.logStream)) &&
        (streamPrefix === null || e.logStream.startsWith(streamPrefix)) &&
        (!cursor || after(e, cursor)),
    );
  const events: unknown[] = [];
  let last: StoredLogEvent | null = null;
  let scanned = 0;
  for (const event of candidates) {
    if (scanned >= state.options.filterScanChunk || events.length >= limit) break;
    scanned += 1;
    last = event;
    if (matches(event.message)) {
      events.push({
        logStreamName: event.logStream,
        timestamp: event.timestamp,
        message: event.message,
        ingestionTime: event.visibleAt,
        eventId: event.eventId,
      });
    }
  }
  const more = last !== null && scanned < candidates.length;
  if (more && events.length === 0) state.counters.emptyPagesWithToken += 1;
  return {
    events,
    searchedLogStreams: [],
    ...(more && last ? { nextToken: encodeToken({ t: last.timestamp, id: last.eventId }) } : {}),
  };
}

// --- Logs Insights -----------------------------------------------------------------------------------------

function insightsTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** The fields Logs Insights discovers in a Lambda log event (memory fields in bytes, as AWS gives them). */
function discoverFields(event: StoredLogEvent, accountId: string): QueryRow {
  const row: QueryRow = {
    '@timestamp': insightsTimestamp(event.timestamp),
    '@message': event.message,
    '@logStream': event.logStream,
    '@log': `${accountId}:${event.logGroup}`,
    '@ingestionTime': insightsTimestamp(event.visibleAt),
    '@ptr': Buffer.from(`${event.logGroup}\u0000${event.eventId}`).toString('base64'),
  };
  const message = event.message;
  const text = /^(START|END|REPORT|INIT_START) RequestId: ([0-9a-f-]+)/.exec(message);
  if (text) {
    row['@type'] = text[1] ?? '';
    row['@requestId'] = text[2] ?? '';
    if (text[1] === 'REPORT') {
      const number = (label: string): number | undefined => {
        const m = new RegExp(`${label}: ([0-9.]+)`).exec(message);
        return m ? Number(m[1]) : undefined;
      };
      const fields: [string, number | undefined][] = [
        ['@duration', number('\\bDuration')],
        ['@billedDuration', number('Billed Duration')],
        ['@memorySize', mbToBytes(number('Memory Size'))],
        ['@maxMemoryUsed', mbToBytes(number('Max Memory Used'))],
        ['@initDuration', number('Init Duration')],
      ];
      for (const [name, value] of fields) if (value !== undefined) row[name] = value;
    }
    return row;
  }
  const appLine = /^\S+\t([0-9a-f]{8}-[0-9a-f-]+)\t/.exec(message);
  if (appLine) row['@requestId'] = appLine[1] ?? '';
  if (message.trimStart().startsWith('{')) {
    try {
      flatten(JSON.parse(message), '', row);
    } catch {
      // not JSON after all: only the @ fields
    }
  }
  return row;
}

function mbToBytes(mb: number | undefined): number | undefined {
  return mb === undefined ? undefined : mb * 1000 * 1000;
}

function flatten(value: unknown, prefix: string, into: QueryRow): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (typeof value === 'number' || typeof value === 'string') {
    into[prefix] = value;
  } else if (typeof value === 'boolean') {
    into[prefix] = String(value);
  }
}

function startQuery(input: Record<string, unknown>, store: LogStore, state: LogsServiceState): unknown {
  state.counters.startQuery += 1;
  const queryString = requireString(input, 'queryString');
  const startTime = optionalNumber(input, 'startTime');
  const endTime = optionalNumber(input, 'endTime');
  if (startTime === undefined || endTime === undefined) {
    throw new ServiceError('InvalidParameterException', 'startTime and endTime are required');
  }
  if (startTime > 1e11 || endTime > 1e11) {
    // AWS takes SECONDS here; milliseconds put the range thousands of years ahead.
    throw new ServiceError(
      'InvalidParameterException',
      "Query's end date and time is either before the log groups creation time or exceeds the log groups log retention settings",
    );
  }
  if (endTime < startTime) {
    throw new ServiceError(
      'InvalidParameterException',
      "Query's end date and time must be after its start date and time",
    );
  }
  const identifiers = [
    ...(typeof input.logGroupName === 'string' ? [input.logGroupName] : []),
    ...(Array.isArray(input.logGroupNames) ? input.logGroupNames.map(String) : []),
    ...(Array.isArray(input.logGroupIdentifiers) ? input.logGroupIdentifiers.map(String) : []),
  ];
  if (identifiers.length === 0) {
    throw new ServiceError('InvalidParameterException', 'At least one log group must be specified');
  }
  const groups = identifiers.map((g) => {
    try {
      return resolveGroup(g, store, state);
    } catch {
      throw new ServiceError(
        'ResourceNotFoundException',
        `Log group '${g}' does not exist for account ID '${state.options.accountId}'`,
      );
    }
  });
  let compiled: CompiledQuery;
  try {
    compiled = compileQuery(queryString);
  } catch (error) {
    if (error instanceof QueryCompileError) {
      throw new ServiceError('MalformedQueryException', error.message, {
        queryCompileError: {
          location: { startCharOffset: error.startCharOffset, endCharOffset: error.endCharOffset },
          message: error.message,
        },
      });
    }
    throw error;
  }
  const limit = optionalNumber(input, 'limit') ?? MAX_QUERY_ROWS;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_ROWS) {
    throw new ServiceError(
      'InvalidParameterException',
      "Value at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000",
    );
  }
  const running = [...state.queries.values()].filter((q) => isActive(q, state)).length;
  if (state.options.failStartQuery > 0 || running >= state.options.maxConcurrentQueries) {
    if (state.options.failStartQuery > 0) state.options.failStartQuery -= 1;
    state.counters.limitExceeded += 1;
    throw new ServiceError(
      'LimitExceededException',
      `Account maximum query concurrency limit of [${state.options.maxConcurrentQueries}] reached. [Number of running queries: ${running}]`,
    );
  }
  state.counters.queries.push({ logGroups: groups, startTime, endTime, queryString });
  const fromMs = startTime * 1000;
  const toMs = endTime * 1000 + 999; // the end second is included
  // Scan order is storage order (stream by stream), not time order: partial answers cover arbitrary parts.
  const snapshot = groups
    .flatMap((g) => store.visible(g))
    .filter((e) => e.timestamp >= fromMs && e.timestamp <= toMs)
    .sort((a, b) => a.logStream.localeCompare(b.logStream) || a.timestamp - b.timestamp)
    .map((e) => discoverFields(e, state.options.accountId));
  state.nextQuery += 1;
  const id = `${state.nextQuery.toString(16).padStart(8, '0')}-fake-4000-8000-${Date.now().toString(16).padStart(12, '0')}`;
  state.queries.set(id, {
    id,
    status: 'Scheduled',
    polls: 0,
    compiled,
    snapshot,
    maxRows: limit,
    startedAt: Date.now(),
  });
  return { queryId: id };
}

/** Scheduled or Running, and not past its lifetime. */
function isActive(query: QueryState, state: LogsServiceState): boolean {
  return (
    (query.status === 'Scheduled' || query.status === 'Running') &&
    Date.now() - query.startedAt <= state.options.queryLifetimeMs
  );
}

function resultRows(query: QueryState, scanned: QueryRow[]): { results: unknown[]; statistics: unknown } {
  const { rows, matched } = runQuery(query.compiled, scanned);
  const projection = query.compiled.projection ?? ['@timestamp', '@message'];
  const results = rows
    .slice(0, query.maxRows)
    .map((row) => [
      ...projection
        .filter((field) => row[field] !== undefined)
        .map((field) => ({ field, value: String(row[field]) })),
      { field: '@ptr', value: String(row['@ptr']) },
    ]);
  const bytes = scanned.reduce((sum, row) => sum + String(row['@message']).length, 0);
  return {
    results,
    statistics: { recordsMatched: matched, recordsScanned: scanned.length, bytesScanned: bytes },
  };
}

function getQueryResults(input: Record<string, unknown>, state: LogsServiceState): unknown {
  state.counters.getQueryResults += 1;
  const query = state.queries.get(requireString(input, 'queryId'));
  if (!query) throw new ServiceError('ResourceNotFoundException', 'Query does not exist.');
  const { scheduledPolls, runningPolls } = state.options;
  if (!isActive(query, state) && (query.status === 'Scheduled' || query.status === 'Running')) {
    query.status = 'Complete';
  }
  if (query.status === 'Scheduled' || query.status === 'Running') {
    query.polls += 1;
    if (query.polls <= scheduledPolls) query.status = 'Scheduled';
    else if (query.polls <= scheduledPolls + runningPolls) query.status = 'Running';
    else query.status = 'Complete';
  }
  if (query.status === 'Scheduled') {
    return {
      queryLanguage: 'CWLI',
      results: [],
      statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
      status: 'Scheduled',
    };
  }
  if (query.status === 'Running') {
    const share = (query.polls - scheduledPolls) / (runningPolls + 1);
    const partial = resultRows(query, query.snapshot.slice(0, Math.floor(query.snapshot.length * share)));
    if (partial.results.length > 0) state.counters.partialAnswersWithRows += 1;
    return { queryLanguage: 'CWLI', ...partial, status: 'Running' };
  }
  if (query.status === 'Cancelled' || query.status === 'Failed') {
    return {
      queryLanguage: 'CWLI',
      results: [],
      statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
      status: query.status,
    };
  }
  return { queryLanguage: 'CWLI', ...resultRows(query, query.snapshot), status: 'Complete' };
}

function stopQuery(input: Record<string, unknown>, state: LogsServiceState): unknown {
  state.counters.stopQuery += 1;
  const query = state.queries.get(requireString(input, 'queryId'));
  if (!query) throw new ServiceError('ResourceNotFoundException', 'Query does not exist.');
  if (!isActive(query, state) && (query.status === 'Scheduled' || query.status === 'Running')) {
    query.status = 'Complete';
  }
  if (!isActive(query, state)) {
    throw new ServiceError(
      'InvalidParameterException',
      `Query ${query.id} is not running (status ${query.status}).`,
    );
  }
  query.status = 'Cancelled';
  return { success: true };
}

function describeLogGroups(
  input: Record<string, unknown>,
  store: LogStore,
  state: LogsServiceState,
): unknown {
  const prefix = typeof input.logGroupNamePrefix === 'string' ? input.logGroupNamePrefix : '';
  const names = [...new Set([...store.groups(), ...state.createdGroups])]
    .filter((g) => g.startsWith(prefix))
    .sort();
  return {
    logGroups: names.map((name) => ({
      logGroupName: name,
      arn: `arn:aws:logs:us-east-1:${state.options.accountId}:log-group:${name}:*`,
      logGroupArn: `arn:aws:logs:us-east-1:${state.options.accountId}:log-group:${name}`,
      creationTime: 0,
      storedBytes: store
        .all()
        .filter((e) => e.logGroup === name)
        .reduce((sum, e) => sum + e.message.length, 0),
    })),
  };
}
