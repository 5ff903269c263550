import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { chartBytes, createFileDialogs, withExtension } from '../../electron/main/file-dialogs';

const dir = mkdtempSync(join(tmpdir(), 'coldstart-dialogs-'));
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function dialogs(answer: { open?: string[]; save?: string | null }) {
  const dialog = {
    showOpenDialog: vi.fn(async (_options: object) => ({
      canceled: !answer.open,
      filePaths: answer.open ?? [],
    })),
    showSaveDialog: vi.fn(async (_options: object) => ({
      canceled: answer.save === null,
      filePath: answer.save ?? '',
    })),
  };
  return { dialog, files: createFileDialogs(dialog as never, () => dir) };
}

describe('file dialogs', () => {
  it('reads every chosen CSV and reports the unreadable ones', async () => {
    writeFileSync(join(dir, 'a.csv'), 'name;durationMs\n');
    const { files, dialog } = dialogs({ open: [join(dir, 'a.csv'), join(dir, 'missing.csv')] });
    const result = await files.openCsvFiles(null);
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toMatchObject({
      properties: ['openFile', 'multiSelections'],
    });
    expect(result.canceled).toBe(false);
    expect(result.files).toEqual([{ name: 'a.csv', path: join(dir, 'a.csv'), text: 'name;durationMs\n' }]);
    expect(result.errors).toEqual([
      { path: join(dir, 'missing.csv'), message: 'Cannot read missing.csv: ENOENT' },
    ]);
  });

  it('returns canceled when the user cancels', async () => {
    expect(await dialogs({}).files.openCsvFiles(null)).toEqual({ canceled: true, files: [], errors: [] });
    expect(await dialogs({ save: null }).files.saveCsv(null, 'x.csv', 'a')).toEqual({
      saved: false,
      path: null,
    });
  });

  it('writes the CSV where the user chose, adding the extension', async () => {
    const { files, dialog } = dialogs({ save: join(dir, 'out') });
    expect(await files.saveCsv(null, 'runs', 'a;b\n')).toEqual({ saved: true, path: join(dir, 'out.csv') });
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('a;b\n');
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: join(dir, 'runs.csv') });
  });

  it('writes PNG charts as bytes and SVG charts as text', async () => {
    const png = await dialogs({ save: join(dir, 'chart.png') }).files.saveChart(
      null,
      'chart',
      'png',
      PNG_1PX,
    );
    expect(png.saved).toBe(true);
    expect(readFileSync(join(dir, 'chart.png')).subarray(1, 4).toString()).toBe('PNG');
    await dialogs({ save: join(dir, 'chart.svg') }).files.saveChart(
      null,
      'chart',
      'svg',
      '<svg xmlns="x"></svg>',
    );
    expect(readFileSync(join(dir, 'chart.svg'), 'utf8')).toBe('<svg xmlns="x"></svg>');
  });

  it('refuses chart data that is not what it claims, before asking for a place', async () => {
    const { files, dialog } = dialogs({ save: join(dir, 'x.png') });
    await expect(
      files.saveChart(null, 'x', 'png', Buffer.from('#!/bin/sh').toString('base64')),
    ).rejects.toThrow('saveChartImage: data: not a base64 PNG image');
    await expect(files.saveChart(null, 'x', 'svg', '<html><script>')).rejects.toThrow('not an SVG document');
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(chartBytes('svg', '<?xml version="1.0"?>\n<svg></svg>').toString()).toContain('<svg>');
  });

  it('reports a write failure as an io error naming the file', async () => {
    const { files } = dialogs({ save: join(dir, 'no-such-dir', 'x.csv') });
    await expect(files.saveCsv(null, 'x', 'a')).rejects.toMatchObject({
      code: 'io',
      message: 'Cannot write x.csv: ENOENT',
    });
  });

  it('adds an extension only when missing', () => {
    expect(withExtension('a.CSV', 'csv')).toBe('a.CSV');
    expect(withExtension('a.txt', 'csv')).toBe('a.txt.csv');
  });
});

