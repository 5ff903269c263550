import { LambdaClient } from '@aws-sdk/client-lambda';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { AwsConnection } from '../../shared/measure';
import { EngineError, type AwsProfile } from './engine-api';
import { countThrottles, type ThrottleCounts } from './throttle-counter';

/** What every AWS call of a run needs: clients built once for one connection. */
export interface AwsClients {
  region: string;
  /** The endpoint override in effect for Lambda (null: the real service). */
  endpoint: string | null;
  lambda: LambdaClient;
  logs: CloudWatchLogsClient;
  sts: STSClient;
  /** Throttled Lambda calls of these clients so far (the SDK retries them silently). */
  lambdaThrottles: ThrottleCounts;
  destroy: () => void;
}

const MAX_ATTEMPTS = 8;

/**
 * Throttling is expected while forcing cold starts: the SDK's adaptive retries back off and slow the client
 * down, with more attempts than the default 3. COLDSTART_RETRY_BASE_MS (tests, LocalStack) swaps in the
 * SDK's configured strategy with that base delay, so a fake endpoint's throttling costs milliseconds.
 */
function retryOptions(env: NodeJS.ProcessEnv) {
  const base = Number(env.COLDSTART_RETRY_BASE_MS);
  if (Number.isFinite(base) && base > 0) {
    return {
      retryStrategy: new ConfiguredRetryStrategy(MAX_ATTEMPTS, (attempt: number) => base * 2 ** attempt),
    };
  }
  return { retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS };
}

const fileOptions = (env: NodeJS.ProcessEnv) => ({
  ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
  ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
});

/** Profiles of ~/.aws/config and ~/.aws/credentials (or the files AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE name). */
export async function listProfiles(env: NodeJS.ProcessEnv): Promise<AwsProfile[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    ...fileOptions(env),
    ignoreCache: true,
  });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  return [...names].sort().map((name) => {
    const config = configFile[name] ?? {};
    return {
      name,
      region: config.region ?? credentialsFile[name]?.region ?? null,
      sso: Boolean(config.sso_session ?? config.sso_start_url),
    };
  });
}

async function resolveRegion(connection: AwsConnection, env: NodeJS.ProcessEnv): Promise<string> {
  if (connection.region) return connection.region;
  if (env.AWS_REGION) return env.AWS_REGION;
  if (env.AWS_DEFAULT_REGION) return env.AWS_DEFAULT_REGION;
  const profileName = connection.profile ?? env.AWS_PROFILE ?? 'default';
  const profile = (await listProfiles(env)).find((p) => p.name === profileName);
  if (profile?.region) return profile.region;
  throw new EngineError(
    'credentials',
    `No AWS region: none given, none in AWS_REGION, none in profile '${profileName}'.`,
    'Pass --region (or set AWS_REGION, or a region in the profile).',
  );
}

function credentialsFor(connection: AwsConnection, env: NodeJS.ProcessEnv): ReturnType<typeof fromIni> {
  if (connection.profile) return fromIni({ profile: connection.profile, ...fileOptions(env) });
  // The credential providers read process.env; an engine given another environment gets its keys directly.
  if (env !== process.env && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    const credentials = {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    };
    return () => Promise.resolve(credentials);
  }
  if (env !== process.env && env.AWS_PROFILE)
    return fromIni({ profile: env.AWS_PROFILE, ...fileOptions(env) });
  return fromNodeProviderChain(fileOptions(env));
}

/** The endpoint for one service: the connection's override, else AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL. */
export function endpointFor(
  connection: Pick<AwsConnection, 'endpoint'>,
  env: NodeJS.ProcessEnv,
  serviceVariable: 'LAMBDA' | 'CLOUDWATCH_LOGS' | 'STS',
): string | null {
  if (connection.endpoint) return connection.endpoint;
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return null;
  return env[`AWS_ENDPOINT_URL_${serviceVariable}`] || env.AWS_ENDPOINT_URL || null;
}

export async function createAwsClients(
  connection: AwsConnection,
  env: NodeJS.ProcessEnv,
): Promise<AwsClients> {
  const region = await resolveRegion(connection, env);
  const credentials = credentialsFor(connection, env);
  const common = { region, credentials, ...retryOptions(env) };
  const at = (url: string | null) => (url ? { endpoint: url } : {});
  const lambdaEndpoint = endpointFor(connection, env, 'LAMBDA');
  const lambda = new LambdaClient({ ...common, ...at(lambdaEndpoint) });
  const logs = new CloudWatchLogsClient({
    ...common,
    ...at(endpointFor(connection, env, 'CLOUDWATCH_LOGS')),
  });
  const sts = new STSClient({ ...common, ...at(endpointFor(connection, env, 'STS')) });
  return {
    region,
    endpoint: lambdaEndpoint,
    lambda,
    logs,
    sts,
    lambdaThrottles: countThrottles(lambda),
    destroy: () => {
      lambda.destroy();
      logs.destroy();
      sts.destroy();
    },
  };
}

export const AWS_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-south-1',
  'me-central-1',
  'mx-central-1',
  'sa-east-1',
];
