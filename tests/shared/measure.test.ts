import { describe, expect, it } from 'vitest';
import {
  AwsConnectionSchema,
  ConnectionCheckSchema,
  FetchRequestSchema,
  FunctionInfoSchema,
  MAX_MEMORY_MB,
  MIN_MEMORY_MB,
  MeasurePlanSchema,
  RecoveryItemSchema,
  RunPhaseSchema,
  RunProgressSchema,
  RunStateSchema,
  RunSummarySchema,
  type MeasurePlan,
} from '../../shared/measure';

const plan: MeasurePlan = {
  functions: ['api'],
  memorySizes: [],
  times: 1,
  parallel: 1,
  warm: 0,
  payload: '{}',
};
const planWith = (over: Record<string, unknown>) => MeasurePlanSchema.safeParse({ ...plan, ...over });
/** The messages of a failed parse, for asserting what a user is told. */
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }): string[] =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('AwsConnectionSchema', () => {
  const ok = { profile: null, region: null, endpoint: null };

  it('accepts the default chain, a profile, a region and an http(s) endpoint', () => {
    expect(AwsConnectionSchema.safeParse(ok).success).toBe(true);
    const full = { profile: 'prod', region: 'eu-west-1', endpoint: 'http://localhost:4566' };
    expect(AwsConnectionSchema.parse(full)).toEqual(full);
    expect(AwsConnectionSchema.safeParse({ ...ok, region: 'us-gov-west-1' }).success).toBe(true);
    expect(AwsConnectionSchema.safeParse({ ...ok, endpoint: 'https://lambda.example.com' }).success).toBe(
      true,
    );
  });

  it('rejects an empty or overlong profile', () => {
    expect(AwsConnectionSchema.safeParse({ ...ok, profile: '' }).success).toBe(false);
    expect(AwsConnectionSchema.safeParse({ ...ok, profile: 'p'.repeat(128) }).success).toBe(true);
    expect(AwsConnectionSchema.safeParse({ ...ok, profile: 'p'.repeat(129) }).success).toBe(false);
  });

  it('says what a region looks like when it is not one', () => {
    for (const region of ['EU-WEST-1', 'euwest1', 'eu-west-1a', 'x eu-west-1', 'eu-west-1 x', 'eu-west-']) {
      const result = AwsConnectionSchema.safeParse({ ...ok, region });
      expect(result.success, region).toBe(false);
      expect(messages(result)).toEqual(['a region such as eu-west-1']);
    }
  });

  it('takes only an http: or https: URL as endpoint', () => {
    const ftp = AwsConnectionSchema.safeParse({ ...ok, endpoint: 'ftp://localhost:4566' });
    expect(messages(ftp)).toEqual(['http: or https: URL']);
    expect(AwsConnectionSchema.safeParse({ ...ok, endpoint: 'localhost:4566' }).success).toBe(false);
    const httpLater = AwsConnectionSchema.safeParse({ ...ok, endpoint: 'ftp://host/?next=http://x' });
    expect(messages(httpLater)).toEqual(['http: or https: URL']);
    expect(AwsConnectionSchema.safeParse({ ...ok, endpoint: 'not a url' }).success).toBe(false);
  });
});

