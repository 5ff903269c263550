import { markRaw, reactive, shallowReactive } from 'vue';
import type { Arch, Metric, Sample } from '../../../shared/sample';
import { type SampleColumns } from '../../../shared/sample-columns';
import { appendSamples } from '../../../shared/sample-columns-builder';
import { withoutOverlap, type DatasetOverlap } from './dataset-overlap';
import type { ImportReport } from '../../../shared/csv/import-csv';
import type { GroupRank, GroupSort } from '../analysis/group-order';

export type DatasetSource = 'import' | 'example' | 'run';

export interface DatasetTags {
  /** Applies to samples whose own arch is unknown (seed files say it only in their file name). */
  arch?: Arch | null;
  memoryMB?: number | null;
}

/** A correction for one function of a dataset: wins over the rows' own values and the dataset's tags. */
export interface FunctionOverride {
  arch?: Arch;
  memoryMB?: number;
}

/** One file of a dataset imported from many at once (a folder, a year of daily files). */
export interface DatasetFile {
  fileName: string;
  /** Where main read it (open dialog), so a restored workspace can read it again; null when dropped. */
  path: string | null;
  /** Its rows in the dataset's columns: start (inclusive) to end (exclusive). */
  start: number;
  end: number;
  report: ImportReport;
  /** The first and last UTC day of its samples (a baseline's day, else the Timestamps); null: none dated. */
  days: readonly [string, string] | null;
}

/** A file of a batch that could not be imported, and why. */
export interface FailedFile {
  fileName: string;
  error: string;
}

export interface Dataset {
  id: string;
  name: string;
  source: DatasetSource;
  runId: string | null;
  /** The file an import came from (open dialog), so a restored workspace can read it again; null otherwise. */
  filePath: string | null;
  /**
   * The files of a dataset imported from many at once (their samples one after the other); null for one
   * file, a run or the example. Each sample keeps its own run and timestamp, so days stay apart.
   */
  files: readonly DatasetFile[] | null;
  /** Files of the same batch that could not be imported (named in the dataset's one report). */
  failedFiles: readonly FailedFile[];
  tags: { arch: Arch | null; memoryMB: number | null };
  /**
   * Per-function corrections (function name → override): a seed file's name says arm64, yet one of its
   * functions ran on x86_64. Replaced as a whole on every change, so snapshots can share it.
   */
  overrides: Readonly<Record<string, FunctionOverride>>;
  /**
   * The samples, column by column (typed arrays: a million rows group and sort fast, and cost the garbage
   * collector nothing). Raw, not reactive, and never changed in place: replaced as a whole, with `version`.
   */
  columns: SampleColumns;
  /** Bumped on every change of `columns`, tags or overrides, so computed views know to recompute. */
  version: number;
  report: ImportReport | null;
  /** Duplicates still present (the report's groups), cleared by "drop duplicates". */
  pendingDuplicates: number[][];
  /** Samples counted once because an earlier dataset holds the same RequestId; null when none overlapped. */
  overlap: DatasetOverlap | null;
}

export interface NewDataset {
  name: string;
  columns: SampleColumns;
  source: DatasetSource;
  runId?: string;
  filePath?: string;
  files?: readonly DatasetFile[];
  failedFiles?: readonly FailedFile[];
  tags?: DatasetTags;
  report?: ImportReport;
}

export type ColorBy = 'arch' | 'memory' | 'dataset';
export type RatioStat = 'median' | 'mean' | 'p90' | 'p99';

export interface ChartSettings {
  metric: Metric;
  colorBy: ColorBy;
  /** One panel per dataset (with the other dimension); boxes are then per dataset, as when colored by it. */
  facetByDataset: boolean;
  /**
   * The dataset the others are compared with while datasets are shown apart (colored or faceted by
   * dataset); null or not shown = the first shown dataset.
   */
  compareBase: string | null;
  yFromZero: boolean;
  logScale: boolean;
  showPoints: boolean;
  /** The order of groups in the chart, the statistics table and exports (see analysis/group-order.ts). */
  sort: GroupSort;
  /** Groups shown: those matching every word of the search, then the top/bottom N by median. */
  search: string;
  rank: GroupRank | null;
}

/** What is hidden (not what is shown), so new datasets, functions and sizes appear without a click. */
export interface Filters {
  hiddenDatasets: Set<string>;
  hiddenFunctions: Set<string>;
  hiddenArchs: Set<string>;
  hiddenMemories: Set<string>;
}

