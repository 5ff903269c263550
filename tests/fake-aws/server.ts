import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogStore } from './log-store';
import { handleLogsRequest, type FakeResponse } from './logs-service';
import { handleLambdaRequest, lambdaError } from './lambda-service';
import { LambdaState, type FakeFunctionSpec } from './lambda-state';
import { handleStsRequest } from './sts-service';

export interface FakeAwsOptions {
  functions?: FakeFunctionSpec[];
  /** How long an update stays InProgress (ms). Default 30. */
  updateDelayMs?: number;
  /** Delay before log events can be read (ms). Default 0. */
  ingestionDelayMs?: number;
  /** Real ms per simulated ms of init + duration. Default 0.02 (a 200 ms init takes 4 ms). */
  timeScale?: number;
  /** Account concurrency limit. Default 1000. */
  accountConcurrency?: number;
  /** Fraction of Lambda calls answered 429. Default 0. */
  throttleRate?: number;
  seed?: number;
  region?: string;
  accountId?: string;
}

export interface FakeAws {
  /** Base URL, for AWS_ENDPOINT_URL. */
  url: string;
  region: string;
  lambda: LambdaState;
  logStore: LogStore;
  /** Environment with the endpoint, region and fake credentials, for the SDK or a spawned CLI. */
  env: Record<string, string>;
  close: () => Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the fake AWS endpoint (Lambda, CloudWatch Logs, STS) on 127.0.0.1 and a random port. */
export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const region = options.region ?? 'eu-west-1';
  const accountId = options.accountId ?? '123456789012';
  const now = () => Date.now();
  const logStore = new LogStore({ ingestionDelayMs: options.ingestionDelayMs ?? 0, now });
  const lambda = new LambdaState({
    region,
    accountId,
    updateDelayMs: options.updateDelayMs ?? 30,
    timeScale: options.timeScale ?? 0.02,
    accountConcurrency: options.accountConcurrency ?? 1000,
    seed: options.seed ?? 42,
    now,
  });
  lambda.faults.throttleRate = options.throttleRate ?? 0;
  for (const spec of options.functions ?? []) lambda.addFunction(spec);

  const server = createServer((req, res) => {
    void (async () => {
      let response: FakeResponse;
      try {
        const body = await readBody(req);
        const url = new URL(req.url ?? '/', 'http://localhost');
        const target = req.headers['x-amz-target'];
        if (typeof target === 'string' && target.startsWith('Logs_20140328.')) {
          response = await handleLogsRequest(
            target.slice('Logs_20140328.'.length),
            body ? (JSON.parse(body) as unknown) : {},
            logStore,
          );
        } else if (url.pathname === '/' && req.method === 'POST' && body.includes('Action=')) {
          response = handleStsRequest(body, accountId);
        } else {
          response = await handleLambdaRequest(
            {
              method: req.method ?? 'GET',
              path: url.pathname,
              query: url.searchParams,
              headers: req.headers,
              body,
            },
            lambda,
            logStore,
          );
        }
      } catch (error) {
        response = lambdaError(500, 'ServiceException', `fake AWS failed: ${String(error)}`);
      }
      res.writeHead(response.status, {
        ...response.headers,
        'content-length': Buffer.byteLength(response.body),
      });
      res.end(response.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    region,
    lambda,
    logStore,
    env: {
      AWS_ENDPOINT_URL: url,
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE',
      AWS_SECRET_ACCESS_KEY: 'fake-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    close: async () => {
      lambda.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
