// Page functions run in Chromium: they need the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, pngSize, repoRoot, type FixtureFile } from './support/renderer-harness';
import { openAppPage, type AppPage } from './support/app-page';

const fixtureDir = join(repoRoot, '../shared/fixtures/seed-runs');
const FILES = ['speed-x86-128.csv', 'speed-x86-1024.csv', 'speed-arm-1024.csv'];
const FUNCTIONS = ['hello-node', 'hello-py311', 'hello-runtime-al2', 'hello-runtime-go'];
const COMBOS = [
  ['x86_64', 128],
  ['x86_64', 1024],
  ['arm64', 1024],
] as const;
const haveFixtures = FILES.every((f) => existsSync(join(fixtureDir, f)));
const haveChromium = existsSync(CHROMIUM);
if (!haveFixtures)
  console.log(`analysis e2e skipped: the seed fixtures are not in ${fixtureDir} (../shared absent)`);
if (!haveChromium) console.log(`analysis e2e skipped: ${CHROMIUM} is not installed`);

type Saved = { kind: 'csv' | 'image'; defaultName: string; format?: string; data: string };

describe.skipIf(!haveFixtures || !haveChromium)('analysis workspace in Chromium', () => {
  let app: AppPage;
  let page: Page;
  let consoleErrors: string[];
  let shots: string;

  beforeAll(async () => {
    const files: FixtureFile[] = FILES.map((name) => ({
      name,
      path: join(fixtureDir, name),
      text: readFileSync(join(fixtureDir, name), 'utf8'),
    }));
    app = await openAppPage({ name: 'analysis', viewport: { width: 1360, height: 1300 }, files });
    ({ page, errors: consoleErrors, shots } = app);
  });

  afterAll(() => app?.close());

  // The top bar is sticky: a full-page capture would stitch it into the middle, so shoot a tall viewport.
  const shot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, `${name}.png`) });
  };
  const renderCount = () => page.getAttribute('[data-testid=chart]', 'data-render-count').then(Number);
  const waitForRender = (after: number) =>
    page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=chart]')?.getAttribute('data-render-count')) > n,
      after,
    );
  const saved = () => page.evaluate(() => (window as unknown as { __saved: Saved[] }).__saved.slice());

  it('starts with the labelled example data on a chart', async () => {
    await page.waitForSelector('[data-testid=example-banner]');
    await page.waitForSelector('[data-testid=chart] path.box');
    expect(await page.textContent('[data-testid=dataset-list]')).toContain('Example data');
    await shot('01-example-light');
  });

  it('imports the three fixture files: a box per function in each arch/memory combination', async () => {
    await page.click('[data-testid=import-button]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset]').length === 3);
    await page.waitForSelector('[data-testid=example-banner]', { state: 'detached' });
    await page.waitForFunction(
      () => document.querySelector('[data-testid=chart]')?.getAttribute('data-box-count') === '12',
    );
    expect(await page.locator('[data-testid=chart] .trace.boxes path.box').count()).toBe(12);
    const keys = await page.$$eval('[data-testid=stats-row]', (rows) =>
      rows.map((r) => r.getAttribute('data-key')),
    );
    for (const fn of FUNCTIONS)
      for (const [arch, mem] of COMBOS) expect(keys).toContain(`${fn}|${arch}|${mem}`);
    // One panel per memory size, colored by architecture.
    const panels = await page.$$eval('[data-testid=chart] .annotation-text', (els) =>
      els.map((e) => e.textContent),
    );
    expect(panels).toEqual(['128 MB', '1024 MB']);
    expect(await page.textContent('[data-testid=import-reports]')).toContain('speed-arm-1024.csv');
    await shot('02-imported-light');
  });

  it('draws the jittered points (on a canvas over the panels, not as SVG markers)', async () => {
    const painted = await page.$eval('[data-testid=chart] canvas.chart-points', (canvas) => {
      const c = canvas as HTMLCanvasElement;
      const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let opaque = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) opaque++;
      return opaque;
    });
    // 118 points of 4 px: far more than nothing, far less than the whole canvas.
    expect(painted).toBeGreaterThan(118 * 4);
    expect(await page.locator('[data-testid=chart] path.point').count()).toBe(0);
  });

  it('switches the metric and the coloring', async () => {
    let before = await renderCount();
    await page.selectOption('[data-testid=metric-select]', 'duration');
    await waitForRender(before);
    expect(await page.getAttribute('[data-testid=chart]', 'data-metric')).toBe('duration');
    expect(await page.textContent('[data-testid=chart] .ytitle')).toBe('Duration (ms)');

    before = await renderCount();
    await page.click('[data-testid=color-by-memory]');
    await waitForRender(before);
    const legend = await page.$$eval('[data-testid=chart] .legendtext', (els) =>
      els.map((e) => e.textContent),
    );
    expect(legend).toEqual(['128 MB', '1024 MB']);
    const panels = await page.$$eval('[data-testid=chart] .annotation-text', (els) =>
      els.map((e) => e.textContent),
    );
    expect(panels).toEqual(['arm64', 'x86_64']);
    expect(await page.locator('[data-testid=chart] .trace.boxes path.box').count()).toBe(12);
    await shot('03-duration-by-memory-light');
  });

  it('hovering a box shows n, median, p90 and p99', async () => {
    const box = await page.locator('[data-testid=chart] .trace.boxes path.box').first().boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const hover = page.locator('[data-testid=chart] .hoverlayer .hovertext');
    await hover.first().waitFor();
    const text = await hover.first().textContent();
    expect(text).toMatch(/n = \d+/);
    expect(text).toMatch(/median [\d.]+ ms/);
    expect(text).toMatch(/p90 [\d.]+ ms/);
    expect(text).toMatch(/p99 [\d.]+ ms/);
    await page.mouse.move(5, 5);
  });

  it('a dropped file that cannot be read says why, and the open data stays', async () => {
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['this is not a CSV at all\n'], 'notes.csv', { type: 'text/csv' }));
      document
        .querySelector('.app')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
    });
    const failure = page.locator('[data-testid=import-failure]');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('notes.csv could not be imported');
    expect(await page.locator('[data-testid=dataset]').count()).toBe(3);
    await shot('03b-failure-light');
    await failure.locator('button[aria-label=Dismiss]').click();
    await failure.waitFor({ state: 'detached' });
  });

  it('drops the duplicates the import found in one click', async () => {
    const nodeArm = `hello-node|arm64|1024`;
    const n = () => page.textContent(`[data-testid=stats-row][data-key="${nodeArm}"] td:nth-child(5)`);
    expect(await n()).toBe('20');
    const report = page.locator('[data-testid=import-report][data-file="speed-arm-1024.csv"]');
    expect(await report.locator('[data-testid=duplicates]').textContent()).toContain('20 duplicate rows');
    const before = await renderCount();
    await report.locator('[data-testid=drop-duplicates]').click();
    await waitForRender(before);
    await report.locator('[data-testid=duplicates-dropped]').waitFor();
    expect(await n()).toBe('10');
    expect(await page.textContent('[data-testid=notice]')).toContain('Dropped 20 duplicate rows');
  });

  it('shows a ratio to the chosen baseline', async () => {
    const al2 = `hello-runtime-al2|x86_64|1024`;
    await page.check(`[data-testid=stats-row][data-key="${al2}"] input[type=radio]`);
    await page.selectOption('[data-testid=metric-select]', 'init');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=chart]')?.getAttribute('data-metric') === 'init',
    );
    const ratios = await page.$$eval('[data-testid=ratio]', (els) => els.map((e) => e.textContent?.trim()));
    expect(ratios).toContain('baseline');
    expect(ratios.some((r) => /^\d+\.\d× (slower|faster)$/.test(r ?? ''))).toBe(true);
    await shot('04-baseline-light');
  });

  it('exports the chart as PNG at the chosen size and scale', async () => {
    await page.click('[data-testid=open-export-chart]');
    await page.waitForSelector('[data-testid=export-chart-dialog]');
    await shot('05-export-dialog-light');
    await page.fill('[data-testid=export-width]', '900');
    await page.fill('[data-testid=export-height]', '500');
    await page.check('[data-testid=scale-2]');
    expect(await page.inputValue('[data-testid=export-file-name]')).toBe(
      'coldstart-init-by-runtime-and-memory.png',
    );
    await page.click('[data-testid=export-chart-submit]');
    await page.waitForFunction(() => (window as unknown as { __saved: unknown[] }).__saved.length === 1);
    const [image] = await saved();
    expect(image!.format).toBe('png');
    const png = Buffer.from(image!.data, 'base64');
    expect(pngSize(png)).toEqual({ width: 1800, height: 1000 });
    writeFileSync(join(shots, `exported-${image!.defaultName}`), png);
  });

  it('exports the chart as SVG with its boxes, title, axis labels and legend', async () => {
    await page.click('[data-testid=color-by-arch]');
    await page.click('[data-testid=open-export-chart]');
    await page.check('[data-testid=format-svg]');
    expect(await page.inputValue('[data-testid=export-file-name]')).toBe('coldstart-init-by-runtime.svg');
    await page.click('[data-testid=export-chart-submit]');
    await page.waitForFunction(() => (window as unknown as { __saved: unknown[] }).__saved.length === 2);
    const svg = (await saved())[1]!;
    expect(svg.format).toBe('svg');
    writeFileSync(join(shots, `exported-${svg.defaultName}`), svg.data);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        boxes: doc.querySelectorAll('.trace.boxes path.box').length,
        points: doc.querySelectorAll('.trace.scatter path.point').length,
        title: doc.querySelector('.gtitle')?.textContent ?? null,
        ytitle: doc.querySelector('.ytitle')?.textContent ?? null,
        legend: [...doc.querySelectorAll('.legendtext')].map((e) => e.textContent),
      };
    }, svg.data);
    expect(parsed).toMatchObject({ error: null, root: 'svg', boxes: 12, ytitle: 'Init duration (ms)' });
    expect(parsed.title).toContain('Init duration by function');
    // The image has the jittered points as vector markers: every sample (118 after dropping duplicates).
    expect(parsed.points).toBe(118);
    expect(parsed.legend).toEqual(['arm64', 'x86_64']);
  });

  it('exports the current selection as CSV in the shared format', async () => {
    await page.locator('[data-testid=filter-functions] input[data-value="hello-node"]').uncheck();
    await page.click('[data-testid=open-export-csv]');
    await page.check('[data-testid=csv-scope-filter]');
    await page.click('[data-testid=export-csv-submit]');
    await page.waitForFunction(() => (window as unknown as { __saved: unknown[] }).__saved.length === 3);
    const csv = (await saved())[2]!;
    expect(csv.defaultName).toBe('coldstart-selection.csv');
    const lines = csv.data.trim().split('\n');
    // 40 + 38 + 40 rows after dropping the duplicates, without the 10 + 10 + 10 of hello-node.
    expect(lines.length - 1).toBe(118 - 30);
    expect(csv.data).not.toContain('hello-node');
    await page.locator('[data-testid=filter-functions] input[data-value="hello-node"]').check();
  });

  it('shows the sample table, sortable and paged', async () => {
    await page.click('[data-testid=tab-samples]');
    await page.waitForSelector('[data-testid=sample-row]');
    await page.click('[data-testid=sort-init]');
    await page.click('[data-testid=sort-init]');
    const first = await page.textContent('[data-testid=sample-row] td:nth-child(5)');
    const values = await page.$$eval('[data-testid=sample-row] td:nth-child(5)', (tds) =>
      tds.map((t) => Number(t.textContent)),
    );
    expect(Number(first)).toBe(Math.max(...values));
    expect(await page.textContent('[data-testid=page-info]')).toBe('Page 1 of 2');
    await shot('06-samples-light');
  });

  it("corrects one function's architecture within a dataset: chart, statistics and CSV follow", async () => {
    await page.click('[data-testid=tab-stats]');
    const keys = () =>
      page.$$eval('[data-testid=stats-row]', (rows) => rows.map((r) => r.getAttribute('data-key')));
    const n = (key: string) => page.textContent(`[data-testid=stats-row][data-key="${key}"] td:nth-child(5)`);
    expect(await keys()).toContain('hello-runtime-go|arm64|1024');
    expect(await n('hello-runtime-go|x86_64|1024')).toBe('10');
    const card = page.locator('[data-testid=dataset][data-name="speed-arm-1024"]');
    await card.locator('[data-testid=function-overrides] > summary').click();
    const go = card.locator('[data-testid=function-override][data-function="hello-runtime-go"]');
    const before = await renderCount();
    // The go1.x runtime ran on x86_64 only, whatever the file name says.
    await go.locator('[data-testid=override-arch]').selectOption('x86_64');
    await waitForRender(before);
    expect(await page.getAttribute('[data-testid=chart]', 'data-box-count')).toBe('11');
    expect(await keys()).not.toContain('hello-runtime-go|arm64|1024');
    expect(await n('hello-runtime-go|x86_64|1024')).toBe('20');
    // The arm64 1024 MB panel keeps its three other functions only.
    const armBoxes = await page.evaluate(() => {
      const chart = document.querySelector('[data-testid=chart]') as unknown as {
        data: { type: string; name: string; xaxis: string; meta?: { boxKeys?: string[] } }[];
      };
      return chart.data
        .filter((t) => t.type === 'box' && t.name === 'arm64')
        .flatMap((t) => t.meta?.boxKeys ?? []);
    });
    expect(armBoxes.sort()).toEqual([
      'hello-node|arm64|1024',
      'hello-py311|arm64|1024',
      'hello-runtime-al2|arm64|1024',
    ]);
    expect(await card.textContent()).toContain('1 corrected');
    await shot('06b-function-override-light');

    await page.click('[data-testid=open-export-csv]');
    await page.check('[data-testid=csv-scope-all]');
    await page.click('[data-testid=export-csv-submit]');
    await page.waitForFunction(() => (window as unknown as { __saved: unknown[] }).__saved.length === 4);
    const csv = (await saved())[3]!;
    const rows = csv.data.trim().split('\n');
    const header = rows[0]!.split(';');
    const [name, arch] = [header.indexOf('Name'), header.indexOf('Arch')];
    const goArchs = rows
      .slice(1)
      .map((r) => r.split(';'))
      .filter((c) => c[name] === 'hello-runtime-go')
      .map((c) => c[arch]);
    expect(goArchs).toHaveLength(30);
    expect(new Set(goArchs)).toEqual(new Set(['x86_64']));
  });

  it('looks right in the dark theme, on every screen', async () => {
    await page.click('[data-testid=toggle-theme]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.click('[data-testid=tab-stats]');
    await shot('07-analyse-dark');
    for (const view of ['measure', 'fetch', 'history']) {
      await page.click(`[data-testid=nav-${view}]`);
      await page.waitForSelector(`[data-testid=${view}-view]`);
      await shot(`08-${view}-dark`);
    }
    await page.click('[data-testid=toggle-theme]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    for (const view of ['measure', 'fetch', 'history']) {
      await page.click(`[data-testid=nav-${view}]`);
      await page.waitForSelector(`[data-testid=${view}-view]`);
      await shot(`09-${view}-light`);
    }
    await page.click('[data-testid=nav-analyse]');
    // The window sizes people use: the smallest supported (1024×768) and a common laptop (1440×900).
    for (const [width, height] of [
      [1024, 768],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const theme of ['light', 'dark']) {
        if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) {
          await page.click('[data-testid=toggle-theme]');
          await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
        }
        for (const view of ['analyse', 'measure', 'fetch', 'history']) {
          await page.click(`[data-testid=nav-${view}]`);
          await page.waitForSelector(`[data-testid=${view}-view]`);
          // The chart follows the window size: wait until it has.
          if (view === 'analyse')
            await page.waitForFunction(() => {
              const chart = document.querySelector('[data-testid=chart]');
              const svg = chart?.querySelector('svg.main-svg');
              return !!chart && !!svg && Math.abs(svg.getBoundingClientRect().width - chart.clientWidth) < 2;
            });
          await shot(`10-${view}-${width}x${height}-${theme}`);
        }
      }
    }
    await page.setViewportSize({ width: 1360, height: 1300 });
    await page.click('[data-testid=toggle-theme]');
    await page.click('[data-testid=nav-analyse]');
    expect(readdirSync(shots).filter((f) => !f.startsWith('exported-')).length).toBeGreaterThanOrEqual(14);
  });

  it('menu commands reach the view: File › Export chart opens the dialog', async () => {
    await page.evaluate(() =>
      (window as unknown as { __fireMenu: (c: string) => void }).__fireMenu('export-chart'),
    );
    await page.waitForSelector('[data-testid=export-chart-dialog]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=export-chart-dialog]', { state: 'detached' });
  });

  it('ran without CSP violations or console errors', async () => {
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
