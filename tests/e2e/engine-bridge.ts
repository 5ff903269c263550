import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ZodError } from 'zod';
import {
  EngineError,
  type Engine,
  type RunCallbacks,
  type StartedRun,
} from '../../electron/engine/engine-api';
import { exportCsv } from '../../shared/csv/export-csv';
import { invokeContract, type EventPayload, type IpcError, type IpcResult } from '../../shared/ipc/contract';
import type { EventName, InvokeName } from '../../shared/ipc/channels';

export type Emit = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

export interface BridgeOptions {
  engine: Engine;
  emit: Emit;
  /** Where "Export CSV" writes (the save dialog's answer in the real app). */
  exportDir: string;
  dark: () => boolean;
}

/**
 * What main does for the renderer, in the test process: checks each call's argument against the contract,
 * asks the REAL engine, and turns its errors into the contract's typed errors. Run events travel back
 * through `emit`. It stands in for electron/main's IPC handlers, which need Electron.
 */
export function engineBridge({ engine, emit, exportDir, dark }: BridgeOptions) {
  const controllers = new Map<string, AbortController>();
  const calls: { name: InvokeName; arg: unknown }[] = [];

  async function follow(
    start: (callbacks: RunCallbacks) => Promise<StartedRun>,
    name: string | null,
  ): Promise<{ runId: string }> {
    const controller = new AbortController();
    let runId = '';
    const started = await start({
      name,
      signal: controller.signal,
      onProgress: (progress) => emit('runProgress', progress),
      onSamples: (samples) => emit('runSamples', { runId: runId || (samples[0]?.run ?? ''), samples }),
    });
    runId = started.runId;
    controllers.set(runId, controller);
    void started.done.then((outcome) => {
      controllers.delete(runId);
      emit('runFinished', {
        runId,
        state: outcome.state,
        samples: outcome.samples.length,
        errors: outcome.errors,
        restored: outcome.restored,
        warnings: outcome.warnings ?? [],
      });
    });
    return { runId };
  }

  const handlers: { [N in InvokeName]: (arg: never) => Promise<unknown> } = {
    getAppInfo: async () => ({
      name: 'Cold Start Lab',
      version: '0.0.0-test',
      platform: 'linux',
      dark: dark(),
      themePreference: 'system',
      logFile: '/tmp/test.log',
      stateDir: '/tmp/state',
    }),
    setThemePreference: async () => ({ dark: dark() }),
    openExternalLink: async () => undefined,
    openCsvFiles: async () => ({ canceled: true, files: [], errors: [] }),
    openImportFolder: async () => ({ canceled: true, folder: null, files: [], errors: [] }),
    reopenFiles: async () => ({ files: [], errors: [] }),
    saveCsvFile: async () => ({ saved: false, path: null }),
    saveChartImage: async () => ({ saved: false, path: null }),
    listAwsProfiles: () => engine.listProfiles(),
    listAwsRegions: async () => engine.listRegions(),
    checkAwsConnection: (arg: Parameters<Engine['checkConnection']>[0]) => engine.checkConnection(arg),
    listFunctions: (arg: Parameters<Engine['listFunctions']>[0]) => engine.listFunctions(arg),
    startMeasurement: (arg: { connection: never; plan: never; name: string | null }) =>
      follow((callbacks) => engine.startMeasurement(arg.connection, arg.plan, callbacks), arg.name),
    cancelMeasurement: async ({ runId }: { runId: string }) => void controllers.get(runId)?.abort(),
    startFetch: (arg: { connection: never; request: never; name: string | null }) =>
      follow((callbacks) => engine.startFetch(arg.connection, arg.request, callbacks), arg.name),
    cancelFetch: async ({ runId }: { runId: string }) => void controllers.get(runId)?.abort(),
    listRuns: () => engine.listRuns(),
    openRun: ({ runId }: { runId: string }) => engine.openRun(runId),
    renameRun: ({ runId, name }: { runId: string; name: string }) => engine.renameRun(runId, name),
    deleteRun: ({ runId }: { runId: string }) => engine.deleteRun(runId),
    exportRunCsv: async ({ runId }: { runId: string }) => {
      const { samples } = await engine.openRun(runId);
      const path = join(exportDir, `${runId}.csv`);
      await writeFile(path, exportCsv(samples));
      return { saved: true, path };
    },
    findInterruptedRuns: () => engine.findInterruptedRuns(),
    recoverInterruptedRuns: ({ connection }: { connection: Record<string, string | null> }) =>
      engine.recoverInterruptedRuns(
        Object.fromEntries(Object.entries(connection).filter(([, v]) => v !== null)),
      ),
  };

  async function invoke(name: string, rawArg: unknown): Promise<IpcResult<unknown>> {
    if (!(name in invokeContract)) {
      return { ok: false, error: { code: 'invalid-argument', message: `No such call: ${name}`, hint: null } };
    }
    const call = name as InvokeName;
    calls.push({ name: call, arg: rawArg });
    try {
      const arg = invokeContract[call].arg.parse(rawArg ?? undefined) as never;
      const value = await handlers[call](arg);
      return { ok: true, value: invokeContract[call].result.parse(value) };
    } catch (error) {
      return { ok: false, error: toIpcError(error) };
    }
  }

  return { invoke, calls, running: () => controllers.size };
}

function toIpcError(error: unknown): IpcError {
  if (error instanceof EngineError) return { code: error.code, message: error.message, hint: error.hint };
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return {
      code: 'invalid-argument',
      message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      hint: null,
    };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), hint: null };
}
