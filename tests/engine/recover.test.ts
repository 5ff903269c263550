import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JournalFile, MARKER_KEY } from '../../electron/engine/journal';
import { RunStore } from '../../electron/engine/run-store';
import type { RunSummary } from '../../shared/measure';
import { defaultConnection, plan, startHarness, type Harness } from './engine-harness';

let h: Harness;
afterEach(() => h?.close());

const RUN = '20261128-120000-dead';
/** A pid no process has: the run's owner is gone, as after kill -9. */
const DEAD_PID = 2 ** 22 + 12345;

/** Leaves behind what a measure process killed mid-run leaves: summary `running`, owner gone, journal open. */
async function leaveInterruptedRun(
  stateDir: string,
  fake: Harness['fake'],
  functions: { name: string; memoryMB: number; variables: Record<string, string> | null }[],
) {
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
  await writeFile(
    store.path(RUN, 'owner'),
    JSON.stringify({ pid: DEAD_PID, hostname: (await import('node:os')).hostname() }),
  );
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
      restore: 'pending',
      detail: null,
    });
  }
}

describe('recover', () => {
  it('restores only functions that still carry the run marker, and reports the others', async () => {
    h = await startHarness({
      functions: [
        { name: 'marked', memoryMB: 1024, variables: { A: 'original', [MARKER_KEY]: `${RUN}-4` } },
        { name: 'changed-since', memoryMB: 2048, variables: { B: 'someone else' } },
      ],
    });
    await leaveInterruptedRun(h.stateDir, h.fake, [
      { name: 'marked', memoryMB: 256, variables: { A: 'original' } },
      { name: 'changed-since', memoryMB: 512, variables: { B: 'original' } },
    ]);
    expect((await h.engine.listRuns())[0]?.state).toBe('interrupted');
    const found = await h.engine.findInterruptedRuns();
    expect(found.map((f) => [f.functionName, f.action])).toEqual([
      ['marked', 'restore'],
      ['changed-since', 'skip'],
    ]);
    const updatesBefore = h.fake.lambda.stats.updates;
    const result = await h.engine.recoverInterruptedRuns();
    expect(result.map((f) => [f.functionName, f.action])).toEqual([
      ['marked', 'restored'],
      ['changed-since', 'skip'],
    ]);
    expect(h.fake.lambda.describe('marked')).toMatchObject({ memoryMB: 256, variables: { A: 'original' } });
    expect(h.fake.lambda.describe('changed-since')).toMatchObject({
      memoryMB: 2048,
      variables: { B: 'someone else' },
    });
    expect(h.fake.lambda.stats.updates).toBe(updatesBefore + 1);
    // Nothing left to do, and the history says what happened.
    expect(await h.engine.findInterruptedRuns()).toEqual([]);
    const journal = JSON.parse(await readFile(join(h.stateDir, 'runs', RUN, 'journal.json'), 'utf8'));
    expect(journal.functions.map((f: { restore: string }) => f.restore)).toEqual(['restored', 'skipped']);
    expect((await h.engine.listRuns())[0]).toMatchObject({ id: RUN, state: 'interrupted' });
  });

  it('picks up a function whose restore failed at the end of a run', async () => {
    h = await startHarness({ functions: [{ name: 'stuck', memoryMB: 256, variables: { A: '1' } }] });
    let armed = false;
    h.fake.lambda.onUpdate((_name, n) => {
      if (n === 3 && !armed) {
        armed = true; // the restoring update: answered 409 more often than the engine retries
        h.fake.lambda.faults.conflictNext = 6;
      }
    });
    const outcome = await (
      await h.engine.startMeasurement(
        defaultConnection,
        plan({ functions: ['stuck'], times: 2, memorySizes: [512] }),
      )
    ).done;
    expect(outcome.errors.map((e) => e.code)).toEqual(['RestoreFailed']);
    expect(h.fake.lambda.describe('stuck').variables?.[MARKER_KEY]).toBeDefined();
    expect((await h.engine.findInterruptedRuns()).map((i) => i.action)).toEqual(['restore']);
    const result = await h.engine.recoverInterruptedRuns();
    expect(result.map((i) => i.action)).toEqual(['restored']);
    expect(h.fake.lambda.describe('stuck')).toMatchObject({ memoryMB: 256, variables: { A: '1' } });
  });

  it('leaves a run alone while its process is alive', async () => {
    h = await startHarness({ functions: [{ name: 'f', variables: { [MARKER_KEY]: `${RUN}-1` } }] });
    await leaveInterruptedRun(h.stateDir, h.fake, [{ name: 'f', memoryMB: 128, variables: {} }]);
    await writeFile(
      join(h.stateDir, 'runs', RUN, 'owner.json'),
      JSON.stringify({ pid: process.pid, hostname: (await import('node:os')).hostname() }),
    );
    expect(await h.engine.findInterruptedRuns()).toEqual([]);
    expect((await h.engine.listRuns())[0]?.state).toBe('running');
  });

  it('finds nothing in an empty or missing state directory', async () => {
    h = await startHarness();
    await mkdir(join(h.stateDir, 'runs', 'not-a-run'), { recursive: true });
    expect(await h.engine.recoverInterruptedRuns()).toEqual([]);
    expect(await h.engine.listRuns()).toEqual([]);
  });
});

describe('run history', () => {
  it('lists, renames and deletes runs, and never deletes a run that still needs recovery', async () => {
    h = await startHarness({ functions: [{ name: 'f' }] });
    const outcome = await (
      await h.engine.startMeasurement(defaultConnection, plan({ functions: ['f'], times: 1 }))
    ).done;
    const runs = await h.engine.listRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      id: outcome.runId,
      kind: 'measure',
      state: 'completed',
      samples: 1,
      functions: ['f'],
    });
    expect((await h.engine.renameRun(outcome.runId, '  baseline  ')).name).toBe('baseline');
    const csv = await readFile(join(h.stateDir, 'runs', outcome.runId, 'samples.csv'), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^Name;/);
    await h.engine.deleteRun(outcome.runId);
    expect(await h.engine.listRuns()).toEqual([]);

    await leaveInterruptedRun(h.stateDir, h.fake, [{ name: 'f', memoryMB: 128, variables: null }]);
    await expect(h.engine.deleteRun(RUN)).rejects.toThrow(/journal is needed to restore/);
    await expect(h.engine.openRun('../../etc')).rejects.toThrow(/Not a run id/);
  });
});
