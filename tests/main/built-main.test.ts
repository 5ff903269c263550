import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_NAMES, invokeChannel } from '../../shared/ipc/channels';

const repoRoot = join(import.meta.dirname, '..', '..');
const builtMain = join(repoRoot, 'dist-electron', 'main.js');

interface StartupRecord {
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  channels: string[];
  listeners: string[];
  windows: { webPreferences: Record<string, unknown> }[];
  permissionsDenied: boolean;
  menu: boolean;
  readyBeforeScheme: boolean;
  url: string;
}

/**
 * The bundle Vite built (ESM, its libraries inlined) run under plain Node with a fake `electron`: without an
 * Electron binary this is how we know the shipped main.js loads and starts, not just its sources.
 */
describe('built main process (dist-electron/main.js)', () => {
  let record: StartupRecord;

  beforeAll(() => {
    if (!existsSync(builtMain)) {
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
    const run = spawnSync(
      process.execPath,
      ['--import', join(import.meta.dirname, 'fixtures', 'fake-electron-hooks.mjs'), builtMain],
      { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 },
    );
    const line = run.stdout.split('\n').find((l) => l.startsWith('BUILT-MAIN '));
    if (!line) throw new Error(`the built main did not start (exit ${run.status}):\n${run.stderr}`);
    record = JSON.parse(line.slice('BUILT-MAIN '.length)) as StartupRecord;
  });

  it('registers app:// as a privileged scheme before ready and loads the page from it', () => {
    expect(record.schemes.map((s) => s.scheme)).toEqual(['app']);
    expect(record.readyBeforeScheme).toBe(false);
    expect(record.url).toBe('app://coldstart/index.html');
  });

  it("answers exactly the contract's channels (electron-log's own is closed)", () => {
    expect([...record.channels].sort()).toEqual(INVOKE_NAMES.map(invokeChannel).sort());
    expect(record.listeners).not.toContain('__ELECTRON_LOG__');
  });

  it('opens one sandboxed window with the built preload, denies permissions, sets the menu', () => {
    expect(record.windows).toHaveLength(1);
    expect(record.windows[0]?.webPreferences).toMatchObject({
      preload: join(repoRoot, 'dist-electron', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(record.permissionsDenied).toBe(true);
    expect(record.menu).toBe(true);
  });
});

describe('what the package holds of the main process', () => {
  it('packs every chunk the built main.js imports (the AWS SDK loads its credential providers with import())', () => {
    if (!existsSync(builtMain)) throw new Error(`${builtMain} is missing: the test above builds it`);
    const require = createRequire(import.meta.url);
    const { files } = require('../../build/electron-builder.config.cjs') as { files: string[] };
    const code = readFileSync(builtMain, 'utf8');
    const chunks = [...code.matchAll(/(?:import\(|from\s*)["']\.\/([^"']+)["']/g)].map((m) => m[1] as string);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      expect(existsSync(join(repoRoot, 'dist-electron', chunk))).toBe(true);
      // Only a top-level *.js under dist-electron/ is packed besides preload.cjs.
      expect(files).toContain('dist-electron/*.js');
      expect(chunk).toMatch(/^[^/]+\.js$/);
    }
  });
});
