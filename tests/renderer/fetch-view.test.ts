import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import FetchView from '../../renderer/src/views/FetchView.vue';
import { fetchRange } from '../../renderer/src/fetch/fetch-range';
import { resetConnectionState } from '../../renderer/src/measure/connection-store';
import { stopListening } from '../../renderer/src/measure/run-tracker';
import { workspace } from '../../renderer/src/state/workspace';
import { resetSessions } from '../../renderer/src/measure/session';
import { installFakeBridge } from './fake-bridge';

describe('fetchRange', () => {
  const now = new Date('2026-11-28T12:00:00.000Z');
  it('counts back from now for the last hour, day and week', () => {
    expect(fetchRange('hour', now)).toEqual({
      start: '2026-11-28T11:00:00.000Z',
      end: '2026-11-28T12:00:00.000Z',
    });
    expect(fetchRange('week', now)).toEqual({
      start: '2026-11-21T12:00:00.000Z',
      end: '2026-11-28T12:00:00.000Z',
    });
  });
  it('checks a custom range', () => {
    expect(fetchRange('custom', now, { start: '', end: '2026-11-28T10:00' })).toEqual({
      error: 'Choose a start date and time',
    });
    expect(fetchRange('custom', now, { start: '2026-11-28T10:00', end: '2026-11-28T09:00' })).toEqual({
      error: 'The start must be before the end',
    });
    const ok = fetchRange('custom', now, { start: '2026-11-27T10:00', end: '2026-11-28T09:00' });
    expect(ok).toEqual({
      start: new Date('2026-11-27T10:00').toISOString(),
      end: new Date('2026-11-28T09:00').toISOString(),
    });
  });
});

describe('FetchView', () => {
  beforeEach(() => {
    resetConnectionState();
    stopListening();
    workspace.reset();
    resetSessions();
  });
  afterEach(() => stopListening());

  it('fetches the chosen functions into a dataset, with progress and cancel', async () => {
    const { api, emit } = installFakeBridge();
    const wrapper = mount(FetchView);
    await flushPromises();
    await wrapper.get('[data-test="connect"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="start-fetch"]').trigger('click');
    expect(wrapper.get('[data-test="fetch-error-functions"]').text()).toBe('Select at least one function');
    expect(api.startFetch).not.toHaveBeenCalled();

    await wrapper.get('tr[data-function="hello-node"]').trigger('click');
    await wrapper.get('[data-test="range-day"]').setValue();
    await wrapper.get('[data-test="all-records"]').setValue();
    await wrapper.get('[data-test="method-filter"]').setValue();
    const before = Date.now();
    await wrapper.get('[data-test="start-fetch"]').trigger('click');
    await flushPromises();
    const request = api.startFetch.mock.calls[0]?.[0]?.request;
    expect(request).toMatchObject({ functions: ['hello-node'], coldOnly: false, method: 'filter' });
    const span = Date.parse(request!.end) - Date.parse(request!.start);
    expect(span).toBe(86_400_000);
    expect(Date.parse(request!.end)).toBeGreaterThanOrEqual(before - 1000);
    expect(workspace.state.datasets[0]?.runId).toBe('fetch-1');

    emit('runProgress', {
      runId: 'fetch-1',
      phase: 'fetching',
      done: 1,
      total: 2,
      functionName: 'hello-node',
      memoryMB: null,
      elapsedMs: 1000,
      etaMs: 1000,
      message: null,
    });
    await flushPromises();
    expect(wrapper.get('[data-test="phase"]').text()).toBe('Fetching from CloudWatch');
    await wrapper.get('[data-test="cancel-run"]').trigger('click');
    expect(api.cancelFetch).toHaveBeenCalledWith({ runId: 'fetch-1' });
    emit('runFinished', {
      runId: 'fetch-1',
      state: 'cancelled',
      samples: 0,
      errors: [],
      restored: [],
      warnings: [],
    });
    await flushPromises();
    expect(wrapper.get('[data-test="outcome"]').text()).toBe('Fetch cancelled: 0 samples kept.');
    expect(wrapper.find('[data-test="fetch-empty"]').exists()).toBe(true);
    await wrapper.get('[data-test="dismiss-run"]').trigger('click');
    expect(workspace.state.datasets).toHaveLength(0);
  });
});
