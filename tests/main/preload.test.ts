import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, eventChannel, invokeChannel } from '../../shared/ipc/channels';
import { subscriptionName } from '../../shared/ipc/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: null })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

/** The exact API the renderer gets. A new call or event must be added here on purpose. */
const EXPOSED = [
  'cancelFetch',
  'cancelMeasurement',
  'checkAwsConnection',
  'deleteRun',
  'exportRunCsv',
  'findInterruptedRuns',
  'getAppInfo',
  'listAwsProfiles',
  'listAwsRegions',
  'listFunctions',
  'listRuns',
  'onMenuCommand',
  'onRunFinished',
  'onRunProgress',
  'onRunSamples',
  'onThemeChanged',
  'openCsvFiles',
  'openExternalLink',
  'openImportFolder',
  'openRun',
  'recoverInterruptedRuns',
  'renameRun',
  'reopenFiles',
  'saveChartImage',
  'saveCsvFile',
  'setThemePreference',
  'startFetch',
  'startMeasurement',
];

let api: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  await import('../../electron/preload/preload');
  const [[key, exposed]] = electron.contextBridge.exposeInMainWorld.mock.calls as unknown as [
    [string, typeof api],
  ];
  expect(key).toBe('coldstart');
  api = exposed;
});

describe('preload', () => {
  it('exposes exactly the named functions of the contract, once, frozen', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(api).sort()).toEqual(EXPOSED);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(api).not.toHaveProperty('invoke');
  });

  it('names subscriptions the way the contract does', async () => {
    const { subscriptionNameOf } = await import('../../electron/preload/build-api');
    for (const name of EVENT_NAMES) expect(subscriptionNameOf(name)).toBe(subscriptionName(name));
  });

  it('sends each call on its own channel with its one argument', async () => {
    const connection = { profile: null, region: 'eu-west-1', endpoint: null };
    await api.listFunctions?.(connection);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannel('listFunctions'), connection);
    await api.listRuns?.();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannel('listRuns'), undefined);
  });

  it('passes event payloads without the IpcRendererEvent and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.onRunProgress?.(listener) as () => void;
    const [channel, wrapped] = electron.ipcRenderer.on.mock.lastCall as unknown as [
      string,
      (...a: unknown[]) => void,
    ];
    expect(channel).toBe(eventChannel('runProgress'));
    const ipcEvent = { sender: { send: vi.fn() }, ports: [] };
    wrapped(ipcEvent, { runId: 'r' });
    expect(listener).toHaveBeenCalledWith({ runId: 'r' });
    expect(listener.mock.lastCall).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(eventChannel('runProgress'), wrapped);
  });

  it('refuses a subscription without a listener function', () => {
    expect(() => api.onMenuCommand?.('not a function')).toThrow('onMenuCommand needs a function');
  });
});
