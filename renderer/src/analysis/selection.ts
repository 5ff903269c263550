import type { Sample } from '../../../shared/sample';
import { sampleAt } from '../../../shared/sample-columns';
import { rowsOfShownFiles } from './batch-file-rows';
import { combosOf, type Combo } from './combos';
import type { Dataset, Filters } from '../state/workspace';
import { compareArchs, compareNames } from './group-order';

/** The filter value and label of an arch or memory size that neither the rows nor the tags give. */
export const UNKNOWN = 'unknown';

/** A user's correction for the function in this dataset wins over the row's own value and the tags. */
export function resolveArch(name: string, arch: string | null, dataset: Dataset): string {
  return dataset.overrides[name]?.arch ?? arch ?? dataset.tags.arch ?? UNKNOWN;
}

export function resolveMemory(name: string, memoryMB: number | null, dataset: Dataset): number | null {
  return dataset.overrides[name]?.memoryMB ?? memoryMB ?? dataset.tags.memoryMB ?? null;
}

export const effectiveArch = (sample: Sample, dataset: Dataset): string =>
  resolveArch(sample.name, sample.arch, dataset);

export const effectiveMemory = (sample: Sample, dataset: Dataset): number | null =>
  resolveMemory(sample.name, sample.memoryMB, dataset);

export const memoryKey = (memoryMB: number | null): string =>
  memoryMB === null ? UNKNOWN : String(memoryMB);

/** Every value of each filter dimension across the given datasets, sorted for display. */
export interface Dimensions {
  functions: string[];
  archs: string[];
  memories: string[];
}

export function collectDimensions(datasets: readonly Dataset[]): Dimensions {
  const functions = new Set<string>();
  const archs = new Set<string>();
  const memories = new Set<string>();
  for (const dataset of datasets) {
    for (const combo of combosOf(dataset.columns)) {
      functions.add(combo.name);
      archs.add(resolveArch(combo.name, combo.arch, dataset));
      memories.add(memoryKey(resolveMemory(combo.name, combo.memoryMB, dataset)));
    }
  }
  return {
    functions: [...functions].sort(compareNames),
    archs: [...archs].sort(compareArchs),
    memories: [...memories].sort((a, b) => memorySortValue(a) - memorySortValue(b)),
  };
}

const memorySortValue = (key: string): number => (key === UNKNOWN ? Number.MAX_SAFE_INTEGER : Number(key));

/** Whether the filters show a combination's rows (the dataset's own visibility aside). */
export function isComboShown(combo: Combo, dataset: Dataset, filters: Filters): boolean {
  return (
    !filters.hiddenFunctions.has(combo.name) &&
    !filters.hiddenArchs.has(resolveArch(combo.name, combo.arch, dataset)) &&
    !filters.hiddenMemories.has(memoryKey(resolveMemory(combo.name, combo.memoryMB, dataset)))
  );
}

export function visibleDatasets(datasets: readonly Dataset[], filters: Filters): Dataset[] {
  return datasets.filter((d) => !filters.hiddenDatasets.has(d.id));
}

/** The shown rows of one dataset (indexes into its columns, ascending). */
export interface SelectedRows {
  dataset: Dataset;
  rows: Int32Array;
}

/** The rows the filters show, dataset by dataset, in the datasets' own order. */
export function selectRows(datasets: readonly Dataset[], filters: Filters): SelectedRows[] {
  const out: SelectedRows[] = [];
  for (const dataset of visibleDatasets(datasets, filters)) {
    const combos = combosOf(dataset.columns);
    const shown = combos.filter((combo) => isComboShown(combo, dataset, filters));
    const n = dataset.columns.length;
    let rows: Int32Array;
    if (shown.length === combos.length) {
      rows = new Int32Array(n);
      for (let i = 0; i < n; i++) rows[i] = i;
    } else {
      // Marked, then collected: the rows keep the file's order across combinations.
      const mark = new Uint8Array(n);
      let count = 0;
      for (const combo of shown) {
        for (const r of combo.rows) mark[r] = 1;
        count += combo.rows.length;
      }
      rows = new Int32Array(count);
      let k = 0;
      for (let i = 0; i < n; i++) if (mark[i] === 1) rows[k++] = i;
    }
    rows = rowsOfShownFiles(rows, dataset);
    if (rows.length > 0) out.push({ dataset, rows });
  }
  return out;
}

export const selectedCount = (selection: readonly SelectedRows[]): number =>
  selection.reduce((n, s) => n + s.rows.length, 0);

/** The selected samples as objects, with their dataset (an export, the cost view): only when needed. */
export function selectedSamples(selection: readonly SelectedRows[]): SelectedSample[] {
  const out: SelectedSample[] = [];
  for (const { dataset, rows } of selection)
    for (const r of rows) out.push({ sample: sampleAt(dataset.columns, r), dataset });
  return out;
}

/** One shown sample with the dataset it came from (a page of the sample table, an export). */
export interface SelectedSample {
  sample: Sample;
  dataset: Dataset;
}

/** A sample as exported: the user's corrections applied, dataset tags filled in where the row did not know. */
export function withTags(sample: Sample, dataset: Dataset): Sample {
  const override = dataset.overrides[sample.name];
  if (!override && sample.arch !== null && sample.memoryMB !== null) return sample;
  const arch = override?.arch ?? sample.arch ?? dataset.tags.arch;
  const memoryMB = override?.memoryMB ?? sample.memoryMB ?? dataset.tags.memoryMB;
  return { ...sample, arch, memoryMB };
}

/** One function of a dataset, for the card's corrections: what the file said, before any override. */
export interface FunctionSummary {
  name: string;
  count: number;
  /** The arch(s) and memory size(s) its rows (or the dataset's tags) give it. */
  archs: string[];
  memories: string[];
}

/** What a dataset holds, for its card: which archs and memory sizes, and how many samples lack them. */
export interface DatasetSummary {
  count: number;
  /** As the chart shows them: corrections applied. */
  archs: string[];
  memories: number[];
  /** Samples with no arch of their own and no correction: the dataset's tag applies to them. */
  unknownArch: number;
  unknownMemory: number;
  functions: FunctionSummary[];
}

export function summarizeDataset(dataset: Dataset): DatasetSummary {
  const archs = new Set<string>();
  const memories = new Set<number>();
  const functions = new Map<string, { count: number; archs: Set<string>; memories: Set<string> }>();
  let unknownArch = 0;
  let unknownMemory = 0;
  for (const combo of combosOf(dataset.columns)) {
    const count = combo.rows.length;
    const override = dataset.overrides[combo.name];
    const arch = override?.arch ?? combo.arch;
    const memoryMB = override?.memoryMB ?? combo.memoryMB;
    if (arch === null) unknownArch += count;
    else archs.add(arch);
    if (memoryMB === null) unknownMemory += count;
    else memories.add(memoryMB);
    let fn = functions.get(combo.name);
    if (!fn) functions.set(combo.name, (fn = { count: 0, archs: new Set(), memories: new Set() }));
    fn.count += count;
    fn.archs.add(combo.arch ?? dataset.tags.arch ?? UNKNOWN);
    fn.memories.add(memoryKey(combo.memoryMB ?? dataset.tags.memoryMB));
  }
  return {
    count: dataset.columns.length,
    archs: [...archs].sort(),
    memories: [...memories].sort((a, b) => a - b),
    unknownArch,
    unknownMemory,
    functions: [...functions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, fn]) => ({
        name,
        count: fn.count,
        archs: [...fn.archs].sort(),
        memories: [...fn.memories].sort((a, b) => memorySortValue(a) - memorySortValue(b)),
      })),
  };
}
