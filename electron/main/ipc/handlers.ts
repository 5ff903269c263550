import type { BrowserWindow, WebContents } from 'electron';
import type { Engine } from '../../engine/engine-api';
import { exportCsv } from '../../../shared/csv/export-csv';
import type { InvokeResult, ThemePreference } from '../../../shared/ipc/contract';
import type { AwsConnection } from '../../../shared/measure';
import type { EndpointPolicy } from '../endpoint-policy';
import type { FileDialogs } from '../file-dialogs';
import type { RunRegistry } from '../run-registry';
import type { ThemeController } from '../theme';
import type { Handlers } from './register-handlers';

export interface AppInfoSource {
  name: string;
  version: string;
  platform: string;
  logFile: () => string;
  stateDir: string;
}

export interface HandlerDeps {
  engine: () => Engine;
  dialogs: FileDialogs;
  runs: RunRegistry;
  theme: ThemeController;
  appInfo: AppInfoSource;
  openExternal: (url: string) => Promise<void>;
  /** Decides whether the renderer may send the engine's signed requests to a connection's endpoint. */
  endpoints: EndpointPolicy;
  /** The window a call came from, to attach its dialogs to. */
  windowOf: (sender: WebContents) => BrowserWindow | null;
}

/** A file name for a run's export: its display name without characters file systems reject. */
export function exportFileName(runName: string): string {
  const cleaned = runName
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${cleaned || 'cold-starts'}.csv`;
}

/** Every call of the contract, implemented on the engine, the dialogs and the theme. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { engine, dialogs, runs } = deps;
  const windowOf = (sender: WebContents) => deps.windowOf(sender);
  /** Every call that reaches AWS passes here first: an endpoint main does not allow never gets a request. */
  const allowed = async <C extends AwsConnection>(connection: C, sender: WebContents): Promise<C> => {
    await deps.endpoints.check(connection.endpoint, windowOf(sender));
    return connection;
  };

  return {
    getAppInfo: (): InvokeResult<'getAppInfo'> => ({
      name: deps.appInfo.name,
      version: deps.appInfo.version,
      platform: deps.appInfo.platform,
      dark: deps.theme.dark(),
      themePreference: deps.theme.preference(),
      logFile: deps.appInfo.logFile(),
      stateDir: deps.appInfo.stateDir,
    }),
    setThemePreference: async ({ preference }: { preference: ThemePreference }) => ({
      dark: await deps.theme.set(preference),
    }),
    openExternalLink: async ({ url }) => {
      await deps.openExternal(url);
    },
    openCsvFiles: (_arg, { sender }) => dialogs.openCsvFiles(windowOf(sender)),
    openImportFolder: (_arg, { sender }) => dialogs.openImportFolder(windowOf(sender)),
    reopenFiles: ({ paths }) => dialogs.reopenFiles(paths),
    saveCsvFile: ({ defaultName, text }, { sender }) => dialogs.saveCsv(windowOf(sender), defaultName, text),
    saveChartImage: ({ defaultName, format, data }, { sender }) =>
      dialogs.saveChart(windowOf(sender), defaultName, format, data),
    listAwsProfiles: () => engine().listProfiles(),
    listAwsRegions: () => engine().listRegions(),
    checkAwsConnection: async (connection, { sender }) =>
      engine().checkConnection(await allowed(connection, sender)),
    listFunctions: async (connection, { sender }) =>
      engine().listFunctions(await allowed(connection, sender)),
    startMeasurement: async ({ connection, plan, name }, { sender }) => {
      await allowed(connection, sender);
      return {
        runId: await runs.start('measurement', name, (callbacks) =>
          engine().startMeasurement(connection, plan, callbacks),
        ),
      };
    },
    cancelMeasurement: ({ runId }) => runs.cancel('measurement', runId),
    startFetch: async ({ connection, request, name }, { sender }) => {
      await allowed(connection, sender);
      return {
        runId: await runs.start('fetch', name, (callbacks) =>
          engine().startFetch(connection, request, callbacks),
        ),
      };
    },
    cancelFetch: ({ runId }) => runs.cancel('fetch', runId),
    listRuns: () => engine().listRuns(),
    openRun: ({ runId }) => engine().openRun(runId),
    renameRun: ({ runId, name }) => engine().renameRun(runId, name),
    deleteRun: ({ runId }) => engine().deleteRun(runId),
    exportRunCsv: async ({ runId }, { sender }) => {
      const { summary, samples } = await engine().openRun(runId);
      return dialogs.saveCsv(windowOf(sender), exportFileName(summary.name), exportCsv(samples));
    },
    findInterruptedRuns: () => engine().findInterruptedRuns(),
    recoverInterruptedRuns: async ({ connection }, { sender }) =>
      engine().recoverInterruptedRuns(await allowed(connection, sender)),
  };
}
