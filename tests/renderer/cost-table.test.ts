import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CostTable from '../../renderer/src/measure/CostTable.vue';
import { costRows } from '../../renderer/src/measure/cost-rows';
import { emptySample, type Arch, type Sample } from '../../shared/sample';

const s = (
  name: string,
  arch: Arch | null,
  memoryMB: number | null,
  initMs: number,
  billedMs: number,
): Sample => ({
  ...emptySample(name),
  arch,
  memoryMB,
  initMs,
  durationMs: 5,
  billedMs,
  runtime: 'nodejs22.x',
});

// hello-node: 128 MB x86 is cheap but slow; 1024 MB arm fast but dearer; 1024 MB x86 dearest. Ten cold
// starts each, spread ±5%, so the differences are clear.
const ten = (name: string, arch: Arch | null, memoryMB: number | null, initMs: number) =>
  Array.from({ length: 10 }, (_, i) => {
    const init = initMs * (0.95 + i / 100);
    return s(name, arch, memoryMB, init, Math.ceil(init + 5));
  });
const samples = [
  ...ten('hello-node', 'x86_64', 128, 410),
  ...ten('hello-node', 'x86_64', 1024, 150),
  ...ten('hello-node', 'arm64', 1024, 140),
  ...ten('hello-py', 'arm64', 512, 300),
  ...ten('mystery', null, 256, 100),
];

describe('costRows', () => {
  it('prices each configuration per million invocations from its billed durations', () => {
    const rows = costRows(samples);
    expect(rows.map((r) => `${r.name} ${r.arch} ${r.memoryMB}`)).toEqual([
      'hello-node arm64 1024',
      'hello-node x86_64 128',
      'hello-node x86_64 1024',
      'hello-py arm64 512',
      'mystery null 256',
    ]);
    const x86small = rows[1]!;
    expect(x86small.n).toBe(10);
    // init 389.5 … 426.4 ms + 5 ms, each rounded up: 413.4 ms billed on average.
    expect(x86small.meanBilledMs).toBeCloseTo(413.4, 6);
    expect(x86small.costPerMillion).toBeCloseTo(0.4134 * 0.125 * 16.6667 + 0.2, 5);
    expect(rows[4]!.costPerMillion).toBeNull();
  });
  it('marks the cheapest and the fastest configuration of each function when the difference is clear', () => {
    const rows = costRows(samples);
    const flags = rows.map((r) => [r.cheapest, r.fastest]);
    expect(flags).toEqual([
      [false, true],
      [true, false],
      [false, false],
      [false, false], // the only configuration of hello-py: nothing to compare
      [false, false],
    ]);
  });
});

describe('CostTable', () => {
  it('shows the cost per million and highlights cheapest and fastest', () => {
    const wrapper = mount(CostTable, { props: { samples } });
    const cheap = wrapper.get('[data-row="hello-node|x86_64|128"]');
    expect(cheap.classes()).toContain('cheapest');
    expect(cheap.text()).toContain('cheapest');
    expect(cheap.text()).toContain('$1.06');
    expect(wrapper.get('[data-row="hello-node|arm64|1024"]').text()).toContain('fastest');
    expect(wrapper.get('[data-row="mystery|null|256"]').text()).toContain('unknown');
  });
});

describe('CostTable and billing rules', () => {
  // hello-node rows as the July 2023 seed files hold them: Billed Duration without init.
  const old = [
    { ...s('hello-node', 'x86_64', 128, 135.38, 16), durationMs: 15.65 },
    { ...s('hello-node', 'x86_64', 128, 158.57, 2), durationMs: 1.93 },
  ];
  it('says when the billed figures leave init out and prices them as billed today too', () => {
    const [row] = costRows(old);
    expect(row!.initBilling).toBe('excluded');
    // Today: init + duration rounded up, 152 and 161 ms; as recorded: 16 and 2 ms.
    expect(row!.costPerMillion!).toBeCloseTo(0.009 * 0.125 * 16.6667 + 0.2, 5);
    expect(row!.costPerMillionInitBilled!).toBeCloseTo(0.1565 * 0.125 * 16.6667 + 0.2, 5);
    const wrapper = mount(CostTable, { props: { samples: old } });
    expect(wrapper.get('[data-test="init-billed"]').text()).toBe('no');
    expect(wrapper.find('[data-test="cost-today"]').exists()).toBe(true);
    expect(wrapper.get('[data-test="cost-rule"]').text()).toContain('as its REPORT recorded it');
  });
  it('shows no "today" column when every billed figure already includes init', () => {
    const wrapper = mount(CostTable, { props: { samples } });
    expect(wrapper.find('[data-test="cost-today"]').exists()).toBe(false);
    expect(wrapper.get('[data-row="hello-node|x86_64|128"] [data-test="init-billed"]').text()).toBe('yes');
  });
});

describe('cheapest and fastest only when clear', () => {
  it('marks nothing when two configurations are within the noise of each other', () => {
    // 1024 MB arm64 and x86_64 differ by 2%: within the ±5% spread of ten samples.
    const close = [...ten('api', 'arm64', 1024, 140), ...ten('api', 'x86_64', 1024, 143)];
    const rows = costRows(close);
    expect(rows.map((r) => r.fastest)).toEqual([false, false]);
    // arm64 is 20% cheaper per GB-second: clear even with the same durations.
    expect(rows.map((r) => r.cheapest)).toEqual([true, false]);
  });
});
