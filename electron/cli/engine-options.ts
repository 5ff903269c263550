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

/**
 * The engine, loaded when a command needs it: loading it loads the AWS SDK, which costs `coldstart stats`
 * and `compare` (which never talk to AWS) most of their start-up time.
 */
export async function engineFor(
  io: CliIo,
  stateDirFlag: string | undefined,
): Promise<{ engine: Engine; stateDir: string }> {
  const stateDir = resolveStateDir(stateDirFlag, io.env);
  const { createEngine } = await import('../engine');
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

/** A message and what to do about it, as one line for the terminal. */
export function oneLine(message: string, hint: string | null): string {
  return hint ? `${message.replace(/[.\s]+$/, '')}. ${hint}` : message;
}

/**
 * Prints an engine error as one line (`coldstart CMD: [subject: ]what happened. What to do.`) and returns the
 * exit code: 2 for credentials and arguments, 1 otherwise. Anything else is a bug and is rethrown (the
 * dispatcher prints it as one line too).
 */
export function exitForEngineError(io: CliIo, command: string, error: unknown, subject?: string): number {
  if (error instanceof EngineError) {
    const message = subject ? `${subject}: ${error.message}` : error.message;
    io.stderr(`coldstart ${command}: ${oneLine(message, error.hint)}\n`);
    return error.code === 'credentials' || error.code === 'invalid-argument' ? EXIT.usage : EXIT.someFailed;
  }
  throw error;
}

/** A finished run's exit code: 0 completed, 130 cancelled, 1 anything less than complete. */
export function exitForOutcome(outcome: RunOutcome): number {
  if (outcome.state === 'cancelled') return EXIT.cancelled;
  return outcome.state === 'completed' ? EXIT.ok : EXIT.someFailed;
}
