import { createEngine } from '../engine';
import { EngineError, type Engine } from '../engine/engine-api';
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

/** A positive whole number flag, checked strictly (`--times 1e3` or `--times 3x` are errors). */
export function intFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name}: expected a whole number, got '${value}'`);
  return Number(value);
}

/** A comma-separated list; empty items are errors, duplicates are dropped. */
export function listFlag(name: string, value: string | undefined): string[] {
  if (value === undefined) return [];
  const items = value.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new UsageError(`--${name}: empty item in '${value}'`);
  return [...new Set(items)];
}
