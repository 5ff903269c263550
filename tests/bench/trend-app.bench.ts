// Speed figures for `npm run bench`: the built renderer in Chromium importing a year of generated lambda-perf
// daily files (365 × 6,000 cold starts, dropped on the window at once, parsed in the worker, one dataset) to
// the first trend chart, then redraws of the trend. Prints, never asserts on time.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { goalLine } from './goal';
import { rendererCpuMs, startProfile, stopProfile } from './cpu-profile';
import { lambdaPerfDays } from '../e2e/support/lambda-perf-days';
import {
  buildRenderer,
  CHROMIUM,
  installTestBridge,
  launchChromium,
  serveDir,
} from '../e2e/support/renderer-harness';

const DAYS = 365;

const trendRenders = (page: Page) =>
  page.getAttribute('[data-testid=trend-chart]', 'data-render-count').then(Number);

describe.skipIf(!existsSync(CHROMIUM))('a year of public baselines in the app (Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let outDir: string;
  let server: { url: string; close: () => Promise<void> };
  const names: string[] = [];

  beforeAll(async () => {
    // A profile wants function names: the bundle is then left unminified.
    outDir = await buildRenderer({ minify: !process.env.COLDSTART_PROFILE });
    mkdirSync(join(outDir, 'days'));
    let bytes = 0;
    for (const f of lambdaPerfDays(DAYS, { driftFrom: 200 })) {
      writeFileSync(join(outDir, 'days', f.name), f.text);
      names.push(f.name);
      bytes += f.text.length;
    }
    console.log(
      `${DAYS} daily files, ${(bytes / 1e6).toFixed(1)} MB, ${(DAYS * 6000).toLocaleString('en')} samples`,
    );
    server = await serveDir(outDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await installTestBridge(page, []);
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=chart] path.box', { timeout: 120_000 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  /** Milliseconds from an action to the trend's next draw, and the draw's own part (figure + Plotly). */
  async function timeRedraw(
    action: () => Promise<void>,
    label = '',
  ): Promise<{ wall: number; draw: number; cpu: number }> {
    // COLDSTART_PROFILE=out.cpuprofile COLDSTART_PROFILE_STEP='at most 50': that redraw's profile instead.
    const step = process.env.COLDSTART_PROFILE_STEP;
    const profiling =
      process.env.COLDSTART_PROFILE && step !== undefined && label.startsWith(step)
        ? await startProfile(page)
        : null;
    const before = await trendRenders(page);
    const cpu0 = await rendererCpuMs(browser);
    const t0 = await page.evaluate(() => performance.now());
    await action();
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-render-count')) > n,
      before,
    );
    const [end, draw] = await page.evaluate(() => {
      const m = performance.getEntriesByName('coldstart:trend-draw').at(-1) as PerformanceMeasure;
      return [m.startTime + m.duration, m.duration];
    });
    const cpu = (await rendererCpuMs(browser)) - cpu0;
    if (profiling)
      for (const line of await stopProfile(profiling, process.env.COLDSTART_PROFILE as string, 30))
        console.log(line);
    return { wall: end - t0, draw, cpu };
  }

  it('drops 365 daily files at once: import through the worker and first trend chart, then redraws', async () => {
    await page.click('[data-testid=tab-trend]');
    // Fetched into Files first, so the timing is the app's (drop → worker → trend), not the network's.
    await page.evaluate(async (files) => {
      const w = window as unknown as { __benchFiles: File[] };
      w.__benchFiles = await Promise.all(
        files.map(async (name) => new File([await (await fetch(`./days/${name}`)).blob()], name)),
      );
    }, names);
    const profiling =
      process.env.COLDSTART_PROFILE && !process.env.COLDSTART_PROFILE_STEP ? await startProfile(page) : null;
    const cpu0 = await rendererCpuMs(browser);
    const t0 = await page.evaluate(() => {
      const data = new DataTransfer();
      const w = window as unknown as { __benchFiles: File[]; __datasetsAt?: number };
      for (const f of w.__benchFiles) data.items.add(f);
      // When the batch's dataset card is on screen, every file is in the workspace; the charts draw after.
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid=dataset-files]') !== null) {
          w.__datasetsAt = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
      const start = performance.now();
      document
        .querySelector('.app')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      return start;
    });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=dataset-files]') !== null &&
        Number(document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-render-count')) > 0,
      undefined,
      { timeout: 300_000 },
    );
    const phases = await page.evaluate((t0) => {
      const imports = performance
        .getEntriesByName('coldstart:import')
        .map((m) => (m as PerformanceMark).detail);
      const sum = (k: string) => imports.reduce((s: number, d: Record<string, number>) => s + (d[k] ?? 0), 0);
      const last = (n: string) => {
        const m = performance.getEntriesByName(n).at(-1) as PerformanceMeasure | undefined;
        return m === undefined || m.startTime < t0 ? NaN : m.duration;
      };
      const draw = performance.getEntriesByName('coldstart:trend-draw').at(-1) as PerformanceMeasure;
      const lastImport = imports.at(-1) as {
        startedAt: number;
        readMs: number;
        parseMs: number;
        encodeMs: number;
      };
      return {
        workerDoneAt:
          lastImport.startedAt -
          performance.timeOrigin +
          lastImport.readMs +
          lastImport.parseMs +
          lastImport.encodeMs,
        datasetsAt: (window as unknown as { __datasetsAt: number }).__datasetsAt,
        group: last('coldstart:group'),
        boxes: last('coldstart:boxes:init'),
        join: last('coldstart:join'),
        files: imports.length,
        read: sum('readMs'),
        parse: sum('parseMs'),
        encode: sum('encodeMs'),
        trend: last('coldstart:trend'),
        draw: draw.duration,
        drawnAt: draw.startTime + draw.duration,
      };
    }, t0);
    const firstTrend = phases.drawnAt - t0;
    // Up to now: a little after the first draw (the renderer is idle until the next action).
    const firstTrendCpu = (await rendererCpuMs(browser)) - cpu0;
    const profileLines = profiling
      ? await stopProfile(profiling, process.env.COLDSTART_PROFILE as string)
      : [];
    expect(phases.files).toBe(DAYS);
    // One dataset for the year: its card gives the files and their days.
    expect(await page.locator('[data-testid=dataset]').count()).toBe(1);
    expect(await page.textContent('[data-testid=dataset-files]')).toContain(`${DAYS} files`);
    expect(await page.textContent('[data-testid=trend-count]')).toContain('10 of 600 lines');
    const fifty = await timeRedraw(
      () => page.selectOption('[data-testid=trend-limit]', '50').then(() => undefined),
      'at most 50 lines',
    );
    // What a year of 50 lines looks like (no bands above 10 lines, the view's own legend).
    const shot = join(tmpdir(), 'coldstart-bench-trend-50.png');
    await page.locator('[data-testid=trend-view]').screenshot({ path: shot });
    const redraws = [
      ['at most 50 lines', fifty],
      [
        'at most 10 lines',
        await timeRedraw(() => page.selectOption('[data-testid=trend-limit]', '10').then(() => undefined)),
      ],
      [
        'filter "nodejs arm64"',
        await timeRedraw(() => page.fill('[data-testid=trend-search]', 'nodejs arm64')),
      ],
      ['filter cleared', await timeRedraw(() => page.fill('[data-testid=trend-search]', ''))],
      ['p90 lines on', await timeRedraw(() => page.click('[data-testid=trend-p90]'), 'p90 lines on')],
      ['p90 lines off', await timeRedraw(() => page.click('[data-testid=trend-p90]'))],
    ] as const;
    const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
    console.log(
      [
        `drop ${DAYS} files → first trend chart: ${ms(firstTrend)} (renderer CPU ${ms(firstTrendCpu)})`,
        `  the 50-line trend: ${shot}`,
        `  drop → last file out of the worker: ${ms(phases.workerDoneAt - t0)}`,
        `  drop → the year's dataset card on screen: ${ms(phases.datasetsAt - t0)}`,
        `  join the files' columns (worker): ${ms(phases.join)}`,
        // NaN: not computed (the Trend tab is open).
        `  box chart: groups ${ms(phases.group)}, boxes ${ms(phases.boxes)} (window)`,
        `  read in the worker (sum): ${ms(phases.read)}`,
        `  parseLambdaPerfDay (sum, worker): ${ms(phases.parse)}`,
        `  pack + post the columns (sum, worker): ${ms(phases.encode)}`,
        `  daily medians of 600 groups × ${DAYS} days (window): ${ms(phases.trend)}`,
        `  trend figure + Plotly draw: ${ms(phases.draw)}`,
        ...redraws.map(
          ([label, r]) =>
            `redraw, ${label}: ${ms(r.wall)} (figure + Plotly ${r.draw.toFixed(0)} ms; renderer CPU ${r.cpu.toFixed(0)} ms)`,
        ),
        goalLine(
          `drop ${DAYS} daily files → first trend chart`,
          'ms',
          firstTrend,
          firstTrendCpu,
          10_000,
          false,
        ),
        goalLine(
          'trend redraw (slowest of the above)',
          'ms',
          Math.max(...redraws.map(([, r]) => r.wall)),
          Math.max(...redraws.map(([, r]) => r.cpu)),
          200,
          false,
        ),
        ...profileLines,
      ].join('\n'),
    );
  }, 600_000);
});