describe('MeasurePlanSchema', () => {
  it('accepts the smallest and the largest plan', () => {
    expect(MeasurePlanSchema.parse(plan)).toEqual(plan);
    const largest = {
      functions: Array.from(
        { length: 50 },
        (_, i) => `arn:aws:lambda:eu-west-1:123456789012:function:f_${i}.v-2`,
      ),
      memorySizes: Array.from({ length: 40 }, (_, i) => MIN_MEMORY_MB + i),
      times: 1000,
      parallel: 100,
      warm: 100,
      payload: JSON.stringify({ body: 'x'.repeat(256 * 1024 - 20) }),
    };
    expect(largest.payload.length).toBeLessThanOrEqual(256 * 1024);
    expect(MeasurePlanSchema.safeParse(largest).success).toBe(true);
  });

  it("keeps memory sizes within Lambda's 128 to 10240 MB, whole MB", () => {
    expect([MIN_MEMORY_MB, MAX_MEMORY_MB]).toEqual([128, 10240]);
    expect(planWith({ memorySizes: [128, 10240] }).success).toBe(true);
    for (const memorySizes of [[127], [10241], [512.5], Array.from({ length: 41 }, () => 512)]) {
      expect(planWith({ memorySizes }).success, JSON.stringify(memorySizes).slice(0, 20)).toBe(false);
    }
  });

  it('bounds times, parallel and warm', () => {
    for (const [key, low, high] of [
      ['times', 1, 1000],
      ['parallel', 1, 100],
      ['warm', 0, 100],
    ] as const) {
      expect(planWith({ [key]: low }).success, `${key} ${low}`).toBe(true);
      expect(planWith({ [key]: high }).success, `${key} ${high}`).toBe(true);
      expect(planWith({ [key]: low - 1 }).success, `${key} ${low - 1}`).toBe(false);
      expect(planWith({ [key]: high + 1 }).success, `${key} ${high + 1}`).toBe(false);
      expect(planWith({ [key]: low + 0.5 }).success, `${key} ${low + 0.5}`).toBe(false);
    }
  });

  it('takes 1 to 50 function names or ARNs, and says what a name looks like', () => {
    expect(planWith({ functions: [] }).success).toBe(false);
    expect(planWith({ functions: Array.from({ length: 51 }, (_, i) => `f${i}`) }).success).toBe(false);
    expect(planWith({ functions: ['f'.repeat(170)] }).success).toBe(true);
    expect(planWith({ functions: ['f'.repeat(171)] }).success).toBe(false);
    expect(planWith({ functions: [''] }).success).toBe(false);
    for (const name of ['my function', 'f/1', 'a;b', 'f\n']) {
      expect(messages(planWith({ functions: [name] })), name).toEqual(['a Lambda function name or ARN']);
    }
  });

  it('takes a JSON payload of at most 256 KB and says when it is not JSON', () => {
    expect(planWith({ payload: '[1, "two", null]' }).success).toBe(true);
    expect(messages(planWith({ payload: '{not json' }))).toEqual(['valid JSON']);
    expect(messages(planWith({ payload: '' }))).toEqual(['valid JSON']);
    const big = JSON.stringify('x'.repeat(256 * 1024 - 1));
    expect(big.length).toBe(256 * 1024 + 1);
    expect(planWith({ payload: big }).success).toBe(false);
  });
});

describe('FetchRequestSchema', () => {
  const request = {
    functions: ['api'],
    start: '2026-01-01T00:00:00Z',
    end: '2026-01-01T01:00:00+01:00',
    coldOnly: true,
    method: 'insights',
  };

  it('takes ISO times with an offset, start before end', () => {
    const valid = { ...request, end: '2026-01-01T00:00:01Z' };
    expect(FetchRequestSchema.safeParse(valid).success).toBe(true);
    expect(FetchRequestSchema.safeParse({ ...valid, method: 'filter' }).success).toBe(true);
    expect(FetchRequestSchema.safeParse({ ...valid, method: 'tail' }).success).toBe(false);
    expect(FetchRequestSchema.safeParse({ ...valid, start: 'yesterday' }).success).toBe(false);
    expect(FetchRequestSchema.safeParse({ ...valid, functions: [] }).success).toBe(false);
  });

  it('says start must be before end, also when they are equal', () => {
    // 01:00+01:00 is 00:00Z: the same instant as the start.
    expect(messages(FetchRequestSchema.safeParse(request))).toEqual(['start must be before end']);
    const reversed = { ...request, start: request.end, end: '2025-12-31T00:00:00Z' };
    expect(messages(FetchRequestSchema.safeParse(reversed))).toEqual(['start must be before end']);
  });
});

