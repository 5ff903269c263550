import { watch } from 'vue';
import { z } from 'zod';
import { ArchSchema } from '../../../shared/sample';
import { bridge } from '../api';
import { openRuns } from '../history/history-store';
import { dropDatasetDuplicates, importSources } from './import-actions';
import { navigation, type ViewId } from './navigation';
import { defaultChartSettings, type ChartSettings, type Dataset, type Workspace } from './workspace';

/**
 * The workspace survives a restart: which datasets were open (by reference: the file main read them from,
 * or the run id — never the samples themselves), their names, tags and corrections, the filters, the chart
 * settings and the current view. Kept in the window's localStorage (the app's own profile folder); main
 * reads a file again only if the user opened it in a dialog before.
 */
export const STORAGE_KEY = 'coldstart.workspace.v1';

const TagsSchema = z.object({
  arch: ArchSchema.nullable(),
  memoryMB: z.number().int().positive().nullable(),
});
const OverridesSchema = z.record(
  z.string(),
  z.object({ arch: ArchSchema.optional(), memoryMB: z.number().int().positive().optional() }),
);
const common = {
  name: z.string().min(1),
  tags: TagsSchema,
  overrides: OverridesSchema,
  hidden: z.boolean(),
};
const SavedDatasetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string().min(1), droppedDuplicates: z.boolean(), ...common }),
  z.object({ kind: z.literal('run'), runId: z.string().min(1), ...common }),
  /** Many files imported as one dataset (a folder, a year of daily files): it comes back from its files. */
  z.object({
    kind: z.literal('batch'),
    paths: z.array(z.string().min(1)).min(1),
    droppedDuplicates: z.boolean(),
    /** The files left out of the analysis (a filter: see Dataset.hiddenFiles), by path. */
    hiddenPaths: z.array(z.string()).optional(),
    ...common,
  }),
  /** A dropped file: the window never learns its path, so it cannot come back by itself. */
  z.object({ kind: z.literal('dropped'), ...common }),
]);
type SavedDataset = z.infer<typeof SavedDatasetSchema>;

export const SavedWorkspaceSchema = z.object({
  version: z.literal(1),
  view: z.enum(['analyse', 'measure', 'fetch', 'history']),
  datasets: z.array(SavedDatasetSchema),
  chart: z.record(z.string(), z.unknown()),
  hiddenFunctions: z.array(z.string()),
  hiddenArchs: z.array(z.string()),
  hiddenMemories: z.array(z.string()),
  baselineKey: z.string().nullable(),
  ratioStat: z.enum(['median', 'mean', 'p90', 'p99']),
});
export type SavedWorkspace = z.infer<typeof SavedWorkspaceSchema>;

function savedDataset(d: Dataset, hidden: boolean): SavedDataset | null {
  const common = {
    name: d.name,
    tags: { arch: d.tags.arch, memoryMB: d.tags.memoryMB },
    overrides: { ...d.overrides },
    hidden,
  };
  if (d.source === 'example') return null;
  if (d.source === 'run' && d.runId) return { kind: 'run', runId: d.runId, ...common };
  const droppedDuplicates = (d.report?.duplicates.length ?? 0) > 0 && d.pendingDuplicates.length === 0;
  if (d.files) {
    const paths = d.files.map((f) => f.path);
    if (paths.every((p) => p !== null)) {
      const hiddenPaths = [...d.hiddenFiles].map((k) => paths[k]).filter((p) => p !== undefined);
      return {
        kind: 'batch',
        paths,
        droppedDuplicates,
        ...(hiddenPaths.length > 0 ? { hiddenPaths } : {}),
        ...common,
      };
    }
  } else if (d.filePath) return { kind: 'file', path: d.filePath, droppedDuplicates, ...common };
  return { kind: 'dropped', ...common };
}

/** What is saved of a workspace: references and settings only. */
export function snapshotWorkspace(ws: Workspace): SavedWorkspace {
  const { state } = ws;
  return {
    version: 1,
    view: navigation.view,
    datasets: state.datasets
      .map((d) => savedDataset(d, state.filters.hiddenDatasets.has(d.id)))
      .filter((d): d is SavedDataset => d !== null),
    chart: { ...state.chart },
    hiddenFunctions: [...state.filters.hiddenFunctions],
    hiddenArchs: [...state.filters.hiddenArchs],
    hiddenMemories: [...state.filters.hiddenMemories],
    baselineKey: state.baselineKey,
    ratioStat: state.ratioStat,
  };
}

