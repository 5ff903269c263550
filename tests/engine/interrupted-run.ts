import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { JournalFile, type WrittenConfig } from '../../electron/engine/journal';
import { RunStore } from '../../electron/engine/run-store';
import type { RunSummary } from '../../shared/measure';
import type { FakeAws } from '../fake-aws/server';

export const RUN = '20261128-120000-dead';
/** A pid no process has: the run's owner is gone, as after kill -9. */
const DEAD_PID = 2 ** 22 + 12345;

export interface LeftFunction {
  name: string;
  memoryMB: number;
  variables: Record<string, string> | null;
  /** What the run wrote (absent: a journal of an older version, which did not record it). */
  written?: WrittenConfig[];
}

/** Leaves behind what a measure process killed mid-run leaves: summary `running`, owner gone, journal open. */
export async function leaveInterruptedRun(
  stateDir: string,
  fake: Pick<FakeAws, 'region' | 'url'>,
  functions: LeftFunction[],
): Promise<void> {
  const store = new RunStore(stateDir);
  const summary: RunSummary = {
    id: RUN,
    kind: 'measure',
    name: 'killed',
    startedAt: '2026-11-28T12:00:00.000Z',
    endedAt: null,
    state: 'running',
    functions: functions.map((f) => f.name),
    memorySizes: [],
    samples: 0,
    errors: [],
  };
  const writer = await store.create(summary, {});
  writer.close();
  await writeFile(store.path(RUN, 'owner'), JSON.stringify({ pid: DEAD_PID, hostname: hostname() }));
  const journal = JournalFile.create(store.path(RUN, 'journal'), RUN, {
    profile: null,
    region: fake.region,
    endpoint: fake.url,
  });
  for (const f of functions) {
    await journal.add({
      functionName: f.name,
      functionArn: null,
      original: { memoryMB: f.memoryMB, variables: f.variables, revisionId: null, kmsKeyArn: null },
      changed: true,
      ...(f.written ? { written: f.written } : {}),
      restore: 'pending',
      detail: null,
    });
  }
}