describe('run records', () => {
  it('know every run state and every recovery action, and nothing else', () => {
    expect(RunStateSchema.options).toEqual([
      'running',
      'completed',
      'partial',
      'failed',
      'cancelled',
      'interrupted',
    ]);
    const item = { runId: 'r', functionName: 'f', action: 'restore', originalMemoryMB: 128, detail: '' };
    for (const action of ['restore', 'skip', 'restored', 'failed']) {
      expect(RecoveryItemSchema.safeParse({ ...item, action }).success, action).toBe(true);
    }
    expect(RecoveryItemSchema.safeParse({ ...item, action: 'delete' }).success).toBe(false);
  });

  it('read a run summary with its errors', () => {
    const summary = {
      id: 'r1',
      kind: 'measure',
      name: 'api',
      startedAt: '2026-01-01T00:00:00.000Z',
      endedAt: null,
      state: 'partial',
      functions: ['api'],
      memorySizes: [128],
      samples: 3,
      errors: [{ functionName: 'api', code: 'ResourceConflictException', message: 'busy', hint: null }],
    };
    expect(RunSummarySchema.parse(summary)).toEqual(summary);
    expect(RunSummarySchema.safeParse({ ...summary, kind: 'import' }).success).toBe(false);
  });
});

describe('function, connection and progress records', () => {
  it('read a function with its package type and log format, and nothing else', () => {
    const info = {
      name: 'api',
      runtime: null,
      arch: 'arm64',
      memoryMB: 128,
      packageType: 'Image',
      logFormat: 'JSON',
      logGroup: '/aws/lambda/api',
      lastModified: null,
    };
    expect(FunctionInfoSchema.parse(info)).toEqual(info);
    expect(FunctionInfoSchema.parse({ ...info, packageType: 'Zip', logFormat: 'Text' }).packageType).toBe(
      'Zip',
    );
    expect(FunctionInfoSchema.safeParse({ ...info, packageType: 'Jar' }).success).toBe(false);
    expect(FunctionInfoSchema.safeParse({ ...info, logFormat: 'XML' }).success).toBe(false);
    expect(FunctionInfoSchema.safeParse({ ...info, logGroup: undefined }).success).toBe(false);
  });

  it('read a connection check and a progress report, and require their fields', () => {
    const check = { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me', region: 'eu-west-1' };
    expect(ConnectionCheckSchema.parse({ ...check, unreservedConcurrency: 900 })).toEqual({
      ...check,
      unreservedConcurrency: 900,
    });
    expect(ConnectionCheckSchema.safeParse(check).success).toBe(false);
    const progress = {
      runId: 'r1',
      phase: 'invoking',
      done: 1,
      total: 4,
      functionName: 'api',
      memoryMB: 128,
      elapsedMs: 1500,
      etaMs: null,
      message: null,
    };
    expect(RunProgressSchema.parse(progress)).toEqual(progress);
    expect(RunProgressSchema.safeParse({ ...progress, done: 1.5 }).success).toBe(false);
    expect(RunProgressSchema.safeParse({ ...progress, phase: 'sleeping' }).success).toBe(false);
  });

  it('know every phase of a run, in order', () => {
    expect(RunPhaseSchema.options).toEqual([
      'preparing',
      'updating',
      'waiting',
      'invoking',
      'restoring',
      'fetching',
      'done',
    ]);
  });

  it('know fetch runs as well as measure runs', () => {
    const summary = {
      id: 'f1',
      kind: 'fetch',
      name: 'api',
      startedAt: '2026-01-01T00:00:00.000Z',
      endedAt: '2026-01-01T00:01:00.000Z',
      state: 'completed',
      functions: ['api'],
      memorySizes: [],
      samples: 0,
      errors: [],
    };
    expect(RunSummarySchema.parse(summary).kind).toBe('fetch');
  });
});
