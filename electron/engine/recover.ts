import { readdir } from 'node:fs/promises';
import type { AwsConnection, RecoveryItem } from '../../shared/measure';
import { errorMessage, errorName } from './aws-errors';
import { createAwsClients, type AwsClients } from './aws-clients';
import { JournalFile, MARKER_KEY, type JournalEntry } from './journal';
import { getConfiguration, type PollTiming } from './lambda-ops';
import { ownershipOf } from './ownership';
import { restoreFunction } from './restore';
import type { RunStore } from './run-store';

interface Found {
  journal: JournalFile;
  entry: JournalEntry;
  item: RecoveryItem;
}

/** Journals of runs whose process is gone and that still have functions not put back. */
async function unfinishedJournals(store: RunStore): Promise<JournalFile[]> {
  let ids: string[];
  try {
    ids = await readdir(store.runsDir);
  } catch {
    return [];
  }
  const journals: JournalFile[] = [];
  for (const id of ids.sort()) {
    let journal: JournalFile;
    try {
      journal = await JournalFile.load(store.path(id, 'journal'));
    } catch {
      continue; // no journal (a fetch run) or not a run directory
    }
    if (journal.settled || (await store.isOwnedByLiveProcess(id))) continue;
    journals.push(journal);
  }
  return journals;
}

function connectionOf(journal: JournalFile, override: Partial<AwsConnection> | undefined): AwsConnection {
  const c = journal.journal.connection;
  return {
    profile: override?.profile ?? c.profile,
    region: override?.region ?? c.region,
    endpoint: override?.endpoint ?? c.endpoint,
  };
}

async function inspect(
  store: RunStore,
  env: NodeJS.ProcessEnv,
  override: Partial<AwsConnection> | undefined,
): Promise<{ found: Found[]; clientsByRun: Map<string, AwsClients> }> {
  const found: Found[] = [];
  const clientsByRun = new Map<string, AwsClients>();
  for (const journal of await unfinishedJournals(store)) {
    const runId = journal.journal.runId;
    let clients: AwsClients;
    try {
      clients = await createAwsClients(connectionOf(journal, override), env);
      clientsByRun.set(runId, clients);
    } catch (error) {
      for (const entry of journal.journal.functions.filter((f) => f.changed && f.restore === 'pending')) {
        found.push({
          journal,
          entry,
          item: {
            runId,
            functionName: entry.functionName,
            action: 'failed',
            originalMemoryMB: entry.original.memoryMB,
            detail: `${entry.functionName}: cannot connect: ${errorMessage(error)}`,
          },
        });
      }
      continue;
    }
    for (const entry of journal.journal.functions.filter((f) => f.changed && f.restore === 'pending')) {
      const base = { runId, functionName: entry.functionName, originalMemoryMB: entry.original.memoryMB };
      try {
        const config = await getConfiguration(clients.lambda, entry.functionName);
        const item: RecoveryItem = { ...base, ...plannedAction(config, entry, runId) };
        found.push({ journal, entry, item });
      } catch (error) {
        found.push({
          journal,
          entry,
          item: {
            ...base,
            action: 'failed',
            detail: `${entry.functionName}: ${errorName(error)}: ${errorMessage(error)}`,
          },
        });
      }
    }
  }
  return { found, clientsByRun };
}

/** What recovery will do with one function, decided as the run itself decides: only what is provably ours. */
function plannedAction(
  config: Parameters<typeof ownershipOf>[0],
  entry: JournalEntry,
  runId: string,
): Pick<RecoveryItem, 'action' | 'detail'> {
  const name = entry.functionName;
  const owner = ownershipOf(config, entry.original, entry.written, runId);
  switch (owner.kind) {
    case 'original':
      return {
        action: 'restore',
        detail: `${name}: already in its original configuration; nothing to write.`,
      };
    case 'ours':
      return {
        action: 'restore',
        detail: `${name}: still exactly as run ${runId} left it (${MARKER_KEY}=${owner.written.marker}, ${owner.written.memoryMB} MB); its original ${entry.original.memoryMB} MB and ${Object.keys(entry.original.variables ?? {}).length} variable(s) will be put back.`,
      };
    case 'unreadable':
      return {
        action: 'failed',
        detail: `${name}: cannot read its variables (${owner.detail}), so it cannot be proven unchanged; it will not be touched. Grant kms:Decrypt on ${config.KMSKeyArn ?? 'its KMS key'} and run recover again.`,
      };
    case 'theirs':
      return {
        action: 'skip',
        detail: `${name}: ${owner.detail}; it will not be restored${owner.markerRemovable ? `, only our marker key ${MARKER_KEY} will be removed` : ', nothing will be written'}. The original is in the run's journal.json.`,
      };
  }
}

export async function findInterruptedRuns(
  store: RunStore,
  env: NodeJS.ProcessEnv,
  override?: Partial<AwsConnection>,
): Promise<RecoveryItem[]> {
  const { found, clientsByRun } = await inspect(store, env, override);
  for (const c of clientsByRun.values()) c.destroy();
  return found.map((f) => f.item);
}

/**
 * Restores what is still exactly as its run left it; of a function someone else changed since, at most our
 * marker key is removed (with their revision). Never touches anything else.
 */
export async function recoverInterruptedRuns(
  store: RunStore,
  env: NodeJS.ProcessEnv,
  timing: PollTiming,
  override?: Partial<AwsConnection>,
): Promise<RecoveryItem[]> {
  const { found, clientsByRun } = await inspect(store, env, override);
  const results: RecoveryItem[] = [];
  try {
    for (const { journal, entry, item } of found) {
      const runId = journal.journal.runId;
      const clients = clientsByRun.get(runId);
      if (item.action === 'failed' || !clients) {
        results.push(item);
        continue;
      }
      // The configuration is read again and judged again: it may have changed since the inspection.
      const result = await restoreFunction(clients.lambda, entry.functionName, entry, runId, timing);
      const action =
        result.action === 'restored' ? 'restored' : result.action === 'skipped' ? 'skip' : 'failed';
      await journal.update(entry.functionName, {
        restore:
          result.action === 'restored' ? 'restored' : result.action === 'skipped' ? 'skipped' : 'pending',
        detail: result.detail,
      });
      results.push({ ...item, action, detail: result.detail });
    }
    for (const runId of new Set(found.map((f) => f.journal.journal.runId))) {
      await markInterrupted(store, runId);
    }
    // Stryker disable next-line BlockStatement: closes sockets only, nothing a caller can see
  } finally {
    for (const c of clientsByRun.values()) c.destroy();
  }
  return results;
}

async function markInterrupted(store: RunStore, runId: string): Promise<void> {
  try {
    const summary = await store.readSummary(runId);
    // Stryker disable next-line ConditionalExpression: a run that ended has its samples and end time already
    if (summary.state !== 'interrupted') return;
    const samples = await store.readSamples(runId);
    await store.finish(
      { ...summary, samples: samples.length, endedAt: summary.endedAt ?? new Date().toISOString() },
      samples,
    );
  } catch {
    // The summary is for the history only; recovery itself is done.
  }
}
