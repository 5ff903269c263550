import { GetAccountSettingsCommand, paginateListFunctions } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  AwsConnectionSchema,
  MeasurePlanSchema,
  type AwsConnection,
  type FetchRequest,
  type FunctionInfo,
  type MeasurePlan,
  type RunSummary,
} from '../../shared/measure';
import { AWS_REGIONS, createAwsClients, listProfiles, type AwsClients } from './aws-clients';
import { toEngineError, toRunError } from './aws-errors';
import {
  EngineError,
  type Engine,
  type EngineOptions,
  type RunCallbacks,
  type RunOutcome,
  type StartedRun,
} from './engine-api';
import { JournalFile } from './journal';
import { pollTiming, toFunctionInfo } from './lambda-ops';
import { runMeasurement } from './measure/measure-run';
import { startFetchRun } from './fetch/start-fetch';
import { findInterruptedRuns, recoverInterruptedRuns } from './recover';
import { newRunId, RunStore } from './run-store';

export { EngineError } from './engine-api';
export type * from './engine-api';

function validConnection(connection: AwsConnection): AwsConnection {
  const parsed = AwsConnectionSchema.safeParse(connection);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EngineError(
      'invalid-argument',
      `Connection ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

async function connect(connection: AwsConnection, env: NodeJS.ProcessEnv): Promise<AwsClients> {
  return createAwsClients(validConnection(connection), env);
}

function defaultRunName(plan: MeasurePlan): string {
  const fns =
    plan.functions.length <= 2
      ? plan.functions.join(', ')
      : `${plan.functions[0]} +${plan.functions.length - 1}`;
  const mem = plan.memorySizes.length > 0 ? ` @ ${plan.memorySizes.join('/')} MB` : '';
  return `${fns}${mem} ×${plan.times}`;
}

/**
 * Everything a run needs from the engine; the fetch side (electron/engine/fetch/) gets the same pieces:
 * `connect` for SDK clients, `store` to create the run directory and append samples.
 */
export interface EngineDeps {
  env: NodeJS.ProcessEnv;
  store: RunStore;
  connect: (connection: AwsConnection) => Promise<AwsClients>;
}

export function createEngine(options: EngineOptions): Engine {
  const env = options.env ?? process.env;
  const store = new RunStore(options.stateDir);
  const timing = pollTiming(env);

  async function startMeasurement(
    connection: AwsConnection,
    planInput: MeasurePlan,
    callbacks: RunCallbacks = {},
  ): Promise<StartedRun> {
    const parsed = MeasurePlanSchema.safeParse(planInput);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EngineError(
        'invalid-argument',
        `Plan ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const plan = { ...parsed.data, functions: [...new Set(parsed.data.functions)] };
    const clients = await connect(connection, env).catch((e: unknown) => {
      throw toEngineError(e, 'Cannot connect');
    });
    const runId = newRunId();
    const summary: RunSummary = {
      id: runId,
      kind: 'measure',
      name: callbacks.name ?? defaultRunName(plan),
      startedAt: new Date().toISOString(),
      endedAt: null,
      state: 'running',
      functions: plan.functions,
      memorySizes: plan.memorySizes,
      samples: 0,
      errors: [],
    };
    const writer = await store.create(summary, { connection, plan });
    const journal = JournalFile.create(store.path(runId, 'journal'), runId, {
      profile: connection.profile,
      region: clients.region,
      endpoint: clients.endpoint,
    });
    await journal.save();

    const done = (async (): Promise<RunOutcome> => {
      let outcome: RunOutcome;
      try {
        outcome = await runMeasurement({ runId, plan, clients, journal, writer, timing, callbacks });
      } catch (error) {
        // Only a broken journal or disk gets here; the samples already on disk are kept. A function that
        // could not be restored is left for `coldstart recover` (its journal entry stays pending).
        const samples = await store.readSamples(runId);
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

  return {
    listProfiles: () => listProfiles(env),
    listRegions: () => [...AWS_REGIONS],

    async checkConnection(connection) {
      const clients = await connect(connection, env);
      try {
        const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
        let unreservedConcurrency: number | null = null;
        try {
          const settings = await clients.lambda.send(new GetAccountSettingsCommand({}));
          unreservedConcurrency = settings.AccountLimit?.UnreservedConcurrentExecutions ?? null;
        } catch {
          // lambda:GetAccountSettings is optional; the check is about credentials
        }
        return {
          account: identity.Account ?? '',
          arn: identity.Arn ?? '',
          region: clients.region,
          unreservedConcurrency,
        };
      } catch (error) {
        throw toEngineError(error, 'Checking the credentials (sts:GetCallerIdentity)');
      } finally {
        clients.destroy();
      }
    },

    async listFunctions(connection) {
      const clients = await connect(connection, env);
      try {
        const functions: FunctionInfo[] = [];
        for await (const page of paginateListFunctions({ client: clients.lambda }, {})) {
          for (const config of page.Functions ?? []) functions.push(toFunctionInfo(config));
        }
        return functions.sort((a, b) => a.name.localeCompare(b.name));
      } catch (error) {
        throw toEngineError(error, 'Listing functions (lambda:ListFunctions)');
      } finally {
        clients.destroy();
      }
    },

    startMeasurement,

    startFetch: (connection: AwsConnection, request: FetchRequest, callbacks?: RunCallbacks) =>
      startFetchRun({ env, store, connect: (c) => connect(c, env) }, connection, request, callbacks),

    listRuns: () => store.list(),

    async openRun(runId) {
      const summary = await store.readSummary(runId);
      return { summary, samples: await store.readSamples(runId) };
    },

    renameRun: (runId, name) => store.rename(runId, name),

    async deleteRun(runId) {
      try {
        const journal = await JournalFile.load(store.path(runId, 'journal'));
        if (!journal.settled) {
          throw new EngineError(
            'invalid-argument',
            `Run '${runId}' left functions changed: its journal is needed to restore them.`,
            'Run `coldstart recover` first.',
          );
        }
      } catch (error) {
        if (error instanceof EngineError) throw error;
        // no journal: nothing to protect
      }
      await store.delete(runId);
    },

    findInterruptedRuns: () => findInterruptedRuns(store, env),
    recoverInterruptedRuns: (connection) => recoverInterruptedRuns(store, env, timing, connection),
  };
}
