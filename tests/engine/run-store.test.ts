import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunStore } from '../../electron/engine/run-store';
import type { RunSummary } from '../../shared/measure';
import { emptySample } from '../../shared/sample';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A pid no process has: the run's owner is gone, as after kill -9. */
const DEAD_PID = 2 ** 22 + 12345;
const RUN = '20261128-120000-0dd5';
const running: RunSummary = {
  id: RUN,
  kind: 'measure',
  name: 'killed',
  startedAt: '2026-11-28T12:00:00.000Z',
  endedAt: null,
  state: 'running',
  functions: ['f'],
  memorySizes: [],
  samples: 0,
  errors: [],
};

describe('run store', () => {
  it('counts the samples an interrupted run has on disk, a torn last line left out', async () => {
    dir = await mkdtemp(join(tmpdir(), 'coldstart-store-'));
    const store = new RunStore(dir);
    const writer = await store.create(running, {});
    writer.append([1, 2, 3].map((n) => ({ ...emptySample('f'), requestId: `r${n}`, durationMs: n })));
    writer.close();
    await appendFile(store.path(RUN, 'samples'), '{"name":"f","requestId":"r4","durat');
    await writeFile(store.path(RUN, 'owner'), JSON.stringify({ pid: DEAD_PID, hostname: hostname() }));

    expect(await store.list()).toMatchObject([{ id: RUN, state: 'interrupted', samples: 3 }]);
    expect(await store.readSummary(RUN)).toMatchObject({ state: 'interrupted', samples: 3 });
  });

  it('counts the samples of a run still in progress, and keeps a finished run’s own count', async () => {
    dir = await mkdtemp(join(tmpdir(), 'coldstart-store-'));
    const store = new RunStore(dir);
    const writer = await store.create(running, {});
    writer.append([emptySample('f'), emptySample('f')]);
    expect(await store.readSummary(RUN)).toMatchObject({ state: 'running', samples: 2 });
    writer.close();
    await store.finish({ ...running, state: 'completed', samples: 2, endedAt: running.startedAt }, []);
    await appendFile(store.path(RUN, 'samples'), `${JSON.stringify(emptySample('f'))}\n`);
    expect(await store.readSummary(RUN)).toMatchObject({ state: 'completed', samples: 2 });
  });
});
