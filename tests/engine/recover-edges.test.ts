import { access, appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MARKER_KEY } from '../../electron/engine/journal';
import { recoverInterruptedRuns } from '../../electron/engine/recover';
import { RunStore } from '../../electron/engine/run-store';
import { emptySample } from '../../shared/sample';
import { startHarness, type Harness } from './engine-harness';
import { leaveInterruptedRun, RUN } from './interrupted-run';

// Recovery of what cannot be reached, what is gone, what is already back, and what the history keeps.
let h: Harness;
afterEach(() => h?.close());

const TIMING = { minDelayS: 0.01, maxDelayS: 0.05, maxWaitS: 10 };
const ORIGINAL = { A: 'original' };
const OURS = { ...ORIGINAL, [MARKER_KEY]: `${RUN}-2` };
const left = (name: string) => ({
  name,
  memoryMB: 256,
  variables: ORIGINAL,
  written: [{ marker: `${RUN}-2`, memoryMB: 1024 }],
});

async function journalStates(): Promise<string[]> {
  const journal = JSON.parse(await readFile(join(h.stateDir, 'runs', RUN, 'journal.json'), 'utf8'));
  return journal.functions.map((f: { restore: string }) => f.restore);
}

describe('recover', () => {
  it('finds nothing before any run was made', async () => {
    h = await startHarness();
    expect(await h.engine.findInterruptedRuns()).toEqual([]);
    expect(await h.engine.recoverInterruptedRuns()).toEqual([]);
  });

  it('says which functions it cannot reach, and reaches them with the connection given', async () => {
    h = await startHarness({ functions: [{ name: 'f', memoryMB: 1024, variables: OURS }] });
    // A journal without a region, of an endpoint that is gone, on a machine without a default region.
    await leaveInterruptedRun(h.stateDir, { region: '', url: 'http://127.0.0.1:9' }, [
      left('f'),
      left('done'),
      left('untouched'),
    ]);
    // Of these two, one was restored before the kill and one never changed: nothing to report.
    const journalPath = join(h.stateDir, 'runs', RUN, 'journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8'));
    journal.functions[1].restore = 'restored';
    journal.functions[2].changed = false;
    await writeFile(journalPath, JSON.stringify(journal));
    const store = new RunStore(h.stateDir);
    const bare = { HOME: h.stateDir, AWS_ACCESS_KEY_ID: 'AKIAFAKE', AWS_SECRET_ACCESS_KEY: 'fake' };
    expect(await recoverInterruptedRuns(store, bare, TIMING)).toEqual([
      {
        runId: RUN,
        functionName: 'f',
        action: 'failed',
        originalMemoryMB: 256,
        detail:
          "f: cannot connect: No AWS region: none given, none in AWS_REGION, none in profile 'default'.",
      },
    ]);
    expect(await journalStates()).toEqual(['pending', 'restored', 'pending']);
    const done = await recoverInterruptedRuns(store, bare, TIMING, {
      region: h.fake.region,
      endpoint: h.fake.url,
    });
    expect(done.map((i) => [i.functionName, i.action])).toEqual([['f', 'restored']]);
    expect(h.fake.lambda.describe('f')).toMatchObject({ memoryMB: 256, variables: ORIGINAL });
  });

  it('reports a function that is gone with what Lambda said, and keeps it pending', async () => {
    h = await startHarness({ functions: [{ name: 'f', memoryMB: 1024, variables: OURS }] });
    await leaveInterruptedRun(h.stateDir, h.fake, [left('gone'), left('f')]);
    const expected = {
      runId: RUN,
      functionName: 'gone',
      action: 'failed',
      originalMemoryMB: 256,
      detail:
        'gone: ResourceNotFoundException: Function not found: arn:aws:lambda:eu-west-1:123456789012:function:gone',
    };
    expect((await h.engine.findInterruptedRuns())[0]).toEqual(expected);
    const done = await h.engine.recoverInterruptedRuns();
    expect(done[0]).toEqual(expected);
    expect(done[1]).toMatchObject({ functionName: 'f', action: 'restored' });
    expect(await journalStates()).toEqual(['pending', 'restored']);
  });

  it('plans nothing to write for a function already back, or changed without our marker', async () => {
    h = await startHarness({
      functions: [
        { name: 'back', memoryMB: 256, variables: ORIGINAL },
        { name: 'theirs', memoryMB: 256, variables: { B: 'theirs' } },
      ],
    });
    await leaveInterruptedRun(h.stateDir, h.fake, [left('back'), left('theirs')]);
    const planned = await h.engine.findInterruptedRuns();
    expect(planned.map((i) => [i.action, i.detail])).toEqual([
      ['restore', 'back: already in its original configuration; nothing to write.'],
      [
        'skip',
        `theirs: changed by someone else since: memory 1024 → 256 MB; variable(s) added: B; variable(s) removed: A, ${MARKER_KEY} (our marker) (now revision ${h.fake.lambda.describe('theirs').revisionId}); it will not be restored, nothing will be written. The original is in the run's journal.json.`,
      ],
    ]);
    const done = await h.engine.recoverInterruptedRuns();
    expect(done.map((i) => [i.functionName, i.action])).toEqual([
      ['back', 'restored'],
      ['theirs', 'skip'],
    ]);
    expect(h.fake.lambda.stats.updates).toBe(0);
    expect(await journalStates()).toEqual(['restored', 'skipped']);
  });

  it('keeps a function pending whose restore Lambda ends Failed, with the reason', async () => {
    h = await startHarness({ functions: [{ name: 'f', memoryMB: 1024, variables: OURS }] });
    await leaveInterruptedRun(h.stateDir, h.fake, [left('f')]);
    h.fake.lambda.failNextUpdate('f', 'The KMS key is disabled.');
    const done = await h.engine.recoverInterruptedRuns();
    expect(done).toEqual([
      {
        runId: RUN,
        functionName: 'f',
        action: 'failed',
        originalMemoryMB: 256,
        detail: 'f: the restoring update failed: The KMS key is disabled.',
      },
    ]);
    expect(await journalStates()).toEqual(['pending']);
    expect((await h.engine.findInterruptedRuns()).map((i) => i.functionName)).toEqual(['f']);
  });

  it('closes the summary of the interrupted run with its samples and an end time', async () => {
    h = await startHarness({ functions: [{ name: 'f', memoryMB: 1024, variables: OURS }] });
    await leaveInterruptedRun(h.stateDir, h.fake, [left('f')]);
    const runDir = join(h.stateDir, 'runs', RUN);
    const lines = [1, 2].map((i) => JSON.stringify({ ...emptySample('f'), durationMs: i, billedMs: i }));
    await appendFile(join(runDir, 'samples.jsonl'), `${lines.join('\n')}\n`);
    await h.engine.recoverInterruptedRuns();
    const summary = JSON.parse(await readFile(join(runDir, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ state: 'interrupted', samples: 2 });
    expect(Date.parse(summary.endedAt)).toBeGreaterThan(Date.parse('2026-11-28T12:00:00.000Z'));
    await expect(access(join(runDir, 'owner.json'))).rejects.toThrow();
  });
});
