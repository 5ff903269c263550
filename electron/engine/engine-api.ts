import type { Sample } from '../../shared/sample';
import type {
  AwsConnection,
  ConnectionCheck,
  FetchRequest,
  FunctionInfo,
  MeasurePlan,
  RecoveryItem,
  RunError,
  RunProgress,
  RunState,
  RunSummary,
} from '../../shared/measure';

/**
 * What the engine offers its two users, the desktop main process and the CLI. Plain Node: no `electron`
 * import anywhere under electron/engine/.
 */

/** Where runs (plan, journal, samples) live; the CLI and the app share it. */
export interface EngineOptions {
  stateDir: string;
  /** Environment to read AWS_ENDPOINT_URL*, AWS_PROFILE, ... from (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface AwsProfile {
  name: string;
  region: string | null;
  sso: boolean;
}

export interface RunCallbacks {
  /** A display name for the run (history); null picks one from the plan. */
  name?: string | null;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Samples as they arrive (already appended to the run's file on disk). */
  onSamples?: (samples: Sample[]) => void;
}

export interface RunOutcome {
  runId: string;
  state: RunState;
  samples: Sample[];
  errors: RunError[];
  /** One line per function: what was restored and verified, or why not. */
  restored: string[];
  /** What the user should know that is no failure (e.g. a fetch range not fully ingested by CloudWatch yet). */
  warnings?: string[];
}

/** A run that has started: its id is known at once, its outcome later. `done` never rejects. */
export interface StartedRun {
  runId: string;
  done: Promise<RunOutcome>;
}

/** An error fit for the user: what went wrong (naming the function), what AWS said, what to do. */
export class EngineError extends Error {
  constructor(
    readonly code: 'credentials' | 'aws' | 'not-found' | 'invalid-argument' | 'io' | 'cancelled',
    message: string,
    readonly hint: string | null = null,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export interface Engine {
  listProfiles(): Promise<AwsProfile[]>;
  listRegions(): string[];
  checkConnection(connection: AwsConnection): Promise<ConnectionCheck>;
  listFunctions(connection: AwsConnection): Promise<FunctionInfo[]>;
  startMeasurement(
    connection: AwsConnection,
    plan: MeasurePlan,
    callbacks?: RunCallbacks,
  ): Promise<StartedRun>;
  startFetch(connection: AwsConnection, request: FetchRequest, callbacks?: RunCallbacks): Promise<StartedRun>;
  listRuns(): Promise<RunSummary[]>;
  openRun(runId: string): Promise<{ summary: RunSummary; samples: Sample[] }>;
  renameRun(runId: string, name: string): Promise<RunSummary>;
  /** Deletes the run's directory in the state dir (never anything in AWS). */
  deleteRun(runId: string): Promise<void>;
  /** Unfinished journals and, per function, whether it still carries the run's marker (`restore`) or not (`skip`). */
  findInterruptedRuns(): Promise<RecoveryItem[]>;
  /** Restores what findInterruptedRuns marked `restore`; the connection of each run comes from its journal,
   *  `connection` overrides profile/region/endpoint where given. */
  recoverInterruptedRuns(connection?: Partial<AwsConnection>): Promise<RecoveryItem[]>;
}
