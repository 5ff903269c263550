import { describe, expect, it } from 'vitest';
import { droppedFiles, type DroppedEntry, type DroppedItem } from '../../renderer/src/import/dropped-files';

/** A stand-in for a FileSystemEntry tree; folders hand out their entries `chunk` at a time, as Chromium does. */
function fileEntry(path: string, failing = false): DroppedEntry {
  const name = path.split('/').pop() as string;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath: path,
    file: (ok, fail) =>
      failing ? fail?.(new DOMException('gone', 'NotFoundError')) : ok(new File([path], name)),
  };
}
function folderEntry(path: string, children: DroppedEntry[], chunk = 2): DroppedEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: path.split('/').pop() as string,
    fullPath: path,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok) => {
          const piece = children.slice(at, at + chunk);
          at += chunk;
          ok(piece);
        },
      };
    },
  };
}
const item = (entry: DroppedEntry | null, file: File | null = null): DroppedItem => ({
  kind: 'file',
  getAsFile: () => file,
  webkitGetAsEntry: () => entry,
});

describe('dropped files and folders', () => {
  it('reads a dropped folder and its subfolders: .json and .csv files only, in reading order', async () => {
    const year = folderEntry('/data', [
      fileEntry('/data/notes.txt'),
      folderEntry('/data/2026', [
        fileEntry('/data/2026/2026-01-10.json'),
        fileEntry('/data/2026/2026-01-9.json'),
      ]),
      fileEntry('/data/run.CSV'),
      folderEntry('/data/empty', []),
      fileEntry('/data/a.json'),
    ]);
    const dropped = await droppedFiles([item(year)]);
    expect(dropped.folder).toBe('data');
    expect(dropped.files.map((f) => f.name)).toEqual([
      '2026-01-9.json',
      '2026-01-10.json',
      'a.json',
      'run.CSV',
    ]);
    expect(dropped.errors).toEqual([]);
  });

  it('takes dropped files as they are, whatever their name, and says which ones of a folder could not be read', async () => {
    const loose = new File(['x'], 'results.txt');
    const dropped = await droppedFiles([
      item(null, loose),
      { kind: 'string', getAsFile: () => null },
      item(folderEntry('/a', [fileEntry('/a/x.csv', true)])),
      item(folderEntry('/b', [fileEntry('/b/y.json')])),
    ]);
    expect(dropped.folder).toBe('2 folders');
    expect(dropped.files.map((f) => f.name)).toEqual(['results.txt', 'y.json']);
    expect(dropped.errors).toEqual([
      { fileName: '/a/x.csv', error: expect.stringContaining('could not be read') },
    ]);
  });

  it('has no folder when only files were dropped', async () => {
    const dropped = await droppedFiles([item(fileEntry('/x.csv'), new File(['a'], 'x.csv'))]);
    expect(dropped).toMatchObject({ folder: null, errors: [] });
    expect(dropped.files.map((f) => f.name)).toEqual(['x.csv']);
  });
});
