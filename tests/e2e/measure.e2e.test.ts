import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createEngine } from '../../electron/engine';
import { startFakeAws, type FakeAws } from '../fake-aws/server';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { engineBridge } from './engine-bridge';
import { CHROMIUM, buildRenderer, installTestBridge, launchChromium, serveDir } from './renderer-page';

const ORIGINAL = {
  'hello-node': { memoryMB: 256, variables: { GREETING: 'hello', TABLE_NAME: 'orders' } },
  'hello-py': { memoryMB: 512, variables: { STAGE: 'prod' } },
} as const;

if (!existsSync(CHROMIUM)) console.log(`skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

describe.skipIf(!existsSync(CHROMIUM))(
  'measuring from the app, end to end against the fake AWS endpoint',
  () => {
    let fake: FakeAws;
    let stateDir: string;
    let distDir: string;
    let closeServer: (() => Promise<void>) | undefined;
    let url: string;
    let browser: Browser;
    let page: Page;
    let dark = false;
    let emit: <N extends EventName>(name: N, payload: EventPayload<N>) => Promise<void> = async () =>
      undefined;
    let bridge: ReturnType<typeof engineBridge>;
    const shotsDir = join(tmpdir(), `coldstart-e2e-measure-${process.pid}`);
    const pageErrors: string[] = [];

    /** A screenshot of the current screen in the light and the dark theme. */
    async function screenshots(name: string): Promise<void> {
      // The app scrolls inside its content pane: make the window tall enough to show all of it.
      const height = await page.evaluate(() => {
        const content = document.querySelector('main') ?? document.body;
        content.scrollTop = 0;
        window.scrollTo(0, 0);
        return content.scrollHeight + content.getBoundingClientRect().top;
      });
      await page.setViewportSize({
        width: 1280,
        height: Math.min(4000, Math.max(900, Math.ceil(height) + 16)),
      });
      for (const scheme of ['light', 'dark'] as const) {
        // Both ways an app can learn the theme: the OS setting, and main's themeChanged event.
        dark = scheme === 'dark';
        await page.emulateMedia({ colorScheme: scheme });
        await emit('themeChanged', { dark });
        await page.screenshot({ path: join(shotsDir, `${name}-${scheme}.png`), fullPage: true });
      }
      dark = false;
      await page.emulateMedia({ colorScheme: 'light' });
      await emit('themeChanged', { dark });
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    const fnConfig = (name: keyof typeof ORIGINAL) => {
      const fn = fake.lambda.functions.get(name);
      if (!fn) throw new Error(`fake has no ${name}`);
      return { memoryMB: fn.latest.memoryMB, variables: fn.latest.variables };
    };

    /** The bits of the DOM the page functions use (this file compiles without the DOM library). */
    interface El {
      textContent: string | null;
      querySelector(selector: string): El | null;
      querySelectorAll(selector: string): Iterable<El>;
      getAttribute(name: string): string | null;
    }

    const text = (selector: string): Promise<string> => page.locator(selector).first().innerText();

    async function openView(view: 'measure' | 'fetch' | 'history' | 'analyse'): Promise<void> {
      await page.locator(`[data-testid="nav-${view}"]`).click();
      await page.locator(`[data-view="${view}"]`).waitFor();
    }

    async function planTwoByTwoByThree(): Promise<void> {
      for (const name of Object.keys(ORIGINAL)) {
        const row = page.locator(`tr[data-function="${name}"]`);
        if (!(await row.getAttribute('class'))?.includes('selected')) await row.click();
      }
      const chips = page.locator('[data-test="memory-chips"] .chip');
      if ((await chips.count()) === 0) {
        await page.locator('[data-test="memory-input"]').fill('128, 1024');
        await page.locator('[data-test="memory-input"]').press('Enter');
      }
      await page.locator('[data-test="times"]').fill('3');
    }

    beforeAll(async () => {
      await import('node:fs/promises').then((fs) => fs.mkdir(shotsDir, { recursive: true }));
      fake = await startFakeAws({
        updateDelayMs: 30,
        functions: [
          {
            name: 'hello-node',
            runtime: 'nodejs22.x',
            arch: 'x86_64',
            ...structuredClone(ORIGINAL['hello-node']),
          },
          {
            name: 'hello-py',
            runtime: 'python3.13',
            arch: 'arm64',
            logFormat: 'JSON',
            ...structuredClone(ORIGINAL['hello-py']),
          },
          { name: 'container-fn', runtime: null, memoryMB: 1024, logGroup: '/custom/container-fn' },
        ],
      });
      stateDir = await mkdtemp(join(tmpdir(), 'coldstart-e2e-state-'));
      const engine = createEngine({
        stateDir,
        env: { ...fake.env, COLDSTART_POLL_MS: '10', HOME: stateDir },
      });
      distDir = await buildRenderer();
      ({ url, close: closeServer } = await serveDir(distDir));
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      bridge = engineBridge({ engine, emit: (n, p) => emit(n, p), exportDir: stateDir, dark: () => dark });
      emit = await installTestBridge(page, bridge.invoke);
      await page.goto(url);
      console.log(`screenshots: ${shotsDir}`);
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await closeServer?.();
      await fake?.close();
      if (stateDir) await rm(stateDir, { recursive: true, force: true });
      if (distDir) await rm(distDir, { recursive: true, force: true });
    });

    it('connects and lists the functions of the region', async () => {
      await openView('measure');
      await screenshots('01-connection');
      await page.locator('[data-test="connect"]').click();
      await page.locator('[data-test="account"]').waitFor();
      expect(await text('[data-test="account"]')).toContain('123456789012');
      await page.locator('tr[data-function="container-fn"]').waitFor();
      const rows = await page
        .locator('tr[data-function]')
        .evaluateAll((trs) =>
          (trs as unknown as El[]).map((tr) =>
            Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim()),
          ),
        );
      expect(rows.map((r) => r.slice(1, 7))).toEqual([
        ['container-fn', 'container image', 'x86_64', '1024 MB', 'Image', 'Text'],
        ['hello-node', 'nodejs22.x', 'x86_64', '256 MB', 'Zip', 'Text'],
        ['hello-py', 'python3.13', 'arm64', '512 MB', 'Zip', 'JSON'],
      ]);
      await page.locator('[data-test="function-search"]').fill('arm64');
      expect(await page.locator('tr[data-function]').count()).toBe(1);
      await page.locator('[data-test="function-search"]').fill('');
    });

    it('plans 2 functions × 2 memory sizes × 3 samples, runs it to 100% and fills the chart live', async () => {
      await planTwoByTwoByThree();
      expect(await text('[data-test="est-updates"]')).toBe('12');
      expect(await text('[data-test="est-invocations"]')).toBe('12');
      expect(await text('[data-test="est-cost"]')).toMatch(/^≈ \$0\.0000\d+$/);
      await screenshots('02-planner');
      await page.locator('[data-test="start-run"]').click();
      await page.locator('[data-test="outcome"]').waitFor({ timeout: 60_000 });
      expect(await text('[data-test="outcome"]')).toBe('Run completed: 12 samples.');
      expect(await page.locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');
      expect(await text('[data-test="done-total"]')).toBe('12 / 12');
      expect(await page.locator('[data-test="live-results"]').getAttribute('data-samples')).toBe('12');
      // The live chart: one box per function × memory size, drawn by the Analyse view's chart component.
      await page.waitForFunction(
        () =>
          document
            .querySelector('[data-test="live-results"] [data-testid="chart"]')
            ?.getAttribute('data-box-count') === '4',
      );
      expect(await page.locator('[data-test="live-results"] [data-testid="chart"] path.box').count()).toBe(4);
      expect(await page.locator('[data-test="live-results"] [data-testid="stats-row"]').count()).toBe(4);
      const costRows = await page
        .locator('[data-view="measure"] [data-test="cost-table"] tbody tr')
        .evaluateAll((trs) => (trs as unknown as El[]).map((tr) => tr.getAttribute('data-row')));
      expect(costRows).toEqual([
        'hello-node|x86_64|128',
        'hello-node|x86_64|1024',
        'hello-py|arm64|128',
        'hello-py|arm64|1024',
      ]);
      await screenshots('03-run-completed');
      expect(fnConfig('hello-node')).toEqual(ORIGINAL['hello-node']);
      expect(fnConfig('hello-py')).toEqual(ORIGINAL['hello-py']);
    });

    it('cancels a second run halfway: the functions are restored first, and the app says so', async () => {
      (fake.lambda.options as { updateDelayMs: number }).updateDelayMs = 400;
      await page.locator('[data-test="dismiss-run"]').click();
      await planTwoByTwoByThree();
      await page.locator('[data-test="run-name"]').fill('to be cancelled');
      await page.locator('[data-test="start-run"]').click();
      await page.waitForFunction(() => {
        const shown =
          (globalThis as unknown as { document: El }).document.querySelector('[data-test="done-total"]')
            ?.textContent ?? '';
        const [done] = shown.split('/').map((n: string) => Number(n.trim()));
        return (done ?? 0) >= 4;
      });
      const doneAtCancel = Number((await text('[data-test="done-total"]')).split('/')[0]);
      expect(doneAtCancel).toBeLessThan(12);
      await page.locator('[data-test="cancel-run"]').click();
      await page.locator('[data-test="outcome"]').waitFor({ timeout: 60_000 });
      expect(await text('[data-test="outcome"]')).toMatch(
        /^Cancelled: the functions were restored, then the run stopped \(\d+ samples kept\)\.$/,
      );
      expect(await page.locator('[data-test="restored"] li').count()).toBeGreaterThan(0);
      expect(await text('[data-test="done-total"]')).toMatch(/^\d+ \/ 12$/);
      await screenshots('04-run-cancelled');
      (fake.lambda.options as { updateDelayMs: number }).updateDelayMs = 30;
      expect(fnConfig('hello-node')).toEqual(ORIGINAL['hello-node']);
      expect(fnConfig('hello-py')).toEqual(ORIGINAL['hello-py']);
      expect(bridge.running()).toBe(0);
    });

    it('fetches the cold starts of the last hour from CloudWatch into a dataset', async () => {
      await openView('fetch');
      for (const name of Object.keys(ORIGINAL)) await page.locator(`tr[data-function="${name}"]`).click();
      await screenshots('05-fetch');
      await page.locator('[data-test="start-fetch"]').click();
      await page.locator('[data-test="outcome"]').waitFor({ timeout: 60_000 });
      const coldReports = fake.logStore
        .all()
        .filter(
          (e) => /REPORT|platform\.report/.test(e.message) && /Init Duration|initDurationMs/.test(e.message),
        );
      expect(coldReports.length).toBeGreaterThanOrEqual(12);
      expect(await text('[data-test="outcome"]')).toBe(`Fetch completed: ${coldReports.length} samples.`);
      await screenshots('06-fetch-done');
    });

    it('lists every run in the history after a restart, and reopens and compares runs', async () => {
      await page.reload();
      // The restart reopens the view that was open (Fetch) at once, and the three runs open before it: only
      // then is a tab click the user's last word (the restore used to switch the view back when it ended).
      await page.locator('[data-view="fetch"]').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="dataset"]').length === 3);
      await openView('history');
      await page.locator('tr[data-run]').nth(2).waitFor();
      const rows = await page.locator('tr[data-run]').evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.querySelector('[data-test="run-name"]')?.textContent?.trim(),
          state: tr.querySelector('.state')?.textContent?.trim(),
          kind: tr.querySelectorAll('td')[3]?.textContent?.trim(),
        })),
      );
      expect(rows.map((r) => `${r.kind} ${r.state}`)).toEqual([
        'fetched completed',
        'measured cancelled',
        'measured completed',
      ]);
      expect(rows[1]?.name).toBe('to be cancelled');
      await screenshots('07-history');

      const measured = page.locator('tr[data-run]').nth(2);
      await measured.locator('[data-test="export-run"]').click();
      await page.locator('[data-test="history-notice"]').waitFor();
      const exported = (await text('[data-test="history-notice"]')).replace('Exported to ', '');
      expect((await readFile(exported, 'utf8')).trim().split('\n')).toHaveLength(13);

      await measured.locator('[data-test="open-run"]').click();
      await page.locator('[data-testid="analyse-view"]').waitFor();
      await page.waitForFunction(
        () =>
          document
            .querySelector('[data-testid="analyse-view"] [data-testid="chart"]')
            ?.getAttribute('data-box-count') === '4',
      );
      // The restart brought back the workspace: the three runs that were open before it (measured, cancelled,
      // fetched); opening one of them again shows it, it does not add a second copy.
      expect(await page.locator('[data-testid="dataset"]').count()).toBe(3);
      await page.locator('[data-testid="tab-cost"]').click();
      expect(await page.locator('[data-test="cost-table"] tbody tr').count()).toBe(4);
      await screenshots('08-reopened-with-cost');

      await openView('history');
      await page.locator('tr[data-run]').nth(0).locator('input[type="checkbox"]').check();
      await page.locator('tr[data-run]').nth(2).locator('input[type="checkbox"]').check();
      expect(await text('[data-test="compare-selected"]')).toBe('Compare 2 runs');
      await page.locator('[data-test="compare-selected"]').click();
      await page.locator('[data-testid="analyse-view"]').waitFor();
      // Compare shows the two runs side by side; the third one open since the restart is hidden, not closed.
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="dataset"]:not(.hidden)').length === 2,
      );
      expect(await page.locator('[data-testid="dataset"]').count()).toBe(3);
      await screenshots('09-compare');
      expect(pageErrors).toEqual([]);
    });

    it('a function that fails is named with what AWS said, and does not stop the others', async () => {
      await openView('measure');
      await page.locator('[data-test="connect"]').click();
      await page.locator('tr[data-function="hello-py"]').waitFor();
      await page.locator('tr[data-function="hello-node"]').click();
      await page.locator('tr[data-function="hello-py"]').click();
      await page.locator('[data-test="memory-input"]').fill('512');
      await page.locator('[data-test="memory-input"]').press('Enter');
      await page.locator('[data-test="times"]').fill('2');
      fake.lambda.failNextUpdate(
        'hello-py',
        'Lambda was unable to pull the layer arn:aws:lambda:eu-west-1:1:layer:x:1',
      );
      await page.locator('[data-test="start-run"]').click();
      await page.locator('[data-test="outcome"]').waitFor({ timeout: 60_000 });
      expect(await text('[data-test="outcome"]')).toMatch(/^Run finished with errors: 2 samples/);
      expect(await text('[data-test="done-total"]')).toBe('2 / 4');
      const errors = await text('[data-test="run-errors"]');
      expect(errors).toContain('hello-py');
      expect(errors).toContain('unable to pull the layer');
      const boxes = await page
        .locator('[data-view="measure"] [data-test="cost-table"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')));
      expect(boxes).toEqual(['hello-node|x86_64|512']);
      await screenshots('10-run-with-error');

      // Measure › Recover interrupted runs: every run finished, so nothing is left to restore.
      await emit('menuCommand', { command: 'recover-runs' });
      await page.locator('[data-test="recovery-none"]').waitFor();
      await screenshots('11-recover');
      await page.locator('[data-test="recovery-close"]').click();
      expect(fnConfig('hello-node')).toEqual(ORIGINAL['hello-node']);
      expect(fnConfig('hello-py')).toEqual(ORIGINAL['hello-py']);
      expect(pageErrors).toEqual([]);
    });
  },
);
