import { createEngine } from '../engine';
import { EngineError, type Engine, type RunOutcome } from '../engine/engine-api';
import { resolveStateDir } from '../engine/state-dir';
import { AwsConnectionSchema, type AwsConnection } from '../../shared/measure';
import { EXIT, UsageError, type CliIo } from './io';

/** Options every AWS command takes. */
export const connectionOptions = {
  profile: { type: 'string' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
  'state-dir': { type: 'string' },
} as const;

/** Options of the commands that start a run (measure, fetch). */
export const runOptions = {
  function: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  ...connectionOptions,
} as const;

export function engineFor(io: CliIo, stateDirFlag: string | undefined): { engine: Engine; stateDir: string } {
  const stateDir = resolveStateDir(stateDirFlag, io.env);
  return { engine: createEngine({ stateDir, env: io.env }), stateDir };
}

export function connectionFrom(values: {
  profile?: string;
  region?: string;
  endpoint?: string;
}): AwsConnection {
  const parsed = AwsConnectionSchema.safeParse({
    profile: values.profile ?? null,
    region: values.region ?? null,
    endpoint: values.endpoint ?? null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `--${String(issue?.path[0] ?? 'region')}: expected ${issue?.message ?? 'a valid value'}`,
    );
  }
  return parsed.data;
}

/** An engine error as one or two lines for the terminal: what happened, then what to do. */
export function describeEngineError(error: EngineError): string {
  return error.hint ? `${error.message}\n  ${error.hint}` : error.message;
}

/** Engine errors about credentials and arguments end the command with exit 2, others with 1. */
export function exitForEngineError(io: CliIo, command: string, error: unknown): number {
  if (error instanceof EngineError) {
    io.stderr(`coldstart ${command}: ${describeEngineError(error)}\n`);
    return error.code === 'credentials' || error.code === 'invalid-argument' ? EXIT.usage : EXIT.someFailed;
  }
  throw error;
}

/** A finished run's exit code: 0 completed, 130 cancelled, 1 anything less than complete. */
export function exitForOutcome(outcome: RunOutcome): number {
  if (outcome.state === 'cancelled') return EXIT.cancelled;
  return outcome.state === 'completed' ? EXIT.ok : EXIT.someFailed;
}
