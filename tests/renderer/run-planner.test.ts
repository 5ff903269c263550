import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import RunPlanner from '../../renderer/src/measure/RunPlanner.vue';
import { resetSessions } from '../../renderer/src/measure/session';
import { FUNCTIONS } from './fake-bridge';

const mountPlanner = (
  props: Partial<{ selected: string[]; concurrency: number | null; busy: boolean }> = {},
) =>
  mount(RunPlanner, {
    props: { selected: ['hello-node', 'hello-py'], functions: FUNCTIONS, concurrency: 20, ...props },
  });

async function addMemory(wrapper: ReturnType<typeof mountPlanner>, text: string): Promise<void> {
  const input = wrapper.get('[data-test="memory-input"]');
  await input.setValue(text);
  await input.trigger('keydown', { key: 'Enter' });
}

describe('RunPlanner', () => {
  beforeEach(resetSessions);

  it('previews updates, invocations, duration and cost for 2 functions × 2 memory sizes × 3 samples', async () => {
    const wrapper = mountPlanner();
    await addMemory(wrapper, '128, 1024');
    await wrapper.get('[data-test="times"]').setValue('3');
    await wrapper.get('[data-test="assume-cold"]').setValue('1000');
    expect(
      wrapper.findAll('[data-test="memory-chips"] .chip').map((c) => c.attributes('data-memory')),
    ).toEqual(['128', '1024']);
    expect(wrapper.get('[data-test="est-updates"]').text()).toBe('12');
    expect(wrapper.get('[data-test="est-invocations"]').text()).toBe('12');
    // 12 updates × (3 s + 1 s)
    expect(wrapper.get('[data-test="est-duration"]').text()).toBe('≈ 48 s');
    // 3 × 1 s at 128 and 1024 MB, on x86_64 (hello-node) and arm64 (hello-py), plus 12 requests.
    const gbs = 3 * (0.125 + 1);
    const expected = gbs * 0.0000166667 + gbs * 0.0000133334 + 12 * 0.0000002;
    expect(wrapper.get('[data-test="est-cost"]').text()).toBe(`≈ $${expected.toFixed(5)}`);
    expect(wrapper.get('[data-test="change-note"]').text()).toMatch(
      /environment variables.*memory size.*original/s,
    );
  });

  it('adds warm follow-ups and parallel cold starts to the preview', async () => {
    const wrapper = mountPlanner();
    await addMemory(wrapper, '128 1024');
    await wrapper.get('[data-test="times"]').setValue('3');
    await wrapper.get('[data-test="parallel"]').setValue('3');
    await wrapper.get('[data-test="warm"]').setValue('2');
    expect(wrapper.get('[data-test="est-updates"]').text()).toBe('4');
    expect(wrapper.get('[data-test="est-invocations"]').text().replace(/\s+/g, ' ')).toBe(
      '36 (12 cold + 24 warm)',
    );
  });

  it('refuses memory sizes outside 128..10240 with the reason', async () => {
    const wrapper = mountPlanner();
    await addMemory(wrapper, '64, 512, 20000');
    expect(wrapper.findAll('.chip').map((c) => c.attributes('data-memory'))).toEqual(['512']);
    expect(wrapper.get('[data-test="memory-error"]').text()).toBe(
      '64 MB is below Lambda’s minimum of 128 MB; 20000 MB is above Lambda’s maximum of 10240 MB',
    );
    expect((wrapper.get('[data-test="memory-input"]').element as HTMLInputElement).value).toBe('64, 20000');
  });

  it('shows the account’s concurrency as the bound of parallel cold starts', async () => {
    const wrapper = mountPlanner({ concurrency: 8 });
    expect(wrapper.get('[data-test="parallel-cap"]').text()).toBe('(max 8, account concurrency 8)');
    await wrapper.get('[data-test="times"]').setValue('20');
    await wrapper.get('[data-test="parallel"]').setValue('9');
    expect(wrapper.get('[data-test="error-parallel"]').text()).toMatch(
      /at most 8: the account’s unreserved concurrency is 8/,
    );
    await wrapper.get('[data-test="start-run"]').trigger('click');
    expect(wrapper.emitted('start')).toBeUndefined();
  });

  it('validates the payload as JSON, says where it breaks, and blocks the start', async () => {
    const wrapper = mountPlanner();
    await wrapper.get('[data-test="payload"]').setValue('{\n  "key": "value",\n}');
    expect(wrapper.get('[data-test="error-payload"]').text()).toMatch(/^Not valid JSON at line 3, column 1/);
    await wrapper.get('[data-test="start-run"]').trigger('click');
    expect(wrapper.emitted('start')).toBeUndefined();
    expect(wrapper.get('[data-test="start-run"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-test="payload"]').setValue('{"key": "value"}');
    expect(wrapper.find('[data-test="error-payload"]').exists()).toBe(false);
    expect(wrapper.get('[data-test="start-run"]').attributes('disabled')).toBeUndefined();
  });

  it('asks for a function before starting', async () => {
    const wrapper = mountPlanner({ selected: [] });
    expect(wrapper.find('[data-test="error-functions"]').exists()).toBe(false);
    await wrapper.get('[data-test="start-run"]').trigger('click');
    expect(wrapper.get('[data-test="error-functions"]').text()).toBe('Select at least one function');
    expect(wrapper.emitted('start')).toBeUndefined();
  });

  it('keeps the plan when the view is left and opened again', async () => {
    const first = mountPlanner();
    await addMemory(first, '2048');
    await first.get('[data-test="times"]').setValue('7');
    first.unmount();
    const again = mountPlanner();
    expect(again.findAll('.chip').map((c) => c.attributes('data-memory'))).toEqual(['2048']);
    expect((again.get('[data-test="times"]').element as HTMLInputElement).value).toBe('7');
  });

  it('emits the validated plan and the run name', async () => {
    const wrapper = mountPlanner();
    await addMemory(wrapper, '1024 128');
    await wrapper.get('[data-test="times"]').setValue('3');
    await wrapper.get('[data-test="run-name"]').setValue('  node vs python  ');
    await wrapper.get('[data-test="start-run"]').trigger('click');
    expect(wrapper.emitted('start')).toEqual([
      [
        {
          plan: {
            functions: ['hello-node', 'hello-py'],
            memorySizes: [128, 1024],
            times: 3,
            parallel: 1,
            warm: 0,
            payload: '{}',
          },
          name: 'node vs python',
        },
      ],
    ]);
  });
});
