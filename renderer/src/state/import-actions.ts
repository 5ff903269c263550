import { reactive } from 'vue';
import { dropDuplicateRows } from '../../../shared/csv/import-csv';
import { columnsFromSamples, type SampleColumns } from '../../../shared/sample-columns';
import { baselineTagOf } from '../import/baseline-import';
import { api, errorText } from '../api';
import { EXAMPLE_DATASET_NAME, exampleSamples } from '../analysis/example-data';
import {
  importFiles,
  workerRunner,
  type FileImportResult,
  type ImportProgress,
  type ImportRunner,
  type ImportSource,
} from '../import/import-client';
import { workspace as defaultWorkspace, type Workspace } from './workspace';

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

/** Puts each parsed file into the workspace, or a failure entry saying why; open data stays. */
export function applyImportResults(
  results: readonly FileImportResult[],
  ws: Workspace = defaultWorkspace,
  sources: readonly ImportSource[] = [],
): string[] {
  const ids: string[] = [];
  for (const [i, result] of results.entries()) {
    if (!result.ok) {
      ws.addFailure(result.fileName, result.error, result.report);
      continue;
    }
    const { report } = result;
    ids.push(
      ws.addDataset({
        name: datasetName(result.fileName, result.columns),
        columns: result.columns,
        source: 'import',
        filePath: sources[i]?.path,
        tags: { arch: report.archFromFileName, memoryMB: report.memoryFromFileName },
        report,
      }),
    );
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
): Promise<string[]> {
  if (sources.length === 0) return [];
  importState.busy = true;
  try {
    const results = await importFiles(sources, (p) => (importState.progress = p), runner);
    return applyImportResults(results, ws, sources);
  } finally {
    importState.busy = false;
    importState.progress = null;
  }
}

/** File › Import and the start screen's button: the main process shows the dialog and reads the files. */
export async function importFromDialog(ws: Workspace = defaultWorkspace): Promise<string[]> {
  let opened;
  try {
    opened = await api.openCsvFiles();
  } catch (error) {
    ws.addFailure('(open dialog)', errorText(error), null);
    return [];
  }
  for (const e of opened.errors) ws.addFailure(e.path.split(/[\\/]/).pop() ?? e.path, e.message, null);
  if (opened.canceled) return [];
  return importSources(
    opened.files.map((f) => ({ fileName: f.name, path: f.path, text: f.text })),
    ws,
  );
}

/** Drag and drop: the File objects go to the worker, which reads them itself. */
export function importDroppedFiles(
  files: readonly File[],
  ws: Workspace = defaultWorkspace,
): Promise<string[]> {
  return importSources(
    files.map((file) => ({ fileName: file.name, file })),
    ws,
  );
}

/** One click: removes every duplicate the import found, keeping the first of each group. */
export function dropDatasetDuplicates(datasetId: string, ws: Workspace = defaultWorkspace): number {
  const dataset = ws.dataset(datasetId);
  if (!dataset || dataset.pendingDuplicates.length === 0) return 0;
  const before = dataset.columns.length;
  const kept = dropDuplicateRows(dataset.columns, dataset.pendingDuplicates);
  ws.replaceColumns(datasetId, kept);
  dataset.pendingDuplicates = [];
  return before - kept.length;
}

export function addExampleDataset(ws: Workspace = defaultWorkspace): string {
  return ws.addDataset({
    name: EXAMPLE_DATASET_NAME,
    columns: columnsFromSamples(exampleSamples()),
    source: 'example',
  });
}
