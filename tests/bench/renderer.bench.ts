// Speed figures for `npm run bench`: the built renderer in Chromium importing a generated 1,000,000-row CSV
// (dropped on the window, parsed in the worker) to its first chart, and redraws when the metric or the
// coloring changes. Prints, never asserts on time.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { exportCsv } from '../../shared/csv/export-csv';
import { benchSamples, seedCsv } from './bench-samples';
import { dailyBenchmarkSamples } from '../e2e/support/chart-data';
import { goalLine } from './goal';
import { startProfile, stopProfile } from './cpu-profile';
import {
  buildRenderer,
  CHROMIUM,
  installTestBridge,
  launchChromium,
  serveDir,
} from '../e2e/support/renderer-harness';

const ROWS = 1_000_000;

const renderedAt = (page: Page) => page.getAttribute('[data-testid=chart]', 'data-rendered-at').then(Number);
const renderCount = (page: Page) =>
  page.getAttribute('[data-testid=chart]', 'data-render-count').then(Number);

/** The page's main-thread CPU time (ms), the fair figure on a shared machine. */
let cdp: CDPSession | null = null;
async function pageCpuMs(page: Page): Promise<number> {
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

const redraws: { label: string; wall: number; cpu: number }[] = [];

/** Milliseconds from the action (timed in the page) to the end of the chart's next draw. */
async function timeRedraw(
  page: Page,
  action: () => Promise<void>,
  label = '',
  stepName = label,
): Promise<string> {
  // COLDSTART_PROFILE=out.cpuprofile COLDSTART_PROFILE_STEP='sort → median': where that step's time goes.
  const step = process.env.COLDSTART_PROFILE_STEP;
  const profiling =
    process.env.COLDSTART_PROFILE && step !== undefined && stepName.startsWith(step)
      ? await startProfile(page)
      : null;
  const before = await renderCount(page);
  const cpu0 = await pageCpuMs(page);
  const t0 = await page.evaluate(() => performance.now());
  await action();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid=chart]')?.getAttribute('data-render-count')) > n,
    before,
  );
  const wall = (await renderedAt(page)) - t0;
  // Includes the browser's painting of the new chart up to the check above (a frame, roughly).
  const cpu = (await pageCpuMs(page)) - cpu0;
  redraws.push({ label, wall, cpu });
  if (profiling)
    for (const line of await stopProfile(profiling, process.env.COLDSTART_PROFILE as string, 25))
      console.log(line);
  const draw = Number(await page.getAttribute('[data-testid=chart]', 'data-draw-ms'));
  const figure = Number(await page.getAttribute('[data-testid=chart]', 'data-figure-ms'));
  return (
    `${wall.toFixed(0).padStart(6)} ms  (figure ${figure.toFixed(0)} ms + Plotly draw ` +
    `${(draw - figure).toFixed(0)} ms, page CPU ${cpu.toFixed(0)} ms)`
  );
}

