import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { JournalFile } from '../../electron/engine/journal';
import { RunStore } from '../../electron/engine/run-store';
import type { RunSummary } from '../../shared/measure';
import { defaultConnection, plan, startHarness, type Harness } from './engine-harness';

/** What reached the disk, in order: every fsync (of a file or a directory) and every rename. */
const disk = vi.hoisted(() => ({ events: [] as string[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const { recordingFsPromises } = await import('../disk-events');
  return recordingFsPromises(await importOriginal(), disk.events);
});

const POSIX = process.platform !== 'win32';
const mode = async (path: string) => (await stat(path)).mode & 0o777;

let previousUmask = 0;
beforeAll(() => {
  // The usual umask, which leaves new files world-readable unless the mode is explicit.
  if (POSIX) previousUmask = process.umask(0o022);
});
afterAll(() => {
  if (POSIX) process.umask(previousUmask);
});

let h: Harness | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (scratch) await rm(scratch, { recursive: true, force: true });
  scratch = undefined;
});

const RUN = '20261128-120000-beef';
const summary: RunSummary = {
  id: RUN,
  kind: 'measure',
  name: 'private',
  startedAt: '2026-11-28T12:00:00.000Z',
  endedAt: null,
  state: 'running',
  functions: ['secret-fn'],
  memorySizes: [],
  samples: 0,
  errors: [],
};

async function modesUnder(dir: string): Promise<Record<string, number>> {
  const modes: Record<string, number> = {};
  for (const entry of await readdir(dir, { recursive: true })) {
    modes[entry] = await mode(join(dir, entry));
  }
  return modes;
}

describe.skipIf(!POSIX)(
  'run state on disk is private (POSIX modes; on Windows the profile is private)',
  () => {
    it('makes every directory of a measure run 0700 and every file 0600 under a 022 umask', async () => {
      h = await startHarness({
        functions: [{ name: 'secret-fn', memoryMB: 256, variables: { DB_PASSWORD: 'hunter2' } }],
      });
      const run = await h.engine.startMeasurement(
        defaultConnection,
        plan({ functions: ['secret-fn'], times: 1 }),
      );
      expect((await run.done).state).toBe('completed');
      const runs = join(h.stateDir, 'runs');
      expect(await mode(runs)).toBe(0o700);
      const modes = await modesUnder(runs);
      expect(Object.keys(modes).sort()).toEqual(
        [
          run.runId,
          ...['journal.json', 'plan.json', 'samples.csv', 'samples.jsonl', 'summary.json'].map((f) =>
            join(run.runId, f),
          ),
        ].sort(),
      );
      for (const [entry, m] of Object.entries(modes)) {
        expect([entry, m.toString(8)]).toEqual([entry, entry === run.runId ? '700' : '600']);
      }
    });

    it('makes a state directory it creates 0700, and closes a runs directory an older version left 0755', async () => {
      scratch = await mkdtemp(join(tmpdir(), 'coldstart-private-'));
      await chmod(scratch, 0o755);
      const fresh = new RunStore(join(scratch, 'new', 'state'));
      (await fresh.create(summary, { payload: '{"token":"x"}' })).close();
      expect((await mode(scratch)).toString(8)).toBe('755'); // not ours: left as it was
      expect((await mode(join(scratch, 'new'))).toString(8)).toBe('700');
      expect((await mode(join(scratch, 'new', 'state'))).toString(8)).toBe('700');

      const userDir = join(scratch, 'mine');
      await mkdir(join(userDir, 'runs'), { recursive: true, mode: 0o755 });
      await chmod(join(userDir, 'runs'), 0o755);
      const old = new RunStore(userDir);
      (await old.create(summary, {})).close();
      expect((await mode(userDir)).toString(8)).toBe('755'); // the user's own --state-dir
      expect((await mode(old.runsDir)).toString(8)).toBe('700');
      expect((await mode(old.dir(RUN))).toString(8)).toBe('700');
      expect((await mode(old.path(RUN, 'plan'))).toString(8)).toBe('600');
    });
  },
);

describe('run state is durable', () => {
  it('has the journal file and its directory flushed to disk before the first change to AWS', async () => {
    h = await startHarness({ functions: [{ name: 'fn', memoryMB: 256, variables: { A: '1' } }] });
    disk.events.length = 0;
    h.fake.lambda.onUpdate(() => disk.events.push('UpdateFunctionConfiguration'));
    const run = await h.engine.startMeasurement(defaultConnection, plan({ functions: ['fn'], times: 1 }));
    await run.done;
    const runDir = join(h.stateDir, 'runs', run.runId);
    const journal = join(runDir, 'journal.json');
    const firstUpdate = disk.events.indexOf('UpdateFunctionConfiguration');
    expect(firstUpdate).toBeGreaterThan(0);
    const before = disk.events.slice(0, firstUpdate);
    const renamed = before.indexOf(`rename ${journal}`);
    expect(renamed).toBeGreaterThan(0);
    // The temporary file's content was synced before it was renamed, the directory entry after.
    expect(before.slice(0, renamed).some((e) => e.startsWith(`sync ${runDir}/.journal.json.`))).toBe(true);
    expect(before.slice(renamed)).toContain(`sync ${runDir}`);
    // The run directory itself is named in a flushed runs directory.
    expect(before).toContain(`sync ${join(h.stateDir, 'runs')}`);
  });

  it('flushes every journal save (file, then directory) before it resolves', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'coldstart-durable-'));
    const store = new RunStore(scratch);
    (await store.create(summary, {})).close();
    const journal = JournalFile.create(store.path(RUN, 'journal'), RUN, {
      ...defaultConnection,
      region: 'eu-west-1',
    });
    disk.events.length = 0;
    await journal.add({
      functionName: 'fn',
      functionArn: null,
      original: { memoryMB: 128, variables: { SECRET: 's' }, revisionId: 'r1', kmsKeyArn: null },
      changed: false,
      restore: 'pending',
      detail: null,
    });
    await journal.update('fn', { changed: true });
    const dir = store.dir(RUN);
    const journalEvents = disk.events.filter((e) => e.includes('journal') || e === `sync ${dir}`);
    expect(journalEvents.map((e) => e.replace(/\.journal\.json\.[^/]*$/, '.journal.json.TMP'))).toEqual([
      `sync ${dir}/.journal.json.TMP`,
      `rename ${dir}/journal.json`,
      `sync ${dir}`,
      `sync ${dir}/.journal.json.TMP`,
      `rename ${dir}/journal.json`,
      `sync ${dir}`,
    ]);
  });
});
