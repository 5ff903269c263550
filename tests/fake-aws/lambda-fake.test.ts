import {
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvalidParameterValueException,
  InvokeCommand,
  LambdaClient,
  paginateListFunctions,
  PreconditionFailedException,
  ResourceConflictException,
  ResourceNotFoundException,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAws, type FakeAws } from './server';

// The fake is only worth something if the real SDK reads it as it reads AWS: these tests drive it with
// the real client and check the behaviour the engine relies on.
let fake: FakeAws;
afterEach(() => fake?.close());

function client(): LambdaClient {
  return new LambdaClient({
    region: fake.region,
    endpoint: fake.url,
    credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
    maxAttempts: 1,
  });
}

const invokeTail = (lambda: LambdaClient, name: string) =>
  lambda.send(
    new InvokeCommand({ FunctionName: name, LogType: 'Tail', Payload: new TextEncoder().encode('{}') }),
  );
const tail = (out: { LogResult?: string }) => Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');

describe('fake Lambda endpoint', () => {
  it('maps errors to the SDK exception classes (X-Amzn-ErrorType)', async () => {
    fake = await startFakeAws({ functions: [{ name: 'f', variables: { A: '1' } }] });
    const lambda = client();
    await expect(
      lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'nope' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      lambda.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: 'f',
          Environment: { Variables: { AWS_REGION: 'x' } },
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
    await expect(
      lambda.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: 'f',
          Environment: { Variables: { BIG: 'x'.repeat(4100) } },
        }),
      ),
    ).rejects.toThrow(/4KB/);
    await expect(
      lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: 'f', MemorySize: 256, RevisionId: 'stale' }),
      ),
    ).rejects.toBeInstanceOf(PreconditionFailedException);
  });

  it('replaces the whole variable map, keeps KMSKeyArn, and serves the old configuration while InProgress', async () => {
    fake = await startFakeAws({
      updateDelayMs: 200,
      functions: [{ name: 'f', variables: { A: '1', B: '2' }, kmsKeyArn: 'arn:aws:kms:eu-west-1:1:key/k' }],
    });
    const lambda = client();
    const first = await invokeTail(lambda, 'f');
    expect(tail(first)).toMatch(/Init Duration/);
    const updated = await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'f', Environment: { Variables: { C: '3' } } }),
    );
    expect(updated.LastUpdateStatus).toBe('InProgress');
    expect(updated.Environment?.Variables).toEqual({ C: '3' });
    expect(updated.KMSKeyArn).toBe('arn:aws:kms:eu-west-1:1:key/k');
    // The idle environment of the previous configuration answers: warm.
    expect(tail(await invokeTail(lambda, 'f'))).not.toMatch(/Init Duration/);
    await expect(
      lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'f', MemorySize: 256 })),
    ).rejects.toBeInstanceOf(ResourceConflictException);
  });

  it('starts one environment per concurrent invocation, and a fresh one after an update', async () => {
    fake = await startFakeAws({ updateDelayMs: 10, timeScale: 0.1, functions: [{ name: 'f' }] });
    const lambda = client();
    const outs = await Promise.all([1, 2, 3, 4].map(() => invokeTail(lambda, 'f')));
    expect(outs.filter((o) => /Init Duration/.test(tail(o)))).toHaveLength(4);
    expect(fake.lambda.maxConcurrency('f')).toBe(4);
    expect(tail(await invokeTail(lambda, 'f'))).not.toMatch(/Init Duration/);
    await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'f', Environment: { Variables: { N: '1' } } }),
    );
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (fake.lambda.describe('f').lastUpdateStatus === 'Successful') {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    expect(tail(await invokeTail(lambda, 'f'))).toMatch(/Init Duration/);
  });

  it('answers 429 beyond reserved concurrency, 200 + X-Amz-Function-Error for function errors, JSON logs', async () => {
    fake = await startFakeAws({
      timeScale: 0.2,
      functions: [
        { name: 'r', reservedConcurrency: 1 },
        { name: 'e', errorRate: 1, logFormat: 'JSON', logGroup: '/custom/e' },
      ],
    });
    const lambda = client();
    const results = await Promise.allSettled([invokeTail(lambda, 'r'), invokeTail(lambda, 'r')]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const failed = await invokeTail(lambda, 'e');
    expect(failed.StatusCode).toBe(200);
    expect(failed.FunctionError).toBe('Unhandled');
    expect(tail(failed)).toContain('"type":"platform.report"');
    expect(Buffer.from(failed.LogResult ?? '', 'base64').length).toBeLessThanOrEqual(4096);
    expect(fake.logStore.groups()).toContain('/custom/e');
    expect(fake.logStore.all().find((e) => e.logGroup === '/custom/e')?.logStream).toMatch(
      /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/,
    );
  });

  it('pages ListFunctions with Marker', async () => {
    fake = await startFakeAws({ functions: Array.from({ length: 73 }, (_, i) => ({ name: `fn-${i}` })) });
    const names: string[] = [];
    for await (const page of paginateListFunctions({ client: client() }, {})) {
      names.push(...(page.Functions ?? []).map((f) => f.FunctionName ?? ''));
    }
    expect(new Set(names).size).toBe(73);
  });

  it('gives a caller without kms:Decrypt Environment.Error and no Variables, as Lambda does', async () => {
    const key = 'arn:aws:kms:eu-west-1:123456789012:key/cmk';
    fake = await startFakeAws({
      functions: [{ name: 'k', variables: { SECRET: 's' }, kmsKeyArn: key, decryptDenied: true }],
    });
    const lambda = client();
    const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'k' }));
    const viaGetFunction = await lambda.send(new GetFunctionCommand({ FunctionName: 'k' }));
    for (const c of [config, viaGetFunction.Configuration]) {
      expect(c?.KMSKeyArn).toBe(key);
      expect(c?.Environment?.Variables).toBeUndefined();
      expect(c?.Environment?.Error?.ErrorCode).toBe('AccessDeniedException');
      expect(c?.Environment?.Error?.Message).toContain(`kms:Decrypt on resource: ${key}`);
    }
    // The variables are still there: only this caller cannot read them.
    expect(fake.lambda.describe('k').variables).toEqual({ SECRET: 's' });
  });

  it('lets a test land a change by someone else when an update settles or before an invocation', async () => {
    fake = await startFakeAws({ functions: [{ name: 'h', variables: { A: '1' } }] });
    const seen: string[] = [];
    fake.lambda.onUpdateSettled((name, n) => seen.push(`settled ${name} ${n}`));
    fake.lambda.onInvoke((name, n) => seen.push(`invoke ${name} ${n}`));
    const lambda = client();
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'h', MemorySize: 256 }));
    await new Promise<void>((resolve) => fake.lambda.onUpdateSettled(() => resolve()));
    await invokeTail(lambda, 'h');
    expect(seen).toEqual(['settled h 1', 'invoke h 1']);
  });
});
