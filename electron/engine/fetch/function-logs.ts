import { GetFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { Arch } from '../../../shared/sample';

/** Where a function's REPORT records are and what every fetched row carries about the function. */
export interface FunctionLogs {
  /** The function's name as Lambda reports it (an ARN given by the user resolves to its name). */
  name: string;
  logGroup: string;
  /** True when the group is the function's own `/aws/lambda/<name>`; a custom group may be shared. */
  defaultGroup: boolean;
  logFormat: 'Text' | 'JSON';
  runtime: string | null;
  arch: Arch | null;
}

/** Reads the function's configuration: log group (`LoggingConfig.LogGroup`, else `/aws/lambda/<name>`), runtime, architecture. */
export async function describeFunctionLogs(
  lambda: LambdaClient,
  functionName: string,
  signal: AbortSignal | undefined,
): Promise<FunctionLogs> {
  const config = await lambda.send(
    new GetFunctionConfigurationCommand({ FunctionName: functionName }),
    signal ? { abortSignal: signal } : {},
  );
  const name = config.FunctionName ?? functionName;
  const ownGroup = `/aws/lambda/${name}`;
  const logGroup = config.LoggingConfig?.LogGroup || ownGroup;
  const arch = config.Architectures?.[0];
  return {
    name,
    logGroup,
    defaultGroup: logGroup === ownGroup,
    logFormat: config.LoggingConfig?.LogFormat === 'JSON' ? 'JSON' : 'Text',
    runtime: config.Runtime ?? null,
    arch: arch === 'arm64' || arch === 'x86_64' ? arch : null,
  };
}

/**
 * Whether a log stream of a (possibly shared) custom group belongs to the function. Lambda names streams of
 * shared groups `YYYY/MM/DD/<function>[<version>]<id>`; streams without a function name are kept.
 */
export function streamBelongsTo(logStream: string | undefined, fn: FunctionLogs): boolean {
  if (fn.defaultGroup || !logStream) return true;
  const named = /^\d{4}\/\d{2}\/\d{2}\/([^[]+)\[/.exec(logStream);
  return !named || named[1] === fn.name;
}
