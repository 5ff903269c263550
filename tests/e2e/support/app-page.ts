import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  buildRenderer,
  installTestBridge,
  launchChromium,
  serveDir,
  type FixtureFile,
  type FixtureRun,
} from './renderer-harness';

export interface AppPage {
  page: Page;
  /**
   * Errors seen so far: the page's console errors and Content Security Policy reports, uncaught exceptions,
   * and its workers' console errors (a CSP violation in the import worker shows up there).
   */
  errors: string[];
  /** A temporary folder for this test file's screenshots (its path is printed once). */
  shots: string;
  close: () => Promise<void>;
}

/** One page of the app: the page and its errors (see AppPage). */
export interface OpenedPage {
  page: Page;
  errors: string[];
}

export interface PageOptions {
  viewport: { width: number; height: number };
  /** What the Import button opens, and the runs in the history. */
  files?: FixtureFile[];
  runs?: FixtureRun[];
}

/** The built renderer served once, for a test file that opens several pages (each with its own files). */
export interface AppServer {
  openPage: (options: PageOptions) => Promise<OpenedPage>;
  shots: string;
  close: () => Promise<void>;
}

/**
 * A fresh build served with the app's CSP, and a Chromium to open pages of it with the test bridge.
 * `close` (in afterAll) closes the browser and the server and removes the build.
 */
export async function startApp(name: string): Promise<AppServer> {
  const outDir = await buildRenderer();
  const server = await serveDir(outDir);
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    const chromium = (browser = await launchChromium());
    const shots = mkdtempSync(join(tmpdir(), `coldstart-e2e-${name}-`));
    console.log(`${name} e2e screenshots: ${shots}`);
    const openPage = async (options: PageOptions): Promise<OpenedPage> => {
      const page = await chromium.newPage({ viewport: options.viewport });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('worker', (w) =>
        w.on('console', (m) => m.type() === 'error' && errors.push(`worker: ${m.text()}`)),
      );
      await installTestBridge(page, options.files ?? [], options.runs ?? []);
      await page.goto(server.url);
      return { page, errors };
    };
    return { openPage, shots, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The built renderer in Chromium, as most e2e test files need it: one page of the given size, loaded. */
export async function openAppPage(options: PageOptions & { name: string }): Promise<AppPage> {
  const app = await startApp(options.name);
  try {
    return { ...(await app.openPage(options)), shots: app.shots, close: app.close };
  } catch (error) {
    await app.close();
    throw error;
  }
}
