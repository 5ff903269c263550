import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import HistoryView from '../../renderer/src/views/HistoryView.vue';
import RecoveryPrompt from '../../renderer/src/measure/RecoveryPrompt.vue';
import { workspace } from '../../renderer/src/state/workspace';
import { resetSessions } from '../../renderer/src/measure/session';
import { emptySample } from '../../shared/sample';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import type { RunSummary } from '../../shared/measure';
import { installFakeBridge, ok } from './fake-bridge';

const summary = (id: string, over: Partial<RunSummary> = {}): RunSummary => ({
  id,
  kind: 'measure',
  name: `run ${id}`,
  startedAt: '2026-11-28T20:00:00.000Z',
  endedAt: '2026-11-28T20:05:00.000Z',
  state: 'completed',
  functions: ['hello-node', 'hello-py'],
  memorySizes: [128, 1024],
  samples: 12,
  errors: [],
  ...over,
});

describe('HistoryView', () => {
  beforeEach(() => {
    workspace.reset();
    resetSessions();
  });

  it('lists runs newest first with date, functions, configurations, samples and state', async () => {
    installFakeBridge({
      listRuns: () =>
        ok([
          summary('a'),
          summary('b', {
            startedAt: '2026-11-28T21:00:00.000Z',
            state: 'cancelled',
            kind: 'fetch',
            memorySizes: [],
          }),
        ]),
    });
    const wrapper = mount(HistoryView);
    await flushPromises();
    const rows = wrapper.findAll('tr[data-run]');
    expect(rows.map((r) => r.attributes('data-run'))).toEqual(['b', 'a']);
    expect(rows[1]!.text()).toContain('hello-node, hello-py');
    expect(rows[1]!.findAll('td.num').map((c) => c.text())).toEqual(['4', '12']);
    expect(rows[0]!.text()).toContain('fetched');
    expect(rows[0]!.get('.state').text()).toBe('cancelled');
  });

  it('opens several runs as datasets to compare them', async () => {
    const openRun = vi.fn(({ runId }: { runId: string }) =>
      ok({ summary: summary(runId), samples: [{ ...emptySample('hello-node'), run: runId }] }),
    );
    installFakeBridge({ listRuns: () => ok([summary('a'), summary('b')]), openRun });
    const wrapper = mount(HistoryView);
    await flushPromises();
    for (const box of wrapper.findAll('tr[data-run] input[type="checkbox"]')) await box.setValue(true);
    expect(wrapper.get('[data-test="compare-selected"]').text()).toBe('Compare 2 runs');
    await wrapper.get('[data-test="compare-selected"]').trigger('click');
    await flushPromises();
    expect(openRun).toHaveBeenCalledTimes(2);
    expect(workspace.state.datasets.map((d: { name: string }) => d.name)).toEqual(['run a', 'run b']);
  });

  it('compares runs side by side: oldest first as the base, colored by dataset, others hidden', async () => {
    const openRun = vi.fn(({ runId }: { runId: string }) =>
      ok({ summary: summary(runId), samples: [{ ...emptySample('hello-node'), run: runId }] }),
    );
    installFakeBridge({
      listRuns: () => ok([summary('new'), summary('old', { startedAt: '2026-11-27T08:00:00.000Z' })]),
      openRun,
    });
    const other = workspace.addDataset({
      name: 'an import',
      source: 'import',
      columns: columnsFromSamples([emptySample('x')]),
    });
    const wrapper = mount(HistoryView);
    await flushPromises();
    for (const box of wrapper.findAll('tr[data-run] input[type="checkbox"]')) await box.setValue(true);
    await wrapper.get('[data-test="compare-selected"]').trigger('click');
    await flushPromises();
    expect(openRun.mock.calls.map(([a]) => a.runId)).toEqual(['old', 'new']);
    const byName = new Map(workspace.state.datasets.map((d) => [d.name, d.id]));
    expect(workspace.state.chart.colorBy).toBe('dataset');
    expect(workspace.state.chart.compareBase).toBe(byName.get('run old'));
    expect([...workspace.state.filters.hiddenDatasets]).toEqual([other]);
  });

  it('renames a run in place', async () => {
    const renameRun = vi.fn(({ runId, name }: { runId: string; name: string }) =>
      ok(summary(runId, { name })),
    );
    installFakeBridge({ listRuns: () => ok([summary('a')]), renameRun });
    const wrapper = mount(HistoryView, { attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-test="rename-run"]').trigger('click');
    await wrapper.get('[data-rename="a"]').setValue('baseline');
    await wrapper.get('[data-rename="a"]').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(renameRun).toHaveBeenCalledWith({ runId: 'a', name: 'baseline' });
    expect(wrapper.get('[data-test="run-name"]').text()).toBe('baseline');
    wrapper.unmount();
  });

  it('deletes only after confirmation', async () => {
    const { api } = installFakeBridge({ listRuns: () => ok([summary('a'), summary('b')]) });
    const wrapper = mount(HistoryView);
    await flushPromises();
    await wrapper.get('tr[data-run="a"] [data-test="delete-run"]').trigger('click');
    expect(wrapper.get('[data-test="confirm-delete"]').text()).toContain('Nothing in AWS is touched');
    await wrapper.get('[data-test="cancel-delete"]').trigger('click');
    expect(api.deleteRun).not.toHaveBeenCalled();
    await wrapper.get('tr[data-run="a"] [data-test="delete-run"]').trigger('click');
    await wrapper.get('[data-test="confirm-delete-button"]').trigger('click');
    await flushPromises();
    expect(api.deleteRun).toHaveBeenCalledWith({ runId: 'a' });
    expect(wrapper.findAll('tr[data-run]').map((r) => r.attributes('data-run'))).toEqual(['b']);
  });

  it('exports a run as CSV and says where', async () => {
    const { api } = installFakeBridge({ listRuns: () => ok([summary('a')]) });
    const wrapper = mount(HistoryView);
    await flushPromises();
    await wrapper.get('[data-test="export-run"]').trigger('click');
    await flushPromises();
    expect(api.exportRunCsv).toHaveBeenCalledWith({ runId: 'a' });
    expect(wrapper.get('[data-test="history-notice"]').text()).toBe('Exported to /tmp/run.csv');
  });
});

describe('RecoveryPrompt', () => {
  it('offers interrupted runs at start-up with what will be restored, and restores them', async () => {
    const recover = vi.fn(() =>
      ok([
        {
          runId: 'r1',
          functionName: 'hello-node',
          action: 'restored' as const,
          originalMemoryMB: 256,
          detail: 'verified',
        },
        {
          runId: 'r1',
          functionName: 'hello-py',
          action: 'skip' as const,
          originalMemoryMB: 512,
          detail: 'marker gone',
        },
      ]),
    );
    installFakeBridge({
      findInterruptedRuns: () =>
        ok([
          {
            runId: 'r1',
            functionName: 'hello-node',
            action: 'restore' as const,
            originalMemoryMB: 256,
            detail: 'carries marker',
          },
          {
            runId: 'r1',
            functionName: 'hello-py',
            action: 'skip' as const,
            originalMemoryMB: 512,
            detail: 'marker gone',
          },
        ]),
      recoverInterruptedRuns: recover,
    });
    const wrapper = mount(RecoveryPrompt);
    await flushPromises();
    expect(wrapper.get('[data-recovery="hello-node"]').text()).toContain(
      'will be restored: memory 256 MB and its original environment variables',
    );
    expect(wrapper.get('[data-recovery="hello-py"]').text()).toContain(
      'changed by someone else since the run',
    );
    expect(wrapper.get('[data-test="recovery-restore"]').text()).toBe('Restore 1 function');
    await wrapper.get('[data-test="recovery-restore"]').trigger('click');
    await flushPromises();
    expect(recover).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-recovery="hello-node"]').text()).toContain('restored: memory 256 MB');
    expect(wrapper.find('[data-test="recovery-restore"]').exists()).toBe(false);
  });

  it('leaves the start-up offer to the shell when told to, and still answers the menu command', async () => {
    const { api, emit } = installFakeBridge({
      findInterruptedRuns: () =>
        ok([
          {
            runId: 'r1',
            functionName: 'hello-node',
            action: 'restore' as const,
            originalMemoryMB: 256,
            detail: '',
          },
        ]),
    });
    const wrapper = mount(RecoveryPrompt, { props: { atStartup: false } });
    await flushPromises();
    expect(api.findInterruptedRuns).not.toHaveBeenCalled();
    expect(wrapper.find('[data-test="recovery"]').exists()).toBe(false);
    emit('menuCommand', { command: 'recover-runs' });
    await flushPromises();
    expect(wrapper.get('[data-recovery="hello-node"]').text()).toContain('will be restored');
  });

  it('stays hidden when nothing was interrupted, and answers the menu command', async () => {
    const { emit } = installFakeBridge();
    const wrapper = mount(RecoveryPrompt);
    await flushPromises();
    expect(wrapper.find('[data-test="recovery"]').exists()).toBe(false);
    emit('menuCommand', { command: 'recover-runs' });
    await flushPromises();
    expect(wrapper.get('[data-test="recovery-none"]').text()).toMatch(/No interrupted runs/);
  });
});
