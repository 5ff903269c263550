import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

/** How many files main remembers for reopening; the oldest are forgotten first. */
export const MAX_REMEMBERED_FILES = 500;

const OpenedFilesSchema = z.object({ version: z.literal(1), paths: z.array(z.string()) });

/**
 * The files the user picked in an open dialog, remembered so a restored workspace can read them again
 * without a dialog. The renderer may ask for these paths only: it never makes main read a file the user
 * did not choose.
 */
export interface OpenedFiles {
  has(path: string): boolean;
  remember(paths: readonly string[]): Promise<void>;
}

export async function loadOpenedFiles(path: string | null): Promise<OpenedFiles> {
  const stored = path ? await readJsonFile(path, OpenedFilesSchema) : null;
  const paths = new Set(stored?.paths ?? []);
  return {
    has: (p) => paths.has(p),
    async remember(added) {
      for (const p of added) {
        paths.delete(p); // the most recent last
        paths.add(p);
      }
      while (paths.size > MAX_REMEMBERED_FILES) paths.delete(paths.values().next().value as string);
      if (path) await writeJsonFile(path, { version: 1, paths: [...paths] });
    },
  };
}
