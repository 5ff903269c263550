import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  EVENT_NAMES,
  INVOKE_NAMES,
  eventChannel,
  invokeChannel,
  type EventName,
} from '../../shared/ipc/channels';

type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
type Exposed = Record<string, (...args: never[]) => unknown>;

/**
 * `runProgress` → `onRunProgress`. Same rule as shared/ipc/contract.ts's subscriptionName (a test checks
 * they agree); repeated here because the sandboxed preload bundles channels.ts only, not zod and the schemas.
 */
export const subscriptionNameOf = (name: EventName): string =>
  `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/**
 * One named function per call (no generic invoke: the renderer cannot reach any other channel) and one
 * `onX(listener)` per event returning its unsubscribe function. Listeners get the payload only, never the
 * IpcRendererEvent (its `sender` would hand the page Electron's ipcRenderer).
 */
export function buildApi(ipc: IpcRendererLike): Readonly<Exposed> {
  const api: Exposed = {};
  for (const name of INVOKE_NAMES) {
    const channel = invokeChannel(name);
    api[name] = (arg?: unknown) => ipc.invoke(channel, arg);
  }
  for (const name of EVENT_NAMES) {
    const channel = eventChannel(name);
    api[subscriptionNameOf(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${subscriptionNameOf(name)} needs a function`);
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    };
  }
  return Object.freeze(api);
}
