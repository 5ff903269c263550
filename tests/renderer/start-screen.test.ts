import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { nextTick } from 'vue';
import StartScreen from '../../renderer/src/components/StartScreen.vue';
import { historyState } from '../../renderer/src/history/history-store';
import {
  RECENT_KEY,
  readRecentWorkspaces,
  recentWorkspaces,
  recordWorkspace,
  startRecentWorkspaces,
  type RecentWorkspace,
} from '../../renderer/src/state/recent-workspaces';
import { workspace } from '../../renderer/src/state/workspace';
import { restoreWorkspace, type SavedWorkspace } from '../../renderer/src/state/workspace-persistence';
import { navigation, showView } from '../../renderer/src/state/navigation';
import type { RunSummary } from '../../shared/measure';
import { emptySample } from '../../shared/sample';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { installFakeBridge, ok } from './fake-bridge';

type SavedDataset = SavedWorkspace['datasets'][number];
const common = { tags: { arch: null, memoryMB: null }, overrides: {}, hidden: false };
const file = (path: string): SavedDataset => ({
  kind: 'file',
  path,
  droppedDuplicates: false,
  name: path.replace(/^.*\/|\.csv$/g, ''),
  ...common,
});
const run = (runId: string): SavedDataset => ({ kind: 'run', runId, name: `run ${runId}`, ...common });
const dropped = (name: string): SavedDataset => ({ kind: 'dropped', name, ...common });

function saved(datasets: SavedDataset[], metric = 'init'): SavedWorkspace {
  return {
    version: 1,
    view: 'analyse',
    datasets,
    chart: { metric },
    hiddenFunctions: [],
    hiddenArchs: [],
    hiddenMemories: [],
    baselineKey: null,
    ratioStat: 'median',
  };
}

/** Feeds workspace changes through recordWorkspace as the watcher does; ids are w1, w2, ... */
function replay(changes: SavedWorkspace[], start: RecentWorkspace[] = []) {
  let n = 0;
  let state = { list: start, currentId: null as string | null };
  changes.forEach((workspace, k) => {
    state = recordWorkspace(
      state.list,
      state.currentId,
      { workspace, samples: 10 * workspace.datasets.length, at: `2026-12-0${k + 1}T10:00:00.000Z` },
      () => `w${++n}`,
    );
  });
  return state;
}
const names = (list: RecentWorkspace[]) => list.map((e) => `${e.id}: ${e.name}`);

describe('recordWorkspace', () => {
  const a = file('/data/a.csv');
  const b = file('/data/b.csv');
  const c = file('/data/c.csv');

  it('updates one entry while datasets are added, with name, date, dataset and sample counts', () => {
    const { list } = replay([saved([a]), saved([a, b]), saved([a, b, c])]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: 'w1',
      name: 'a, b +1 more',
      savedAt: '2026-12-03T10:00:00.000Z',
      datasets: 3,
      samples: 30,
    });
  });

  it('keeps the whole workspace when datasets are closed one by one', () => {
    const { list } = replay([saved([a, b, c]), saved([a, b]), saved([a])]);
    expect(names(list)).toEqual(['w1: a, b +1 more']);
    expect(list[0]!.workspace.datasets).toHaveLength(3);
  });

  it('starts a new entry for other files, newest first, at most five', () => {
    const files = Array.from({ length: 7 }, (_, i) => file(`/data/f${i}.csv`));
    const { list } = replay([saved([a]), saved([b]), ...files.map((f) => saved([f]))]);
    expect(names(list)).toEqual(['w9: f6', 'w8: f5', 'w7: f4', 'w6: f3', 'w5: f2']);
  });

  it('records settings changes of the current entry', () => {
    const { list } = replay([saved([a, b]), saved([a, b], 'total')]);
    expect(list).toHaveLength(1);
    expect(list[0]!.workspace.chart).toEqual({ metric: 'total' });
  });

  it('after a restart, takes the entry that holds the restored workspace instead of adding one', () => {
    const before = replay([saved([a, b, run('r1')])]).list;
    // The restore brings the files first, then the run; one file was moved and never comes back.
    const after = replay([saved([a]), saved([a, run('r1')])], before);
    expect(names(after.list)).toEqual(['w1: a, b +1 more']);
    expect(after.currentId).toBe('w1');
  });

  it('replaces an older entry with the same files and runs', () => {
    const { list } = replay([saved([a, b]), saved([c]), saved([b, a])]);
    expect(names(list)).toEqual(['w3: b, a', 'w2: c']);
  });

  it('records nothing for a workspace of dropped files or the example only', () => {
    expect(replay([saved([dropped('x.csv')]), saved([])]).list).toEqual([]);
  });
});

const summary = (id: string, over: Partial<RunSummary> = {}): RunSummary => ({
  id,
  kind: 'measure',
  name: `run ${id}`,
  startedAt: '2026-11-28T20:00:00.000Z',
  endedAt: '2026-11-28T20:05:00.000Z',
  state: 'completed',
  functions: ['hello-node'],
  memorySizes: [128],
  samples: 1200,
  errors: [],
  ...over,
});

