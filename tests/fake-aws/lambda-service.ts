import { randomUUID } from 'node:crypto';
import type { LogStore } from './log-store';
import type { FakeResponse } from './logs-service';
import type { FakeConfig, FakeFunction, LambdaState } from './lambda-state';
import { invocationLogLines, logTail } from './lambda-logs';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const RESERVED_KEYS = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

/** Lambda's REST-JSON error: the type in `X-Amzn-ErrorType` (what the SDK maps to its exception classes). */
export function lambdaError(status: number, type: string, message: string, extra: object = {}): FakeResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazonaws.awslambda/`,
      'x-amzn-requestid': randomUUID(),
    },
    body: JSON.stringify({ Type: 'User', message, ...extra }),
  };
}

const ok = (body: unknown, status = 200): FakeResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() },
  body: JSON.stringify(body),
});

/**
 * Lambda's EnvironmentResponse. A caller without kms:Decrypt on a customer managed key gets the error
 * Lambda reports and no Variables at all (the variables exist; only this caller cannot read them).
 */
function environmentJson(fn: FakeFunction, c: FakeConfig) {
  if (c.variables === null) return {};
  if (fn.spec.decryptDenied && c.kmsKeyArn !== null) {
    return {
      Environment: {
        Error: {
          ErrorCode: 'AccessDeniedException',
          Message:
            "Lambda was unable to decrypt the environment variables because KMS access was denied. Please check the function's KMS key settings. " +
            `KMS Exception: AccessDeniedExceptionKMS Message: User: arn:aws:iam::${fn.arn.split(':')[4]}:user/caller is not authorized to perform: kms:Decrypt on resource: ${c.kmsKeyArn} because no identity-based policy allows the kms:Decrypt action`,
        },
      },
    };
  }
  return { Environment: { Variables: c.variables } };
}

function configurationJson(fn: FakeFunction, state: LambdaState) {
  const c = fn.latest;
  return {
    FunctionName: fn.spec.name,
    FunctionArn: fn.arn,
    Runtime: fn.spec.packageType === 'Image' ? undefined : (fn.spec.runtime ?? undefined),
    Role: `arn:aws:iam::${fn.arn.split(':')[4]}:role/fake-role`,
    Handler: fn.spec.packageType === 'Image' ? undefined : 'index.handler',
    CodeSize: 1234,
    Description: '',
    Timeout: c.timeoutS,
    MemorySize: c.memoryMB,
    LastModified: c.lastModified,
    CodeSha256: 'ZmFrZQ==',
    Version: '$LATEST',
    ...environmentJson(fn, c),
    ...(c.kmsKeyArn === null || state.faults.omitKmsKeyArns ? {} : { KMSKeyArn: c.kmsKeyArn }),
    ...(state.faults.omitRevisionIds ? {} : { RevisionId: c.revisionId }),
    State: 'Active',
    LastUpdateStatus: fn.lastUpdateStatus,
    ...(fn.lastUpdateStatusReason === null ? {} : { LastUpdateStatusReason: fn.lastUpdateStatusReason }),
    ...(fn.lastUpdateStatusReasonCode === null
      ? {}
      : { LastUpdateStatusReasonCode: fn.lastUpdateStatusReasonCode }),
    PackageType: fn.spec.packageType,
    Architectures: [fn.spec.arch],
    EphemeralStorage: { Size: 512 },
    LoggingConfig: {
      LogFormat: fn.spec.logFormat,
      LogGroup: fn.spec.logGroup ?? `/aws/lambda/${fn.spec.name}`,
    },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function notFound(name: string, state: LambdaState): FakeResponse {
  const { region, accountId } = state.options;
  return lambdaError(
    404,
    'ResourceNotFoundException',
    `Function not found: arn:aws:lambda:${region}:${accountId}:function:${name}`,
  );
}

function throttled(reason = 'CallerRateLimitExceeded'): FakeResponse {
  const r = lambdaError(429, 'TooManyRequestsException', 'Rate exceeded', { Reason: reason });
  r.headers['retry-after'] = '0';
  return r;
}

/** Handles one Lambda REST-JSON call. */
export async function handleLambdaRequest(
  req: FakeRequest,
  state: LambdaState,
  logStore: LogStore,
): Promise<FakeResponse> {
  if (state.faults.throttleRate > 0 && state.random() < state.faults.throttleRate) {
    state.stats.throttled += 1;
    return throttled();
  }
  const segments = req.path.split('/').filter(Boolean).map(decodeURIComponent);
  const [version, resource, name, sub] = segments;

  if (version === '2016-08-19' && resource === 'account-settings' && req.method === 'GET') {
    return ok({
      AccountLimit: {
        TotalCodeSize: 80530636800,
        CodeSizeUnzipped: 262144000,
        CodeSizeZipped: 52428800,
        ConcurrentExecutions: state.options.accountConcurrency,
        UnreservedConcurrentExecutions: state.unreservedConcurrency(),
      },
      AccountUsage: { TotalCodeSize: 1234 * state.functions.size, FunctionCount: state.functions.size },
    });
  }
  if (resource !== 'functions')
    return lambdaError(404, 'UnknownOperationException', `Unknown path ${req.path}`);

  if (name === undefined) {
    if (req.method !== 'GET')
      return lambdaError(400, 'InvalidParameterValueException', 'CreateFunction is not faked');
    const all = [...state.functions.values()].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
    const maxItems = Math.min(50, Number(req.query.get('MaxItems') ?? 50) || 50);
    const marker = req.query.get('Marker');
    const start = marker ? Number(Buffer.from(marker, 'base64').toString('utf8')) : 0;
    if (!Number.isInteger(start) || start < 0)
      return lambdaError(400, 'InvalidParameterValueException', 'Invalid Marker');
    const page = all.slice(start, start + maxItems);
    const next =
      start + maxItems < all.length ? Buffer.from(String(start + maxItems)).toString('base64') : undefined;
    return ok({
      Functions: page.map((f) => configurationJson(f, state)),
      ...(next ? { NextMarker: next } : {}),
    });
  }

  const fn = state.find(name);
  if (!fn) return notFound(name, state);

  if (version === '2019-09-30' && sub === 'concurrency' && req.method === 'GET') {
    return ok(
      fn.spec.reservedConcurrency === null
        ? {}
        : { ReservedConcurrentExecutions: fn.spec.reservedConcurrency },
    );
  }
  if (version !== '2015-03-31')
    return lambdaError(404, 'UnknownOperationException', `Unknown path ${req.path}`);

  if (sub === undefined && req.method === 'GET') {
    return ok({
      Configuration: configurationJson(fn, state),
      Code: { RepositoryType: 'S3', Location: 'https://example.invalid/code.zip' },
      ...(fn.spec.reservedConcurrency === null
        ? {}
        : { Concurrency: { ReservedConcurrentExecutions: fn.spec.reservedConcurrency } }),
    });
  }
  if (sub === 'configuration' && req.method === 'GET') return ok(configurationJson(fn, state));
  if (sub === 'configuration' && req.method === 'PUT') return updateConfiguration(fn, req, state);
  if (sub === 'invocations' && req.method === 'POST') return invoke(fn, req, state, logStore);
  return lambdaError(404, 'UnknownOperationException', `Unknown path ${req.method} ${req.path}`);
}

function updateConfiguration(fn: FakeFunction, req: FakeRequest, state: LambdaState): FakeResponse {
  state.runUpdateHooks(fn.spec.name);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body || '{}') as Record<string, unknown>;
  } catch {
    return lambdaError(400, 'InvalidRequestContentException', 'Could not parse request body into json');
  }
  if (fn.lastUpdateStatus === 'InProgress' || state.faults.conflictNext > 0) {
    if (fn.lastUpdateStatus !== 'InProgress') state.faults.conflictNext -= 1;
    state.stats.conflicts += 1;
    return lambdaError(
      409,
      'ResourceConflictException',
      `The operation cannot be performed at this time. An update is in progress for resource: ${fn.arn}`,
    );
  }
  if (typeof body.RevisionId === 'string' && body.RevisionId !== fn.latest.revisionId) {
    state.stats.preconditionFailures += 1;
    return lambdaError(
      412,
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
    );
  }
  let variables = fn.latest.variables;
  if (body.Environment !== undefined) {
    const env = body.Environment as { Variables?: Record<string, string> };
    // Replace semantics: the map given is the whole new map.
    variables = { ...(env.Variables ?? {}) };
    const reserved = Object.keys(variables).filter((k) => RESERVED_KEYS.has(k));
    if (reserved.length > 0) {
      return lambdaError(
        400,
        'InvalidParameterValueException',
        `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
      );
    }
    const measured = JSON.stringify(variables);
    if (Buffer.byteLength(measured, 'utf8') > 4096) {
      return lambdaError(
        400,
        'InvalidParameterValueException',
        `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${measured}`,
      );
    }
  }
  let memoryMB = fn.latest.memoryMB;
  if (body.MemorySize !== undefined) {
    const m = body.MemorySize;
    if (typeof m !== 'number' || !Number.isInteger(m) || m < 128 || m > 10240) {
      return lambdaError(
        400,
        'InvalidParameterValueException',
        `1 validation error detected: Value '${String(m)}' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240`,
      );
    }
    memoryMB = m;
  }
  let kmsKeyArn = fn.latest.kmsKeyArn;
  if (body.KMSKeyArn !== undefined) kmsKeyArn = body.KMSKeyArn === '' ? null : String(body.KMSKeyArn);
  const timeoutS = typeof body.Timeout === 'number' ? body.Timeout : fn.latest.timeoutS;
  const next: FakeConfig = state.newConfig({ memoryMB, timeoutS, variables, kmsKeyArn });
  state.beginUpdate(fn, next);
  return ok(configurationJson(fn, state));
}

