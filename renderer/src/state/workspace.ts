// PLACEHOLDER: the ui branch's workspace store replaces this file (same API, subset).
import { markRaw, reactive, shallowReactive } from 'vue';
import type { Arch, Sample } from '../../../shared/sample';

export type DatasetSource = 'import' | 'example' | 'run';

export interface DatasetTags {
  arch?: Arch | null;
  memoryMB?: number | null;
}

export interface Dataset {
  id: string;
  name: string;
  source: DatasetSource;
  runId: string | null;
  tags: { arch: Arch | null; memoryMB: number | null };
  samples: Sample[];
  version: number;
}

export interface NewDataset {
  name: string;
  samples: Sample[];
  source: DatasetSource;
  runId?: string;
  tags?: DatasetTags;
}

let nextId = 1;

function createWorkspace() {
  const state = reactive({ datasets: [] as Dataset[] });
  const find = (id: string): Dataset => {
    const dataset = state.datasets.find((d) => d.id === id);
    if (!dataset) throw new Error(`No dataset ${id}`);
    return dataset;
  };
  return {
    state,
    addDataset(input: NewDataset): string {
      const id = `ds-${nextId++}`;
      state.datasets.push(
        shallowReactive<Dataset>({
          id,
          name: input.name,
          source: input.source,
          runId: input.runId ?? null,
          tags: reactive({ arch: input.tags?.arch ?? null, memoryMB: input.tags?.memoryMB ?? null }),
          samples: markRaw(input.samples),
          version: 0,
        }),
      );
      return id;
    },
    appendSamples(datasetId: string, samples: readonly Sample[]): void {
      const dataset = find(datasetId);
      for (const s of samples) dataset.samples.push(s);
      dataset.version++;
    },
    removeDataset(id: string): void {
      const index = state.datasets.findIndex((d) => d.id === id);
      if (index >= 0) state.datasets.splice(index, 1);
    },
    findDatasetByRun(runId: string): Dataset | undefined {
      return state.datasets.find((d) => d.runId === runId);
    },
    dataset(id: string): Dataset | undefined {
      return state.datasets.find((d) => d.id === id);
    },
    reset(): void {
      state.datasets.splice(0);
    },
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;
export const workspace: Workspace = createWorkspace();
