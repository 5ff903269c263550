import type { Arch, Metric } from '../../../shared/sample';
import type { SampleColumns } from '../../../shared/sample-columns';
import type { ImportReport } from '../../../shared/csv/import-csv';
import type { DatasetOverlap } from './dataset-overlap';
import type { GroupRank, GroupSort } from '../analysis/group-order';

// The shapes of the workspace (its datasets, filters and chart settings); workspace.ts holds the live state.

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
  /**
   * The files (indexes into `files`) whose rows the user left out of the analysis: a filter, their rows stay.
   * Replaced as a whole on every change.
   */
  hiddenFiles: ReadonlySet<number>;
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
  /** Bumped on every change of `columns`, tags, overrides or hidden files, so computed views recompute. */
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
  /** The Trend view draws each line's daily p90 too. */
  trendP90: boolean;
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
  trendP90: false,
});
