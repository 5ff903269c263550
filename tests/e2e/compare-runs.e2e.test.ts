// Page functions run in Chromium: they need the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM } from './support/renderer-harness';
import { openAppPage, type AppPage } from './support/app-page';
import { csvOf } from './support/chart-data';
import { AFTER_SEED, BEFORE_SEED, RUN_FUNCTIONS, runSamples } from './support/before-after-runs';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`compare runs e2e skipped: ${CHROMIUM} is not installed`);

describe.skipIf(!haveChromium)('two runs side by side in Chromium', () => {
  let app: AppPage;
  let page: Page;
  let consoleErrors: string[];
  let shots: string;

  beforeAll(async () => {
    app = await openAppPage({
      name: 'compare-runs',
      viewport: { width: 1920, height: 1080 },
      files: [
        { name: 'before.csv', path: '/tmp/before.csv', text: csvOf(runSamples(false, BEFORE_SEED)) },
        { name: 'after.csv', path: '/tmp/after.csv', text: csvOf(runSamples(true, AFTER_SEED)) },
      ],
    });
    ({ page, errors: consoleErrors, shots } = app);
  }, 240_000);

  afterAll(() => app?.close());

  const shot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, `${name}.png`) });
  };
  const boxCount = (n: number) =>
    page.waitForFunction(
      (count) =>
        document.querySelector('[data-testid=chart]')?.getAttribute('data-box-count') === String(count),
      n,
      { timeout: 60_000 },
    );
  const panels = () =>
    page.$$eval('[data-testid=chart] .annotation-text', (els) => els.map((e) => e.textContent));

  it('pools the two runs until colored by dataset, then shows them side by side', async () => {
    await page.waitForSelector('[data-testid=chart] path.box');
    await page.click('[data-testid=import-button]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset]').length === 2);
    await boxCount(RUN_FUNCTIONS.length);
    expect(await page.locator('[data-testid=compare-base]').count()).toBe(0);

    await page.click('[data-testid=color-by-dataset]');
    await boxCount(2 * RUN_FUNCTIONS.length);
    expect(await panels()).toEqual(['arm64 · 512 MB', 'arm64 · 1024 MB', 'x86_64 · 512 MB']);
    const legend = await page.$$eval('[data-testid=chart] .legendtext', (els) =>
      els.map((e) => e.textContent),
    );
    expect(legend).toEqual(['before', 'after']);
  });

  it('says which configuration got slower, with its change and interval, and no clear change elsewhere', async () => {
    const rows = await page.$$eval('[data-testid=stats-row]', (trs) =>
      trs.map((tr) => ({
        dataset: tr.querySelector('[data-testid=dataset]')?.textContent?.trim(),
        key: tr.getAttribute('data-key')!.split('|').slice(1).join('|'),
        verdict: tr.querySelector('[data-testid=change]')?.getAttribute('data-verdict'),
        text: tr.querySelector('[data-testid=change]')?.textContent?.trim(),
      })),
    );
    expect(rows).toHaveLength(8);
    const after = rows.filter((r) => r.dataset === 'after');
    expect(after.find((r) => r.key === 'billing-py|arm64|512')).toMatchObject({ verdict: 'slower' });
    expect(after.find((r) => r.key === 'billing-py|arm64|512')!.text).toMatch(
      /^\+\d+% \[\+\d+%, \+\d+%\], slower$/,
    );
    expect(
      after
        .filter((r) => r.verdict === 'no clear change')
        .map((r) => r.key)
        .sort(),
    ).toEqual(['orders-api|arm64|512', 'orders-api|x86_64|512', 'resize-go|arm64|1024']);
    expect(rows.filter((r) => r.dataset === 'before').every((r) => r.text === 'base')).toBe(true);
    expect(await page.textContent('[data-testid=stats-table] thead')).toContain('Change vs before');

    // Sorted by the change, largest last: the slower one.
    await page.click('[data-testid=sort-change]');
    const sorted = await page.$$eval('[data-testid=change]', (tds) =>
      tds.map((td) => td.getAttribute('data-verdict')),
    );
    expect(sorted.filter((v) => v !== 'base').at(-1)).toBe('slower');
  });

  it('hovering a box shows its dataset and the median with its 95% interval', async () => {
    const box = page.locator('[data-testid=chart] .trace.boxes path.box').first();
    const b = (await box.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    const hover = page.locator('.hoverlayer .hovertext').first();
    await hover.waitFor();
    const text = await hover.textContent();
    expect(text).toMatch(/dataset (before|after)/);
    expect(text).toMatch(/median [\d.,]+ ms \(95% CI [\d.,]+–[\d.,]+ ms\)/);
    await page.mouse.move(0, 0);
  });

  it('compares with another base on request', async () => {
    await page.selectOption('[data-testid=compare-base]', { label: 'after' });
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=stats-table] thead')?.textContent?.includes('Change vs after'),
    );
    const before = await page.$$eval('[data-testid=stats-row]', (trs) =>
      trs
        .filter((tr) => tr.querySelector('[data-testid=dataset]')?.textContent?.trim() === 'before')
        .map((tr) => [
          tr.getAttribute('data-key')!.split('|')[1],
          tr.querySelector('[data-testid=change]')?.getAttribute('data-verdict'),
        ]),
    );
    expect(before.find(([name]) => name === 'billing-py')?.[1]).toBe('faster');
    await page.selectOption('[data-testid=compare-base]', { label: 'before' });
  });

  it('looks right at 1024×700 and 1920×1080, light and dark', async () => {
    for (const [width, height] of [
      [1920, 1080],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const theme of ['light', 'dark']) {
        if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) {
          await page.click('[data-testid=toggle-theme]');
          await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
        }
        await page.locator('[data-testid=stats-table]').scrollIntoViewIfNeeded();
        await shot(`compare-${width}x${height}-${theme}-chart`);
        await page
          .locator('[data-testid=stats-table]')
          .screenshot({ path: join(shots, `compare-${width}x${height}-${theme}-table.png`) });
      }
    }
    await page.click('[data-testid=toggle-theme]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('shows chart and table together (the README picture)', async () => {
    // Tall enough for chart and table in one picture (the top bar is sticky: no full-page capture).
    await page.setViewportSize({ width: 1280, height: 1560 });
    await page.evaluate(() => window.scrollTo(0, 0));
    // From the chart's toolbar down to the table: the sidebar and import reports are not the point.
    const top = (await page.locator('.chart-toolbar').boundingBox())!;
    const table = (await page.locator('[data-testid=stats-table]').boundingBox())!;
    await page.screenshot({
      path: join(shots, 'compare-runs.png'),
      clip: {
        x: top.x - 8,
        y: top.y - 8,
        width: top.width + 16,
        height: table.y + table.height - top.y + 16,
      },
    });
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('facets by dataset: one panel per run and memory size, colored by architecture', async () => {
    await page.click('[data-testid=color-by-arch]');
    await page.click('[data-testid=facet-by-dataset]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=chart] .annotation-text')].some(
        (e) => e.textContent === 'after · 512 MB',
      ),
    );
    expect(await panels()).toEqual([
      'before · 512 MB',
      'before · 1024 MB',
      'after · 512 MB',
      'after · 1024 MB',
    ]);
    await shot('compare-facet-by-dataset');
  });

  it('ran without console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
