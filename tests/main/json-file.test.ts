import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pendingJsonWrites } from '../../electron/main/json-file';
import { saveThemePreference, settingsFile } from '../../electron/main/settings';
import { saveWindowState, windowStateFile } from '../../electron/main/window-state';

/** Every fsync (file or directory) and rename, in order. */
const disk = vi.hoisted(() => ({ events: [] as string[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const { recordingFsPromises } = await import('../disk-events');
  return recordingFsPromises(await importOriginal(), disk.events);
});

const POSIX = process.platform !== 'win32';
let previousUmask = 0;
beforeAll(() => {
  if (POSIX) previousUmask = process.umask(0o022);
});
afterAll(() => {
  if (POSIX) process.umask(previousUmask);
});

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

const tmpName = (e: string) => e.replace(/\/\.([\w-]+\.json)\.[^/]*$/, '/.$1.TMP');

describe('settings and window state files', () => {
  it.each([
    ['settings.json', (d: string) => saveThemePreference(d, 'dark'), settingsFile],
    [
      'window-state.json',
      (d: string) => saveWindowState(d, { x: 1, y: 2, width: 900, height: 700, maximized: false }),
      windowStateFile,
    ],
  ])(
    'writes %s atomically and flushed: temporary file synced, renamed, directory synced',
    async (name, save, file) => {
      dir = await mkdtemp(join(tmpdir(), 'coldstart-json-'));
      disk.events.length = 0;
      await save(dir);
      expect(file(dir)).toBe(join(dir, name));
      expect(disk.events.map(tmpName)).toEqual([
        `sync ${dir}/.${name}.TMP`,
        `rename ${dir}/${name}`,
        `sync ${dir}`,
      ]);
      expect(await readdir(dir)).toEqual([name]);
      if (POSIX) expect(((await stat(file(dir))).mode & 0o777).toString(8)).toBe('600');
    },
  );

  it('tells main which writes are still under way, so that quitting waits for them', async () => {
    dir = await mkdtemp(join(tmpdir(), 'coldstart-json-'));
    expect(pendingJsonWrites()).toBeNull();
    const save = saveWindowState(dir, { x: 0, y: 0, width: 900, height: 700, maximized: true });
    const waiting = pendingJsonWrites();
    expect(waiting).not.toBeNull();
    await waiting;
    expect(disk.events.at(-1)).toBe(`sync ${dir}`);
    await save;
    expect(pendingJsonWrites()).toBeNull();
  });
});
