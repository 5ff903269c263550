import type { MeasurePlan, RunError } from '../../../shared/measure';
import type { Sample } from '../../../shared/sample';
import type { AwsClients } from '../aws-clients';
import { errorName } from '../aws-errors';
import { EngineError } from '../engine-api';
import type { JournalFile } from '../journal';
import type { PollTiming } from '../lambda-ops';
import type { ProgressTracker } from './progress';

/** Ends the measuring of one function with a failure the user reads as it is (never a stack trace). */
export class StopMeasuring extends Error {
  constructor(readonly runError: RunError) {
    super(runError.message);
    this.name = 'StopMeasuring';
  }
}

export const stop = (functionName: string, code: string, message: string, hint: string | null = null) =>
  new StopMeasuring({ functionName, code, message, hint });

export interface FunctionRun {
  runId: string;
  plan: MeasurePlan;
  clients: AwsClients;
  journal: JournalFile;
  timing: PollTiming;
  signal: AbortSignal | undefined;
  progress: ProgressTracker;
  unreserved: number | null;
  /** Appends samples to the run (disk first); only samples proven measured under our configuration. */
  record: (samples: Sample[]) => void;
  errors: RunError[];
  warnings: string[];
}

export const isCancel = (error: unknown, signal?: AbortSignal) =>
  signal?.aborted === true ||
  (error instanceof EngineError && error.code === 'cancelled') ||
  errorName(error) === 'AbortError';
