import { z } from 'zod';
import { GROUP_KEYS, METRICS } from './sample-keys';

/** CPU architecture as Lambda names it. */
export const ArchSchema = z.enum(['x86_64', 'arm64']);
export type Arch = z.infer<typeof ArchSchema>;

/**
 * One invocation's numbers, as measured, fetched or imported. The unit of everything the app stores,
 * charts and exports. Fields not known for a source are null (a seed CSV has no runtime, for instance).
 */
export const SampleSchema = z.object({
  /** Function name (the CSV's `Name`). */
  name: z.string().min(1),
  /** Configured memory in MB (the CSV's `Memory`); null when unknown. */
  memoryMB: z.number().int().positive().nullable(),
  /** Init Duration in ms; null means a warm start (no init phase). */
  initMs: z.number().nonnegative().nullable(),
  /** Duration in ms of this invocation (the CSV's `Cold`). */
  durationMs: z.number().nonnegative(),
  /** Billed Duration in ms (the CSV's `Billed`). */
  billedMs: z.number().nonnegative(),
  arch: ArchSchema.nullable(),
  runtime: z.string().nullable(),
  maxMemoryUsedMB: z.number().nonnegative().nullable(),
  /** SnapStart Restore Duration in ms. */
  restoreMs: z.number().nonnegative().nullable(),
  /** `success`, `error`, `timeout`, ... as the REPORT said; null when unknown (seed files). */
  status: z.string().nullable(),
  errorType: z.string().nullable(),
  requestId: z.string().nullable(),
  /** ISO 8601 time of the REPORT record, when known. */
  timestamp: z.string().nullable(),
  /** Id of the measurement or fetch run that produced the sample. */
  run: z.string().nullable(),
});
export type Sample = z.infer<typeof SampleSchema>;

/** The metrics the statistics and charts can show. */
export const MetricSchema = z.enum(METRICS);
export type Metric = z.infer<typeof MetricSchema>;

/** The dimensions samples can be grouped by. */
export const GroupKeySchema = z.enum(GROUP_KEYS);
export type GroupKey = z.infer<typeof GroupKeySchema>;

/** A sample with every optional field unknown: handy for parsers and tests. */
export function emptySample(name: string): Sample {
  return {
    name,
    memoryMB: null,
    initMs: null,
    durationMs: 0,
    billedMs: 0,
    arch: null,
    runtime: null,
    maxMemoryUsedMB: null,
    restoreMs: null,
    status: null,
    errorType: null,
    requestId: null,
    timestamp: null,
    run: null,
  };
}