export function readSavedWorkspace(storage: Storage = localStorage): SavedWorkspace | null {
  const text = storage.getItem(STORAGE_KEY);
  if (text === null) return null;
  try {
    const parsed = SavedWorkspaceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Whether a start should restore a workspace instead of showing the example data: only when something in it can
 * come back (a dropped file cannot; it is reported, and the example shows).
 */
export const hasSavedWorkspace = (storage: Storage = localStorage): boolean =>
  (readSavedWorkspace(storage)?.datasets ?? []).some((d) => d.kind !== 'dropped');

/** Saved chart settings over the defaults, each only when it has the default's type (older or newer versions). */
function chartFrom(saved: Record<string, unknown>): ChartSettings {
  const chart: Record<string, unknown> = { ...defaultChartSettings() };
  for (const [key, value] of Object.entries(saved))
    if (key in chart && typeof value === typeof chart[key]) chart[key] = value;
  return chart as unknown as ChartSettings;
}

function applySaved(ws: Workspace, dataset: Dataset, saved: SavedDataset): void {
  ws.renameDataset(dataset.id, saved.name);
  ws.setTags(dataset.id, saved.tags);
  for (const [fn, o] of Object.entries(saved.overrides)) ws.setFunctionOverride(dataset.id, fn, o);
  ws.toggleHidden('hiddenDatasets', dataset.id, saved.hidden);
  if ((saved.kind === 'file' || saved.kind === 'batch') && saved.droppedDuplicates)
    dropDatasetDuplicates(dataset.id, ws);
  if (saved.kind === 'batch')
    (dataset.files ?? []).forEach((f, k) => {
      if (f.path !== null && saved.hiddenPaths?.includes(f.path)) ws.setFileHidden(dataset.id, k, true);
    });
}

/**
 * A batch comes back as one dataset from the files main can still read; the others are named in one
 * report (moved, deleted, or never picked in a dialog).
 */
async function restoreBatch(
  ws: Workspace,
  saved: Extract<SavedDataset, { kind: 'batch' }>,
  b: NonNullable<ReturnType<typeof bridge>>,
  restored: Map<SavedDataset, Dataset>,
): Promise<void> {
  const reopened = await b.reopenFiles({ paths: saved.paths });
  if (!reopened.ok) {
    ws.addFailure(saved.name, reopened.error.message, null);
    return;
  }
  const { files, errors } = reopened.value;
  if (errors.length > 0)
    ws.addFailure(
      `${errors.length} of the ${saved.paths.length} files of ${saved.name}`,
      'The other files of the dataset are open again.',
      null,
      errors.map((e) => ({ fileName: e.path.split(/[\\/]/).pop() ?? e.path, error: e.message })),
    );
  const [id] = await importSources(
    files.map((f) => ({ fileName: f.name, path: f.path, text: f.text })),
    ws,
    { batch: 'always' },
  );
  const dataset = id === undefined ? undefined : ws.dataset(id);
  if (dataset) restored.set(saved, dataset);
}

/**
 * Opens the saved workspace again: files through main (only those the user opened in a dialog), runs from
 * the run store. What cannot come back (a moved file, a deleted run, a dropped file) is reported as an
 * import failure naming it; everything else opens. Returns how many datasets came back.
 */
export async function restoreWorkspace(ws: Workspace, saved: SavedWorkspace): Promise<number> {
  // The view first, before anything is awaited: reopening files and runs can take seconds, and a tab the user
  // clicks meanwhile must stay open, not be switched back when the restore ends.
  navigation.view = saved.view as ViewId;
  const files = saved.datasets.filter((d) => d.kind === 'file');
  const b = bridge();
  if (files.length > 0 && b) {
    const reopened = await b.reopenFiles({ paths: files.map((f) => f.path) });
    if (reopened.ok) {
      for (const e of reopened.value.errors)
        ws.addFailure(e.path.split(/[\\/]/).pop() ?? e.path, e.message, null);
      await importSources(
        reopened.value.files.map((f) => ({ fileName: f.name, path: f.path, text: f.text })),
        ws,
        // Each saved file was a dataset of its own: so it comes back, however many there are.
        { batch: 'never' },
      );
    } else ws.addFailure('(saved workspace)', reopened.error.message, null);
  }
  const runs = saved.datasets.filter((d) => d.kind === 'run');
  if (runs.length > 0) await openRuns(runs.map((r) => r.runId));
  const batches = new Map<SavedDataset, Dataset>();
  for (const s of saved.datasets) if (s.kind === 'batch' && b) await restoreBatch(ws, s, b, batches);

  let restored = 0;
  const order: Dataset[] = [];
  for (const s of saved.datasets) {
    const dataset =
      s.kind === 'file'
        ? ws.state.datasets.find((d) => d.filePath === s.path && !order.includes(d))
        : s.kind === 'run'
          ? ws.findDatasetByRun(s.runId)
          : batches.get(s);
    if (s.kind === 'dropped') {
      ws.addFailure(
        s.name,
        'was dropped on the window last time: a dropped file is not reopened by itself. Import it with File › Import to have it come back after a restart.',
        null,
      );
    } else if (!dataset) {
      if (s.kind === 'run')
        ws.addFailure(s.name, `run ${s.runId} is no longer in the history (deleted?)`, null);
      continue;
    } else {
      applySaved(ws, dataset, s);
      order.push(dataset);
      restored++;
    }
  }
  // The saved order first, then anything else (the example data is for an empty start only).
  const rest = ws.state.datasets.filter((d) => !order.includes(d) && d.source !== 'example');
  if (restored > 0) ws.state.datasets.splice(0, ws.state.datasets.length, ...order, ...rest);

  ws.state.chart = chartFrom(saved.chart);
  for (const [set, values] of [
    ['hiddenFunctions', saved.hiddenFunctions],
    ['hiddenArchs', saved.hiddenArchs],
    ['hiddenMemories', saved.hiddenMemories],
  ] as const)
    for (const v of values) ws.toggleHidden(set, v, true);
  ws.state.baselineKey = saved.baselineKey;
  ws.state.ratioStat = saved.ratioStat;
  return restored;
}

export const restoreState = { pending: false };

/**
 * At start-up: restores the saved workspace (if any), then saves every change from then on. Nothing is saved
 * while the restore runs, so a half-restored workspace never overwrites the saved one.
 */
export async function startWorkspacePersistence(
  ws: Workspace,
  storage: Storage = localStorage,
): Promise<void> {
  const saved = readSavedWorkspace(storage);
  if (saved && saved.datasets.length > 0) {
    restoreState.pending = true;
    try {
      await restoreWorkspace(ws, saved);
    } finally {
      restoreState.pending = false;
    }
  }
  watch(
    () => JSON.stringify(snapshotWorkspace(ws)),
    (json) => storage.setItem(STORAGE_KEY, json),
    { immediate: true },
  );
}
