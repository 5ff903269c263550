import type { Sample } from '../../../shared/sample';
import type { Dataset, Filters } from '../state/workspace';

/** Arch of a sample as the chart shows it: its own, else its dataset's tag. */
export const UNKNOWN = 'unknown';

/** A user's correction for the sample's function in this dataset wins over the row and the tags. */
export function effectiveArch(sample: Sample, dataset: Dataset): string {
  return dataset.overrides[sample.name]?.arch ?? sample.arch ?? dataset.tags.arch ?? UNKNOWN;
}

export function effectiveMemory(sample: Sample, dataset: Dataset): number | null {
  return dataset.overrides[sample.name]?.memoryMB ?? sample.memoryMB ?? dataset.tags.memoryMB ?? null;
}

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
    // Consecutive samples mostly share their values: skip the Set calls for repeats.
    let lastName = '';
    let lastArch = '';
    let lastMemory = '';
    for (const s of dataset.samples) {
      if (s.name !== lastName) functions.add((lastName = s.name));
      const arch = effectiveArch(s, dataset);
      if (arch !== lastArch) archs.add((lastArch = arch));
      const memory = memoryKey(effectiveMemory(s, dataset));
      if (memory !== lastMemory) memories.add((lastMemory = memory));
    }
  }
  return {
    functions: [...functions].sort((a, b) => a.localeCompare(b)),
    archs: [...archs].sort(),
    memories: [...memories].sort((a, b) => memorySortValue(a) - memorySortValue(b)),
  };
}

const memorySortValue = (key: string): number => (key === UNKNOWN ? Number.MAX_SAFE_INTEGER : Number(key));

export function isShown(sample: Sample, dataset: Dataset, filters: Filters): boolean {
  return (
    !filters.hiddenFunctions.has(sample.name) &&
    !filters.hiddenArchs.has(effectiveArch(sample, dataset)) &&
    !filters.hiddenMemories.has(memoryKey(effectiveMemory(sample, dataset)))
  );
}

export function visibleDatasets(datasets: readonly Dataset[], filters: Filters): Dataset[] {
  return datasets.filter((d) => !filters.hiddenDatasets.has(d.id));
}

/** One shown sample with the dataset it came from (for the sample table and exports). */
export interface SelectedSample {
  sample: Sample;
  dataset: Dataset;
}

export function selectSamples(datasets: readonly Dataset[], filters: Filters): SelectedSample[] {
  const out: SelectedSample[] = [];
  for (const dataset of visibleDatasets(datasets, filters)) {
    for (const sample of dataset.samples)
      if (isShown(sample, dataset, filters)) out.push({ sample, dataset });
  }
  return out;
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
  for (const s of dataset.samples) {
    const override = dataset.overrides[s.name];
    const arch = override?.arch ?? s.arch;
    const memoryMB = override?.memoryMB ?? s.memoryMB;
    if (arch === null) unknownArch++;
    else archs.add(arch);
    if (memoryMB === null) unknownMemory++;
    else memories.add(memoryMB);
    let fn = functions.get(s.name);
    if (!fn) functions.set(s.name, (fn = { count: 0, archs: new Set(), memories: new Set() }));
    fn.count++;
    fn.archs.add(s.arch ?? dataset.tags.arch ?? UNKNOWN);
    fn.memories.add(memoryKey(s.memoryMB ?? dataset.tags.memoryMB));
  }
  return {
    count: dataset.samples.length,
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
