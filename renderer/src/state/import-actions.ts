import { reactive } from 'vue';
import { keptRows } from '../../../shared/csv/drop-duplicates';
import { type SampleColumns } from '../../../shared/sample-columns';
import { columnsFromSamples, pickRows } from '../../../shared/sample-columns-builder';
import { baselineTagOf, isBaselineFile } from '../import/baseline-import';
import type { DroppedFiles } from '../import/dropped-files';
import {
  batchDataset,
  batchParts,
  isBatch,
  withColumnsHere,
  type BatchFile,
  type BatchMode,
} from '../import/import-batch';
import { concatColumns } from '../../../shared/concat-columns';
import { api, errorText } from '../api';
import type { InvokeResult } from '../../../shared/ipc/contract';
import { EXAMPLE_DATASET_NAME, exampleSamples } from '../analysis/example-data';
import {
  forgetBatch,
  importFiles,
  isKept,
  joinKept,
  newBatch,
  workerRunner,
  type KeptColumns,
  type FileImportResult,
  type ImportProgress,
  type ImportRunner,
  type ImportSource,
} from '../import/import-client';
import type { ImportReport } from '../../../shared/csv/import-csv';
import { workspace as defaultWorkspace, type FailedFile, type NewDataset, type Workspace } from './workspace';

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

/** A dataset a batch makes: the files of one kind, one file's dataset or the batch's (see batchKinds). */
interface BatchKind {
  files: BatchFile[];
  failures: FailedFile[];
  single: boolean;
}

/**
 * A batch: one dataset of the lambda-perf days and one of the CSV files (a kind of one file stays a dataset
 * of its own, unless the batch must be one). The files that failed are named in the first dataset's report.
 */
function batchKinds(
  results: readonly FileImportResult<SampleColumns | KeptColumns>[],
  sources: readonly ImportSource[],
  mode: BatchMode,
): { kinds: BatchKind[]; failed: FailedFile[] } {
  const failed = results.filter((r) => !r.ok).map((r) => ({ fileName: r.fileName, error: r.error }));
  const parsed: BatchFile[] = [];
  results.forEach((r, i) => {
    if (r.ok) parsed.push({ ...r, path: sources[i]?.path ?? null });
  });
  const kinds = [
    parsed.filter((f) => isBaselineFile(f.fileName)),
    parsed.filter((f) => !isBaselineFile(f.fileName)),
  ]
    .filter((files) => files.length > 0)
    .map((files, k) => {
      const failures = k === 0 ? failed : [];
      return { files, failures, single: files.length === 1 && mode !== 'always' && failures.length === 0 };
    });
  return { kinds, failed };
}

/** A kind's columns joined in the import worker, which kept them (a file of its own as it is). */
const joinInWorker = (batch: number, kind: BatchKind): Promise<SampleColumns> => {
  const files = kind.files.map((f) => f.columns).filter(isKept);
  if (files.length < kind.files.length) return Promise.resolve(joinHere(kind));
  const name = isBaselineFile((kind.files[0] as BatchFile).fileName) ? 'baseline' : 'csv';
  return joinKept(batch, name, files, kind.single);
};

/** A kind's columns joined here (a runner that does not keep them: tests, in-process parsing). */
const joinHere = (kind: BatchKind): SampleColumns =>
  kind.single
    ? withColumnsHere(kind.files[0] as BatchFile).columns
    : concatColumns(batchParts(kind.files.map(withColumnsHere)));

/** One dataset per kind of a batch, its columns `joined` (by kind) or joined here; or one failure report. */
function applyBatch(
  results: readonly FileImportResult<SampleColumns | KeptColumns>[],
  ws: Workspace,
  sources: readonly ImportSource[],
  mode: BatchMode,
  folder: string | null,
  joined: readonly SampleColumns[] | undefined,
): string[] {
  const { kinds, failed } = batchKinds(results, sources, mode);
  const ids: string[] = [];
  for (const [k, kind] of kinds.entries()) {
    const file = kind.files[0] as BatchFile;
    const columns = joined?.[k] ?? joinHere(kind);
    ids.push(
      ws.addDataset(
        kind.single
          ? fileDataset({ ...file, columns }, file.path ?? undefined)
          : batchDataset(kind.files, kind.failures, folder, columns),
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

/**
 * Puts each parsed file into the workspace, or a failure entry saying why; open data stays. `joined`: the
 * columns of each dataset of a batch, when the worker joined them (see importSources).
 */
export function applyImportResults(
  results: readonly FileImportResult<SampleColumns | KeptColumns>[],
  ws: Workspace = defaultWorkspace,
  sources: readonly ImportSource[] = [],
  { batch = 'auto', folder = null }: BatchOptions = {},
  joined?: readonly SampleColumns[],
): string[] {
  const ids: string[] = [];
  if (isBatch(batch, results.length, folder !== null))
    ids.push(...applyBatch(results, ws, sources, batch, folder, joined));
  else
    for (const [i, result] of results.entries()) {
      if (!result.ok) {
        ws.addFailure(result.fileName, result.error, result.report);
        continue;
      }
      ids.push(ws.addDataset(fileDataset(withColumnsHere(result), sources[i]?.path)));
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
  const mode = options.batch ?? 'auto';
  // A batch's files stay in the worker and are joined there: the window gets one set of columns per dataset.
  const batch = isBatch(mode, sources.length, (options.folder ?? null) !== null) ? newBatch() : null;
  try {
    const results = await importFiles(sources, (p) => (importState.progress = p), runner, batch);
    const joined =
      batch === null
        ? undefined
        : await Promise.all(batchKinds(results, sources, mode).kinds.map((k) => joinInWorker(batch, k)));
    return applyImportResults(results, ws, sources, options, joined);
  } catch (error) {
    // A worker that failed while joining (the files were read, their dataset not made), or anything else
    // unexpected: one failure card saying why, not an unhandled rejection.
    ws.addFailure(options.folder ?? `${sources.length} files`, errorText(error), null);
    return [];
  } finally {
    if (batch !== null) forgetBatch(batch);
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
