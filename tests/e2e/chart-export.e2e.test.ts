// Page functions run in Chromium: they need the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, pngSize } from './support/renderer-harness';
import { openAppPage, type AppPage } from './support/app-page';
import { csvOf, twelveFunctionSamples } from './support/chart-data';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`chart export e2e skipped: ${CHROMIUM} is not installed`);

type Saved = { kind: 'csv' | 'image'; defaultName: string; format?: string; data: string };

/** Three functions × 2 architectures × 4 memory sizes, 10 cold starts each (times on 2025-10-09, UTC). */
const SAMPLES = twelveFunctionSamples().filter((s) =>
  ['orders-api-handler', 'payments-webhook', 'inventory-sync'].includes(s.name),
);
const FILE = 'prod <eu>.csv';

/** The color of the pixel at (x, y) of a PNG, read by the browser. */
function pixelAt(args: { base64: string; x: number; y: number }): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      resolve([...ctx.getImageData(args.x, args.y, 1, 1).data].slice(0, 3));
    };
    img.onerror = () => reject(new Error('the PNG does not load'));
    img.src = `data:image/png;base64,${args.base64}`;
  });
}

describe.skipIf(!haveChromium)('chart export with caption in Chromium', () => {
  let app: AppPage;
  let page: Page;
  let consoleErrors: string[];
  let images: string;

  beforeAll(async () => {
    app = await openAppPage({
      name: 'chart-export',
      viewport: { width: 1280, height: 900 },
      files: [{ name: FILE, path: `/tmp/${FILE}`, text: csvOf(SAMPLES) }],
    });
    ({ page, errors: consoleErrors, shots: images } = app);
    await page.waitForSelector('[data-testid=chart] path.box');
    await page.click('[data-testid=import-button]');
    await page.waitForSelector('[data-testid=example-banner]', { state: 'detached' });
    await page.waitForFunction(
      () => document.querySelector('[data-testid=chart]')?.getAttribute('data-box-count') === '24',
    );
    // The app is dark: the export is light unless asked otherwise.
    await page.click('[data-testid=toggle-theme]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  });

  afterAll(() => app?.close());

  const saved = () => page.evaluate(() => (window as unknown as { __saved: Saved[] }).__saved.slice());
  const savedCount = (n: number) =>
    page.waitForFunction((k) => (window as unknown as { __saved: unknown[] }).__saved.length === k, n);

  const CAPTION = [
    "Init duration (ms): the INIT phase of a cold start, from the REPORT's Init Duration; cold starts only",
    'n = 10 per box, 240 samples in all',
    'Data: prod <eu>',
    'Samples from 2025-10-09 (UTC)',
    'Made with Cold Start Lab 0.0.0-test',
  ];

  it('exports a light SVG with the caption from a dark app, and the statistics as CSV beside it', async () => {
    await page.click('[data-testid=open-export-chart]');
    await page.waitForSelector('[data-testid=export-chart-dialog]');
    expect(await page.isChecked('[data-testid=background-light]')).toBe(true);
    await page.check('[data-testid=format-svg]');
    await page.check('[data-testid=export-stats-csv]');
    await page.click('[data-testid=export-chart-submit]');
    await savedCount(2);
    const [svg, csv] = await saved();
    expect(svg).toMatchObject({
      kind: 'image',
      format: 'svg',
      defaultName: 'coldstart-init-by-runtime.svg',
    });
    writeFileSync(join(images, svg!.defaultName), svg!.data);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const svgEl = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        height: Number(svgEl.getAttribute('height')),
        // The paper: the first rectangle of the image, before any layer.
        paper: svgEl.querySelector('rect')?.getAttribute('style') ?? '',
        texts: [...doc.querySelectorAll('.annotation-text')].map((e) => e.textContent),
        links: doc.querySelectorAll('a').length,
        boxes: doc.querySelectorAll('.trace.boxes path.box').length,
        // The value axis's tick labels: every box within the drawn range.
        ticks: [...doc.querySelectorAll('.xtick text, .ytick text')].map((e) => e.textContent),
      };
    }, svg!.data);
    expect(parsed.error).toBeNull();
    expect(parsed.height).toBe(700);
    expect(parsed.boxes).toBe(24);
    expect(parsed.ticks).toContain('400');
    expect(parsed.paper).toMatch(/fill: rgb\(255, 255, 255\)/);
    expect(svg!.data).not.toContain('rgb(27, 31, 39)');
    for (const line of CAPTION) expect(parsed.texts).toContain(line);
    // The dataset's name is text, never markup.
    expect(parsed.links).toBe(0);

    expect(csv).toMatchObject({ kind: 'csv', defaultName: 'coldstart-init-by-runtime.csv' });
    const rows = csv!.data.trim().split('\n');
    expect(rows[0]).toBe(
      'function,arch,memory_mb,n,min,median,mean,p90,p95,p99,max,sd,median_ci_low,median_ci_high',
    );
    expect(rows).toHaveLength(1 + 24);
    expect(rows.slice(1).every((r) => r.split(',')[3] === '10')).toBe(true);
    expect(await page.textContent('[data-testid=notice]')).toContain(
      'and its statistics to /tmp/coldstart-init-by-runtime.csv',
    );
  });

  it('exports PNGs light or dark as chosen, of the size asked for, caption included', async () => {
    for (const [background, n] of [
      ['light', 3],
      ['dark', 4],
    ] as const) {
      await page.click('[data-testid=open-export-chart]');
      await page.waitForSelector('[data-testid=export-chart-dialog]');
      await page.fill('[data-testid=export-width]', '1000');
      await page.fill('[data-testid=export-height]', '620');
      await page.check('[data-testid=scale-1]');
      await page.check(`[data-testid=background-${background}]`);
      await page.click('[data-testid=export-chart-submit]');
      await savedCount(n);
      const image = (await saved())[n - 1]!;
      expect(image.format).toBe('png');
      const png = Buffer.from(image.data, 'base64');
      expect(pngSize(png)).toEqual({ width: 1000, height: 620 });
      writeFileSync(join(images, `${background}-${image.defaultName}`), png);
      // The bottom-left corner, under the caption.
      const corner = await page.evaluate(pixelAt, { base64: image.data, x: 2, y: 617 });
      expect(corner).toEqual(background === 'light' ? [255, 255, 255] : [27, 31, 39]);
    }
    expect(consoleErrors).toEqual([]);
  });
});
