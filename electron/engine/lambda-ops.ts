import {
  GetFunctionConfigurationCommand,
  InvokeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  type FunctionConfiguration,
  type LambdaClient,
  type UpdateFunctionConfigurationCommandInput,
} from '@aws-sdk/client-lambda';
import type { FunctionInfo } from '../../shared/measure';
import { EngineError } from './engine-api';
import { errorName } from './aws-errors';

/** How the engine polls for a finished update; tests and LocalStack may poll faster (COLDSTART_POLL_MS). */
export interface PollTiming {
  minDelayS: number;
  maxDelayS: number;
  maxWaitS: number;
}

export function pollTiming(env: NodeJS.ProcessEnv): PollTiming {
  const ms = Number(env.COLDSTART_POLL_MS);
  const minDelayS = Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0.25;
  // Updates usually finish within seconds: polling at most once a second keeps the wait short without
  // coming near GetFunction's rate limit.
  return { minDelayS, maxDelayS: Math.max(minDelayS, 1), maxWaitS: 300 };
}

export function logGroupOf(config: FunctionConfiguration): string {
  return config.LoggingConfig?.LogGroup || `/aws/lambda/${config.FunctionName ?? ''}`;
}

export function toFunctionInfo(config: FunctionConfiguration): FunctionInfo {
  return {
    name: config.FunctionName ?? '',
    runtime: config.Runtime ?? null,
    arch: config.Architectures?.[0] === 'arm64' ? 'arm64' : 'x86_64',
    memoryMB: config.MemorySize ?? 128,
    packageType: config.PackageType === 'Image' ? 'Image' : 'Zip',
    logFormat: config.LoggingConfig?.LogFormat === 'JSON' ? 'JSON' : 'Text',
    logGroup: logGroupOf(config),
    lastModified: config.LastModified ?? null,
  };
}

export function getConfiguration(lambda: LambdaClient, functionName: string): Promise<FunctionConfiguration> {
  return lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
}

/**
 * Waits until the function's last update is Successful (the SDK's waiter) and returns its configuration.
 * A Failed update becomes an EngineError carrying Lambda's reason.
 */
export async function waitUntilUpdated(
  lambda: LambdaClient,
  functionName: string,
  timing: PollTiming,
  signal?: AbortSignal,
): Promise<FunctionConfiguration> {
  try {
    await waitUntilFunctionUpdatedV2(
      {
        client: lambda,
        minDelay: timing.minDelayS,
        maxDelay: timing.maxDelayS,
        maxWaitTime: timing.maxWaitS,
        ...(signal ? { abortSignal: signal } : {}),
      },
      { FunctionName: functionName },
    );
  } catch (error) {
    if (errorName(error) === 'AbortError')
      throw new EngineError('cancelled', `${functionName}: cancelled while waiting.`);
    if (errorName(error) === 'TimeoutError') {
      throw new EngineError(
        'aws',
        `${functionName}: the update did not finish within ${timing.maxWaitS} s.`,
        'Look at the function in the console; run `coldstart recover` later if it stays changed.',
      );
    }
    // The waiter's FAILURE: the update ended Failed; ask Lambda for the reason below.
  }
  const config = await getConfiguration(lambda, functionName);
  if (config.LastUpdateStatus === 'Failed') {
    throw new EngineError(
      'aws',
      `${functionName}: the configuration update failed: ${config.LastUpdateStatusReasonCode ?? 'Failed'}: ${config.LastUpdateStatusReason ?? 'no reason given'}`,
      'Fix the function (see the reason), then measure again.',
    );
  }
  if (config.LastUpdateStatus === 'InProgress') return waitUntilUpdated(lambda, functionName, timing, signal);
  return config;
}

/**
 * UpdateFunctionConfiguration with bounded retries on 409 (another update still in progress): wait until
 * it is done, then try again. 412 (someone else changed the function) is never retried: it goes up.
 */
export async function updateConfiguration(
  lambda: LambdaClient,
  input: UpdateFunctionConfigurationCommandInput,
  timing: PollTiming,
  conflictRetries = 5,
): Promise<FunctionConfiguration> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await lambda.send(new UpdateFunctionConfigurationCommand(input));
    } catch (error) {
      if (errorName(error) !== 'ResourceConflictException' || attempt >= conflictRetries) throw error;
      await waitUntilUpdated(lambda, input.FunctionName ?? '', timing);
    }
  }
}

export interface InvokeResult {
  requestId: string | null;
  /** The decoded 4 KB log tail (empty when Lambda sent none). */
  logText: string;
  /** `Unhandled`/`Handled` when the function failed. */
  functionError: string | null;
  /** The error type the function's error payload names, if any. */
  payloadErrorType: string | null;
  startedAt: Date;
}

export async function invokeWithTail(
  lambda: LambdaClient,
  functionName: string,
  payload: string,
  signal?: AbortSignal,
): Promise<InvokeResult> {
  const startedAt = new Date();
  const out = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'RequestResponse',
      LogType: 'Tail',
      Payload: new TextEncoder().encode(payload),
    }),
    signal ? { abortSignal: signal } : {},
  );
  let payloadErrorType: string | null = null;
  if (out.FunctionError && out.Payload) {
    try {
      const body = JSON.parse(new TextDecoder().decode(out.Payload)) as { errorType?: unknown };
      if (typeof body.errorType === 'string') payloadErrorType = body.errorType;
    } catch {
      // not JSON: the header says enough
    }
  }
  return {
    requestId: out.$metadata.requestId ?? null,
    logText: out.LogResult ? Buffer.from(out.LogResult, 'base64').toString('utf8') : '',
    functionError: out.FunctionError ?? null,
    payloadErrorType,
    startedAt,
  };
}