describe.skipIf(!existsSync(CHROMIUM))('renderer with 1,000,000 samples in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let outDir: string;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    outDir = await buildRenderer({ minify: !process.env.COLDSTART_PROFILE });
    const samples = benchSamples(ROWS);
    for (const [name, csv] of [
      ['bench-1m-full.csv', exportCsv(samples)],
      ['bench-1m-seed-arm64.csv', seedCsv(samples)],
    ] as const) {
      writeFileSync(join(outDir, name), csv);
      console.log(`${name}: ${ROWS.toLocaleString()} rows, ${(csv.length / 1e6).toFixed(1)} MB`);
    }
    // Shaped like a public daily benchmark: 620 groups of 10 and of 1,600 samples (992,000 rows).
    for (const perGroup of [10, 1600]) {
      const csv = exportCsv(dailyBenchmarkSamples(perGroup));
      writeFileSync(join(outDir, `bench-620x${perGroup}.csv`), csv);
      console.log(`bench-620x${perGroup}.csv: ${(620 * perGroup).toLocaleString()} rows`);
    }
    server = await serveDir(outDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await installTestBridge(page, []);
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=chart] path.box');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  /** CPU seconds Chromium's renderer process (page and import worker) has used so far, when it says. */
  async function rendererCpuSeconds(): Promise<number | null> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    return metrics.find((m) => m.name === 'ProcessTime')?.value ?? null;
  }

  /**
   * Drops the file on the window; milliseconds to the dataset in the workspace and to the first chart, the
   * phases in between, and the GOAL line (drop → first chart under `goalMs`: issue 12 asks 2 s for the
   * 131 MB full-format file, 1.3 s for the 33 MB seed-format one).
   */
  async function dropAndChart(
    fileName: string,
    boxes: number,
    rows = ROWS,
    goalMs = 2000,
  ): Promise<[string, number][]> {
    const dataset = fileName.replace(/\.csv$/, '');
    await page.reload();
    await page.waitForSelector('[data-testid=chart] path.box');
    // The file is fetched into a File first, so the timing is the app's (drop → worker → chart), not the network's.
    await page.evaluate(async (name) => {
      const blob = await (await fetch(`./${name}`)).blob();
      (window as unknown as { __benchFile: File }).__benchFile = new File([blob], name, { type: 'text/csv' });
    }, fileName);
    const cpuBefore = await rendererCpuSeconds();
    const t0 = await page.evaluate((name) => {
      const data = new DataTransfer();
      data.items.add((window as unknown as { __benchFile: File }).__benchFile);
      const w = window as unknown as { __datasetAt?: number };
      // When the dataset card appears, the worker is done, the columns are in the workspace and the boxes of
      // the chart computed; the chart draws after.
      new MutationObserver((_, observer) => {
        if (document.querySelector(`[data-testid=dataset][data-name="${name}"]`)) {
          w.__datasetAt = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
      const start = performance.now();
      document
        .querySelector('.app')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      return start;
    }, dataset);
    await page.waitForFunction(
      ([name, n]) =>
        document.querySelector('[data-testid=dataset]')?.getAttribute('data-name') === name &&
        document.querySelector('[data-testid=chart]')?.getAttribute('data-box-count') === String(n),
      [dataset, boxes] as const,
      { timeout: 120_000 },
    );
    const firstChart = (await renderedAt(page)) - t0;
    const cpuAfter = await rendererCpuSeconds();
    expect(await page.textContent('[data-testid=dataset-list]')).toContain(
      `${rows.toLocaleString('en-US')} samples`,
    );
    const datasetAt = await page.evaluate(() => (window as unknown as { __datasetAt: number }).__datasetAt);
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByName('coldstart:import')
        .map((m) => (m as PerformanceMark).detail as Record<string, number>),
    );
    const t = marks.at(-1)!;
    // The window's steps of the first chart (the last of each: the ones for this file).
    const steps = await page.evaluate(() =>
      Object.fromEntries(
        // The first chart shows Init; the other metrics' boxes are computed after it, when the window is idle.
        ['combos', 'group', 'boxes:init', 'dimensions'].map((step) => [
          step,
          performance.getEntriesByName(`coldstart:${step}`).at(-1)?.duration ?? NaN,
        ]),
      ),
    );
    const drawMs = Number(await page.getAttribute('[data-testid=chart]', 'data-draw-ms'));
    // CPU of the renderer process (window and worker threads, garbage collector included) over the same span,
    // the fairer figure on a shared machine; wall time when Chromium does not report it.
    const cpuMs = cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) * 1000 : firstChart;
    console.log(goalLine(`drop → first chart, ${fileName}`, 'ms', firstChart, cpuMs, goalMs, false));
    return [
      [`${fileName}: drop → dataset card on screen`, datasetAt - t0],
      [`  worker started, file handed over`, t.waitMs!],
      [`  read in the worker`, t.readMs!],
      [`  importCsvFile (bytes → columns, worker)`, t.parseMs!],
      [`  pack + post the columns (worker)`, t.encodeMs!],
      [`  rows by function/arch/memory (window)`, steps.combos!],
      [`  groups (window)`, steps.group!],
      [`  boxes of the metric (window)`, steps['boxes:init']!],
      [`  filter lists (window)`, steps.dimensions!],
      [`  card on screen → first chart drawn`, firstChart - (datasetAt - t0)],
      [`  chart figure + Plotly draw`, drawMs],
      [`${fileName}: drop → first chart`, firstChart],
      [`  renderer process CPU, drop → first chart`, cpuMs],
    ];
  }

  it('imports a dropped 1,000,000-row CSV to the first chart, then redraws on metric and coloring changes', async () => {
    // Seed format: the arch comes from the file name, so 4 functions × 4 memory sizes.
    const figures: [string, number | string][] = await dropAndChart(
      'bench-1m-seed-arm64.csv',
      16,
      ROWS,
      1300,
    );
    figures.push(...(await dropAndChart('bench-1m-full.csv', 32)));
    figures.push([
      'switch metric → duration (first time)',
      await timeRedraw(
        page,
        () => page.selectOption('[data-testid=metric-select]', 'duration').then(() => undefined),
        'first',
      ),
    ]);
    figures.push([
      'switch metric → init (cached)',
      await timeRedraw(page, () =>
        page.selectOption('[data-testid=metric-select]', 'init').then(() => undefined),
      ),
    ]);
    figures.push([
      'switch coloring → memory',
      await timeRedraw(page, () => page.click('[data-testid=color-by-memory]')),
    ]);
    figures.push([
      'switch coloring → arch',
      await timeRedraw(page, () => page.click('[data-testid=color-by-arch]')),
    ]);
    figures.push(['points off', await timeRedraw(page, () => page.click('[data-testid=show-points]'))]);
    figures.push([
      'switch coloring → memory, points off',
      await timeRedraw(page, () => page.click('[data-testid=color-by-memory]')),
    ]);
    for (const [label, ms] of figures)
      console.log(`${label.padEnd(48)} ${typeof ms === 'number' ? `${ms.toFixed(0).padStart(6)} ms` : ms}`);
    // Issue 5's redraw aim. A first switch to a metric right after the import also waits for that metric's
    // boxes (computed in idle time after the first chart), so it gets its own line; its CPU figure also holds
    // the idle-time computing of the other metrics that follows the draw.
    const first = redraws.filter((r) => r.label === 'first');
    const cached = redraws.filter((r) => r.label !== 'first');
    const worst = (rs: typeof redraws, key: 'wall' | 'cpu') => Math.max(...rs.map((r) => r[key]));
    console.log(
      goalLine(
        'redraw on a switch of metric (cached) or coloring, slowest of 5',
        'ms',
        worst(cached, 'wall'),
        worst(cached, 'cpu'),
        150,
        false,
      ),
    );
    console.log(
      goalLine(
        'redraw on the first switch to a metric after the import',
        'ms',
        worst(first, 'wall'),
        worst(first, 'cpu'),
        150,
        false,
      ),
    );
    // The next test starts from the default chart: its first coloring click must change something.
    await timeRedraw(page, () => page.click('[data-testid=color-by-arch]'), 'reset');
    await timeRedraw(page, () => page.click('[data-testid=show-points]'), 'reset');
  });

  it('redraws 620 groups (of 10 and of 1,600 samples) after a metric, sort or coloring switch', async () => {
    const lines: string[] = [];
    for (const perGroup of [10, 1600]) {
      const before = redraws.length;
      const figures = await dropAndChart(`bench-620x${perGroup}.csv`, 620, 620 * perGroup);
      lines.push(`620 groups × ${perGroup}: drop → first chart ${figures.at(-2)![1].toFixed(0)} ms`);
      for (const [label, ms] of figures)
        lines.push(`    ${label.padEnd(50)} ${ms.toFixed(0).padStart(6)} ms`);
      const steps: [string, () => Promise<unknown>][] = [
        ['metric → duration (first)', () => page.selectOption('[data-testid=metric-select]', 'duration')],
        ['metric → init (cached)', () => page.selectOption('[data-testid=metric-select]', 'init')],
        ['sort → median', () => page.selectOption('[data-testid=sort-select]', 'median')],
        ['sort → p90', () => page.selectOption('[data-testid=sort-select]', 'p90')],
        ['sort → name', () => page.selectOption('[data-testid=sort-select]', 'name')],
        ['coloring → memory', () => page.click('[data-testid=color-by-memory]')],
        ['coloring → arch', () => page.click('[data-testid=color-by-arch]')],
      ];
      for (const [label, action] of steps)
        lines.push(
          `  620 × ${perGroup} ${label.padEnd(28)} ${await timeRedraw(
            page,
            () => action().then(() => undefined),
            label.includes('first') ? 'first' : `620x${perGroup}`,
            `${perGroup} ${label}`,
          )}`,
        );
      // Only the rows near the card's view are drawn (chart-window.ts): scrolling far draws those in view.
      lines.push(
        `  620 × ${perGroup} ${'scroll half the chart down'.padEnd(28)} ${await timeRedraw(
          page,
          () =>
            page
              .$eval('[data-testid=chart-scroll]', (e) => (e.scrollTop += e.scrollHeight / 2))
              .then(() => undefined),
          'scroll',
        )}`,
      );
      await page.$eval('[data-testid=chart-scroll]', (e) => (e.scrollTop = 0));
      const mine = redraws.slice(before).filter((r) => r.label === `620x${perGroup}`);
      lines.push(
        goalLine(
          `redraw of 620 groups × ${perGroup} on a metric (cached), sort or coloring switch, slowest of ${mine.length}`,
          'ms',
          Math.max(...mine.map((r) => r.wall)),
          Math.max(...mine.map((r) => r.cpu)),
          150,
          false,
        ),
      );
    }
    for (const line of lines) console.log(line);
  });
});
