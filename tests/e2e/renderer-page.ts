import type { Page } from 'playwright-core';
import { EVENT_NAMES, INVOKE_NAMES, type EventName } from '../../shared/ipc/channels';
import type { EventPayload, IpcResult } from '../../shared/ipc/contract';

export { CHROMIUM, buildRenderer, launchChromium, serveDir } from './support/renderer-harness';

/**
 * Gives the page a `window.coldstart` shaped exactly like the preload's (one function per call, `on…`
 * subscriptions returning an unsubscribe function) whose calls travel to `invoke` in the test process.
 * Returns `emit`, which delivers events to the page in order.
 */
export async function installTestBridge(
  page: Page,
  invoke: (name: string, arg: unknown) => Promise<IpcResult<unknown>>,
): Promise<<N extends EventName>(name: N, payload: EventPayload<N>) => Promise<void>> {
  await page.exposeBinding('__coldstartInvoke', (_source, name: string, arg: unknown) => invoke(name, arg));
  await page.addInitScript(
    ({ invokeNames, eventNames }) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const api: Record<string, unknown> = {};
      const call = (
        globalThis as unknown as { __coldstartInvoke: (n: string, a: unknown) => Promise<unknown> }
      ).__coldstartInvoke;
      for (const name of invokeNames)
        api[name] = (arg?: unknown) => call(name, arg === undefined ? null : arg);
      for (const event of eventNames) {
        listeners.set(event, new Set());
        api[`on${event.charAt(0).toUpperCase()}${event.slice(1)}`] = (
          listener: (payload: unknown) => void,
        ) => {
          listeners.get(event)?.add(listener);
          return () => listeners.get(event)?.delete(listener);
        };
      }
      Object.defineProperty(globalThis, 'coldstart', { value: Object.freeze(api) });
      Object.defineProperty(globalThis, '__coldstartEmit', {
        value: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
      });
    },
    { invokeNames: [...INVOKE_NAMES], eventNames: [...EVENT_NAMES] },
  );
  let queue = Promise.resolve();
  return (name, payload) => {
    queue = queue
      .then(() =>
        page.evaluate(
          ([n, p]) =>
            (globalThis as unknown as { __coldstartEmit: (n: string, p: unknown) => void }).__coldstartEmit(
              n,
              p,
            ),
          [name, payload] as [string, unknown],
        ),
      )
      .catch(() => undefined);
    return queue;
  };
}
