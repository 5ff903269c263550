import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MARKER_KEY } from '../../electron/engine/journal';
import { defaultConnection, plan, startHarness, type Harness } from './engine-harness';
import { leaveInterruptedRun, RUN } from './interrupted-run';

let h: Harness;
afterEach(() => h?.close());

describe('recover', () => {
  it('restores only functions that still carry the run marker, and reports the others', async () => {
    h = await startHarness({
      functions: [
        { name: 'marked', memoryMB: 1024, variables: { A: 'original', [MARKER_KEY]: `${RUN}-4` } },
        { name: 'changed-since', memoryMB: 2048, variables: { B: 'someone else' } },
      ],
    });
    await leaveInterruptedRun(h.stateDir, h.fake, [
      {
        name: 'marked',
        memoryMB: 256,
        variables: { A: 'original' },
        written: [
          { marker: `${RUN}-3`, memoryMB: 1024 },
          { marker: `${RUN}-4`, memoryMB: 1024 },
        ],
      },
      {
        name: 'changed-since',
        memoryMB: 512,
        variables: { B: 'original' },
        written: [{ marker: `${RUN}-1`, memoryMB: 512 }],
      },
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
    expect(h.fake.lambda.describe('marked')).toMatchObject({ memoryMB: 256 });
    expect(h.fake.lambda.describe('marked').variables).toEqual({ A: 'original' });
    expect(h.fake.lambda.describe('changed-since')).toMatchObject({ memoryMB: 2048 });
    expect(h.fake.lambda.describe('changed-since').variables).toEqual({ B: 'someone else' });
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
    expect(outcome.errors[0]?.hint).toBe('Run `coldstart recover` to try again.');
    // The last marker the run wrote (two updates: one per sample), still there.
    expect(h.fake.lambda.describe('stuck').variables).toEqual({ A: '1', [MARKER_KEY]: `${outcome.runId}-2` });
    expect((await h.engine.findInterruptedRuns()).map((i) => i.action)).toEqual(['restore']);
    const result = await h.engine.recoverInterruptedRuns();
    expect(result.map((i) => i.action)).toEqual(['restored']);
    expect(h.fake.lambda.describe('stuck')).toMatchObject({ memoryMB: 256 });
    expect(h.fake.lambda.describe('stuck').variables).toEqual({ A: '1' });
    // The run had ended (partial): its history is not rewritten as interrupted.
    expect((await h.engine.listRuns())[0]).toMatchObject({ id: outcome.runId, state: 'partial' });
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
