import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import RunProgressPanel from '../../renderer/src/measure/RunProgressPanel.vue';
import MeasureView from '../../renderer/src/views/MeasureView.vue';
import { resetConnectionState } from '../../renderer/src/measure/connection-store';
import { stopListening, type TrackedRun } from '../../renderer/src/measure/run-tracker';
import { workspace } from '../../renderer/src/state/workspace';
import { resetSessions } from '../../renderer/src/measure/session';
import { emptySample, type Sample } from '../../shared/sample';
import type { RunProgress } from '../../shared/measure';
import { installFakeBridge } from './fake-bridge';

const progress = (over: Partial<RunProgress> = {}): RunProgress => ({
  runId: 'run-1',
  phase: 'invoking',
  done: 5,
  total: 12,
  functionName: 'hello-node',
  memoryMB: 1024,
  elapsedMs: 65_000,
  etaMs: 90_000,
  message: null,
  ...over,
});

const trackedRun = (over: Partial<TrackedRun> = {}): TrackedRun => ({
  runId: 'run-1',
  kind: 'measure',
  name: 'node vs python',
  progress: progress(),
  plannedTotal: 12,
  samples: [],
  finished: null,
  cancelling: false,
  startedAt: Date.now(),
  ...over,
});

const sample = (name: string, memoryMB: number, initMs: number): Sample => ({
  ...emptySample(name),
  memoryMB,
  initMs,
  durationMs: 10,
  billedMs: initMs + 10,
  arch: 'x86_64',
  run: 'run-1',
});

describe('RunProgressPanel', () => {
  it('shows phase, samples done/total, function, memory, elapsed and ETA', () => {
    const wrapper = mount(RunProgressPanel, { props: { run: trackedRun() } });
    expect(wrapper.get('[data-test="phase"]').text()).toBe('Invoking');
    expect(wrapper.get('[data-test="done-total"]').text()).toBe('5 / 12');
    expect(wrapper.get('[data-test="current-function"]').text()).toBe('hello-node');
    expect(wrapper.get('[data-test="current-memory"]').text()).toBe('1024 MB');
    expect(wrapper.get('[data-test="elapsed"]').text()).toBe('1 min 05 s');
    expect(wrapper.get('[data-test="eta"]').text()).toBe('≈ 1 min 30 s');
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('42');
  });

  it('cancels once and says it restores first', async () => {
    const run = trackedRun();
    const wrapper = mount(RunProgressPanel, { props: { run } });
    await wrapper.get('[data-test="cancel-run"]').trigger('click');
    expect(wrapper.emitted('cancel')).toHaveLength(1);
    await wrapper.setProps({ run: { ...run, cancelling: true } });
    expect(wrapper.get('[data-test="cancel-run"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-test="phase"]').text()).toBe('Cancelling: restoring the functions first…');
  });

  it('says a cancelled run restored the functions, and lists what was restored', () => {
    const wrapper = mount(RunProgressPanel, {
      props: {
        run: trackedRun({
          finished: {
            runId: 'run-1',
            state: 'cancelled',
            samples: 5,
            errors: [],
            restored: ['hello-node: memory 256 MB and 3 variables restored and verified'],
            warnings: [],
          },
        }),
      },
    });
    expect(wrapper.get('[data-test="outcome"]').text()).toBe(
      'Cancelled: the functions were restored, then the run stopped (5 samples kept).',
    );
    expect(wrapper.get('[data-test="restored"]').text()).toContain('hello-node: memory 256 MB');
    expect(wrapper.find('[data-test="cancel-run"]').exists()).toBe(false);
  });

  it('shows a cancelled run against the whole plan, though the engine shrank its total', () => {
    const wrapper = mount(RunProgressPanel, {
      props: {
        run: trackedRun({
          progress: progress({ done: 4, total: 4 }),
          finished: {
            runId: 'run-1',
            state: 'cancelled',
            samples: 4,
            errors: [],
            restored: [],
            warnings: [],
          },
        }),
      },
    });
    expect(wrapper.get('[data-test="done-total"]').text()).toBe('4 / 12');
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('33');
  });

  it('names the function, what AWS said and what to do for each error', () => {
    const wrapper = mount(RunProgressPanel, {
      props: {
        run: trackedRun({
          finished: {
            runId: 'run-1',
            state: 'partial',
            samples: 6,
            errors: [
              {
                functionName: 'hello-py',
                code: 'ResourceConflictException',
                message: 'The function is being updated by someone else',
                hint: 'Wait for the other update to finish, then measure hello-py again.',
              },
            ],
            restored: [],
            warnings: [],
          },
        }),
      },
    });
    const errors = wrapper.get('[data-test="run-errors"]').text();
    expect(errors).toContain('hello-py');
    expect(errors).toContain('ResourceConflictException');
    expect(errors).toContain('What to do: Wait for the other update to finish');
    expect(wrapper.get('[data-test="outcome"]').text()).toMatch(/finished with errors: 6 samples/);
  });

  it("shows the run's warnings, e.g. a fetch range CloudWatch has not fully ingested yet", () => {
    const warning =
      'The range ends less than 5 minutes ago: the latest REPORT lines may not be ingested yet.';
    const wrapper = mount(RunProgressPanel, {
      props: {
        run: trackedRun({
          kind: 'fetch',
          finished: {
            runId: 'run-1',
            state: 'completed',
            samples: 3,
            errors: [],
            restored: [],
            warnings: [warning],
          },
        }),
      },
    });
    expect(wrapper.get('[data-test="run-warnings"]').text()).toBe(warning);
  });

  it('fills the bar on completion', () => {
    const wrapper = mount(RunProgressPanel, {
      props: {
        run: trackedRun({
          progress: progress({ done: 11, total: 12 }),
          finished: {
            runId: 'run-1',
            state: 'completed',
            samples: 12,
            errors: [],
            restored: [],
            warnings: [],
          },
        }),
      },
    });
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('100');
    expect(wrapper.get('[data-test="done-total"]').text()).toBe('12 / 12');
  });
});

