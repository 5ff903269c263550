import { reactive } from 'vue';
import type { RunSummary } from '../../../shared/measure';
import { workspace } from '../state/workspace';
import { asIpcError, coldstart, unwrap } from '../measure/bridge';
import { explainAwsError, type ExplainedError } from '../measure/aws-errors';
import { addRunDataset } from '../measure/start-run';

export const historyState = reactive({
  runs: [] as RunSummary[],
  loading: false,
  error: null as ExplainedError | null,
  /** Last action's outcome in words ("Exported to …"). */
  notice: null as string | null,
});

async function guarded<T>(action: () => Promise<T>): Promise<T | null> {
  historyState.error = null;
  try {
    return await action();
  } catch (err) {
    historyState.error = explainAwsError(asIpcError(err));
    return null;
  }
}

export async function loadRuns(): Promise<void> {
  historyState.loading = true;
  await guarded(async () => {
    const runs = await unwrap(coldstart().listRuns());
    historyState.runs = [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  });
  historyState.loading = false;
}

/** Opens runs as datasets of the workspace (several at once: to compare them on one chart). */
export async function openRuns(runIds: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const runId of runIds) {
    const opened = await guarded(() => unwrap(coldstart().openRun({ runId })));
    if (!opened) break;
    // A run already open is not opened twice: it is simply shown again.
    const existing = workspace.findDatasetByRun(runId);
    ids.push(existing?.id ?? addRunDataset(opened.summary.name, runId, opened.samples));
  }
  return ids;
}

/**
 * Opens runs to compare them side by side: oldest first (the base), colored by dataset, every other
 * dataset hidden, so the Analyse view shows run A beside run B with each change from the base. Returns
 * the opened dataset ids (fewer than asked when a run could not be opened: nothing is switched then).
 */
export async function compareRuns(runIds: readonly string[]): Promise<string[]> {
  const started = new Map(historyState.runs.map((r) => [r.id, r.startedAt]));
  const oldestFirst = [...runIds].sort((a, b) => (started.get(a) ?? '').localeCompare(started.get(b) ?? ''));
  const ids = await openRuns(oldestFirst);
  if (ids.length < runIds.length) return ids;
  const opened = new Set(ids);
  for (const d of workspace.state.datasets) workspace.toggleHidden('hiddenDatasets', d.id, !opened.has(d.id));
  workspace.state.chart.colorBy = 'dataset';
  workspace.state.chart.compareBase = ids[0] ?? null;
  workspace.state.baselineKey = null;
  return ids;
}

export async function renameRun(runId: string, name: string): Promise<boolean> {
  const updated = await guarded(() => unwrap(coldstart().renameRun({ runId, name })));
  if (!updated) return false;
  historyState.runs = historyState.runs.map((r) => (r.id === runId ? updated : r));
  return true;
}

export async function deleteRun(runId: string): Promise<boolean> {
  const done = await guarded(() => unwrap(coldstart().deleteRun({ runId })));
  if (done === null) return false;
  historyState.runs = historyState.runs.filter((r) => r.id !== runId);
  return true;
}

export async function exportRun(runId: string): Promise<void> {
  const saved = await guarded(() => unwrap(coldstart().exportRunCsv({ runId })));
  if (saved) historyState.notice = saved.saved ? `Exported to ${saved.path ?? 'the chosen file'}` : null;
}

/** Functions × memory sizes (a run that kept each function’s memory has one configuration per function). */
export function configurations(run: RunSummary): string {
  const f = run.functions.length;
  const m = run.memorySizes.length;
  return m === 0 ? String(f) : `${f * m}`;
}
