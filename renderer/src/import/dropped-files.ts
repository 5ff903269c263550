// What a drop on the window holds: files, and folders read with the File and Directory Entries API
// (DataTransferItem.webkitGetAsEntry, in Chromium and so in Electron), subfolders included.

/** The part of FileSystemEntry used here (a stand-in in tests). */
export interface DroppedEntry {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  readonly fullPath: string;
  file?(success: (file: File) => void, failure?: (error: DOMException) => void): void;
  createReader?(): {
    readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: DOMException) => void): void;
  };
}

/** The part of DataTransferItem used here. */
export interface DroppedItem {
  readonly kind: string;
  getAsFile(): File | null;
  webkitGetAsEntry?(): DroppedEntry | null;
}

export interface DroppedFiles {
  files: File[];
  /** The dropped folder's name when the drop was one folder; `N folders` for several; null for files only. */
  folder: string | null;
  /** Folders or files that could not be read, each with why. */
  errors: { fileName: string; error: string }[];
}

/** What a dropped folder contributes: as File › Import folder, only these. */
export const IN_FOLDER = /\.(json|csv)$/i;

const readEntries = (dir: DroppedEntry): Promise<DroppedEntry[]> =>
  new Promise((resolve, reject) => {
    const reader = dir.createReader?.();
    if (!reader) return resolve([]);
    const all: DroppedEntry[] = [];
    // readEntries hands out a folder's entries in pieces (Chromium: 100 at a time) until an empty one.
    const next = () =>
      reader.readEntries((entries) => {
        if (entries.length === 0) resolve(all);
        else {
          all.push(...entries);
          next();
        }
      }, reject);
    next();
  });

const fileOf = (entry: DroppedEntry): Promise<File> =>
  new Promise((resolve, reject) =>
    entry.file ? entry.file(resolve, reject) : reject(new Error('not a file')),
  );

const byPath = new Intl.Collator('en', { numeric: true }).compare;

/** A folder's .json and .csv files and its subfolders', by path in reading order (days in order). */
async function filesIn(dir: DroppedEntry, out: DroppedFiles): Promise<void> {
  let entries: DroppedEntry[];
  try {
    entries = await readEntries(dir);
  } catch (error) {
    out.errors.push({
      fileName: dir.fullPath || dir.name,
      error: `the folder could not be read: ${String(error)}`,
    });
    return;
  }
  for (const entry of entries.sort((a, b) => byPath(a.name, b.name))) {
    if (entry.isDirectory) await filesIn(entry, out);
    else if (entry.isFile && IN_FOLDER.test(entry.name))
      try {
        out.files.push(await fileOf(entry));
      } catch (error) {
        out.errors.push({
          fileName: entry.fullPath || entry.name,
          error: `could not be read: ${String(error)}`,
        });
      }
  }
}

/**
 * The files of a drop. Must be called during the drop event: the items are gone once it returns (their
 * entries, taken here at once, stay readable). A dropped file is imported whatever its name (as before);
 * a dropped folder gives its .json and .csv files, subfolders included.
 */
export function droppedFiles(items: ArrayLike<DroppedItem>): Promise<DroppedFiles> {
  const files: File[] = [];
  const folders: DroppedEntry[] = [];
  for (const item of Array.from(items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.() ?? null;
    if (entry?.isDirectory) folders.push(entry);
    else {
      const file = item.getAsFile();
      if (file) files.push(file);
    }
  }
  const out: DroppedFiles = {
    files,
    folder:
      folders.length === 0
        ? null
        : folders.length === 1
          ? (folders[0] as DroppedEntry).name
          : `${folders.length} folders`,
    errors: [],
  };
  return folders
    .reduce<Promise<void>>((done, f) => done.then(() => filesIn(f, out)), Promise.resolve())
    .then(() => out);
}
