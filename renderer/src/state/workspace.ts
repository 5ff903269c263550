import { markRaw, reactive, shallowReactive } from 'vue';
import type { Arch, Sample } from '../../../shared/sample';
import type { ImportReport } from '../../../shared/csv/import-csv';
import type { SampleColumns } from '../../../shared/sample-columns';
import { withoutOverlap } from './dataset-overlap';
import { createLiveAppends } from './live-append';
import { keepFileRows } from '../analysis/batch-file-rows';
import {
  defaultChartSettings,
  type Dataset,
  type DatasetTags,
  type FailedFile,
  type Filters,
  type FunctionOverride,
  type NewDataset,
  type WorkspaceState,
} from './workspace-types';

export { defaultChartSettings } from './workspace-types';
export type {
  DatasetSource,
  DatasetTags,
  FunctionOverride,
  DatasetFile,
  FailedFile,
  Dataset,
  NewDataset,
  ColorBy,
  RatioStat,
  ChartSettings,
  Filters,
  ImportFailure,
  WorkspaceState,
} from './workspace-types';

export { APPEND_INTERVAL_MS } from './live-append';

let nextId = 1;
const newId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${nextId++}`;

function createWorkspace() {
  const state = reactive<WorkspaceState>({
    datasets: [],
    chart: defaultChartSettings(),
    filters: {
      hiddenDatasets: new Set(),
      hiddenFunctions: new Set(),
      hiddenArchs: new Set(),
      hiddenMemories: new Set(),
    },
    baselineKey: null,
    ratioStat: 'median',
    failures: [],
  });

  const live = createLiveAppends((id) => state.datasets.find((d) => d.id === id));

  const find = (id: string): Dataset => {
    const dataset = state.datasets.find((d) => d.id === id);
    if (!dataset) throw new Error(`No dataset ${id}`);
    return dataset;
  };

  return {
    state,

    /** Adds a dataset (an import, the example, or a measurement/fetch run) and returns its id. */
    addDataset(input: NewDataset): string {
      const id = newId('ds');
      const duplicates = input.report?.duplicates ?? [];
      const trimmed =
        input.source === 'example'
          ? null
          : withoutOverlap(
              state.datasets.filter((d) => d.source !== 'example'),
              input.columns,
              duplicates,
              input.files ?? null,
            );
      // shallowReactive: name, tags and version are watched; the columns themselves stay raw.
      const dataset = shallowReactive<Dataset>({
        id,
        name: input.name,
        source: input.source,
        runId: input.runId ?? null,
        filePath: input.filePath ?? null,
        files: input.files ? markRaw([...(trimmed?.files ?? input.files)]) : null,
        hiddenFiles: markRaw(new Set<number>()),
        failedFiles: markRaw([...(input.failedFiles ?? [])]),
        tags: reactive({ arch: input.tags?.arch ?? null, memoryMB: input.tags?.memoryMB ?? null }),
        overrides: {},
        columns: markRaw(trimmed?.columns ?? input.columns),
        version: 0,
        report: input.report ? markRaw(input.report) : null,
        pendingDuplicates: markRaw(trimmed?.duplicates ?? duplicates),
        overlap: trimmed?.overlap ?? null,
      });
      state.datasets.push(dataset);
      return id;
    },

    /** Adds samples to a dataset as they arrive (a live measurement): the chart redraws (see live-append.ts). */
    appendSamples(datasetId: string, samples: readonly Sample[]): void {
      find(datasetId);
      live.add(datasetId, samples);
    },

    /** Adds the samples still waiting (see appendSamples) now: a run has finished, or a test wants them. */
    flushSamples(datasetId?: string): void {
      live.flush(datasetId);
    },

    /**
     * Replaces a dataset's samples (after dropping duplicates, for instance); waiting appends follow them.
     * `kept`: the old indexes of the new rows, when rows were left out, so a batch's file ranges follow too.
     */
    replaceColumns(datasetId: string, columns: SampleColumns, kept?: ArrayLike<number>): void {
      const dataset = find(datasetId);
      dataset.columns = markRaw(columns);
      if (dataset.files && kept) dataset.files = markRaw(keepFileRows(dataset.files, kept));
      dataset.version++;
    },

    /** Leaves one file of a batch dataset out of the analysis, or brings it back (its rows stay either way). */
    setFileHidden(datasetId: string, fileIndex: number, hidden: boolean): void {
      const dataset = find(datasetId);
      if (dataset.hiddenFiles.has(fileIndex) === hidden) return;
      const next = new Set(dataset.hiddenFiles);
      if (hidden) next.add(fileIndex);
      else next.delete(fileIndex);
      dataset.hiddenFiles = markRaw(next);
      dataset.version++;
    },

    /** Undoes the RequestId de-duplication of a dataset: the samples other datasets also hold come back. */
    keepOverlapping(datasetId: string): void {
      const dataset = find(datasetId);
      const overlap = dataset.overlap;
      if (!overlap || overlap.kept) return;
      dataset.columns = markRaw(overlap.all);
      dataset.pendingDuplicates = markRaw(overlap.allDuplicates);
      if (overlap.allFiles) dataset.files = markRaw([...overlap.allFiles]);
      dataset.overlap = { ...overlap, kept: true };
      dataset.version++;
    },

    removeDataset(id: string): void {
      live.forget(id);
      const index = state.datasets.findIndex((d) => d.id === id);
      if (index >= 0) state.datasets.splice(index, 1);
      state.filters.hiddenDatasets.delete(id);
    },

    renameDataset(id: string, name: string): void {
      const trimmed = name.trim();
      if (trimmed) find(id).name = trimmed;
    },

    setTags(id: string, tags: DatasetTags): void {
      const dataset = find(id);
      if (tags.arch !== undefined) dataset.tags.arch = tags.arch;
      if (tags.memoryMB !== undefined) dataset.tags.memoryMB = tags.memoryMB;
      dataset.version++;
    },

    /**
     * Corrects the architecture and/or memory of one function within a dataset (null clears that part).
     * Chart, statistics, filters and CSV exports all read the corrected values.
     */
    setFunctionOverride(
      id: string,
      functionName: string,
      change: { arch?: Arch | null; memoryMB?: number | null },
    ): void {
      const dataset = find(id);
      const next: FunctionOverride = { ...dataset.overrides[functionName] };
      if (change.arch !== undefined) {
        if (change.arch === null) delete next.arch;
        else next.arch = change.arch;
      }
      if (change.memoryMB !== undefined) {
        if (change.memoryMB === null) delete next.memoryMB;
        else next.memoryMB = change.memoryMB;
      }
      const overrides = { ...dataset.overrides };
      if (next.arch === undefined && next.memoryMB === undefined) delete overrides[functionName];
      else overrides[functionName] = next;
      dataset.overrides = overrides;
      dataset.version++;
    },

    findDatasetByRun(runId: string): Dataset | undefined {
      return state.datasets.find((d) => d.runId === runId);
    },

    dataset(id: string): Dataset | undefined {
      return state.datasets.find((d) => d.id === id);
    },

    addFailure(
      fileName: string,
      error: string,
      report: ImportReport | null,
      files: readonly FailedFile[] = [],
    ): void {
      state.failures.push({
        id: newId('fail'),
        fileName,
        error,
        report: report ? markRaw(report) : null,
        files: markRaw([...files]),
      });
    },

    dismissFailure(id: string): void {
      state.failures = state.failures.filter((f) => f.id !== id);
    },

    /** Shows or hides one value of a filter dimension. */
    toggleHidden(set: keyof Filters, value: string, hidden: boolean): void {
      if (hidden) state.filters[set].add(value);
      else state.filters[set].delete(value);
    },

    /** Empties the workspace (tests, and "close all"). */
    reset(): void {
      live.forget();
      state.datasets.splice(0);
      state.failures = [];
      state.chart = defaultChartSettings();
      for (const set of Object.values(state.filters)) set.clear();
      state.baselineKey = null;
      state.ratioStat = 'median';
    },
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;

/** The one workspace of the window: the analysis view and the Measure/Fetch/History views share it. */
export const workspace: Workspace = createWorkspace();

/** A fresh, separate workspace (component tests). */
export const createTestWorkspace = (): Workspace => createWorkspace();
