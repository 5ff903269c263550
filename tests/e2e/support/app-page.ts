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

/**
 * The built renderer in Chromium, as each e2e test file needs it: a fresh build served with the app's CSP,
 * one page of the given size with the test bridge (these files to open, these runs in the history), loaded.
 * `close` (in afterAll) closes the browser and the server and removes the build.
 */
export async function openAppPage(options: {
  name: string;
  viewport: { width: number; height: number };
  files?: FixtureFile[];
  runs?: FixtureRun[];
}): Promise<AppPage> {
  const outDir = await buildRenderer();
  const server = await serveDir(outDir);
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: options.viewport });
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
    const shots = mkdtempSync(join(tmpdir(), `coldstart-e2e-${options.name}-`));
    console.log(`${options.name} e2e screenshots: ${shots}`);
    return { page, errors, shots, close };
  } catch (error) {
    await close();
    throw error;
  }
}
