// Page functions run in Chromium: they need the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM } from './support/renderer-harness';
import { startApp, type AppServer } from './support/app-page';
import {
  csvOf,
  dailyBenchmarkSamples,
  MARKUP_NAMES,
  markupNameSamples,
  RUNTIMES,
  twelveFunctionSamples,
} from './support/chart-data';
import { tickLabel } from '../../renderer/src/analysis/chart-labels';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`chart scale e2e skipped: ${CHROMIUM} is not installed`);

const SIZES = [
  [1024, 700],
  [1280, 800],
  [1920, 1080],
] as const;

interface Overlaps {
  labels: number;
  overlapping: string[];
  outside: string[];
}

/** Every pair of chart texts (tick labels, panel titles, axis titles, legend, title) whose boxes overlap. */
function findOverlaps(): Overlaps {
  const chart = document.querySelector('[data-testid=chart]')!;
  const bounds = chart.querySelector('svg.main-svg')!.getBoundingClientRect();
  const selector = [
    '.xtick text',
    '.ytick text',
    '.annotation-text',
    '.g-xtitle text',
    '.g-ytitle text',
    '.legendtext',
    '.legendtitletext',
    '.gtitle',
  ].join(',');
  const boxes = [...chart.querySelectorAll(selector)]
    .map((e) => ({ text: e.textContent ?? '', r: e.getBoundingClientRect() }))
    .filter((b) => b.text.trim() !== '' && b.r.width > 0 && b.r.height > 0);
  const overlapping: string[] = [];
  const outside: string[] = [];
  const eps = 0.5;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    if (a.r.left < bounds.left - eps || a.r.right > bounds.right + eps) outside.push(a.text);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      if (
        a.r.left < b.r.right - eps &&
        b.r.left < a.r.right - eps &&
        a.r.top < b.r.bottom - eps &&
        b.r.top < a.r.bottom - eps
      )
        overlapping.push(`"${a.text}" × "${b.text}"`);
    }
  }
  return { labels: boxes.length, overlapping: overlapping.slice(0, 10), outside: outside.slice(0, 10) };
}

