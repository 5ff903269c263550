import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell } from 'electron';
import { eventChannel, type EventName } from '../../shared/ipc/channels';
import type { EventPayload, MenuCommand } from '../../shared/ipc/contract';
import { APP_ENTRY_URL, APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol';
import { appPaths, PROJECT_URL, resolveStateDir } from './app-paths';
import { createMainWindow } from './app-window';
import { getEngine } from './engine-instance';
import { confirmEndpointDialog, createEndpointPolicy } from './endpoint-policy';
import { createFileDialogs } from './file-dialogs';
import { loadOpenedFiles } from './opened-files';
import { createHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/register-handlers';
import { isTrustedSender, originOf } from './ipc/sender';
import { pendingJsonWrites } from './json-file';
import { logFilePath, setUpLogging } from './logging';
import { buildMenuTemplate } from './menu';
import { openExternal } from './open-external';
import { createRunRegistry } from './run-registry';
import { allowEndpoint, loadSettings, saveThemePreference } from './settings';
import { offerRecovery } from './startup-recovery';
import { createThemeController } from './theme';
import { denyAllPermissions, guardWebContents, urlForLog } from './web-contents-guards';

const devServerUrl = !app.isPackaged ? process.env.VITE_DEV_SERVER_URL : undefined;
const isDev = Boolean(devServerUrl);
const log = setUpLogging(isDev);

// Before anything else: a second launch hands over to the first window and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);
  app.enableSandbox();
  start().catch((error) => {
    log.error('start-up failed', error);
    dialog.showErrorBox('Cold Start Lab could not start', 'The details are in the log file.');
    app.exit(1);
  });
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  const send = <N extends EventName>(name: N, payload: EventPayload<N>): void => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(eventChannel(name), payload);
  };

  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, {
      openExternal,
      onRefused: (what, url) => log.warn(`refused ${what} to ${urlForLog(url)}`),
    }),
  );

  await app.whenReady();
  const userData = app.getPath('userData');
  const stateDir = resolveStateDir(userData, process.env);
  log.info(`Cold Start Lab ${app.getVersion()} starting; state dir ${stateDir}`);

  denyAllPermissions(session.defaultSession);
  handleAppProtocol(protocol, appPaths.renderer);

  const settings = await loadSettings(userData);
  const theme = createThemeController(
    nativeTheme,
    settings.themePreference,
    // The View › Appearance radio items show the preference, whoever changed it (menu or renderer).
    async (preference) => {
      await saveThemePreference(userData, preference);
      setMenu();
    },
    (dark) => send('themeChanged', { dark }),
  );
  const engine = () => getEngine(stateDir);
  const runs = createRunRegistry(send, log);

  const allowedOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl) ?? ''] : [])].filter(
    Boolean,
  );
  registerHandlers(
    ipcMain,
    createHandlers({
      engine,
      dialogs: createFileDialogs(
        dialog,
        () => app.getPath('documents'),
        await loadOpenedFiles(join(userData, 'opened-files.json')),
      ),
      runs,
      theme,
      appInfo: {
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        logFile: logFilePath,
        stateDir,
      },
      openExternal,
      endpoints: createEndpointPolicy({
        env: process.env,
        allowedOrigins: async () => (await loadSettings(userData)).allowedEndpoints,
        remember: (origin) => allowEndpoint(userData, origin),
        confirm: (origin, window) => confirmEndpointDialog(dialog, origin, window),
      }),
      windowOf: (sender) => BrowserWindow.fromWebContents(sender),
    }),
    { isTrustedSender: (frame) => isTrustedSender(frame, allowedOrigins), log },
  );

  function setMenu(): void {
    const sendCommand = (command: MenuCommand) => send('menuCommand', { command });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          isDev,
          appName: app.getName(),
          themePreference: theme.preference(),
          actions: {
            send: sendCommand,
            setTheme: (preference) => void theme.set(preference),
            toggleTheme: () => void theme.toggle(),
            openProjectPage: () => void openExternal(PROJECT_URL),
            openLogFolder: () => void shell.openPath(dirname(logFilePath())),
          },
        }),
      ),
    );
  }
  setMenu();

  const openWindow = async (): Promise<BrowserWindow> => {
    mainWindow = await createMainWindow(userData, devServerUrl ?? APP_ENTRY_URL, theme.dark());
    mainWindow.on('closed', () => (mainWindow = null));
    return mainWindow;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow) void openWindow();
  });

  // Quitting mid-run would leave functions with the run's memory size: cancel, let the engine restore, then quit.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || runs.active() === 0) return;
    event.preventDefault();
    quitting = true;
    log.info(`quit: cancelling ${runs.active()} run(s) and restoring their functions first`);
    void runs.cancelAll().finally(() => app.quit());
  });

  // The window state is saved as the window closes: let that write reach the disk before the process exits.
  app.on('will-quit', (event) => {
    const writes = pendingJsonWrites();
    if (!writes) return;
    event.preventDefault();
    void writes.finally(() => app.quit());
  });

  const window = await openWindow();
  await offerRecovery(engine(), dialog, window, log);
}
