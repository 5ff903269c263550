import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_NAMES, invokeChannel } from '../../shared/ipc/channels';

/** A stand-in for the parts of Electron main.ts touches, recording what it does. */
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    webContents = { send: vi.fn() };
    loadURL = vi.fn(async (url: string) => void calls.push(`loadURL ${url}`));
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    isMaximized = () => false;
    maximize = vi.fn();
    isDestroyed = () => false;
    isMinimized = () => false;
    show = vi.fn();
    focus = vi.fn();
    static fromWebContents = () => null;
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    lock: true,
    userData: '',
    requestSingleInstanceLock: vi.fn(() => app.lock),
    enableSandbox: vi.fn(() => void calls.push('enableSandbox')),
    whenReady: vi.fn(async () => void calls.push('ready')),
    getPath: vi.fn((name: string) => join(app.userData, name === 'userData' ? '' : name)),
    getName: () => 'Cold Start Lab',
    getVersion: () => '0.1.0',
    quit: vi.fn(() => void calls.push('quit')),
    exit: vi.fn(),
  });
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    calls,
    windows,
    handlers,
    electron: {
      app,
      BrowserWindow: FakeWindow,
      ipcMain: {
        handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)),
        removeHandler: vi.fn(),
        removeAllListeners: vi.fn(),
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => void calls.push('registerSchemesAsPrivileged')),
        handle: vi.fn(),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
        },
      },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
      nativeTheme: Object.assign(new EventEmitter(), { themeSource: 'system', shouldUseDarkColors: false }),
      dialog: {
        showMessageBox: vi.fn(),
        showErrorBox: vi.fn(),
        showOpenDialog: vi.fn(),
        showSaveDialog: vi.fn(),
      },
      shell: { openExternal: vi.fn(), openPath: vi.fn() },
    },
  };
});

vi.mock('electron', () => fake.electron);
// electron-log requires the real `electron` module, which this machine does not have.
vi.mock('electron-log/main', () => {
  const log = {
    transports: {
      file: { level: 'info', maxSize: 0, getFile: () => ({ path: '/logs/main.log' }) },
      console: { level: 'info' },
    },
    hooks: [] as unknown[],
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
  };
  return { default: log };
});

async function startApp() {
  vi.resetModules();
  fake.calls.length = 0;
  fake.windows.length = 0;
  fake.handlers.clear();
  fake.electron.app.removeAllListeners();
  fake.electron.app.userData = mkdtempSync(join(tmpdir(), 'coldstart-main-'));
  await import('../../electron/main/main');
  await vi.waitFor(() => expect(fake.calls).toContain('loadURL app://coldstart/index.html'));
}

describe('main process start-up', () => {
  beforeEach(() => {
    fake.electron.app.lock = true;
  });

  it('registers the app scheme and the sandbox before the app is ready', async () => {
    await startApp();
    const ready = fake.calls.indexOf('ready');
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(ready);
  });

  it('opens one secure window on the app:// origin and denies permissions', async () => {
    await startApp();
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(fake.electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('handles every call of the contract and answers the app window', async () => {
    await startApp();
    expect([...fake.handlers.keys()].sort()).toEqual(INVOKE_NAMES.map(invokeChannel).sort());
    const getAppInfo = fake.handlers.get(invokeChannel('getAppInfo'));
    const trusted = { senderFrame: { url: 'app://coldstart/index.html', parent: null }, sender: {} };
    await expect(getAppInfo?.(trusted, undefined)).resolves.toMatchObject({
      ok: true,
      value: { name: 'Cold Start Lab', themePreference: 'system', logFile: '/logs/main.log' },
    });
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} };
    await expect(getAppInfo?.(foreign, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('applies a theme chosen in the renderer and shows it in the menu', async () => {
    await startApp();
    const menus = fake.electron.Menu.setApplicationMenu.mock.calls.length;
    const trusted = { senderFrame: { url: 'app://coldstart/index.html', parent: null }, sender: {} };
    const result = await fake.handlers.get(invokeChannel('setThemePreference'))?.(trusted, {
      preference: 'dark',
    });
    expect(result).toEqual({ ok: true, value: { dark: false } });
    expect(fake.electron.nativeTheme.themeSource).toBe('dark');
    expect(fake.electron.Menu.setApplicationMenu.mock.calls.length).toBe(menus + 1);
  });

  it('hands over to the running instance when it is not the first', async () => {
    fake.electron.app.lock = false;
    vi.resetModules();
    fake.calls.length = 0;
    fake.windows.length = 0;
    await import('../../electron/main/main');
    expect(fake.calls).toEqual(['quit']);
    expect(fake.windows).toHaveLength(0);
  });
});