describe('StartScreen', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => {
    localStorage.clear();
    workspace.reset();
    historyState.runs = [];
    recentWorkspaces.list = [];
  });
  afterEach(() => stop?.());

  it('offers Import and the example when there is nothing recent', async () => {
    installFakeBridge();
    const wrapper = mount(StartScreen);
    await flushPromises();
    expect(wrapper.find('[data-testid=recent-workspace]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=recent-run]').exists()).toBe(false);
    await wrapper.get('[data-testid=empty-import]').trigger('click');
    await wrapper.get('[data-testid=empty-import-folder]').trigger('click');
    await wrapper.get('[data-testid=load-example]').trigger('click');
    expect(Object.keys(wrapper.emitted())).toEqual(
      expect.arrayContaining(['import', 'import-folder', 'load-example']),
    );
  });

  it('says that CSV files, lambda-perf JSON files and folders are accepted', async () => {
    installFakeBridge();
    const text = mount(StartScreen).get('[data-testid=empty-start]').text();
    expect(text).toContain('CSV files');
    expect(text).toContain('lambda-perf daily JSON files');
    expect(text).toContain('drop files or a folder');
    expect(text).not.toContain('Import CSV files');
  });

  it('lists the recent runs, newest first, and opens one as a dataset', async () => {
    const { api } = installFakeBridge({
      listRuns: () =>
        ok([
          summary('old', { startedAt: '2026-11-01T08:00:00.000Z' }),
          summary('new', { kind: 'fetch', samples: 1 }),
        ]),
      openRun: ({ runId }) =>
        ok({ summary: summary(runId), samples: [{ ...emptySample('hello-node'), run: runId }] }),
    });
    const wrapper = mount(StartScreen);
    await flushPromises();
    const items = wrapper.findAll('[data-testid=recent-run]');
    expect(items.map((i) => i.attributes('data-run'))).toEqual(['new', 'old']);
    expect(items[0]!.text()).toContain('run new');
    expect(items[0]!.text()).toContain('fetched · 1 sample');
    expect(items[1]!.text()).toContain('measured · 1,200 samples');
    await items[1]!.trigger('click');
    await flushPromises();
    expect(api.openRun).toHaveBeenCalledWith({ runId: 'old' });
    expect(workspace.state.datasets.map((d) => [d.name, d.runId])).toEqual([['run old', 'old']]);
  });

  it('says why a run could not be opened', async () => {
    installFakeBridge({
      listRuns: () => ok([summary('gone')]),
      openRun: () =>
        Promise.resolve({
          ok: false as const,
          error: { code: 'not-found' as const, message: 'run gone is not in the history', hint: null },
        }),
    });
    const wrapper = mount(StartScreen);
    await flushPromises();
    await wrapper.get('[data-testid=recent-run]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid=start-error]').text()).toBe('run gone is not in the history');
    expect(workspace.state.datasets).toHaveLength(0);
  });

  it('remembers the open workspace, lists it once emptied, and opens it again', async () => {
    const samples = [emptySample('hello-node'), emptySample('hello-py')];
    const { api } = installFakeBridge({
      openRun: ({ runId }) => ok({ summary: summary(runId), samples }),
    });
    stop = startRecentWorkspaces(workspace);
    for (const runId of ['r1', 'r2'])
      workspace.addDataset({
        name: `run ${runId}`,
        source: 'run',
        runId,
        columns: columnsFromSamples(samples),
      });
    await nextTick();
    for (const d of [...workspace.state.datasets]) workspace.removeDataset(d.id);
    await nextTick();

    expect(readRecentWorkspaces()).toHaveLength(1);
    expect(localStorage.getItem(RECENT_KEY)).toContain('"runId":"r2"');
    const wrapper = mount(StartScreen);
    await flushPromises();
    const item = wrapper.get('[data-testid=recent-workspace]');
    expect(item.text()).toContain('run r1, run r2');
    expect(item.text()).toContain('2 datasets · 4 samples');

    await item.trigger('click');
    await flushPromises();
    expect(api.openRun).toHaveBeenCalledTimes(2);
    expect(workspace.state.datasets.map((d) => d.name)).toEqual(['run r1', 'run r2']);
    // Opening it again does not add a second entry.
    expect(readRecentWorkspaces()).toHaveLength(1);
  });
});

describe('restoring the saved workspace', () => {
  it('opens the saved view at once, and a tab clicked while files reopen stays open', async () => {
    workspace.reset();
    showView('analyse');
    let reopen: (() => void) | null = null;
    installFakeBridge({
      reopenFiles: ({ paths }) =>
        new Promise((resolve) => {
          reopen = () =>
            resolve({
              ok: true,
              value: { files: [], errors: paths.map((path) => ({ path, message: `${path} is gone` })) },
            });
        }),
    });
    const restoring = restoreWorkspace(workspace, { ...saved([file('/data/a.csv')]), view: 'history' });
    expect(navigation.view).toBe('history');
    // The user goes to Measure before the files are back.
    showView('measure');
    await vi.waitFor(() => expect(reopen).not.toBeNull());
    reopen!();
    expect(await restoring).toBe(0);
    expect(navigation.view).toBe('measure');
    expect(workspace.state.failures.map((f) => f.fileName)).toEqual(['a.csv']);
  });
});
