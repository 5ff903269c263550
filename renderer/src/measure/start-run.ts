import type { AwsConnection, FetchRequest, MeasurePlan } from '../../../shared/measure';
import type { Sample } from '../../../shared/sample';
import { columnsFromSamples } from '../../../shared/sample-columns-builder';
import { workspace } from '../state/workspace';
import { nextTick } from 'vue';
import { asIpcError, coldstart, unwrap } from './bridge';
import { explainAwsError, type ExplainedError } from './aws-errors';
import { listenToRuns, trackRun, type TrackedRun } from './run-tracker';

const when = (date: Date): string =>
  date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "hello-node, hello-py · 128/1024 MB × 3 · 28 Nov 23:12": readable in history and in the dataset list. */
export function measureRunName(plan: MeasurePlan, now: Date = new Date()): string {
  const fns =
    plan.functions.length <= 2 ? plan.functions.join(', ') : plural(plan.functions.length, 'function');
  const mem = plan.memorySizes.length > 0 ? `${plan.memorySizes.join('/')} MB` : 'own memory';
  return `${fns} · ${mem} × ${plan.times} · ${when(now)}`;
}

export function fetchRunName(request: FetchRequest): string {
  const fns =
    request.functions.length <= 2
      ? request.functions.join(', ')
      : plural(request.functions.length, 'function');
  return `CloudWatch: ${fns} · ${when(new Date(request.start))} – ${when(new Date(request.end))}`;
}

/** Adds a run's samples as a dataset; like an import, real data replaces the example dataset. */
export function addRunDataset(name: string, runId: string, samples: Sample[] = []): string {
  const id = workspace.addDataset({ name, columns: columnsFromSamples(samples), source: 'run', runId });
  for (const d of [...workspace.state.datasets]) if (d.source === 'example') workspace.removeDataset(d.id);
  return id;
}

/**
 * Starts a measurement in main and follows it: a dataset appears in the workspace at once and fills
 * as samples arrive, so the chart and the statistics update live.
 */
export async function startMeasurementRun(
  connection: AwsConnection,
  plan: MeasurePlan,
  name: string | null,
): Promise<{ run: TrackedRun; datasetId: string }> {
  listenToRuns();
  const runName = name ?? measureRunName(plan);
  const { runId } = await unwrap(coldstart().startMeasurement({ connection, plan, name: runName }));
  return followRun(runId, 'measure', runName);
}

export async function startFetchRun(
  connection: AwsConnection,
  request: FetchRequest,
  name: string | null,
): Promise<{ run: TrackedRun; datasetId: string }> {
  listenToRuns();
  const runName = name ?? fetchRunName(request);
  const { runId } = await unwrap(coldstart().startFetch({ connection, request, name: runName }));
  return followRun(runId, 'fetch', runName);
}

/** A started run's dataset, filled as its samples arrive (and all of them in before its outcome shows). */
function followRun(
  runId: string,
  kind: 'measure' | 'fetch',
  runName: string,
): { run: TrackedRun; datasetId: string } {
  const datasetId = addRunDataset(runName, runId);
  const run = trackRun(
    runId,
    kind,
    runName,
    (_run, samples) => workspace.appendSamples(datasetId, samples),
    () => workspace.flushSamples(datasetId),
  );
  return { run, datasetId };
}

/** Asks main to cancel: it restores the functions first, then reports the run finished as cancelled. */
export async function cancelRun(run: TrackedRun): Promise<void> {
  run.cancelling = true;
  const api = coldstart();
  const result =
    run.kind === 'measure'
      ? await api.cancelMeasurement({ runId: run.runId })
      : await api.cancelFetch({ runId: run.runId });
  if (!result.ok) run.cancelling = false;
}

/** What the Measure and Fetch views keep of the run they start (see session.ts). */
export interface RunSession {
  run: TrackedRun | null;
  datasetId: string | null;
  starting: boolean;
  startError: ExplainedError | null;
}

/**
 * Starts a run for a view: one start at a time, the run and its dataset kept in the view's session, a refusal
 * explained for the user (with the profile, for expired SSO sessions), and the progress panel brought into view.
 */
export async function startInSession(
  session: RunSession,
  start: () => Promise<{ run: TrackedRun; datasetId: string }>,
  profile: string | null,
): Promise<void> {
  session.starting = true;
  session.startError = null;
  try {
    const started = await start();
    session.run = started.run;
    session.datasetId = started.datasetId;
    await nextTick();
    document.querySelector('.run-progress')?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  } catch (err) {
    session.startError = explainAwsError(asIpcError(err), profile);
  } finally {
    session.starting = false;
  }
}
