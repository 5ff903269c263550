// Page functions run in Chromium: they need the DOM's types.
/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunSummary } from '../../shared/measure';
import { CHROMIUM, type FixtureRun } from './support/renderer-harness';
import { openAppPage, type AppPage } from './support/app-page';
import { csvOf } from './support/chart-data';
import { AFTER_SEED, BEFORE_SEED, runSamples } from './support/before-after-runs';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`start screen e2e skipped: ${CHROMIUM} is not installed`);

const run = (id: string, over: Partial<RunSummary>, seed: number): FixtureRun => {
  const samples = runSamples(false, seed).map((s) => ({ ...s, run: id }));
  return {
    summary: {
      id,
      kind: 'measure',
      name: `run ${id}`,
      startedAt: '2026-11-28T20:00:00.000Z',
      endedAt: '2026-11-28T20:05:00.000Z',
      state: 'completed',
      functions: [...new Set(samples.map((s) => s.name))],
      memorySizes: [512, 1024],
      samples: samples.length,
      errors: [],
      ...over,
    },
    samples,
  };
};

describe.skipIf(!haveChromium)('the empty start screen offers recent workspaces and runs (Chromium)', () => {
  let app: AppPage;
  let page: Page;
  let pageErrors: string[];
  let shots: string;

  beforeAll(async () => {
    app = await openAppPage({
      name: 'start-screen',
      viewport: { width: 1024, height: 700 },
      files: [
        { name: 'before.csv', path: '/tmp/before.csv', text: csvOf(runSamples(false, BEFORE_SEED)) },
        { name: 'after.csv', path: '/tmp/after.csv', text: csvOf(runSamples(true, AFTER_SEED)) },
      ],
      runs: [
        run('nightly', { name: 'nightly 512 vs 1024' }, 21),
        run('fetched', { kind: 'fetch', name: 'last 3 days', startedAt: '2026-11-27T08:00:00.000Z' }, 22),
      ],
    });
    ({ page, errors: pageErrors, shots } = app);
  }, 240_000);

  afterAll(() => app?.close());

  const datasetNames = () =>
    page.$$eval('[data-testid=dataset]', (els) => els.map((e) => e.getAttribute('data-name')));
  const datasetCount = (n: number) =>
    page.waitForFunction((count) => document.querySelectorAll('[data-testid=dataset]').length === count, n);
  const removeAll = async () => {
    for (const name of await datasetNames()) await page.click(`[aria-label="Remove ${name}"]`);
    await page.waitForSelector('[data-testid=empty-start]');
  };
  const recentWorkspaces = () =>
    page.$$eval('[data-testid=recent-workspace]', (els) =>
      els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ')),
    );

  it('lists the recent runs once the example is removed; nothing is a recent workspace yet', async () => {
    await page.waitForSelector('[data-testid=example-banner]');
    await page.click('[data-testid=example-banner] button.link');
    await page.waitForSelector('[data-testid=recent-run]');
    const runs = await page.$$eval('[data-testid=recent-run]', (els) =>
      els.map((e) => [e.getAttribute('data-run'), (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()]),
    );
    expect(runs.map(([id]) => id)).toEqual(['nightly', 'fetched']);
    expect(runs[0]![1]).toMatch(/^nightly 512 vs 1024 .* · measured · 80 samples$/);
    expect(runs[1]![1]).toMatch(/^last 3 days .* · fetched · 80 samples$/);
    expect(await page.locator('[data-testid=recent-workspace]').count()).toBe(0);
    expect(await page.isVisible('[data-testid=empty-import]')).toBe(true);
  });

  it('remembers the imported files as a workspace and lists it when the window is emptied', async () => {
    await page.click('[data-testid=empty-import]');
    await datasetCount(2);
    await page.waitForSelector('[data-testid=notice]');
    await removeAll();
    await page.waitForSelector('[data-testid=recent-workspace]');
    // "Imported 2 files." spoke of datasets that are closed now.
    expect(await page.locator('[data-testid=notice]').count()).toBe(0);
    const [entry] = await recentWorkspaces();
    expect(entry).toContain('before, after');
    expect(entry).toContain('2 datasets · 160 samples');
    await page.screenshot({ path: join(shots, 'start-light.png') });
    await page.click('[data-testid=toggle-theme]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.screenshot({ path: join(shots, 'start-dark.png') });
    await page.click('[data-testid=toggle-theme]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    // The whole list and the import button fit the 1024x700 window.
    const bottom = await page.$eval('[data-testid=empty-start]', (el) => el.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(700);
  });

  it('opens a recent workspace with a click, and lists it once after a restart', async () => {
    await page.click('[data-testid=recent-workspace]');
    await datasetCount(2);
    expect(await datasetNames()).toEqual(['before', 'after']);
    await page.waitForSelector('[data-testid=chart] path.box');

    await page.reload();
    await datasetCount(2);
    await removeAll();
    await page.waitForSelector('[data-testid=recent-workspace]');
    expect(await recentWorkspaces()).toHaveLength(1);
  });

  it('opens a recent run with a click', async () => {
    await page.click('[data-testid=recent-run][data-run=fetched]');
    await datasetCount(1);
    expect(await datasetNames()).toEqual(['last 3 days']);
    await page.waitForSelector('[data-testid=chart] path.box');
    expect(pageErrors).toEqual([]);
  });
});
