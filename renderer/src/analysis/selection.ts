import type { Sample } from '../../../shared/sample';
import type { Dataset, Filters } from '../state/workspace';

/** Arch of a sample as the chart shows it: its own, else its dataset's tag. */
export const UNKNOWN = 'unknown';

export function effectiveArch(sample: Sample, dataset: Dataset): string {
  return sample.arch ?? dataset.tags.arch ?? UNKNOWN;
}

export function effectiveMemory(sample: Sample, dataset: Dataset): number | null {
  return sample.memoryMB ?? dataset.tags.memoryMB ?? null;
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

/** A sample as exported: dataset tags filled in where the sample itself did not know. */
export function withTags(sample: Sample, dataset: Dataset): Sample {
  if (sample.arch !== null && sample.memoryMB !== null) return sample;
  const arch = sample.arch ?? dataset.tags.arch;
  const memoryMB = sample.memoryMB ?? dataset.tags.memoryMB;
  return { ...sample, arch, memoryMB };
}

/** What a dataset holds, for its card: which archs and memory sizes, and how many samples lack them. */
export interface DatasetSummary {
  count: number;
  archs: string[];
  memories: number[];
  unknownArch: number;
  unknownMemory: number;
}

export function summarizeDataset(dataset: Dataset): DatasetSummary {
  const archs = new Set<string>();
  const memories = new Set<number>();
  let unknownArch = 0;
  let unknownMemory = 0;
  for (const s of dataset.samples) {
    if (s.arch === null) unknownArch++;
    else archs.add(s.arch);
    if (s.memoryMB === null) unknownMemory++;
    else memories.add(s.memoryMB);
  }
  return {
    count: dataset.samples.length,
    archs: [...archs].sort(),
    memories: [...memories].sort((a, b) => a - b),
    unknownArch,
    unknownMemory,
  };
}
