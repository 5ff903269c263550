// Page functions run in Chromium: they need the DOM's types.
/// <reference lib="dom" />
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, repoRoot, type FixtureFile } from './support/renderer-harness';
import { openAppPage, type AppPage } from './support/app-page';

const fixtureDir = join(repoRoot, '../shared/fixtures/seed-runs');
const FILES = ['speed-x86-128.csv', 'speed-x86-1024.csv', 'speed-arm-1024.csv'];
const haveFixtures = FILES.every((f) => existsSync(join(fixtureDir, f)));
const haveChromium = existsSync(CHROMIUM);
if (!haveFixtures)
  console.log(`workspace restore e2e skipped: the seed fixtures are not in ${fixtureDir} (../shared absent)`);
if (!haveChromium) console.log(`workspace restore e2e skipped: ${CHROMIUM} is not installed`);

describe.skipIf(!haveFixtures || !haveChromium)('the workspace survives a restart (Chromium)', () => {
  let app: AppPage;
  let page: Page;
  let shots: string;

  beforeAll(async () => {
    const files: FixtureFile[] = FILES.map((name) => ({
      name,
      path: join(fixtureDir, name),
      text: readFileSync(join(fixtureDir, name), 'utf8'),
    }));
    app = await openAppPage({ name: 'workspace-restore', viewport: { width: 1280, height: 900 }, files });
    ({ page, shots } = app);
  });

  afterAll(() => app?.close());

  const datasetNames = () =>
    page.$$eval('[data-testid=dataset]', (els) => els.map((e) => e.getAttribute('data-name')));

  it('restores datasets, names, filters and chart settings after the window is closed and reopened', async () => {
    await page.click('[data-testid=import-button]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset]').length === 3);
    // Counted though the example data they replace is gone (it said "Imported 2 files as 3 datasets.").
    expect(await page.textContent('[data-testid=notice]')).toContain('Imported 3 files.');
    // Rename one dataset, pick another metric, hide a function, then "restart" the renderer.
    await page.click('[data-testid=dataset][data-name=speed-arm-1024] .dataset-name');
    await page.fill('input.rename', 'arm64 July');
    await page.press('input.rename', 'Enter');
    await page.selectOption('[data-testid=metric-select]', 'total');
    await page.uncheck('[data-testid=filter-functions] input[data-value=hello-py311]');
    await page.click('[data-testid=tab-trend]');
    await page.check('[data-testid=trend-p90]');
    await page.waitForFunction(() => {
      const saved = localStorage.getItem('coldstart.workspace.v1') ?? '';
      return saved.includes('arm64 July') && saved.includes('"trendP90":true');
    });

    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset]').length === 3);
    expect(await datasetNames()).toEqual(['speed-x86-128', 'speed-x86-1024', 'arm64 July']);
    expect(await page.inputValue('[data-testid=metric-select]')).toBe('total');
    expect(await page.isChecked('[data-testid=filter-functions] input[data-value=hello-py311]')).toBe(false);
    expect(await page.isChecked('[data-testid=filter-functions] input[data-value=hello-node]')).toBe(true);
    await page.click('[data-testid=tab-trend]');
    expect(await page.isChecked('[data-testid=trend-p90]')).toBe(true);
    // Restored, not replaced by the example data.
    expect(await page.locator('[data-testid=example-banner]').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'restored.png') });
  });

  it('reports a file that was moved, and opens the others', async () => {
    await page.evaluate(
      (gone) => sessionStorage.setItem('test.goneFiles', JSON.stringify(gone)),
      [join(fixtureDir, 'speed-x86-1024.csv')],
    );
    await page.reload();
    await page.waitForSelector('[data-testid=import-failure]');
    expect(await page.textContent('[data-testid=import-failure]')).toContain('was moved or deleted');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset]').length === 2);
    expect(await datasetNames()).toEqual(['speed-x86-128', 'arm64 July']);
  });
});