async function invoke(
  fn: FakeFunction,
  req: FakeRequest,
  state: LambdaState,
  logStore: LogStore,
): Promise<FakeResponse> {
  const header = (n: string) => {
    const v = req.headers[n];
    return Array.isArray(v) ? v[0] : v;
  };
  const invocationType = header('x-amz-invocation-type') ?? 'RequestResponse';
  if (invocationType !== 'RequestResponse') {
    return lambdaError(400, 'InvalidParameterValueException', 'Only RequestResponse is faked');
  }
  if (fn.spec.invokeError) {
    const { status, type, message } = fn.spec.invokeError;
    return lambdaError(status, type, message);
  }
  state.runInvokeHooks(fn.spec.name);
  const config = fn.serving;
  let env = fn.environments.find((e) => !e.busy && e.configVersion === config.version);
  if (!env && state.faults.warmNextInvocations > 0) {
    // An environment kept from before the update answers: warm, though the configuration changed.
    state.faults.warmNextInvocations -= 1;
    env = state.newEnvironment(fn, config.version);
    env.stale = true;
  }
  const cold = env === undefined;
  if (!env) {
    const allowed = state.canStartEnvironment(fn);
    if (!allowed.ok) {
      state.stats.throttled += 1;
      return throttled(allowed.reason);
    }
    env = state.newEnvironment(fn, config.version);
  }
  env.busy = true;
  fn.inFlight += 1;
  fn.maxInFlight = Math.max(fn.maxInFlight, fn.inFlight);
  state.stats.invocations += 1;
  if (cold) state.stats.coldStarts += 1;

  const requestId = randomUUID();
  const startedAt = state.options.now();
  const times = state.simulate(fn, config.memoryMB, cold);
  const roll = state.random();
  let status: 'success' | 'error' | 'timeout' = 'success';
  if (roll < fn.spec.timeoutRate) status = 'timeout';
  else if (roll < fn.spec.timeoutRate + fn.spec.errorRate) status = 'error';
  const durationMs = status === 'timeout' ? config.timeoutS * 1000 : times.durationMs;
  try {
    await sleep(((times.initMs ?? 0) + times.durationMs) * state.options.timeScale);
  } finally {
    fn.inFlight -= 1;
    env.busy = false;
  }
  if (status === 'timeout' || config.version !== fn.serving.version || env.stale) {
    // A timed-out environment is torn down; one of a replaced configuration is never used again.
    fn.environments = fn.environments.filter((e) => e !== env);
  }
  const log = {
    requestId,
    runtime: fn.spec.runtime,
    memoryMB: config.memoryMB,
    initMs: times.initMs,
    durationMs,
    maxMemoryUsedMB: times.maxMemoryUsedMB,
    status,
    errorType: status === 'error' ? 'Error' : status === 'timeout' ? 'Sandbox.Timedout' : null,
    errorMessage: status === 'error' ? 'fake failure' : null,
    startedAt,
  };
  const lines = invocationLogLines(log, fn.spec.logFormat);
  const group = fn.spec.logGroup ?? `/aws/lambda/${fn.spec.name}`;
  for (const line of lines)
    logStore.append(group, env.logStream, { timestamp: line.timestamp, message: line.message });

  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': requestId,
    'x-amz-executed-version': '$LATEST',
  };
  if (header('x-amz-log-type') === 'Tail') headers['x-amz-log-result'] = logTail(lines, fn.spec.logFormat);
  let payload: unknown = { statusCode: 200, body: 'ok' };
  if (status !== 'success') {
    headers['x-amz-function-error'] = 'Unhandled';
    payload =
      status === 'error'
        ? { errorType: 'Error', errorMessage: 'fake failure', trace: [] }
        : {
            errorType: 'Sandbox.Timedout',
            errorMessage: `${new Date().toISOString()} ${requestId} Task timed out after ${config.timeoutS.toFixed(2)} seconds`,
          };
  }
  return { status: 200, headers, body: JSON.stringify(payload) };
}
