import type * as FsPromises from 'node:fs/promises';

/**
 * `node:fs/promises` that logs, in order, every fsync (`sync <path>`, file or directory) and every rename
 * (`rename <target>`) into `events`: what a durability test checks. Use it from a `vi.mock` factory.
 */
export function recordingFsPromises(actual: typeof FsPromises, events: string[]): typeof FsPromises {
  const open: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args);
    const path = String(args[0]);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      await sync();
      events.push(`sync ${path}`);
    };
    return handle;
  };
  const rename: typeof actual.rename = async (from, to) => {
    await actual.rename(from, to);
    events.push(`rename ${String(to)}`);
  };
  return { ...actual, open, rename, default: { ...actual, open, rename } } as typeof FsPromises;
}
