import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { createAwsClients } from '../../electron/engine/aws-clients';
import { LogStore } from '../fake-aws/log-store';
import { handleLogsRequest } from '../fake-aws/logs-service';

/** A function as GetFunctionConfiguration describes it. */
export interface FetchFakeFunction {
  name: string;
  runtime: string | null;
  arch: 'x86_64' | 'arm64';
  logFormat: 'Text' | 'JSON';
  logGroup: string | null;
}

export interface FetchFakeEndpoint {
  url: string;
  store: LogStore;
  functions: Map<string, FetchFakeFunction>;
  /** The fake clock of the log store (ingestion delay); starts at the real time. */
  clock: { now: number };
  /** Environment naming the endpoint (AWS_ENDPOINT_URL), a region and fake credentials. */
  env: NodeJS.ProcessEnv;
  /** Real SDK clients made by the engine's own factory from `env` (retries paced by COLDSTART_RETRY_BASE_MS). */
  clients: () => Promise<{ logs: CloudWatchLogsClient; lambda: LambdaClient }>;
  close: () => Promise<void>;
}

/**
 * The fake CloudWatch Logs (tests/fake-aws/logs-service.ts) plus just enough of Lambda
 * (GetFunctionConfiguration) on one local HTTP port, for the fetch tests.
 */
export async function startFetchFakeEndpoint(
  options: { ingestionDelayMs?: number } = {},
): Promise<FetchFakeEndpoint> {
  const clock = { now: Date.now() };
  const store = new LogStore({ ingestionDelayMs: options.ingestionDelayMs ?? 0, now: () => clock.now });
  const functions = new Map<string, FetchFakeFunction>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const target = req.headers['x-amz-target'];
      if (typeof target === 'string' && target.startsWith('Logs_20140328.')) {
        const answer = handleLogsRequest(target.slice(14), body ? (JSON.parse(body) as unknown) : {}, store);
        res.writeHead(answer.status, answer.headers).end(answer.body);
        return;
      }
      const config = /^\/2015-03-31\/functions\/([^/]+)\/configuration$/.exec(req.url?.split('?')[0] ?? '');
      const fn = config ? functions.get(decodeURIComponent(config[1] ?? '')) : undefined;
      if (!fn) {
        res
          .writeHead(404, {
            'content-type': 'application/json',
            'x-amzn-errortype': 'ResourceNotFoundException',
          })
          .end(JSON.stringify({ Type: 'User', message: `Function not found: ${config?.[1] ?? req.url}` }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          FunctionName: fn.name,
          FunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${fn.name}`,
          ...(fn.runtime ? { Runtime: fn.runtime } : {}),
          Architectures: [fn.arch],
          MemorySize: 128,
          LoggingConfig: {
            LogFormat: fn.logFormat,
            LogGroup: fn.logGroup ?? `/aws/lambda/${fn.name}`,
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const made: { destroy: () => void }[] = [];
  const env: NodeJS.ProcessEnv = {
    AWS_ENDPOINT_URL: url,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret',
    COLDSTART_RETRY_BASE_MS: '5',
  };
  return {
    url,
    store,
    functions,
    clock,
    env,
    clients: async () => {
      const clients = await createAwsClients({ profile: null, region: null, endpoint: null }, env);
      made.push(clients);
      return { logs: clients.logs, lambda: clients.lambda };
    },
    close: async () => {
      for (const c of made) c.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
