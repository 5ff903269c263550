import { sep } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

/** How many files main remembers for reopening (a year of daily files fits); the oldest are forgotten first. */
export const MAX_REMEMBERED_FILES = 5000;
/** How many folders (File › Import folder) main remembers; the oldest are forgotten first. */
export const MAX_REMEMBERED_FOLDERS = 200;

const OpenedFilesSchema = z.object({
  version: z.literal(1),
  paths: z.array(z.string()),
  folders: z.array(z.string()).optional(),
});

function rememberIn(set: Set<string>, added: readonly string[], max: number): void {
  for (const p of added) {
    set.delete(p); // the most recent last
    set.add(p);
  }
  while (set.size > max) set.delete(set.values().next().value as string);
}

/**
 * The files and folders the user picked in an open dialog, remembered so a restored workspace can read them
 * again without a dialog. The renderer may ask for these files, or files inside these folders, only: it
 * never makes main read a file the user did not choose. Paths are compared as given (absolute, from the
 * dialog); a path with `..` in it is never inside a folder.
 */
export interface OpenedFiles {
  has(path: string): boolean;
  remember(paths: readonly string[]): Promise<void>;
  rememberFolder(folder: string): Promise<void>;
}

/** Whether `path` lies inside `folder` (at any depth), by its text: no `..` steps out of it. */
export function isInside(path: string, folder: string): boolean {
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  return path.startsWith(prefix) && !path.split(/[\\/]/).includes('..');
}

export async function loadOpenedFiles(path: string | null): Promise<OpenedFiles> {
  const stored = path ? await readJsonFile(path, OpenedFilesSchema) : null;
  const paths = new Set(stored?.paths ?? []);
  const folders = new Set(stored?.folders ?? []);
  const save = async () => {
    if (path) await writeJsonFile(path, { version: 1, paths: [...paths], folders: [...folders] });
  };
  return {
    has: (p) => paths.has(p) || [...folders].some((f) => isInside(p, f)),
    async remember(added) {
      rememberIn(paths, added, MAX_REMEMBERED_FILES);
      await save();
    },
    async rememberFolder(folder) {
      rememberIn(folders, [folder], MAX_REMEMBERED_FOLDERS);
      await save();
    },
  };
}
