// The init script runs in Chromium: it needs the DOM's types.
/// <reference lib="dom" />
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import type { RunSummary } from '../../../shared/measure';
import type { Sample } from '../../../shared/sample';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
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

/**
 * Builds the renderer into a fresh temp folder (never dist/, which other builds may be writing). `minify:
 * false` keeps function names, for a readable CPU profile.
 */
export async function buildRenderer({ minify = true }: { minify?: boolean } = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'coldstart-renderer-'));
  const { build } = await import('vite');
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, ...(minify ? {} : { minify: false }) },
  });
  return outDir;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** A tiny static server for the built renderer on 127.0.0.1 (random port), with the app's CSP header. */
export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    // The same header main's app:// handler sends, so the page and the worker run under the app's policy.
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface FixtureFile {
  name: string;
  path: string;
  text: string;
}

/** A run of the history as main keeps it: its summary, and the samples openRun answers with. */
export interface FixtureRun {
  summary: RunSummary;
  samples: Sample[];
}

/**
 * Installs a test implementation of `window.coldstart` before the app loads: openCsvFiles answers with
 * the given files, listRuns and openRun with the given runs (none by default), the save calls record what
 * they get (window.__saved), menu and theme listeners are kept so the test can fire them, and CSP
 * violations are collected (window.__cspViolations).
 */
export async function installTestBridge(
  page: Page,
  files: FixtureFile[],
  runs: FixtureRun[] = [],
): Promise<void> {
  const fixtures: [FixtureFile[], FixtureRun[]] = [files, runs];
  await page.addInitScript(([openFiles, history]: [FixtureFile[], FixtureRun[]]) => {
    type Saved = { kind: 'csv' | 'image'; defaultName: string; format?: string; data: string };
    const w = window as unknown as Record<string, unknown>;
    const saved: Saved[] = [];
    const menuListeners: ((p: { command: string }) => void)[] = [];
    const themeListeners: ((p: { dark: boolean }) => void)[] = [];
    const csp: string[] = [];
    w.__saved = saved;
    w.__goneFiles = JSON.parse(sessionStorage.getItem('test.goneFiles') ?? '[]');
    w.__cspViolations = csp;
    w.__fireMenu = (command: string) => menuListeners.forEach((l) => l({ command }));
    document.addEventListener('securitypolicyviolation', (e) =>
      csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
    const ok = (value: unknown) => Promise.resolve({ ok: true, value });
    let dark = false;
    const api: Record<string, unknown> = {
      getAppInfo: () =>
        ok({
          name: 'Cold Start Lab',
          version: '0.0.0-test',
          platform: 'test',
          dark,
          themePreference: 'system',
          logFile: '/tmp/test.log',
          stateDir: '/tmp',
        }),
      setThemePreference: ({ preference }: { preference: string }) => {
        dark = preference === 'dark';
        return ok({ dark });
      },
      openCsvFiles: () => ok({ canceled: false, files: openFiles, errors: [] }),
      ...(history.length > 0 && {
        listRuns: () => ok(history.map((r) => r.summary)),
        openRun: ({ runId }: { runId: string }) => {
          const found = history.find((r) => r.summary.id === runId);
          return found
            ? ok(found)
            : Promise.resolve({
                ok: false,
                error: { code: 'not-found', message: `run ${runId} is not in the history`, hint: null },
              });
        },
      }),
      // File › Import folder: the same files, as if they were a folder's (the folder of the first one).
      openImportFolder: () =>
        ok({
          canceled: false,
          folder: openFiles[0]?.path.replace(/\/[^/]*$/, '') ?? null,
          files: openFiles,
          errors: [],
        }),
      // Like main: only files "opened" before come back; a test removes one with window.__forgetFile.
      reopenFiles: ({ paths }: { paths: string[] }) => {
        const gone = new Set((w.__goneFiles as string[] | undefined) ?? []);
        return ok({
          files: openFiles.filter((f) => paths.includes(f.path) && !gone.has(f.path)),
          errors: paths
            .filter((p) => gone.has(p) || !openFiles.some((f) => f.path === p))
            .map((path) => ({ path, message: `${path.split('/').pop()} was moved or deleted (${path})` })),
        });
      },
      saveCsvFile: ({ defaultName, text }: { defaultName: string; text: string }) => {
        saved.push({ kind: 'csv', defaultName, data: text });
        return ok({ saved: true, path: `/tmp/${defaultName}` });
      },
      saveChartImage: ({
        defaultName,
        format,
        data,
      }: {
        defaultName: string;
        format: string;
        data: string;
      }) => {
        saved.push({ kind: 'image', defaultName, format, data });
        return ok({ saved: true, path: `/tmp/${defaultName}` });
      },
      onMenuCommand: (l: (p: { command: string }) => void) => {
        menuListeners.push(l);
        return () => undefined;
      },
      onThemeChanged: (l: (p: { dark: boolean }) => void) => {
        themeListeners.push(l);
        return () => undefined;
      },
    };
    // Everything else (the Measure/Fetch/History calls) answers "not available" instead of throwing.
    w.coldstart = new Proxy(api, {
      get: (target, name: string) =>
        name in target
          ? target[name]
          : name.startsWith('on')
            ? () => () => undefined
            : () =>
                Promise.resolve({
                  ok: false,
                  error: { code: 'internal', message: `${name} is not part of this test`, hint: null },
                }),
    });
  }, fixtures);
}

/** Width and height from a PNG's IHDR chunk, after checking its 8-byte signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG (signature)');
  if (png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG (IHDR)');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
