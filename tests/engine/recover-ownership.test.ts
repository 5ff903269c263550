import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MARKER_KEY } from '../../electron/engine/journal';
import { startHarness, type Harness } from './engine-harness';
import { leaveInterruptedRun, RUN } from './interrupted-run';

// Recovery after kill -9 decides as the run does: it restores only what is still exactly what the run
// wrote, and says beforehand (dry run) what it will do, what not, and what it cannot read.
let h: Harness;
afterEach(() => h?.close());

const ORIGINAL = { A: 'original' };
const WRITTEN = [{ marker: `${RUN}-4`, memoryMB: 1024 }];
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/cmk-2';

async function journalStates(): Promise<string[]> {
  const journal = JSON.parse(await readFile(join(h.stateDir, 'runs', RUN, 'journal.json'), 'utf8'));
  return journal.functions.map((f: { restore: string }) => f.restore);
}

describe('recover decides by what the run wrote', () => {
  it('restores what is exactly ours, leaves an edit that kept the marker, and does not touch what it cannot read', async () => {
    const ours = { ...ORIGINAL, [MARKER_KEY]: `${RUN}-4` };
    h = await startHarness({
      functions: [
        { name: 'ours', memoryMB: 1024, variables: ours },
        // A console edit after the kill: all variables (our marker too) kept, one added, memory changed.
        { name: 'edited', memoryMB: 2048, variables: { ...ours, ADDED: 'by hand' } },
        { name: 'locked', memoryMB: 1024, variables: ours, kmsKeyArn: KEY, decryptDenied: true },
      ],
    });
    await leaveInterruptedRun(
      h.stateDir,
      h.fake,
      ['ours', 'edited', 'locked'].map((name) => ({
        name,
        memoryMB: 256,
        variables: ORIGINAL,
        written: WRITTEN,
      })),
    );

    const planned = await h.engine.findInterruptedRuns();
    expect(planned.map((i) => [i.functionName, i.action])).toEqual([
      ['ours', 'restore'],
      ['edited', 'skip'],
      ['locked', 'failed'],
    ]);
    expect(planned[0]?.detail).toMatch(
      /still exactly as run \S+ left it \(COLDSTART_LAB_RUN=\S+-4, 1024 MB\); its original 256 MB and 1 variable\(s\) will be put back\.$/,
    );
    expect(planned[1]?.detail).toBe(
      `edited: changed by someone else since: memory 1024 → 2048 MB; variable(s) added: ADDED (now revision ${h.fake.lambda.describe('edited').revisionId}); it will not be restored, only our marker key COLDSTART_LAB_RUN will be removed. The original is in the run's journal.json.`,
    );
    expect(planned[2]?.detail).toMatch(
      /locked: cannot read its variables \(AccessDeniedException: .*kms:Decrypt on arn:aws:kms/,
    );
    expect(h.fake.lambda.stats.updates).toBe(0); // a dry run writes nothing

    const done = await h.engine.recoverInterruptedRuns();
    expect(done.map((i) => [i.functionName, i.action])).toEqual([
      ['ours', 'restored'],
      ['edited', 'skip'],
      ['locked', 'failed'],
    ]);
    expect(h.fake.lambda.describe('ours').memoryMB).toBe(256);
    expect(h.fake.lambda.describe('ours').variables).toEqual(ORIGINAL);
    expect(h.fake.lambda.describe('edited').variables).toEqual({ ...ORIGINAL, ADDED: 'by hand' });
    expect(h.fake.lambda.describe('edited').memoryMB).toBe(2048);
    expect(h.fake.lambda.describe('locked').variables).toEqual({ ...ORIGINAL, [MARKER_KEY]: `${RUN}-4` });
    expect(h.fake.lambda.stats.updates).toBe(2); // the restore of `ours`, the marker removal of `edited`
    // `locked` stays pending: recover tries again once the identity may decrypt.
    expect(await journalStates()).toEqual(['restored', 'skipped', 'pending']);
    expect((await h.engine.findInterruptedRuns()).map((i) => i.functionName)).toEqual(['locked']);
  });

  it('a kill between the journal write and the update: either the last settled or the intended write counts as ours', async () => {
    h = await startHarness({
      functions: [{ name: 'f', memoryMB: 512, variables: { ...ORIGINAL, [MARKER_KEY]: `${RUN}-3` } }],
    });
    await leaveInterruptedRun(h.stateDir, h.fake, [
      {
        name: 'f',
        memoryMB: 256,
        variables: ORIGINAL,
        written: [
          { marker: `${RUN}-3`, memoryMB: 512 },
          { marker: `${RUN}-4`, memoryMB: 1024 },
        ],
      },
    ]);
    expect((await h.engine.recoverInterruptedRuns()).map((i) => i.action)).toEqual(['restored']);
    expect(h.fake.lambda.describe('f').variables).toEqual(ORIGINAL);
    expect(h.fake.lambda.describe('f').memoryMB).toBe(256);
  });
});
