import { reactive } from 'vue';
import { keptRows } from '../../../shared/csv/drop-duplicates';
import { type SampleColumns } from '../../../shared/sample-columns';
import { columnsFromSamples, pickRows } from '../../../shared/sample-columns-builder';
import { baselineTagOf, isBaselineFile } from '../import/baseline-import';
import type { DroppedFiles } from '../import/dropped-files';
import { batchDataset, isBatch, type BatchFile, type BatchMode } from '../import/import-batch';
import { api, errorText } from '../api';
import type { InvokeResult } from '../../../shared/ipc/contract';
import { EXAMPLE_DATASET_NAME, exampleSamples } from '../analysis/example-data';
import {
  importFiles,
  workerRunner,
  type FileImportResult,
  type ImportProgress,
  type ImportRunner,
  type ImportSource,
} from '../import/import-client';
import type { ImportReport } from '../../../shared/csv/import-csv';
import { workspace as defaultWorkspace, type NewDataset, type Workspace } from './workspace';

export const importState = reactive<{ busy: boolean; progress: ImportProgress | null }>({
  busy: false,
  progress: null,
});

let runner: ImportRunner = workerRunner;
/** Tests parse in-process instead of in a worker. */
export const setImportRunner = (r: ImportRunner): void => {
  runner = r;
};

/** A lambda-perf day is named by its tag (`public baseline 2026-01-05`), whatever the file was called. */
const datasetName = (fileName: string, columns: SampleColumns): string =>
  baselineTagOf(columns) ?? fileName.replace(/\.(csv|tsv|txt|json)$/i, '');

/** One file as one dataset, named after it (a lambda-perf day by its tag). */
const fileDataset = (
  f: { fileName: string; columns: SampleColumns; report: ImportReport },
  path: string | undefined,
): NewDataset => ({
  name: datasetName(f.fileName, f.columns),
  columns: f.columns,
  source: 'import',
  filePath: path,
  tags: { arch: f.report.archFromFileName, memoryMB: f.report.memoryFromFileName },
  report: f.report,
});

/** How a set of files is put into the workspace: one dataset per file, or one per batch (see isBatch). */
export interface BatchOptions {
  batch?: BatchMode;
  /** The folder the files came from (its name names the dataset); a folder is always one batch. */
  folder?: string | null;
}

/**
 * A batch: one dataset of the lambda-perf days and one of the CSV files (a kind of one file stays a dataset
 * of its own, unless the batch must be one). The files that failed are named in the first dataset's report,
 * or, when none could be read, in one failure report.
 */
function applyBatch(
  results: readonly FileImportResult[],
  ws: Workspace,
  sources: readonly ImportSource[],
  mode: BatchMode,
  folder: string | null,
): string[] {
  const failed = results.filter((r) => !r.ok).map((r) => ({ fileName: r.fileName, error: r.error }));
  const parsed: BatchFile[] = [];
  results.forEach((r, i) => {
    if (r.ok) parsed.push({ ...r, path: sources[i]?.path ?? null });
  });
  const kinds = [
    parsed.filter((f) => isBaselineFile(f.fileName)),
    parsed.filter((f) => !isBaselineFile(f.fileName)),
  ].filter((kind) => kind.length > 0);
  const ids: string[] = [];
  for (const [k, files] of kinds.entries()) {
    const failures = k === 0 ? failed : [];
    const single = files.length === 1 && mode !== 'always' && failures.length === 0;
    const file = files[0] as BatchFile;
    ids.push(
      ws.addDataset(
        single ? fileDataset(file, file.path ?? undefined) : batchDataset(files, failures, folder),
      ),
    );
  }
  if (ids.length === 0 && failed.length > 0)
    ws.addFailure(
      folder ?? `${failed.length} files`,
      `none of the ${failed.length} files could be imported`,
      null,
      failed,
    );
  return ids;
}

