import { z } from 'zod';
import { ArchSchema } from './sample';

/** Lambda's allowed memory range in MB. */
export const MIN_MEMORY_MB = 128;
export const MAX_MEMORY_MB = 10240;

/** Where and as whom to talk to AWS. Credentials themselves never appear here: only a profile name. */
export const AwsConnectionSchema = z.object({
  /** Profile from ~/.aws/config or ~/.aws/credentials; null uses the SDK's default chain. */
  profile: z.string().min(1).max(128).nullable(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region such as eu-west-1')
    .nullable(),
  /** Endpoint override (LocalStack); null uses AWS_ENDPOINT_URL* or the real service. */
  endpoint: z
    .string()
    .url()
    .refine((u) => /^https?:/.test(u), 'http: or https: URL')
    .nullable(),
});
export type AwsConnection = z.infer<typeof AwsConnectionSchema>;

export const FunctionInfoSchema = z.object({
  name: z.string(),
  runtime: z.string().nullable(),
  arch: ArchSchema,
  memoryMB: z.number().int(),
  packageType: z.enum(['Zip', 'Image']),
  logFormat: z.enum(['Text', 'JSON']),
  logGroup: z.string(),
  lastModified: z.string().nullable(),
});
export type FunctionInfo = z.infer<typeof FunctionInfoSchema>;

export const ConnectionCheckSchema = z.object({
  account: z.string(),
  arn: z.string(),
  region: z.string(),
  /** The account's unreserved concurrency: the upper bound for parallel cold starts. */
  unreservedConcurrency: z.number().int().nullable(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheckSchema>;

const functionName = z
  .string()
  .min(1)
  .max(170)
  .regex(/^[A-Za-z0-9_:.-]+$/, 'a Lambda function name or ARN');

export const MeasurePlanSchema = z.object({
  functions: z.array(functionName).min(1).max(50),
  /** Memory sizes to sweep; empty keeps each function's own memory. */
  memorySizes: z.array(z.number().int().min(MIN_MEMORY_MB).max(MAX_MEMORY_MB)).max(40),
  /** Cold samples per function and memory size. */
  times: z.number().int().min(1).max(1000),
  /** Concurrent cold starts per update. */
  parallel: z.number().int().min(1).max(100),
  /** Warm follow-up invocations per cold sample. */
  warm: z.number().int().min(0).max(100),
  /** JSON payload sent with each invocation (as text, validated as JSON). */
  payload: z
    .string()
    .max(256 * 1024)
    .refine((p) => {
      try {
        JSON.parse(p);
        return true;
      } catch {
        return false;
      }
    }, 'valid JSON'),
});
export type MeasurePlan = z.infer<typeof MeasurePlanSchema>;

export const RunPhaseSchema = z.enum([
  'preparing',
  'updating',
  'waiting',
  'invoking',
  'restoring',
  'fetching',
  'done',
]);
export type RunPhase = z.infer<typeof RunPhaseSchema>;

export const RunProgressSchema = z.object({
  runId: z.string(),
  phase: RunPhaseSchema,
  done: z.number().int(),
  total: z.number().int(),
  functionName: z.string().nullable(),
  memoryMB: z.number().int().nullable(),
  elapsedMs: z.number(),
  etaMs: z.number().nullable(),
  message: z.string().nullable(),
});
export type RunProgress = z.infer<typeof RunProgressSchema>;

export const RunKindSchema = z.enum(['measure', 'fetch']);
export const RunStateSchema = z.enum([
  'running',
  'completed',
  'partial',
  'failed',
  'cancelled',
  'interrupted',
]);
export type RunState = z.infer<typeof RunStateSchema>;

/** One failure of one function during a run: which function, what AWS said, what to do. */
export const RunErrorSchema = z.object({
  functionName: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  hint: z.string().nullable(),
});
export type RunError = z.infer<typeof RunErrorSchema>;

export const RunSummarySchema = z.object({
  id: z.string(),
  kind: RunKindSchema,
  name: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  state: RunStateSchema,
  functions: z.array(z.string()),
  memorySizes: z.array(z.number().int()),
  samples: z.number().int(),
  errors: z.array(RunErrorSchema),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const FetchRequestSchema = z
  .object({
    functions: z.array(functionName).min(1).max(50),
    /** ISO 8601 start and end of the range. */
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    coldOnly: z.boolean(),
    method: z.enum(['insights', 'filter']),
  })
  .refine((r) => Date.parse(r.start) < Date.parse(r.end), 'start must be before end');
export type FetchRequest = z.infer<typeof FetchRequestSchema>;

/** What recovery found for one function of an interrupted run, and what it would do or did. */
export const RecoveryItemSchema = z.object({
  runId: z.string(),
  functionName: z.string(),
  /** `restore`: still carries the run's marker, original config will be written back.
   *  `skip`: changed by someone else since, left alone. `restored`/`failed`: after the fact. */
  action: z.enum(['restore', 'skip', 'restored', 'failed']),
  originalMemoryMB: z.number().int(),
  detail: z.string(),
});
export type RecoveryItem = z.infer<typeof RecoveryItemSchema>;
