// Page functions run in Chromium: they need the DOM's types.
/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { emptySample, type Sample } from '../../shared/sample';
import { seededNormal } from '../shared/stats/synthetic-cold-starts';
import { CHROMIUM } from './support/renderer-harness';
import { openAppPage, type AppPage } from './support/app-page';
import { csvOf } from './support/chart-data';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`memory sweep e2e skipped: ${CHROMIUM} is not installed`);

const SIZES = [128, 512, 1024, 2048] as const;
/** Cold and warm samples per function and size, as `coldstart measure --memory 128,512,1024,2048` takes them. */
const PER_SIZE = 20;

/**
 * A seeded run of two functions at four memory sizes: `resize-py` does CPU-bound work (its Duration halves
 * as the memory, and so the CPU, doubles: the largest size is clearly fastest), `orders-api` waits on I/O
 * (the same Duration at every size: the smallest is clearly cheapest). Log-normal values, CV 20%.
 */
function sweepRun(): Sample[] {
  const normal = seededNormal(31);
  const sigma = Math.sqrt(Math.log(1 + 0.2 * 0.2));
  const draw = (median: number) => Math.round(median * Math.exp(sigma * normal()) * 100) / 100;
  const functions = [
    { name: 'orders-api', runtime: 'nodejs22.x', initMs: 180, durationMs: () => 120 },
    { name: 'resize-py', runtime: 'python3.13', initMs: 300, durationMs: (m: number) => (800 * 1024) / m },
  ];
  const samples: Sample[] = [];
  for (const fn of functions)
    for (const memoryMB of SIZES)
      for (let i = 0; i < 2 * PER_SIZE; i++) {
        const cold = i < PER_SIZE;
        const initMs = cold ? draw(fn.initMs) : null;
        const durationMs = draw(fn.durationMs(memoryMB));
        samples.push({
          ...emptySample(fn.name),
          runtime: fn.runtime,
          arch: 'arm64',
          memoryMB,
          initMs,
          durationMs,
          billedMs: Math.ceil((initMs ?? 0) + durationMs),
          run: 'sweep-1',
        });
      }
  return samples;
}

describe.skipIf(!haveChromium)('the memory sweep of a four-size run (Chromium)', () => {
  let app: AppPage;
  let page: Page;
  let pageErrors: string[];
  let shots: string;

  beforeAll(async () => {
    app = await openAppPage({
      name: 'memory-sweep',
      viewport: { width: 1600, height: 1500 },
      files: [{ name: 'sweep-4-sizes.csv', path: '/tmp/sweep-4-sizes.csv', text: csvOf(sweepRun()) }],
    });
    ({ page, errors: pageErrors, shots } = app);
  }, 240_000);

  afterAll(() => app?.close());

  const shot = (name: string) =>
    page.locator('[data-testid=sweep-view]').screenshot({ path: join(shots, `${name}.png`) });
  const badges = () =>
    page.$$eval('[data-testid=sweep-table] tbody tr', (rows) =>
      rows.flatMap((r) =>
        [...r.querySelectorAll('.badge')].map((b) => `${r.getAttribute('data-row')} ${b.textContent}`),
      ),
    );

  it('puts the four sizes measured on the axis, one row per function and size', async () => {
    await page.waitForSelector('[data-testid=example-banner]');
    await page.click('[data-testid=import-button]');
    await page.waitForSelector('[data-testid=example-banner]', { state: 'detached' });
    await page.click('[data-testid=tab-sweep]');
    await page.waitForSelector('[data-testid=sweep-chart] .xtick', { state: 'attached' });
    const ticks = await page.$$eval('[data-testid=sweep-chart] .xtick text', (els) =>
      els.map((e) => e.textContent),
    );
    expect(ticks).toEqual(['128 MB', '512 MB', '1024 MB', '2048 MB']);
    const rows = await page.$$eval('[data-testid=sweep-table] tbody tr', (els) =>
      els.map((e) => e.getAttribute('data-row')),
    );
    expect(rows).toEqual([
      ...SIZES.map((m) => `orders-api (arm64)|${m}`),
      ...SIZES.map((m) => `resize-py (arm64)|${m}`),
    ]);
  });

  it('marks the I/O-bound function cheapest at 128 MB and the CPU-bound one fastest at 2048 MB', async () => {
    const marked = await badges();
    expect(marked).toContain('orders-api (arm64)|128 cheapest');
    expect(marked).toContain('resize-py (arm64)|2048 fastest');
    expect(marked.filter((b) => b.startsWith('orders-api') && b.endsWith('fastest'))).toEqual([]);
    await shot('sweep-light');
    await page.click('[data-testid=toggle-theme]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=sweep-chart] .main-svg')?.getAttribute('style') !== null,
    );
    await shot('sweep-dark');
    await page.click('[data-testid=toggle-theme]');
    expect(pageErrors).toEqual([]);
  });
});
