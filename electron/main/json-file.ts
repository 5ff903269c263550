import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { makePrivateDir, writeJsonDurable } from '../engine/durable-file';

/** The file's content when it exists and matches `schema`; null otherwise (missing, corrupt, edited by hand). */
export async function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
): Promise<z.output<S> | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const pending = new Set<Promise<void>>();

/**
 * Writes through a flushed temporary file (mode 0600) renamed over the old one, then flushes the directory:
 * neither a crash mid-write nor a power cut right after leaves half a file or loses the new one.
 */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  const write = (async () => {
    await makePrivateDir(dirname(path));
    await writeJsonDurable(path, value);
  })();
  pending.add(write);
  try {
    await write;
  } finally {
    pending.delete(write);
  }
}

/**
 * Writes still under way (the window state is saved as the window closes, just before the app quits):
 * main waits for them before it exits. Null when there are none; never rejects.
 */
export function pendingJsonWrites(): Promise<void> | null {
  return pending.size === 0 ? null : Promise.allSettled([...pending]).then(() => undefined);
}
