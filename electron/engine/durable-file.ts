import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

/**
 * Run state holds a function's original variables (secrets) and the payload: only the user may read it.
 * Modes are given explicitly, so a 022 umask does not widen them. On Windows the user's profile is private
 * already and POSIX modes mean little, so they are left to the platform there.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const isWindows = process.platform === 'win32';

/**
 * Makes `dir` (and missing parents) with mode 0700. Only directories made here are chmod-ed (mkdir's mode
 * is masked by the umask); a directory that already exists is the user's and keeps its mode.
 */
export async function makePrivateDir(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined || isWindows) return;
  let current = first;
  for (const part of relative(first, dir).split(sep).filter(Boolean)) {
    await chmod(current, PRIVATE_DIR_MODE);
    current = join(current, part);
  }
  await chmod(current, PRIVATE_DIR_MODE);
  // The new entries must survive a crash too: the parent of the first new directory names it.
  await fsyncDir(dirname(first));
}

/** What a file system says when it cannot open or fsync a directory at all: nothing to flush there. */
const DIR_SYNC_UNSUPPORTED = new Set(['EACCES', 'EPERM', 'EISDIR', 'EINVAL', 'ENOTSUP']);

/**
 * Flushes a directory's entries (a new or renamed file in it) to disk. Windows cannot open directories, and
 * some file systems (or a parent the user may only traverse) refuse it: those are skipped, not failures.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (isWindows) return;
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch (error) {
    if (DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file so that a crash leaves the old content or the new, never half of it, and once this resolves
 * the new content survives a power cut: temporary file (mode 0600) written and fsynced, renamed over the
 * target, then the directory fsynced.
 */
export async function writeFileDurable(path: string, data: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await fsyncDir(dirname(path));
}

/** JSON (2-space indented, newline-terminated) written with writeFileDurable. */
export function writeJsonDurable(path: string, value: unknown): Promise<void> {
  return writeFileDurable(path, `${JSON.stringify(value, null, 2)}\n`);
}