describe('reopening files of a restored workspace', () => {
  it('reads again only files the user opened in a dialog, and says when one was moved', async () => {
    const { loadOpenedFiles } = await import('../../electron/main/opened-files');
    const remembered = join(dir, 'opened-files.json');
    const opened = await loadOpenedFiles(remembered);
    const a = join(dir, 'opened-a.csv');
    const b = join(dir, 'opened-b.csv');
    writeFileSync(a, 'Name;Memory;Init;Cold;Billed\n');
    writeFileSync(b, 'x\n');
    const dialog = {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [a, b] })),
      showSaveDialog: vi.fn(),
    };
    const files = createFileDialogs(dialog as never, () => dir, opened);
    await files.openCsvFiles(null);
    rmSync(b);
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'not yours');

    // A new start: what main remembered comes from its own file.
    const again = createFileDialogs(dialog as never, () => dir, await loadOpenedFiles(remembered));
    const result = await again.reopenFiles([a, b, secret]);
    expect(result.files).toEqual([{ name: 'opened-a.csv', path: a, text: 'Name;Memory;Init;Cold;Billed\n' }]);
    expect(result.errors).toEqual([
      { path: secret, message: 'secret.txt was not opened in Cold Start Lab; import it again' },
      { path: b, message: `opened-b.csv was moved or deleted (${b})` },
    ]);
  });
});

describe('importing a folder', () => {
  it('reads the .json and .csv files of a folder and its subfolders, in order, and allows reopening them', async () => {
    const { loadOpenedFiles } = await import('../../electron/main/opened-files');
    const { mkdirSync } = await import('node:fs');
    const root = mkdtempSync(join(tmpdir(), 'coldstart-folder-'));
    const data = join(root, 'data');
    mkdirSync(join(data, '2026', '01'), { recursive: true });
    writeFileSync(join(data, '2026', '01', '2026-01-10.json'), '{}');
    writeFileSync(join(data, '2026', '01', '2026-01-9.json'), '{}');
    writeFileSync(join(data, 'run.CSV'), 'a;b\n');
    writeFileSync(join(data, 'notes.txt'), 'not imported');
    writeFileSync(join(root, 'outside.csv'), 'not in the folder');
    const remembered = join(root, 'opened-files.json');
    const dialog = {
      showOpenDialog: vi.fn(async (_options: object) => ({ canceled: false, filePaths: [data] })),
      showSaveDialog: vi.fn(),
    };
    const files = createFileDialogs(dialog as never, () => root, await loadOpenedFiles(remembered));
    const result = await files.openImportFolder(null);
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toMatchObject({ properties: ['openDirectory'] });
    expect(result.folder).toBe(data);
    // Numeric order: day 9 before day 10; .txt left out; upper-case extensions count.
    expect(result.files.map((f) => f.path)).toEqual([
      join(data, '2026', '01', '2026-01-9.json'),
      join(data, '2026', '01', '2026-01-10.json'),
      join(data, 'run.CSV'),
    ]);
    expect(result.errors).toEqual([]);

    // After a restart: a file inside the picked folder may be read again, one beside it may not.
    const again = createFileDialogs(dialog as never, () => root, await loadOpenedFiles(remembered));
    const sneaky = join(data, '..', 'outside.csv');
    const reopened = await again.reopenFiles([join(data, 'run.CSV'), join(root, 'outside.csv'), sneaky]);
    expect(reopened.files.map((f) => f.name)).toEqual(['run.CSV']);
    expect(reopened.errors.map((e) => e.message)).toEqual([
      'outside.csv was not opened in Cold Start Lab; import it again',
      'outside.csv was not opened in Cold Start Lab; import it again',
    ]);
    rmSync(root, { recursive: true, force: true });
  });

  it('returns canceled, and names a folder it cannot read', async () => {
    const canceled = createFileDialogs(
      { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: vi.fn() } as never,
      () => dir,
    );
    expect(await canceled.openImportFolder(null)).toEqual({
      canceled: true,
      folder: null,
      files: [],
      errors: [],
    });
    const missing = createFileDialogs(
      {
        showOpenDialog: async () => ({ canceled: false, filePaths: [join(dir, 'gone')] }),
        showSaveDialog: vi.fn(),
      } as never,
      () => dir,
    );
    await expect(missing.openImportFolder(null)).rejects.toMatchObject({
      code: 'io',
      message: 'Cannot read the folder gone: ENOENT',
    });
  });
});
