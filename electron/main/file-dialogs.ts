import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { EngineError } from '../engine/engine-api';
import type { InvokeResult } from '../../shared/ipc/contract';
import type { OpenedFiles } from './opened-files';

/** Larger files are refused rather than copied through IPC into the renderer. */
export const MAX_CSV_BYTES = 200 * 1024 * 1024;
/** A folder's files read at most (as many as a restored workspace may ask for again). */
export const MAX_FOLDER_FILES = 5000;
/** What File › Import folder reads in a folder and its subfolders. */
const IMPORTED_IN_FOLDER = /\.(json|csv)$/i;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type SaveResult = InvokeResult<'saveCsvFile'>;
type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

export interface FileDialogs {
  openCsvFiles(parent: BrowserWindow | null): Promise<InvokeResult<'openCsvFiles'>>;
  /** A folder: its .json and .csv files and those of its subfolders; the folder is remembered for reopening. */
  openImportFolder(parent: BrowserWindow | null): Promise<InvokeResult<'openImportFolder'>>;
  /** Reads again files the user opened before (a restored workspace); any other path is refused. */
  reopenFiles(paths: readonly string[]): Promise<InvokeResult<'reopenFiles'>>;
  saveCsv(parent: BrowserWindow | null, defaultName: string, text: string): Promise<SaveResult>;
  saveChart(
    parent: BrowserWindow | null,
    defaultName: string,
    format: 'png' | 'svg',
    data: string,
  ): Promise<SaveResult>;
}

/** `name` with `.ext` unless it already ends in it. */
export function withExtension(name: string, ext: string): string {
  return extname(name).toLowerCase() === `.${ext}` ? name : `${name}.${ext}`;
}

/** The bytes of a chart image, checked to be what it claims (the renderer cannot write arbitrary content). */
export function chartBytes(format: 'png' | 'svg', data: string): Buffer {
  if (format === 'png') {
    const bytes = Buffer.from(data, 'base64');
    if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
      throw new EngineError('invalid-argument', 'saveChartImage: data: not a base64 PNG image');
    }
    return bytes;
  }
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(data)) {
    throw new EngineError('invalid-argument', 'saveChartImage: data: not an SVG document');
  }
  return Buffer.from(data, 'utf8');
}

const ioError = (what: string, path: string, error: unknown): EngineError =>
  new EngineError(
    'io',
    `Cannot ${what} ${basename(path)}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`,
    'Check that the folder exists and that you may write to it.',
  );

async function readFiles(paths: readonly string[], reopening = false): Promise<InvokeResult<'reopenFiles'>> {
  const files: InvokeResult<'reopenFiles'>['files'] = [];
  const errors: InvokeResult<'reopenFiles'>['errors'] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.size > MAX_CSV_BYTES) {
        errors.push({
          path,
          message: `${basename(path)} is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`,
        });
        continue;
      }
      files.push({ name: basename(path), path, text: await readFile(path, 'utf8') });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push({
        path,
        message:
          reopening && code === 'ENOENT'
            ? `${basename(path)} was moved or deleted (${path})`
            : ioError('read', path, error).message,
      });
    }
  }
  return { files, errors };
}

/**
 * The .json and .csv files in a folder and its subfolders, by path in the order people read them (days in
 * order); past MAX_FOLDER_FILES the rest is named as not read.
 */
export async function filesInFolder(
  folder: string,
): Promise<{ paths: string[]; errors: InvokeResult<'reopenFiles'>['errors'] }> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && IMPORTED_IN_FOLDER.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort(new Intl.Collator('en', { numeric: true }).compare);
  const errors = paths.slice(MAX_FOLDER_FILES).map((path) => ({
    path,
    message: `${basename(path)} was not read: a folder is read up to ${MAX_FOLDER_FILES} files`,
  }));
  return { paths: paths.slice(0, MAX_FOLDER_FILES), errors };
}

/**
 * Open and save dialogs run in main: the renderer names a default file name, the user picks the place, and
 * main writes only where the user chose. The renderer never hands main a path.
 */
export function createFileDialogs(
  dialog: DialogApi,
  defaultDir: () => string,
  opened: OpenedFiles | null = null,
): FileDialogs {
  async function askSavePath(
    parent: BrowserWindow | null,
    defaultName: string,
    ext: string,
    filterName: string,
  ): Promise<string | null> {
    const options: SaveDialogOptions = {
      defaultPath: join(defaultDir(), withExtension(defaultName, ext)),
      filters: [{ name: filterName, extensions: [ext] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const result = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    return withExtension(result.filePath, ext);
  }

  async function save(path: string | null, bytes: Buffer | string): Promise<SaveResult> {
    if (!path) return { saved: false, path: null };
    try {
      await writeFile(path, bytes);
    } catch (error) {
      throw ioError('write', path, error);
    }
    return { saved: true, path };
  }

  return {
    async openCsvFiles(parent) {
      const options: OpenDialogOptions = {
        title: 'Import CSV or lambda-perf JSON files',
        defaultPath: defaultDir(),
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'CSV and lambda-perf JSON files', extensions: ['csv', 'tsv', 'txt', 'json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      if (result.canceled) return { canceled: true, files: [], errors: [] };
      const { files, errors } = await readFiles(result.filePaths);
      await opened?.remember(files.map((f) => f.path));
      return { canceled: false, files, errors };
    },
    async openImportFolder(parent) {
      const options: OpenDialogOptions = {
        title: 'Import a folder of CSV and lambda-perf JSON files',
        defaultPath: defaultDir(),
        properties: ['openDirectory'],
      };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      const folder = result.filePaths[0];
      if (result.canceled || folder === undefined)
        return { canceled: true, folder: null, files: [], errors: [] };
      let listed;
      try {
        listed = await filesInFolder(folder);
      } catch (error) {
        throw new EngineError(
          'io',
          `Cannot read the folder ${basename(folder)}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`,
          'Check that the folder exists and that you may read it.',
        );
      }
      const { files, errors } = await readFiles(listed.paths);
      await opened?.rememberFolder(folder);
      return { canceled: false, folder, files, errors: [...errors, ...listed.errors] };
    },
    async reopenFiles(paths) {
      const known = paths.filter((p) => opened?.has(p));
      const refused = paths
        .filter((p) => !opened?.has(p))
        .map((path) => ({
          path,
          message: `${basename(path)} was not opened in Cold Start Lab; import it again`,
        }));
      const { files, errors } = await readFiles(known, true);
      return { files, errors: [...refused, ...errors] };
    },
    async saveCsv(parent, defaultName, text) {
      return save(await askSavePath(parent, defaultName, 'csv', 'CSV files'), text);
    },
    async saveChart(parent, defaultName, format, data) {
      const bytes = chartBytes(format, data);
      const label = format === 'png' ? 'PNG image' : 'SVG image';
      return save(await askSavePath(parent, defaultName, format, label), bytes);
    },
  };
}
