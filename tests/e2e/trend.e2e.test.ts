// Page functions run in Chromium: they need the DOM's types.
/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM } from './support/renderer-harness';
import { openAppPage, type AppPage } from './support/app-page';
import { lambdaPerfDays } from './support/lambda-perf-days';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`trend e2e skipped: ${CHROMIUM} is not installed`);

const DAYS = lambdaPerfDays(5, { runtimes: 2, memories: 2, driftFrom: 3 });

describe.skipIf(!haveChromium)('public baselines and the trend in Chromium', () => {
  let app: AppPage;
  let page: Page;
  let consoleErrors: string[];
  let shots: string;

  beforeAll(async () => {
    app = await openAppPage({
      name: 'trend',
      viewport: { width: 1360, height: 1300 },
      files: DAYS.map((f) => ({ name: f.name, path: `/data/2025/${f.name}`, text: f.text })),
    });
    ({ page, errors: consoleErrors, shots } = app);
  });

  afterAll(() => app?.close());

  const shot = async (name: string, selector = '[data-testid=trend-view]') => {
    await page.locator(selector).screenshot({ path: join(shots, `${name}.png`) });
  };
  const renders = () => page.getAttribute('[data-testid=trend-chart]', 'data-render-count').then(Number);

  it('imports daily JSON files through the worker as "public baseline" datasets', async () => {
    await page.waitForSelector('[data-testid=example-banner]');
    await page.click('[data-testid=import-button]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset]').length === 5);
    const names = await page.$$eval('[data-testid=dataset]', (els) => els.map((e) => e.textContent ?? ''));
    expect(names[0]).toContain('public baseline 2025-12-01');
    expect(names[4]).toContain('public baseline 2025-12-05');
    // Counted although the example data they replaced is gone.
    expect(await page.textContent('[data-testid=notice]')).toContain('Imported 5 files.');
  });

  it('draws a line with a CI band per group, the first 10 by name', async () => {
    await page.click('[data-testid=tab-trend]');
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-render-count')) > 0,
    );
    // 2 runtimes × 2 sizes × 2 archs × (zip, image): 16 lines, the first 10 by name shown.
    expect(await page.textContent('[data-testid=trend-count]')).toContain('10 of 16 lines');
    const traces = page.locator('[data-testid=trend-chart] .scatterlayer .trace');
    expect(await traces.count()).toBe(20);
    // Bands are filled paths; lines carry a marker per day.
    expect(await page.locator('[data-testid=trend-chart] .scatterlayer .js-fill').count()).toBe(10);
    expect(
      await page.locator('[data-testid=trend-chart] .scatterlayer .trace:nth-child(2) .point').count(),
    ).toBe(5);
    await shot('01-trend-light');
  });

  it('lists the lines in its own legend; a click hides a line and shows it again, the others keep their color', async () => {
    const items = page.locator('[data-testid=trend-legend-item]');
    expect(await items.count()).toBe(10);
    // Plotly's legend is not drawn: measuring 50 entries was a third of a redraw.
    expect(await page.locator('[data-testid=trend-chart] .legend').count()).toBe(0);
    const strokes = () =>
      page.$$eval('[data-testid=trend-chart] .scatterlayer .js-line', (els) =>
        els.map((e) => (e as SVGElement).style.stroke),
      );
    const before = await strokes();
    const label = (await items.nth(1).textContent())?.trim();
    let n = await renders();
    await items.nth(1).click();
    await page.waitForFunction(
      (k) =>
        Number(document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-render-count')) > k,
      n,
    );
    expect(await items.nth(1).getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('[data-testid=trend-chart] .scatterlayer .trace').count()).toBe(18);
    const after = await strokes();
    // Each line is drawn as its band, then its median: the second line's two paths are gone, nothing else.
    expect(after).toEqual(before.filter((_, i) => i !== 2 && i !== 3));
    // The swatch is the line's color.
    const swatch = await items
      .nth(2)
      .locator('.swatch')
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(swatch).toBe(before[5]);
    expect(label).toMatch(/·/);
    await shot('01b-trend-legend-hidden-light');
    n = await renders();
    await items.nth(1).click();
    await page.waitForFunction(
      (k) =>
        Number(document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-render-count')) > k,
      n,
    );
    expect(await page.locator('[data-testid=trend-chart] .scatterlayer .trace').count()).toBe(20);
    expect(await strokes()).toEqual(before);
  });

  it('filters the lines, and a click on a point shows only that day', async () => {
    const before = await renders();
    await page.fill('[data-testid=trend-search]', 'nodejs22.x arm64 128');
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-render-count')) > n,
      before,
    );
    expect(await page.textContent('[data-testid=trend-count]')).toContain('2 of 16 lines');
    const point = page.locator('[data-testid=trend-chart] .scatterlayer .trace:nth-child(2) .point').nth(3);
    await point.click({ force: true });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset].hidden').length === 4);
    const shown = await page.$$eval('[data-testid=dataset]:not(.hidden)', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('public baseline 2025-12-04');
    await shot('02-trend-clicked-light');
  });

  it('leaves the box chart out while the Trend tab is open, and draws it for the filters when shown', async () => {
    const lastGrouping = () =>
      page.evaluate(() => performance.getEntriesByName('coldstart:group').at(-1)?.startTime ?? null);
    expect(await page.locator('[data-testid=chart]').count()).toBe(0);
    const grouped = await lastGrouping();
    // The click above hid four datasets: no grouping for them while the trend is in view.
    expect(await page.locator('[data-testid=dataset].hidden').count()).toBe(4);
    expect(await lastGrouping()).toBe(grouped);
    await page.click('[data-testid=tab-stats]');
    await page.waitForSelector('[data-testid=chart] path.box');
    expect(await lastGrouping()).not.toBe(grouped);
    // One day of 2 runtimes × 2 sizes × 2 archs × (zip, image): 16 boxes.
    expect(await page.getAttribute('[data-testid=chart]', 'data-box-count')).toBe('16');
    await page.click('[data-testid=tab-trend]');
    await page.waitForSelector('[data-testid=trend-chart]');
  });

  it('names a bad JSON file and what was expected', async () => {
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{"name": "my-app", "version": "1.0.0"}'], 'package.json'));
      data.items.add(new File(['{"metadata": {}, "runtimeData": [\n  {"d": "x",\n'], '2026-01-01.json'));
      document
        .querySelector('.app')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=import-failure]').length === 2);
    const failures = await page.$$eval('[data-testid=import-failure]', (els) =>
      els.map((e) => e.textContent),
    );
    expect(failures[0]).toContain(
      'package.json: expected an object with metadata and runtimeData (a maxday/lambda-perf daily file)',
    );
    expect(failures[1]).toMatch(/2026-01-01\.json: line \d+, column \d+: not JSON/);
    await shot('03-bad-json-light', '[data-testid=import-reports]');
  });

  it('looks right in the dark theme', async () => {
    await page.click('[data-testid=toggle-theme]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const hidden = page.locator('[data-testid=dataset].hidden input[type=checkbox]');
    while ((await hidden.count()) > 0) await hidden.first().check();
    await page.fill('[data-testid=trend-search]', '');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset].hidden').length === 0);
    await page.waitForSelector('[data-testid=trend-chart] .js-fill');
    await shot('04-trend-dark');
    await page.click('[data-testid=toggle-theme]');
    expect(consoleErrors).toEqual([]);
  });

  it('draws a dashed p90 per line on request, without a band below 36 samples a day', async () => {
    const before = await renders();
    await page.check('[data-testid=trend-p90]');
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-render-count')) > n,
      before,
    );
    // 10 median bands, 10 medians and 10 p90 lines; lambda-perf lists 10 a day: no p90 band.
    expect(await page.locator('[data-testid=trend-chart] .scatterlayer .trace').count()).toBe(30);
    expect(await page.locator('[data-testid=trend-chart] .scatterlayer .js-fill').count()).toBe(10);
    const dashed = page.locator(
      '[data-testid=trend-chart] .scatterlayer .js-line[style*="stroke-dasharray"]',
    );
    expect(await dashed.count()).toBe(10);
    expect(await page.textContent('[data-testid=trend-p90-note]')).toContain(
      'too few samples for its 95% interval (36 a day needed)',
    );
    await shot('05-trend-p90-light');
    expect(consoleErrors).toEqual([]);
  });
});
