import { GetAccountSettingsCommand, paginateListFunctions } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  AwsConnectionSchema,
  MeasurePlanSchema,
  type AwsConnection,
  type FetchRequest,
  type FunctionInfo,
  type MeasurePlan,
} from '../../shared/measure';
import { AWS_REGIONS, createAwsClients, listProfiles, type AwsClients } from './aws-clients';
import { toEngineError } from './aws-errors';
import {
  EngineError,
  type Engine,
  type EngineOptions,
  type RunCallbacks,
  type StartedRun,
} from './engine-api';
import { JournalFile } from './journal';
import { pollTiming, toFunctionInfo } from './lambda-ops';
import { runMeasurement } from './measure/measure-run';
import { startFetchRun } from './fetch/start-fetch';
import { findInterruptedRuns, recoverInterruptedRuns } from './recover';
import { functionsLabel, launchRun, parseArgument } from './run-lifecycle';
import { newRunId, RunStore } from './run-store';

export { EngineError } from './engine-api';
export type * from './engine-api';

async function connect(connection: AwsConnection, env: NodeJS.ProcessEnv): Promise<AwsClients> {
  try {
    return await createAwsClients(parseArgument(AwsConnectionSchema, connection, 'Connection'), env);
  } catch (error) {
    throw toEngineError(error, 'Cannot connect');
  }
}

function defaultRunName(plan: MeasurePlan): string {
  const mem = plan.memorySizes.length > 0 ? ` @ ${plan.memorySizes.join('/')} MB` : '';
  return `${functionsLabel(plan.functions)}${mem} ×${plan.times}`;
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
    const parsedPlan = parseArgument(MeasurePlanSchema, planInput, 'Plan');
    const plan = { ...parsedPlan, functions: [...new Set(parsedPlan.functions)] };
    const clients = await connect(connection, env);
    const runId = newRunId();
    const journal = JournalFile.create(store.path(runId, 'journal'), runId, {
      profile: connection.profile,
      region: clients.region,
      endpoint: clients.endpoint,
    });
    return launchRun({
      store,
      clients,
      summary: {
        id: runId,
        kind: 'measure',
        name: callbacks.name ?? defaultRunName(plan),
        functions: plan.functions,
        memorySizes: plan.memorySizes,
      },
      plan: { connection, plan },
      prepare: () => journal.save(),
      execute: (writer) => runMeasurement({ runId, plan, clients, journal, writer, timing, callbacks }),
    });
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
