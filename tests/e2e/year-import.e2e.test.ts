// Page functions run in Chromium: they need the DOM's types.
/// <reference lib="dom" />
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  buildRenderer,
  CHROMIUM,
  installTestBridge,
  launchChromium,
  serveDir,
} from './support/renderer-harness';
import { lambdaPerfDays } from './support/lambda-perf-days';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`year import e2e skipped: ${CHROMIUM} is not installed`);

const DAYS = lambdaPerfDays(14, { runtimes: 2, memories: 2, driftFrom: 7 });
/** The shared 2-core machine under load: starting the worker and Plotly can take half a minute. */
const SLOW = 120_000;

describe.skipIf(!haveChromium)('many daily files as one dataset (Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let outDir: string;
  let server: { url: string; close: () => Promise<void> };
  const shots = mkdtempSync(join(tmpdir(), 'coldstart-e2e-year-'));
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    outDir = await buildRenderer();
    server = await serveDir(outDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 1100 } });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await installTestBridge(
      page,
      DAYS.map((f) => ({ name: f.name, path: `/data/lambda-perf/${f.name}`, text: f.text })),
    );
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=example-banner]');
    console.log(`year import e2e screenshots: ${shots}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const renders = () => page.getAttribute('[data-testid=trend-chart]', 'data-render-count').then(Number);

  it(
    'reads a dropped folder and its subfolders into one dataset, naming the bad file, and draws the trend',
    { timeout: 300_000 },
    async () => {
      // A folder drop as Chromium hands it over: an item whose entry is a directory, read in pieces.
      await page.evaluate((days) => {
        type Entry = Record<string, unknown>;
        const file = (path: string, text: string): Entry => {
          const name = path.split('/').pop() as string;
          return {
            isFile: true,
            isDirectory: false,
            name,
            fullPath: path,
            file: (ok: (f: File) => void) => ok(new File([text], name)),
          };
        };
        const folder = (path: string, children: Entry[]): Entry => ({
          isFile: false,
          isDirectory: true,
          name: path.split('/').pop(),
          fullPath: path,
          createReader: () => {
            let at = 0;
            return {
              readEntries: (ok: (e: Entry[]) => void) => {
                at += 5;
                ok(children.slice(at - 5, at));
              },
            };
          },
        });
        const root = folder('/lambda-perf', [
          folder(
            '/lambda-perf/2025-12',
            days.slice(0, 10).map((d) => file(`/lambda-perf/2025-12/${d.name}`, d.text)),
          ),
          folder(
            '/lambda-perf/2025-12b',
            days.slice(10).map((d) => file(`/lambda-perf/2025-12b/${d.name}`, d.text)),
          ),
          file('/lambda-perf/README.md', '# not data'),
          file('/lambda-perf/package.json', '{"name": "lambda-perf", "version": "1.0.0"}'),
        ]);
        const drop = new DragEvent('drop', { bubbles: true, cancelable: true });
        Object.defineProperty(drop, 'dataTransfer', {
          value: {
            types: ['Files'],
            items: [{ kind: 'file', getAsFile: () => null, webkitGetAsEntry: () => root }],
          },
        });
        document.querySelector('.app')!.dispatchEvent(drop);
      }, DAYS);
      await page.waitForSelector('[data-testid=dataset-files]', { timeout: SLOW });
      expect(await page.locator('[data-testid=dataset]').count()).toBe(1);
      expect(await page.getAttribute('[data-testid=dataset]', 'data-name')).toBe(
        'public baseline 2025-12-01 – 2025-12-14',
      );
      expect(await page.textContent('[data-testid=dataset-files]')).toBe(
        '14 files · 2025-12-01 – 2025-12-14',
      );
      // One report for the batch, naming the file that is not a lambda-perf day (README.md was never read).
      expect(await page.locator('[data-testid=import-report]').count()).toBe(1);
      expect(await page.textContent('[data-testid=batch-summary]')).toContain(
        '14 files (2025-12-01 – 2025-12-14), 2,240 rows',
      );
      expect(
        await page.$$eval('[data-testid=batch-failure]', (els) => els.map((e) => e.textContent?.trim())),
      ).toEqual([
        'package.json: expected an object with metadata and runtimeData (a maxday/lambda-perf daily file); found an object with keys name, version',
      ]);
      expect(await page.locator('[data-testid=import-failure]').count()).toBe(0);
      await page.locator('.sidebar').screenshot({ path: join(shots, '01-folder-dataset-card.png') });
      await page
        .locator('[data-testid=import-reports]')
        .screenshot({ path: join(shots, '02-batch-report.png') });

      await page.click('[data-testid=tab-trend]');
      await page.waitForFunction(
        () =>
          Number(document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-render-count')) > 0,
      );
      expect(await page.textContent('[data-testid=trend-count]')).toContain('10 of 16 lines');
      // Every day of the one dataset is a point of its own.
      expect(
        await page.locator('[data-testid=trend-chart] .scatterlayer .trace:nth-child(2) .point').count(),
      ).toBe(14);
      await page
        .locator('[data-testid=trend-view]')
        .screenshot({ path: join(shots, '03-trend-of-one-dataset.png') });
    },
  );

  it(
    'makes many dropped files one dataset too, and a redraw follows the filter',
    { timeout: 300_000 },
    async () => {
      await page.click('[data-testid=dataset] [aria-label^=Remove]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset]').length === 0);
      await page.evaluate(
        (days) => {
          const data = new DataTransfer();
          for (const d of days) data.items.add(new File([d.text], d.name));
          document
            .querySelector('.app')!
            .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
        },
        DAYS.slice(0, 12),
      );
      await page.waitForSelector('[data-testid=dataset-files]', { timeout: SLOW });
      expect(await page.textContent('[data-testid=dataset-files]')).toBe(
        '12 files · 2025-12-01 – 2025-12-12',
      );
      await page.click('[data-testid=tab-trend]');
      await page.waitForSelector('[data-testid=trend-chart]');
      const before = await renders();
      await page.fill('[data-testid=trend-search]', 'nodejs22.x arm64 128');
      await page.waitForFunction(
        (n) =>
          Number(document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-render-count')) > n,
        before,
      );
      expect(await page.textContent('[data-testid=trend-count]')).toContain('2 of 16 lines');
      const points = () =>
        page.locator('[data-testid=trend-chart] .scatterlayer .trace:nth-child(2) .point').count();
      expect(await points()).toBe(12);

      // One day of the batch hidden: off the trend, yet still in the dataset, and back with one click.
      const redrawn = async (change: () => Promise<void>) => {
        const n = await renders();
        await change();
        await page.waitForFunction(
          (k) =>
            Number(document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-render-count')) >
            k,
          n,
        );
      };
      await page.click('[data-testid=batch-files] summary');
      const day3 = '[data-testid=batch-file][data-file="2025-12-03.json"]';
      await redrawn(() => page.uncheck(day3));
      expect(await points()).toBe(11);
      expect(await page.textContent('[data-testid=batch-files-hidden]')).toBe('1 hidden');
      expect(await page.textContent('[data-testid=dataset-files]')).toBe(
        '12 files · 2025-12-01 – 2025-12-12',
      );
      await page.locator('.sidebar').screenshot({ path: join(shots, '03b-one-day-hidden.png') });
      await redrawn(() => page.check(day3));
      expect(await points()).toBe(12);
    },
  );

  it(
    'imports a folder picked in the dialog as one dataset and restores it after a restart from its files',
    { timeout: 300_000 },
    async () => {
      await page.click('[data-testid=dataset] [aria-label^=Remove]');
      await page.click('[data-testid=import-folder-button]');
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid=dataset]')?.getAttribute('data-name') ===
          'public baseline 2025-12-01 – 2025-12-14',
      );
      expect(await page.textContent('[data-testid=notice]')).toContain('Imported 14 files as 1 dataset.');
      await page.waitForFunction(() =>
        localStorage.getItem('coldstart.workspace.v1')?.includes('"kind":"batch"'),
      );

      // One file is gone by the next start: the others come back as the one dataset, the missing one is named.
      await page.evaluate(() =>
        sessionStorage.setItem('test.goneFiles', JSON.stringify(['/data/lambda-perf/2025-12-05.json'])),
      );
      await page.reload();
      await page.waitForSelector('[data-testid=dataset-files]', { timeout: SLOW });
      expect(await page.locator('[data-testid=dataset]').count()).toBe(1);
      expect(await page.textContent('[data-testid=dataset-files]')).toBe(
        '13 files · 2025-12-01 – 2025-12-14',
      );
      const failure = await page.textContent('[data-testid=import-failure]');
      expect(failure).toContain(
        '1 of the 14 files of public baseline 2025-12-01 – 2025-12-14 could not be imported',
      );
      expect(failure).toContain('2025-12-05.json was moved or deleted');
      await page.screenshot({ path: join(shots, '04-restored-batch.png') });
      expect(consoleErrors).toEqual([]);
    },
  );
});
