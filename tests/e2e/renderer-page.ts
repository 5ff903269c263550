import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EVENT_NAMES, INVOKE_NAMES, type EventName } from '../../shared/ipc/channels';
import type { EventPayload, IpcResult } from '../../shared/ipc/contract';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const repoRoot = resolve(import.meta.dirname, '../..');

/** Builds the renderer alone (vite.config.ts skips the Electron builds under Vitest) into a temp folder. */
export async function buildRenderer(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'coldstart-e2e-dist-'));
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves a folder over http on 127.0.0.1 (like the app's own protocol: these files only). */
export async function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      const file = join(dir, path === '/' ? 'index.html' : path);
      if (!file.startsWith(dir) || !existsSync(file) || !(await stat(file)).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

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