describe('MeasureView', () => {
  beforeEach(() => {
    resetConnectionState();
    stopListening();
    workspace.reset();
    resetSessions();
    localStorage.clear();
  });
  afterEach(() => stopListening());

  it('connects, lists functions, starts a run, fills a dataset live and cancels', async () => {
    const { api, emit } = installFakeBridge();
    let wrapper = mount(MeasureView);
    await flushPromises();
    expect((wrapper.get('[data-test="profile"]').element as HTMLSelectElement).value).toBe('default');
    expect((wrapper.get('[data-test="region"]').element as HTMLSelectElement).value).toBe('eu-west-1');
    await wrapper.get('[data-test="connect"]').trigger('click');
    await flushPromises();
    expect(api.checkAwsConnection).toHaveBeenCalledWith({
      profile: 'default',
      region: 'eu-west-1',
      endpoint: null,
    });
    expect(wrapper.get('[data-test="account"]').text()).toContain('123456789012');
    expect(wrapper.get('[data-test="concurrency"]').text()).toBe('50');
    expect(wrapper.findAll('tr[data-function]')).toHaveLength(3);

    await wrapper.get('[data-test="function-search"]').setValue('python');
    expect(wrapper.findAll('tr[data-function]').map((r) => r.attributes('data-function'))).toEqual([
      'hello-py',
    ]);
    await wrapper.get('tr[data-function="hello-py"]').trigger('click');
    await wrapper.get('[data-test="function-search"]').setValue('');
    await wrapper.get('tr[data-function="hello-node"]').trigger('click');
    expect(wrapper.get('[data-test="selected-count"]').text()).toBe('2 of 3 selected');

    await wrapper.get('[data-test="memory-input"]').setValue('128 1024');
    await wrapper.get('[data-test="memory-input"]').trigger('keydown', { key: 'Enter' });
    await wrapper.get('[data-test="times"]').setValue('3');
    // An event that overtakes the answer to startMeasurement is not lost.
    api.startMeasurement.mockImplementation(() => {
      emit('runProgress', progress({ done: 0, total: 12, phase: 'preparing' }));
      return Promise.resolve({ ok: true as const, value: { runId: 'run-1' } });
    });
    await wrapper.get('[data-test="start-run"]').trigger('click');
    await flushPromises();
    expect(api.startMeasurement.mock.calls[0]?.[0]).toMatchObject({
      connection: { profile: 'default', region: 'eu-west-1', endpoint: null },
      plan: {
        functions: ['hello-py', 'hello-node'],
        memorySizes: [128, 1024],
        times: 3,
        parallel: 1,
        warm: 0,
      },
    });
    expect(wrapper.get('[data-test="phase"]').text()).toBe('Preparing');
    expect(workspace.state.datasets).toHaveLength(1);
    expect(workspace.state.datasets[0]?.runId).toBe('run-1');

    emit('runSamples', {
      runId: 'run-1',
      samples: [sample('hello-node', 128, 300), sample('hello-node', 128, 320)],
    });
    emit('runSamples', { runId: 'other-run', samples: [sample('elsewhere', 128, 1)] });
    emit('runProgress', progress({ done: 2, total: 12, memoryMB: 128 }));
    await flushPromises();
    expect(wrapper.get('[data-test="done-total"]').text()).toBe('2 / 12');
    expect(workspace.state.datasets[0]?.columns.length).toBe(2);
    expect(wrapper.get('[data-test="live-results"]').attributes('data-samples')).toBe('2');
    expect(wrapper.findAll('[data-test="cost-table"] tbody tr')).toHaveLength(1);
    expect(wrapper.get('[data-test="start-run"]').attributes('disabled')).toBeDefined();

    // Leaving the view and coming back (the app unmounts it) keeps the run on screen.
    wrapper.unmount();
    wrapper = mount(MeasureView);
    await flushPromises();
    expect(wrapper.get('[data-test="done-total"]').text()).toBe('2 / 12');

    await wrapper.get('[data-test="cancel-run"]').trigger('click');
    await flushPromises();
    expect(api.cancelMeasurement).toHaveBeenCalledWith({ runId: 'run-1' });
    expect(wrapper.get('[data-test="phase"]').text()).toMatch(/^Cancelling/);
    // A batch soon after another waits for the next append (APPEND_INTERVAL_MS); the run's end adds it at once.
    emit('runSamples', { runId: 'run-1', samples: [sample('hello-py', 128, 250)] });
    emit('runFinished', {
      runId: 'run-1',
      state: 'cancelled',
      samples: 3,
      errors: [],
      restored: ['hello-node: restored', 'hello-py: restored'],
      warnings: [],
    });
    await flushPromises();
    expect(wrapper.get('[data-test="outcome"]').text()).toMatch(/^Cancelled: the functions were restored/);
    expect(workspace.state.datasets[0]?.columns.length).toBe(3);
    expect(wrapper.get('[data-test="start-run"]').attributes('disabled')).toBeUndefined();
  });

  it('explains an expired SSO session instead of listing functions', async () => {
    installFakeBridge({
      checkAwsConnection: () =>
        Promise.resolve({
          ok: false as const,
          error: {
            code: 'credentials' as const,
            message: 'The SSO session associated with this profile has expired or is otherwise invalid.',
            hint: null,
          },
        }),
    });
    const wrapper = mount(MeasureView);
    await flushPromises();
    await wrapper.get('[data-test="profile"]').setValue('work-sso');
    expect((wrapper.get('[data-test="region"]').element as HTMLSelectElement).value).toBe('us-east-1');
    await wrapper.get('[data-test="connect"]').trigger('click');
    await flushPromises();
    const error = wrapper.get('[data-test="connection-error"]');
    expect(error.attributes('data-problem')).toBe('sso-expired');
    expect(error.text()).toContain('aws sso login --profile work-sso');
    expect(wrapper.find('tr[data-function]').exists()).toBe(false);
  });

  it('lists the IAM actions the app needs when a permission is missing', async () => {
    installFakeBridge({
      checkAwsConnection: () =>
        Promise.resolve({
          ok: false as const,
          error: {
            code: 'aws' as const,
            message:
              'Listing functions (lambda:ListFunctions): AccessDeniedException: User: arn:aws:iam::1:user/x is not authorized to perform: lambda:ListFunctions',
            hint: 'The identity lacks a permission: see the IAM policy in the README.',
          },
        }),
    });
    const wrapper = mount(MeasureView);
    await flushPromises();
    await wrapper.get('[data-test="connect"]').trigger('click');
    await flushPromises();
    const error = wrapper.get('[data-test="connection-error"]');
    expect(error.attributes('data-problem')).toBe('access-denied');
    expect(error.get('.title').text()).toBe('Missing permission: lambda:ListFunctions');
    const actions = error.findAll('li code').map((c) => c.text());
    expect(actions[0]).toBe('lambda:ListFunctions');
    expect(actions).toContain('lambda:UpdateFunctionConfiguration');
    expect(actions).toContain('logs:StartQuery');
    // Each with what the app needs it for.
    expect(error.findAll('li')[0]?.text()).toBe('lambda:ListFunctions — list the functions of the region');
  });

  it('refuses an endpoint that is not a URL', async () => {
    installFakeBridge();
    const wrapper = mount(MeasureView);
    await flushPromises();
    await wrapper.get('[data-test="toggle-endpoint"]').trigger('click');
    await wrapper.get('[data-test="endpoint"]').setValue('localhost:4566');
    expect(wrapper.get('[data-test="endpoint-error"]').text()).toMatch(/http:\/\/ or https:\/\//);
    expect(wrapper.get('[data-test="connect"]').attributes('disabled')).toBeDefined();
  });
});
