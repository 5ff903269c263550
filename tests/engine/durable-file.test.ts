import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fsyncDir, makePrivateDir, writeJsonDurable } from '../../electron/engine/durable-file';

/** Directories whose open fails with this code, as a parent the user may only traverse (mode 0311) does. */
const refuse = vi.hoisted(() => ({ dirs: new Map<string, string>() }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const open: typeof actual.open = async (...args) => {
    const code = refuse.dirs.get(String(args[0]));
    if (code) throw Object.assign(new Error(`${code}: open ${String(args[0])}`), { code });
    return actual.open(...args);
  };
  return { ...actual, open, default: { ...actual, open } };
});

let dir = '';
afterEach(async () => {
  refuse.dirs.clear();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('directory fsync (POSIX only)', () => {
  it('skips a directory it may not open for reading, and still makes and writes below it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'coldstart-dirsync-'));
    refuse.dirs.set(dir, 'EACCES');
    await makePrivateDir(join(dir, 'state', 'runs'));
    await writeJsonDurable(join(dir, 'state', 'runs', 'x.json'), { a: 1 });
    expect(JSON.parse(await readFile(join(dir, 'state', 'runs', 'x.json'), 'utf8'))).toEqual({ a: 1 });
  });

  it('fails on any other error', async () => {
    dir = await mkdtemp(join(tmpdir(), 'coldstart-dirsync-'));
    refuse.dirs.set(dir, 'EIO');
    await expect(fsyncDir(dir)).rejects.toMatchObject({ code: 'EIO' });
  });
});