/** A file that could not be imported at all: why, and its report when there is one. */
export interface ImportFailure {
  id: string;
  fileName: string;
  error: string;
  report: ImportReport | null;
  /** For a batch of which no file could be imported: each file and why (one report, not one per file). */
  files: readonly FailedFile[];
}

export interface WorkspaceState {
  datasets: Dataset[];
  chart: ChartSettings;
  filters: Filters;
  /** Key of the statistics row the others are compared with; null = none. */
  baselineKey: string | null;
  ratioStat: RatioStat;
  failures: ImportFailure[];
}

/**
 * A live run's samples are added to its dataset's columns at most this often: each append copies the
 * columns, so appending every small batch of a long run would cost time growing with the square of its size.
 */
export const APPEND_INTERVAL_MS = 300;

let nextId = 1;
const newId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${nextId++}`;

export const defaultChartSettings = (): ChartSettings => ({
  metric: 'init',
  colorBy: 'arch',
  facetByDataset: false,
  compareBase: null,
  yFromZero: true,
  logScale: false,
  showPoints: true,
  sort: 'name',
  search: '',
  rank: null,
});

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

  /** Samples waiting for the next append, per dataset, and when each dataset was last appended to. */
  const pending = new Map<string, { samples: Sample[]; timer: ReturnType<typeof setTimeout> | null }>();
  const lastAppend = new Map<string, number>();

  const flush = (datasetId: string): void => {
    const waiting = pending.get(datasetId);
    pending.delete(datasetId);
    if (waiting?.timer) clearTimeout(waiting.timer);
    const dataset = state.datasets.find((d) => d.id === datasetId);
    if (!waiting || !dataset || waiting.samples.length === 0) return;
    dataset.columns = markRaw(appendSamples(dataset.columns, waiting.samples));
    dataset.version++;
    lastAppend.set(datasetId, performance.now());
  };

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
            );
      // shallowReactive: name, tags and version are watched; the columns themselves stay raw.
      const dataset = shallowReactive<Dataset>({
        id,
        name: input.name,
        source: input.source,
        runId: input.runId ?? null,
        filePath: input.filePath ?? null,
        files: input.files ? markRaw([...input.files]) : null,
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

    /**
     * Adds samples to a dataset as they arrive (a live measurement): the chart redraws. The first batch after
     * a quiet spell is added at once; batches arriving faster are gathered and added together after at most
     * APPEND_INTERVAL_MS.
     */
    appendSamples(datasetId: string, samples: readonly Sample[]): void {
      find(datasetId);
      if (samples.length === 0) return;
      let waiting = pending.get(datasetId);
      if (!waiting) pending.set(datasetId, (waiting = { samples: [], timer: null }));
      for (const s of samples) waiting.samples.push(s);
      if (waiting.timer) return;
      const since = performance.now() - (lastAppend.get(datasetId) ?? -Infinity);
      if (since >= APPEND_INTERVAL_MS) flush(datasetId);
      else waiting.timer = setTimeout(() => flush(datasetId), APPEND_INTERVAL_MS - since);
    },

    /** Adds the samples still waiting (see appendSamples) now: a run has finished, or a test wants them. */
    flushSamples(datasetId?: string): void {
      for (const id of datasetId === undefined ? [...pending.keys()] : [datasetId]) flush(id);
    },

    /** Replaces a dataset's samples (after dropping duplicates, for instance); waiting appends follow them. */
    replaceColumns(datasetId: string, columns: SampleColumns): void {
      const dataset = find(datasetId);
      dataset.columns = markRaw(columns);
      dataset.version++;
    },

    /** Undoes the RequestId de-duplication of a dataset: the samples other datasets also hold come back. */
    keepOverlapping(datasetId: string): void {
      const dataset = find(datasetId);
      const overlap = dataset.overlap;
      if (!overlap || overlap.kept) return;
      dataset.columns = markRaw(overlap.all);
      dataset.pendingDuplicates = markRaw(overlap.allDuplicates);
      dataset.overlap = { ...overlap, kept: true };
      dataset.version++;
    },

    removeDataset(id: string): void {
      const waiting = pending.get(id);
      if (waiting?.timer) clearTimeout(waiting.timer);
      pending.delete(id);
      lastAppend.delete(id);
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
      for (const waiting of pending.values()) if (waiting.timer) clearTimeout(waiting.timer);
      pending.clear();
      lastAppend.clear();
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
