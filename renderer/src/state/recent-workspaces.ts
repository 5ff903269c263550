import { reactive, watch } from 'vue';
import { z } from 'zod';
import type { Workspace } from './workspace';
import {
  SavedWorkspaceSchema,
  restoreWorkspace,
  snapshotWorkspace,
  type SavedWorkspace,
} from './workspace-persistence';

/**
 * The last few workspaces, for the empty start screen: each a saved workspace (references to files and runs,
 * never samples) with what the list shows of it. Kept apart from the workspace that is restored at start-up,
 * so emptying the window does not lose what was open before.
 */
export const RECENT_KEY = 'coldstart.recentWorkspaces.v1';
export const MAX_RECENT = 5;

const RecentWorkspaceSchema = z.object({
  id: z.string().min(1),
  /** When it was last changed (ISO 8601). */
  savedAt: z.string(),
  name: z.string(),
  datasets: z.number().int().nonnegative(),
  samples: z.number().int().nonnegative(),
  workspace: SavedWorkspaceSchema,
});
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>;

/** What of a workspace can come back: its files and runs (a dropped file cannot; the example is not saved). */
export function referencesOf(saved: SavedWorkspace): Set<string> {
  const refs = new Set<string>();
  for (const d of saved.datasets)
    if (d.kind === 'file') refs.add(`file:${d.path}`);
    else if (d.kind === 'run') refs.add(`run:${d.runId}`);
  return refs;
}

const within = (a: Set<string>, b: Set<string>): boolean => [...a].every((r) => b.has(r));
const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && within(a, b);

/** The datasets' names as a list entry's title: the first two, then how many more. */
export function workspaceName(saved: SavedWorkspace): string {
  const names = saved.datasets.map((d) => d.name);
  const shown = names.slice(0, 2).join(', ');
  return names.length > 2 ? `${shown} +${names.length - 2} more` : shown;
}

export interface RecentChange {
  workspace: SavedWorkspace;
  samples: number;
  at: string;
}

/**
 * The list after the open workspace changed. While datasets are added (or settings change) one entry is
 * updated; removing datasets leaves it as it was (closing files one by one must not shrink what can be
 * reopened), and a workspace that holds something the entry does not, while missing some of it, is a new
 * entry. Without a current entry (a start, a restore still arriving) the newest entry that holds everything
 * open is taken as the current one. An entry with the same files and runs as the new one is replaced.
 */
export function recordWorkspace(
  list: readonly RecentWorkspace[],
  currentId: string | null,
  change: RecentChange,
  newId: () => string,
  max = MAX_RECENT,
): { list: RecentWorkspace[]; currentId: string | null } {
  const refs = referencesOf(change.workspace);
  if (refs.size === 0) return { list: [...list], currentId };
  const current =
    currentId === null
      ? list.find((e) => within(refs, referencesOf(e.workspace)))
      : list.find((e) => e.id === currentId);
  const currentRefs = current ? referencesOf(current.workspace) : null;
  if (current && currentRefs && within(refs, currentRefs) && refs.size < currentRefs.size)
    return { list: [...list], currentId: current.id };
  const id = current && currentRefs && within(currentRefs, refs) ? current.id : newId();
  const entry: RecentWorkspace = {
    id,
    savedAt: change.at,
    name: workspaceName(change.workspace),
    datasets: change.workspace.datasets.length,
    samples: change.samples,
    workspace: change.workspace,
  };
  const others = list.filter((e) => e.id !== id && !sameSet(referencesOf(e.workspace), refs));
  return { list: [entry, ...others].slice(0, max), currentId: id };
}

export function readRecentWorkspaces(storage: Storage = localStorage): RecentWorkspace[] {
  try {
    const parsed = z.array(RecentWorkspaceSchema).safeParse(JSON.parse(storage.getItem(RECENT_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export const recentWorkspaces = reactive({ list: [] as RecentWorkspace[] });
let currentId: string | null = null;

/** Samples of the datasets that are saved (the example is not). */
const savedSamples = (ws: Workspace): number =>
  ws.state.datasets.reduce((n, d) => (d.source === 'example' ? n : n + d.columns.length), 0);

/** Keeps the list up to date with every change of the workspace from now on; returns the stop function. */
export function startRecentWorkspaces(ws: Workspace, storage: Storage = localStorage): () => void {
  recentWorkspaces.list = readRecentWorkspaces(storage);
  currentId = null;
  return watch(
    () => [JSON.stringify(snapshotWorkspace(ws)), savedSamples(ws)] as const,
    ([json, samples]) => {
      const workspace = JSON.parse(json) as SavedWorkspace;
      const next = recordWorkspace(
        recentWorkspaces.list,
        currentId,
        { workspace, samples, at: new Date().toISOString() },
        () => `ws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      );
      currentId = next.currentId;
      if (JSON.stringify(next.list) === JSON.stringify(recentWorkspaces.list)) return;
      recentWorkspaces.list = next.list;
      storage.setItem(RECENT_KEY, JSON.stringify(next.list));
    },
    { immediate: true },
  );
}

/** Opens a recent workspace in the (empty) window, in the Analyse view; later changes update its entry. */
export async function openRecentWorkspace(ws: Workspace, entry: RecentWorkspace): Promise<number> {
  currentId = entry.id;
  return restoreWorkspace(ws, { ...entry.workspace, view: 'analyse' });
}
