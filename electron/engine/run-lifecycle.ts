import type { z } from 'zod';
import type { RunSummary } from '../../shared/measure';
import type { AwsClients } from './aws-clients';
import { toRunError } from './aws-errors';
import { EngineError, type RunOutcome, type StartedRun } from './engine-api';
import type { RunStore, SampleWriter } from './run-store';

/** Parses a caller's argument, or throws an `invalid-argument` EngineError naming the offending field. */
export function parseArgument<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` ${issue.path.join('.')}` : '';
  throw new EngineError('invalid-argument', `${what}${where}: ${issue?.message ?? 'invalid'}`);
}

/** `a, b` or `a +2`: short enough for a run's display name. */
export function functionsLabel(functions: readonly string[]): string {
  return functions.length <= 2 ? functions.join(', ') : `${functions[0]} +${functions.length - 1}`;
}

export interface RunLaunch {
  store: RunStore;
  /** Destroyed when the run ends (or when it cannot start). */
  clients: AwsClients;
  /** What the history shows of the run; the rest of its summary is filled in here. */
  summary: Pick<RunSummary, 'id' | 'kind' | 'name' | 'functions' | 'memorySizes'>;
  /** What the run was asked to do, kept as plan.json. */
  plan: unknown;
  /** Work that must be on disk before the run counts as started (the measure journal). */
  prepare?: () => Promise<void>;
  /** The run itself; it appends its samples to `writer` as they arrive. */
  execute: (writer: SampleWriter) => Promise<RunOutcome>;
}

function distinctMemorySizes(outcome: RunOutcome): number[] {
  const sizes = new Set(outcome.samples.flatMap((s) => (s.memoryMB === null ? [] : [s.memoryMB])));
  return [...sizes].sort((a, b) => a - b);
}

/**
 * The life of every run, measure or fetch: create its directory, run it, close the writer and the SDK
 * clients whatever happens, and write the final summary. `done` never rejects: a failure becomes the
 * outcome's error and the samples already on disk are kept.
 */
export async function launchRun(launch: RunLaunch): Promise<StartedRun> {
  const { store, clients } = launch;
  const runId = launch.summary.id;
  const summary: RunSummary = {
    ...launch.summary,
    startedAt: new Date().toISOString(),
    endedAt: null,
    state: 'running',
    samples: 0,
    errors: [],
  };
  let writer: SampleWriter;
  try {
    writer = await store.create(summary, launch.plan);
  } catch (error) {
    clients.destroy();
    throw error;
  }
  try {
    await launch.prepare?.();
  } catch (error) {
    writer.close();
    clients.destroy();
    throw error;
  }

  const done = (async (): Promise<RunOutcome> => {
    let outcome: RunOutcome;
    try {
      outcome = await launch.execute(writer);
    } catch (error) {
      // Only a broken journal, disk or engine bug gets here. A measured function that could not be
      // restored is left for `coldstart recover` (its journal entry stays pending).
      const samples = await store.readSamples(runId).catch(() => []);
      outcome = {
        runId,
        state: samples.length > 0 ? 'partial' : 'failed',
        samples,
        errors: [toRunError(null, error)],
        restored: [],
      };
    } finally {
      writer.close();
      clients.destroy();
    }
    try {
      await store.finish(
        {
          ...summary,
          endedAt: new Date().toISOString(),
          state: outcome.state,
          memorySizes: summary.memorySizes.length > 0 ? summary.memorySizes : distinctMemorySizes(outcome),
          samples: outcome.samples.length,
          errors: outcome.errors,
        },
        outcome.samples,
      );
    } catch (error) {
      outcome.errors.push({
        functionName: null,
        code: 'io',
        message: `Saving the run failed: ${String(error)}`,
        hint: null,
      });
    }
    return outcome;
  })();
  return { runId, done };
}
