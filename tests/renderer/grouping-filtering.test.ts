import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { nextTick } from 'vue';
import { emptySample, type Arch, type Sample } from '../../shared/sample';
import { samplesFromColumns } from '../../shared/sample-columns';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { boxStats } from '../../shared/stats/group-stats';
import { computeBoxes } from '../../renderer/src/analysis/boxes';
import { buildFigure, MIN_SLOTS_PER_PANEL, PALETTE } from '../../renderer/src/analysis/chart-figure';
import { useAnalysis } from '../../renderer/src/analysis/use-analysis';
import { withTags } from '../../renderer/src/analysis/selection';
import DatasetPanel from '../../renderer/src/components/DatasetPanel.vue';
import {
  createTestWorkspace,
  defaultChartSettings,
  type Workspace,
} from '../../renderer/src/state/workspace';

const sample = (name: string, arch: Arch | null, memoryMB: number | null, initMs: number): Sample => ({
  ...emptySample(name),
  arch,
  memoryMB,
  initMs,
  durationMs: initMs / 10,
  billedMs: Math.ceil(initMs / 10),
});

const THEME = { background: '#fff', text: '#000', muted: '#555', grid: '#ddd', palette: PALETTE };

describe('grouping and filtering', () => {
  let ws: Workspace;
  let a: string;
  let b: string;
  beforeEach(() => {
    ws = createTestWorkspace();
    a = ws.addDataset({
      name: 'x86',
      source: 'import',
      columns: columnsFromSamples([100, 110, 120, 130, 500].map((v) => sample('node', 'x86_64', 1024, v))),
    });
    // No arch in the rows: the dataset's tag fills it in once the user sets it.
    b = ws.addDataset({
      name: 'mystery',
      source: 'import',
      columns: columnsFromSamples([
        ...[60, 70, 80].map((v) => sample('node', null, 1024, v)),
        sample('go', null, 128, 20),
      ]),
    });
  });

  it('makes one box per function, arch and memory, with the shared statistics', () => {
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init');
    expect(boxes.map((x) => x.key)).toEqual(['go|unknown|128', 'node|unknown|1024', 'node|x86_64|1024']);
    expect(boxes[2]!.stats).toEqual(boxStats([100, 110, 120, 130, 500]));
    expect(boxes[2]!.stats.outliers).toEqual([500]);
  });

  it('applies an edited arch tag to the samples that have none', () => {
    ws.setTags(b, { arch: 'arm64' });
    const keys = computeBoxes(ws.state.datasets, ws.state.filters, 'init').map((x) => x.key);
    expect(keys).toEqual(['go|arm64|128', 'node|arm64|1024', 'node|x86_64|1024']);
  });

  it('hides datasets, functions, archs and memory sizes', () => {
    const keys = () => computeBoxes(ws.state.datasets, ws.state.filters, 'init').map((x) => x.key);
    ws.toggleHidden('hiddenDatasets', a, true);
    expect(keys()).toEqual(['go|unknown|128', 'node|unknown|1024']);
    ws.toggleHidden('hiddenDatasets', a, false);
    ws.toggleHidden('hiddenFunctions', 'node', true);
    expect(keys()).toEqual(['go|unknown|128']);
    ws.toggleHidden('hiddenFunctions', 'node', false);
    ws.toggleHidden('hiddenArchs', 'unknown', true);
    expect(keys()).toEqual(['node|x86_64|1024']);
    ws.toggleHidden('hiddenArchs', 'unknown', false);
    ws.toggleHidden('hiddenMemories', '1024', true);
    expect(keys()).toEqual(['go|unknown|128']);
  });

  it('recomputes live when a running measurement appends samples', () => {
    const { boxes } = useAnalysis(ws);
    expect(boxes.value.find((x) => x.key === 'node|x86_64|1024')!.stats.n).toBe(5);
    ws.appendSamples(a, [sample('node', 'x86_64', 1024, 115), sample('java', 'x86_64', 1024, 400)]);
    expect(boxes.value.find((x) => x.key === 'node|x86_64|1024')!.stats.n).toBe(6);
    expect(boxes.value.map((x) => x.name)).toContain('java');
  });

  it('filters from the sidebar checkboxes', async () => {
    const { boxes, dimensions, datasets } = useAnalysis(ws);
    const wrapper = mount(DatasetPanel, {
      props: { workspace: ws, datasets: datasets.value, dimensions: dimensions.value },
    });
    expect(wrapper.findAll('[data-testid=dataset]').map((d) => d.attributes('data-name'))).toEqual([
      'x86',
      'mystery',
    ]);
    const goBox = wrapper.get('[data-testid=filter-functions] input[data-value=go]');
    await goBox.setValue(false);
    await nextTick();
    expect(ws.state.filters.hiddenFunctions.has('go')).toBe(true);
    expect(boxes.value.map((x) => x.name)).not.toContain('go');
    // The dataset without arch offers the tag editor; choosing arm64 moves its boxes.
    await wrapper.get('[data-testid=tag-arch]').setValue('arm64');
    expect(boxes.value.map((x) => x.key)).toEqual(['node|arm64|1024', 'node|x86_64|1024']);
  });

  it('colors by one dimension and makes panels of the other', () => {
    ws.setTags(b, { arch: 'arm64' });
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init');
    const byArch = buildFigure(boxes, defaultChartSettings(), THEME);
    const boxTraces = byArch.data.filter((t) => t.type === 'box');
    expect(boxTraces.map((t) => t.name)).toEqual(['arm64', 'arm64', 'x86_64']);
    expect(byArch.layout.xaxis2).toBeDefined();
    const annotations = (byArch.layout.annotations as { text: string }[]).map((x) => x.text);
    expect(annotations).toEqual(['<b>128 MB</b>', '<b>1024 MB</b>']);
    const byMemory = buildFigure(boxes, { ...defaultChartSettings(), colorBy: 'memory' }, THEME);
    expect((byMemory.layout.annotations as { text: string }[]).map((x) => x.text)).toEqual([
      '<b>arm64</b>',
      '<b>x86_64</b>',
    ]);
    expect(byMemory.boxCount).toBe(3);
    // Precomputed boxes: Plotly gets the quartiles and whiskers, not the samples.
    const x86 = byArch.data.find((t) => t.type === 'box' && t.name === 'x86_64')!;
    expect(x86.q1).toEqual([boxes[2]!.stats.q1]);
    expect(x86.upperfence).toEqual([boxes[2]!.stats.whiskerHigh]);
  });

  it('keeps a lone box (n = 1, one function in its panel) a box, not a line across the panel', () => {
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init');
    const figure = buildFigure(boxes, defaultChartSettings(), THEME);
    // Panel 128 MB holds only "go" with one sample.
    const range = (figure.layout.xaxis as { range: [number, number] }).range;
    expect(range[1] - range[0]).toBeGreaterThanOrEqual(MIN_SLOTS_PER_PANEL);
    const goBox = figure.data.find((t) => t.type === 'box' && t.xaxis === 'x')!;
    expect(goBox.q1).toEqual([20]);
    expect((goBox.width as number) / (range[1] - range[0])).toBeLessThan(0.2);
  });

  it("corrects one function's arch and memory within a dataset: boxes, filters and exports follow", () => {
    const { boxes, dimensions, datasets } = useAnalysis(ws);
    ws.setTags(b, { arch: 'arm64' });
    expect(boxes.value.map((x) => x.key)).toEqual(['go|arm64|128', 'node|arm64|1024', 'node|x86_64|1024']);
    ws.setFunctionOverride(b, 'node', { arch: 'x86_64' });
    // Its three samples join the x86_64 box of the other dataset; "go" keeps the dataset's tag.
    expect(boxes.value.map((x) => x.key)).toEqual(['go|arm64|128', 'node|x86_64|1024']);
    expect(boxes.value.find((x) => x.key === 'node|x86_64|1024')!.stats.n).toBe(8);
    ws.setFunctionOverride(b, 'go', { memoryMB: 256 });
    expect(boxes.value.map((x) => x.key)).toEqual(['go|arm64|256', 'node|x86_64|1024']);
    expect(dimensions.value.memories).toEqual(['256', '1024']);
    const mystery = datasets.value.find((d) => d.id === b)!;
    const exported = samplesFromColumns(mystery.columns).map((s) => withTags(s, mystery));
    expect(exported.map((s) => [s.name, s.arch, s.memoryMB])).toEqual([
      ['node', 'x86_64', 1024],
      ['node', 'x86_64', 1024],
      ['node', 'x86_64', 1024],
      ['go', 'arm64', 256],
    ]);
    // Clearing a correction restores what was read.
    ws.setFunctionOverride(b, 'node', { arch: null });
    ws.setFunctionOverride(b, 'go', { memoryMB: null });
    expect(ws.dataset(b)!.overrides).toEqual({});
    expect(boxes.value.map((x) => x.key)).toEqual(['go|arm64|128', 'node|arm64|1024', 'node|x86_64|1024']);
  });

  it('offers the per-function correction in the dataset card', async () => {
    const { boxes, dimensions, datasets } = useAnalysis(ws);
    const wrapper = mount(DatasetPanel, {
      props: { workspace: ws, datasets: datasets.value, dimensions: dimensions.value },
    });
    const card = wrapper.findAll('[data-testid=dataset]')[0]!;
    const rows = card.findAll('[data-testid=function-override]');
    expect(rows.map((r) => r.attributes('data-function'))).toEqual(['node']);
    const arch = rows[0]!.get<HTMLSelectElement>('[data-testid=override-arch]');
    // The empty choice says what the file said.
    expect(arch.get('option[value=""]').text()).toBe('x86_64');
    await arch.setValue('arm64');
    expect(boxes.value.map((x) => x.key)).toContain('node|arm64|1024');
    expect(boxes.value.map((x) => x.key)).not.toContain('node|x86_64|1024');
    await wrapper.setProps({ datasets: datasets.value, dimensions: dimensions.value });
    expect(wrapper.findAll('[data-testid=dataset]')[0]!.text()).toContain('1 corrected');
    const memory = wrapper.findAll('[data-testid=dataset]')[0]!.get('[data-testid=override-memory]');
    await memory.setValue('64');
    // Out of Lambda's range: refused, nothing changes.
    expect(ws.dataset(a)!.overrides).toEqual({ node: { arch: 'arm64' } });
    await memory.setValue('2048');
    expect(ws.dataset(a)!.overrides).toEqual({ node: { arch: 'arm64', memoryMB: 2048 } });
    expect(boxes.value.map((x) => x.key)).toContain('node|arm64|2048');
  });
});
