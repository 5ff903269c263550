// PLACEHOLDER until the ui branch's workspace store is merged (its API as announced).
import { reactive } from 'vue';
import type { Sample } from '../../../shared/sample';

export interface Dataset {
  id: string;
  name: string;
  samples: Sample[];
  source: 'import' | 'run' | 'example';
  runId: string | null;
}

export const workspace = reactive({ datasets: [] as Dataset[], selected: [] as string[] });
let next = 0;

export function addDataset(input: {
  name: string;
  samples: Sample[];
  source: 'run';
  runId: string;
  tags?: Record<string, unknown>;
}): string {
  next += 1;
  const id = `ds-${next}`;
  workspace.datasets.push({
    id,
    name: input.name,
    samples: [...input.samples],
    source: input.source,
    runId: input.runId,
  });
  workspace.selected.push(id);
  return id;
}

export function appendSamples(id: string, samples: Sample[]): void {
  workspace.datasets.find((d) => d.id === id)?.samples.push(...samples);
}

export function removeDataset(id: string): void {
  workspace.datasets = workspace.datasets.filter((d) => d.id !== id);
  workspace.selected = workspace.selected.filter((s) => s !== id);
}

export function renameDataset(id: string, name: string): void {
  const d = workspace.datasets.find((x) => x.id === id);
  if (d) d.name = name;
}
