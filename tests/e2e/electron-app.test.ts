import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { electronBinary } from './electron-binary';

const repoRoot = join(import.meta.dirname, '..', '..');
const binary = electronBinary(repoRoot);
if (!binary)
  console.log(
    'skipped: no Electron binary (node_modules/electron/dist is missing; this machine cannot download it)',
  );

/** Three cold starts in the original semicolon format, written fresh for the test. */
const CSV = [
  'Name;Memory;Init;Cold;Billed',
  'hello-node;128;152.4;3.2;156',
  'hello-node;128;149.9;2.8;153',
  'hello-py311;128;98.1;1.9;100',
  '',
].join('\n');

describe.skipIf(!binary)('desktop app (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  const work = mkdtempSync(join(tmpdir(), 'coldstart-e2e-'));
  const csvPath = join(work, 'speed-x86-128.csv');

  beforeAll(async () => {
    if (
      !existsSync(join(repoRoot, 'dist-electron', 'main.js')) ||
      !existsSync(join(repoRoot, 'dist', 'index.html'))
    ) {
      const built = spawnSync(
        process.execPath,
        [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
        {
          cwd: repoRoot,
          stdio: 'inherit',
        },
      );
      expect(built.status).toBe(0);
    }
    writeFileSync(csvPath, CSV);
    app = await _electron.launch({
      executablePath: binary ?? undefined,
      args: [repoRoot, `--user-data-dir=${join(work, 'user-data')}`],
      env: { ...process.env, COLDSTART_STATE_DIR: join(work, 'state'), ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('loads the renderer from the app:// origin with the bridge and without Node', async () => {
    expect(page.url()).toBe('app://coldstart/index.html');
    const globals = await page.evaluate(() => {
      const page = globalThis as unknown as { coldstart?: object; require?: unknown; process?: unknown };
      return { bridge: typeof page.coldstart, require: typeof page.require, process: typeof page.process };
    });
    expect(globals).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
  });

  it('imports a CSV through File › Import and shows a chart', async () => {
    // The native open dialog cannot be clicked by a test: main's dialog answers with the test's file instead.
    await app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => ({
        canceled: false,
        filePaths: [path],
      })) as typeof dialog.showOpenDialog;
    }, csvPath);
    await app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]?.webContents.send('coldstart:event:menuCommand', {
        command: 'import-csv',
      });
    });
    await page.waitForSelector('.js-plotly-plot .main-svg', { timeout: 30_000 });
    expect(await page.locator('.js-plotly-plot').count()).toBeGreaterThan(0);
  });
});