/** Puts each parsed file into the workspace, or a failure entry saying why; open data stays. */
export function applyImportResults(
  results: readonly FileImportResult[],
  ws: Workspace = defaultWorkspace,
  sources: readonly ImportSource[] = [],
  { batch = 'auto', folder = null }: BatchOptions = {},
): string[] {
  const ids: string[] = [];
  if (isBatch(batch, results.length, folder !== null))
    ids.push(...applyBatch(results, ws, sources, batch, folder));
  else
    for (const [i, result] of results.entries()) {
      if (!result.ok) {
        ws.addFailure(result.fileName, result.error, result.report);
        continue;
      }
      ids.push(ws.addDataset(fileDataset(result, sources[i]?.path)));
    }
  // The example is for an empty start only: real data replaces it.
  if (ids.length > 0) {
    for (const d of [...ws.state.datasets]) if (d.source === 'example') ws.removeDataset(d.id);
  }
  return ids;
}

export async function importSources(
  sources: readonly ImportSource[],
  ws: Workspace = defaultWorkspace,
  options: BatchOptions = {},
): Promise<string[]> {
  if (sources.length === 0) return [];
  importState.busy = true;
  try {
    const results = await importFiles(sources, (p) => (importState.progress = p), runner);
    return applyImportResults(results, ws, sources, options);
  } finally {
    importState.busy = false;
    importState.progress = null;
  }
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * File › Import (files) and File › Import folder: the main process shows the dialog and reads the files (a
 * folder's .json and .csv files, its subfolders too).
 */
export async function importFromDialog(
  ws: Workspace = defaultWorkspace,
  kind: 'files' | 'folder' = 'files',
): Promise<string[]> {
  let opened: InvokeResult<'openImportFolder'>;
  try {
    opened =
      kind === 'folder' ? await api.openImportFolder() : { folder: null, ...(await api.openCsvFiles()) };
  } catch (error) {
    ws.addFailure('(open dialog)', errorText(error), null);
    return [];
  }
  for (const e of opened.errors) ws.addFailure(baseName(e.path), e.message, null);
  if (opened.canceled) return [];
  const folder = opened.folder === null ? null : baseName(opened.folder);
  if (folder !== null && opened.files.length === 0) {
    ws.addFailure(folder, 'holds no .json or .csv file (subfolders included)', null);
    return [];
  }
  return importSources(
    opened.files.map((f) => ({ fileName: f.name, path: f.path, text: f.text })),
    ws,
    { folder },
  );
}

/** Drag and drop: the File objects go to the worker, which reads them itself. */
export function importDroppedFiles(
  files: readonly File[],
  ws: Workspace = defaultWorkspace,
  folder: string | null = null,
): Promise<string[]> {
  return importSources(
    files.map((file) => ({ fileName: file.name, file })),
    ws,
    { folder },
  );
}

/** A drop of files and/or folders (see import/dropped-files.ts): what could not be read is reported. */
export async function importDrop(dropped: DroppedFiles, ws: Workspace = defaultWorkspace): Promise<string[]> {
  for (const e of dropped.errors) ws.addFailure(e.fileName, e.error, null);
  if (dropped.folder !== null && dropped.files.length === 0) {
    if (dropped.errors.length === 0)
      ws.addFailure(dropped.folder, 'holds no .json or .csv file (subfolders included)', null);
    return [];
  }
  return importDroppedFiles(dropped.files, ws, dropped.folder);
}

/** One click: removes every duplicate the import found, keeping the first of each group. */
export function dropDatasetDuplicates(datasetId: string, ws: Workspace = defaultWorkspace): number {
  const dataset = ws.dataset(datasetId);
  if (!dataset || dataset.pendingDuplicates.length === 0) return 0;
  const before = dataset.columns.length;
  const rows = keptRows(before, dataset.pendingDuplicates);
  ws.replaceColumns(datasetId, pickRows(dataset.columns, rows), rows);
  dataset.pendingDuplicates = [];
  return before - rows.length;
}

export function addExampleDataset(ws: Workspace = defaultWorkspace): string {
  return ws.addDataset({
    name: EXAMPLE_DATASET_NAME,
    columns: columnsFromSamples(exampleSamples()),
    source: 'example',
  });
}