describe.skipIf(!haveChromium)('charts readable at any scale in Chromium', () => {
  let app: AppServer;
  let shots: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    app = await startApp('chart-scale');
    shots = app.shots;
  });

  afterAll(() => app?.close());

  const renderCount = (page: Page) =>
    page.getAttribute('[data-testid=chart]', 'data-render-count').then(Number);
  const waitForRender = (page: Page, after: number) =>
    page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=chart]')?.getAttribute('data-render-count')) > n,
      after,
      { timeout: 60_000 },
    );

  /**
   * A fresh window whose Import button opens `text` as `name`; resolves once its chart shows `boxes`, with the
   * page's errors.
   */
  async function openWith(name: string, text: string, boxes: number) {
    const { page, errors } = await app.openPage({
      viewport: { width: 1280, height: 800 },
      files: [{ name, path: `/tmp/${name}`, text }],
    });
    pages.push(page);
    await page.waitForSelector('[data-testid=chart] path.box');
    await page.click('[data-testid=import-button]');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=chart]')?.getAttribute('data-box-count') === String(n),
      boxes,
      { timeout: 60_000 },
    );
    return { page, errors };
  }

  /** Resizes the window and waits until the chart has been laid out again for the new width. */
  async function resize(page: Page, width: number, height: number) {
    await page.setViewportSize({ width, height });
    await page.waitForFunction(
      () => {
        const scroll = document.querySelector('[data-testid=chart-scroll]');
        const svg = scroll?.querySelector('svg.main-svg');
        return !!scroll && !!svg && Math.abs(svg.getBoundingClientRect().width - scroll.clientWidth) < 2;
      },
      undefined,
      { timeout: 60_000 },
    );
  }

  /**
   * Scrolls the chart's card to `top` and waits until the rows in view are drawn (a long chart draws the rows
   * near the view, see chart-window.ts); the view's height, the card's content height and the drawn band.
   */
  async function scrollChart(page: Page, top: number) {
    await page.$eval('[data-testid=chart-scroll]', (e, y) => (e.scrollTop = y), top);
    const view = await page.waitForFunction(
      () => {
        const scroll = document.querySelector('[data-testid=chart-scroll]')!;
        const band = document.querySelector('[data-testid=chart]')?.getAttribute('data-drawn-band') ?? '';
        const [from, to] = band.split('-').map(Number);
        const drawn =
          band === '' || (scroll.scrollTop >= from! && scroll.scrollTop + scroll.clientHeight <= to!);
        return drawn && { height: scroll.clientHeight, full: scroll.scrollHeight, band };
      },
      undefined,
      { timeout: 60_000 },
    );
    return (await view.jsonValue()) as { height: number; full: number; band: string };
  }

  async function setTheme(page: Page, theme: 'light' | 'dark') {
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) === theme) return;
    const before = await renderCount(page);
    await page.click('[data-testid=toggle-theme]');
    await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
    await waitForRender(page, before);
  }

  async function checkEverySize(page: Page, label: string) {
    for (const [width, height] of SIZES) {
      await resize(page, width, height);
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(page, theme);
        const found = await page.evaluate(findOverlaps);
        const orientation = await page.getAttribute('[data-testid=chart]', 'data-orientation');
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(shots, `${label}-${width}x${height}-${theme}.png`) });
        expect(found.labels, `${label} at ${width}×${height}`).toBeGreaterThan(4);
        expect(found.overlapping, `${label} at ${width}×${height} (${orientation})`).toEqual([]);
        expect(found.outside, `${label} at ${width}×${height} (${orientation})`).toEqual([]);
      }
      // The chart starts above the fold.
      const top = await page.$eval('[data-testid=chart-scroll]', (e) => e.getBoundingClientRect().top);
      expect(top).toBeLessThan(height - 200);
    }
    await setTheme(page, 'light');
  }

  it('620 groups (40 runtimes × zip/image × 2 archs × 4 sizes): no overlapping label at 3 window sizes', async () => {
    const { page, errors } = await openWith('daily-benchmark.csv', csvOf(dailyBenchmarkSamples(10)), 620);
    expect(await page.getAttribute('[data-testid=chart]', 'data-orientation')).toBe('horizontal');
    await checkEverySize(page, '620-groups');
    // A long chart scrolls inside its card, not the window.
    const scroll = await page.$eval('[data-testid=chart-scroll]', (e) => ({
      client: e.clientHeight,
      content: e.scrollHeight,
    }));
    expect(scroll.content).toBeGreaterThan(scroll.client);
    expect(errors).toEqual([]);
  }, 600_000);

  it('12 functions in 4 panels: no overlapping label at 3 window sizes', async () => {
    const { page, errors } = await openWith('twelve.csv', csvOf(twelveFunctionSamples()), 96);
    const panels = await page.$$eval('[data-testid=chart] .annotation-text', (els) =>
      els.map((e) => e.textContent),
    );
    expect(panels).toEqual(['128 MB', '512 MB', '1024 MB', '1769 MB']);
    await checkEverySize(page, '12-functions');
    expect(errors).toEqual([]);
  }, 600_000);

  it('sorts names as people read them, by median, and finds groups by search and top N', async () => {
    const page = pages[0]!;
    await resize(page, 1920, 1080);
    const firstColumnTicks = () =>
      page.$$eval('[data-testid=chart] .yaxislayer-above .ytick text', (els) => [
        ...new Set(els.map((e) => e.textContent ?? '')),
      ]);
    // Only the rows near the card's view are drawn: the card is scrolled through, a view at a time.
    const names: string[] = [];
    let drawnParts = 0;
    for (let top = 0; ;) {
      const view = await scrollChart(page, top);
      if (view.band !== '') drawnParts++;
      for (const name of await firstColumnTicks()) if (!names.includes(name)) names.push(name);
      if (top + view.height >= view.full) break;
      top += view.height;
    }
    // 80 functions, drawn in parts as the card scrolls, and every one of them labelled on the way (a label
    // cut to 32 characters can stand for two functions: graalvm-java17-provided.al2023-… for -zip and -image).
    expect(drawnParts).toBeGreaterThan(1);
    const labels = RUNTIMES.flatMap((r) => ['zip', 'image'].map((pkg) => tickLabel(`${r}-${pkg}`)));
    expect(new Set(names)).toEqual(new Set(labels));
    await scrollChart(page, 0);
    expect(names.indexOf('python3.9-image')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('python3.9-image')).toBeLessThan(names.indexOf('python3.10-image'));
    expect(names.indexOf('nodejs18.x-image')).toBeLessThan(names.indexOf('nodejs22.x-image'));

    let before = await renderCount(page);
    await page.fill('[data-testid=group-search]', 'arm64 1024');
    await waitForRender(page, before);
    const found = Number(await page.getAttribute('[data-testid=chart]', 'data-box-count'));
    expect(found).toBeGreaterThan(60);
    expect(found).toBeLessThanOrEqual(80);
    const panels = await page.$$eval('[data-testid=chart] .annotation-text', (els) =>
      els.map((e) => e.textContent),
    );
    expect(panels).toEqual(['1024 MB']);

    before = await renderCount(page);
    await page.selectOption('[data-testid=rank-select]', 'top:10');
    await waitForRender(page, before);
    expect(await page.getAttribute('[data-testid=chart]', 'data-box-count')).toBe('10');
    before = await renderCount(page);
    await page.selectOption('[data-testid=sort-select]', 'median');
    await waitForRender(page, before);
    // By median, fastest first: the statistics table follows the chart's order.
    const medians = await page.evaluate(() => {
      const chart = document.querySelector('[data-testid=chart]') as unknown as {
        data: { type: string; y?: number[]; median?: number[] }[];
      };
      const boxes = chart.data.filter((t) => t.type === 'box');
      return boxes.flatMap((t) => t.y!.map((y, i) => [y, t.median![i]!] as const));
    });
    const inOrder = [...medians].sort((a, b) => a[0] - b[0]).map(([, m]) => m);
    expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));
    await page.screenshot({ path: join(shots, 'search-top10-by-median.png') });

    await page.fill('[data-testid=group-search]', 'no-such-runtime');
    await page.waitForSelector('[data-testid=chart-empty]');
    expect(await page.textContent('[data-testid=chart-empty]')).toContain(
      'No group matches "no-such-runtime"',
    );
    await page.fill('[data-testid=group-search]', '');
    await page.selectOption('[data-testid=rank-select]', 'all');
    await page.selectOption('[data-testid=sort-select]', 'name');
  }, 300_000);

  it('says what is missing instead of drawing an empty chart', async () => {
    const page = pages[0]!;
    await page.selectOption('[data-testid=metric-select]', 'maxmemory');
    await page.waitForSelector('[data-testid=chart-empty]');
    expect(await page.textContent('[data-testid=chart-empty]')).toContain('no Max memory used values');
    await page.screenshot({ path: join(shots, 'empty-max-memory.png') });
    const before = await renderCount(page);
    await page.selectOption('[data-testid=metric-select]', 'init');
    await waitForRender(page, before);
    await page.waitForSelector('[data-testid=chart-empty]', { state: 'detached' });
  });

  it('log axes read 1, 2, 5, 10, 20, 50, 100…', async () => {
    const page = pages[1]!;
    const before = await renderCount(page);
    await page.click('[data-testid=log-scale]');
    await waitForRender(page, before);
    const ticks = await page.$$eval('[data-testid=chart] .xaxislayer-above .xtick text', (els) => [
      ...new Set(els.map((e) => Number(e.textContent))),
    ]);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const t of ticks)
      expect([1, 2, 5]).toContain(Number((t / 10 ** Math.floor(Math.log10(t))).toFixed(6)));
    expect(await page.evaluate(findOverlaps).then((o) => o.overlapping)).toEqual([]);
    await page.screenshot({ path: join(shots, '12-functions-log.png') });
  });

  it('shows names that are markup as literal text: no link, no bold, in ticks and hover', async () => {
    const { page, errors } = await openWith('markup.csv', csvOf(markupNameSamples()), 3);
    const ticks = await page.$$eval(
      '[data-testid=chart] .xtick text, [data-testid=chart] .ytick text',
      (els) => els.map((e) => e.textContent),
    );
    for (const name of MARKUP_NAMES) expect(ticks).toContain(name);
    expect(await page.locator('[data-testid=chart] a').count()).toBe(0);
    expect(await page.locator('[data-testid=chart] .xtick b, [data-testid=chart] .ytick b').count()).toBe(0);
    const box = await page.locator('[data-testid=chart] .trace.boxes path.box').first().boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const hover = page.locator('[data-testid=chart] .hoverlayer .hovertext');
    await hover.first().waitFor();
    const text = await hover.first().textContent();
    expect(MARKUP_NAMES.some((n) => text?.includes(n))).toBe(true);
    expect(await page.locator('[data-testid=chart] .hoverlayer a').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'markup-names-hover.png') });
    expect(errors).toEqual([]);
  }, 300_000);
});
