import { describe, expect, it } from 'vitest';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { computeBoxes } from '../../renderer/src/analysis/boxes';
import { orderBoxes } from '../../renderer/src/analysis/group-order';
import {
  changeOfBoxes,
  changesFromBase,
  compareBaseOf,
  datasetsOf,
  percentText,
} from '../../renderer/src/analysis/compare-rows';
import { buildFigure, PALETTE } from '../../renderer/src/analysis/chart-figure';
import { colorOf } from '../../renderer/src/analysis/chart-colors';
import { tableAsCsv, tableAsText } from '../../renderer/src/analysis/stats-table';
import { createTestWorkspace, defaultChartSettings } from '../../renderer/src/state/workspace';
import {
  AFTER_SEED,
  BEFORE_SEED,
  RUN_FUNCTIONS,
  runSamples,
  SAMPLES_PER_GROUP,
} from '../e2e/support/before-after-runs';

const THEME = { background: '#fff', text: '#000', muted: '#555', grid: '#ddd', palette: PALETTE };

function twoRuns() {
  const ws = createTestWorkspace();
  const before = ws.addDataset({
    name: 'before',
    source: 'import',
    columns: columnsFromSamples(runSamples(false, BEFORE_SEED)),
  });
  const after = ws.addDataset({
    name: 'after',
    source: 'import',
    columns: columnsFromSamples(runSamples(true, AFTER_SEED)),
  });
  return { ws, before, after };
}

describe('runs as a dimension', () => {
  it('pools datasets by default, and keeps them apart per function/arch/memory when asked', () => {
    const { ws, before, after } = twoRuns();
    const pooled = computeBoxes(ws.state.datasets, ws.state.filters, 'init');
    expect(pooled).toHaveLength(RUN_FUNCTIONS.length);
    expect(pooled.every((b) => b.stats.n === 2 * SAMPLES_PER_GROUP && !b.dataset)).toBe(true);

    const apart = computeBoxes(ws.state.datasets, ws.state.filters, 'init', true);
    expect(apart).toHaveLength(2 * RUN_FUNCTIONS.length);
    expect(apart.every((b) => b.stats.n === SAMPLES_PER_GROUP)).toBe(true);
    // Side by side: each configuration's base first, then the other run.
    expect(apart.slice(0, 2).map((b) => [b.dataset?.id, b.name, b.arch])).toEqual([
      [before, 'billing-py', 'arm64'],
      [after, 'billing-py', 'arm64'],
    ]);
    expect(new Set(apart.map((b) => b.key)).size).toBe(apart.length);
  });

  it('keeps a dataset’s color when another one is hidden (its place among the open ones, not the shown)', () => {
    const { ws, before } = twoRuns();
    const settings = { ...defaultChartSettings(), colorBy: 'dataset' as const };
    const colors = (fig: ReturnType<typeof buildFigure>) =>
      Object.fromEntries(
        fig.data.filter((t) => t.type === 'box').map((t) => [t.name, (t.line as { color: string }).color]),
      );
    const both = colors(
      buildFigure(computeBoxes(ws.state.datasets, ws.state.filters, 'init', true), settings, THEME),
    );
    expect(both).toEqual({ before: colorOf('dataset', 0), after: colorOf('dataset', 1) });
    ws.toggleHidden('hiddenDatasets', before, true);
    const alone = colors(
      buildFigure(computeBoxes(ws.state.datasets, ws.state.filters, 'init', true), settings, THEME),
    );
    expect(alone).toEqual({ after: colorOf('dataset', 1) });
  });

  it('colors by dataset with one panel per arch and memory; facets by dataset on request', () => {
    const { ws } = twoRuns();
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init', true);
    const panels = (fig: ReturnType<typeof buildFigure>) => fig.plan.panels.map((p) => p.facet);
    const byDataset = buildFigure(boxes, { ...defaultChartSettings(), colorBy: 'dataset' }, THEME);
    expect(panels(byDataset)).toEqual(['arm64 · 512 MB', 'arm64 · 1024 MB', 'x86_64 · 512 MB']);
    expect(byDataset.layout.legend).toMatchObject({ title: { text: 'Dataset' } });
    const faceted = buildFigure(boxes, { ...defaultChartSettings(), facetByDataset: true }, THEME);
    expect(panels(faceted)).toEqual([
      'before · 512 MB',
      'before · 1024 MB',
      'after · 512 MB',
      'after · 1024 MB',
    ]);
  });
});

describe('dataset names are text', () => {
  it('reaches the legend, panel titles and hover escaped', () => {
    const { ws, after } = twoRuns();
    const evil = '<a href="https://x">run</a> & co';
    ws.renameDataset(after, evil);
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init', true);
    const legend = buildFigure(boxes, { ...defaultChartSettings(), colorBy: 'dataset' }, THEME);
    const names = legend.data.filter((t) => t.type === 'box').map((t) => t.name);
    expect(names).toContain('&lt;a href="https://x"&gt;run&lt;/a&gt; &amp; co');
    const faceted = buildFigure(boxes, { ...defaultChartSettings(), facetByDataset: true }, THEME);
    const titles = (faceted.layout.annotations as { text: string }[]).map((a) => a.text).join('\n');
    expect(titles).toContain('&lt;a href="https://x"&gt;run&lt;/a&gt; &amp; co · 512 MB');
    expect(titles).not.toContain('<a ');
    // Every shown text (legendgroup is an id Plotly never displays).
    const hover = JSON.stringify(legend.data.map((t) => ({ ...t, legendgroup: undefined })));
    expect(hover).toContain('dataset &lt;a href');
    expect(hover).not.toContain('<a href');
  });
});

describe('change from the base run', () => {
  it('finds the configuration that got 60% slower and no clear change in the others', () => {
    const { ws, before } = twoRuns();
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init', true);
    const datasets = datasetsOf(boxes);
    expect(datasets.map((d) => d.name)).toEqual(['before', 'after']);
    const base = compareBaseOf(datasets, null)!;
    expect(base.id).toBe(before);
    const changes = changesFromBase(boxes, base);
    const verdicts = Object.fromEntries(
      boxes
        .filter((b) => b.dataset?.name === 'after')
        .map((b) => [b.key.split('|').slice(1).join('|'), changes.get(b.key)]),
    );
    expect(verdicts['billing-py|arm64|512']).toMatchObject({ verdict: 'slower' });
    const slower = verdicts['billing-py|arm64|512']!;
    expect(slower.percent!).toBeGreaterThan(35);
    expect(slower.percent!).toBeLessThan(85);
    expect(slower.ci![0]).toBeGreaterThan(0);
    expect(slower.text).toMatch(/^\+\d+% \[\+\d+%, \+\d+%\], slower$/);
    for (const key of ['orders-api|arm64|512', 'orders-api|x86_64|512', 'resize-go|arm64|1024']) {
      expect(verdicts[key]).toMatchObject({ verdict: 'no clear change' });
      expect(verdicts[key]!.ci![0]).toBeLessThan(0);
      expect(verdicts[key]!.ci![1]).toBeGreaterThan(0);
    }
    for (const b of boxes.filter((x) => x.dataset?.id === before))
      expect(changes.get(b.key)).toMatchObject({ verdict: 'base', text: 'base' });
  });

  it('picks another base on request, says when a configuration is missing from it, and too few samples', () => {
    const { ws, after } = twoRuns();
    ws.addDataset({
      name: 'tiny',
      source: 'import',
      columns: columnsFromSamples(
        runSamples(false, 99).filter((s, i) => s.name === 'resize-go' && i % 20 === 0),
      ),
    });
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init', true);
    const base = compareBaseOf(datasetsOf(boxes), after)!;
    expect(base.name).toBe('after');
    const changes = changesFromBase(boxes, base);
    const tiny = boxes.find((b) => b.dataset?.name === 'tiny')!;
    expect(changes.get(tiny.key)).toMatchObject({ verdict: 'too few samples', ci: null });
    const beforeSlow = boxes.find((b) => b.dataset?.name === 'before' && b.name === 'billing-py')!;
    expect(changes.get(beforeSlow.key)).toMatchObject({ verdict: 'faster' });
    // A base not shown falls back to the first shown.
    expect(compareBaseOf(datasetsOf(boxes), 'gone')?.name).toBe('before');
    const onlyTinyBase = changesFromBase(boxes, datasetsOf(boxes)[2]!);
    expect(changes.size).toBe(boxes.length);
    expect(onlyTinyBase.get(beforeSlow.key)).toMatchObject({ verdict: 'no base', text: 'not in tiny' });
  });

  it('sorts functions by their largest change from the base: regressions first', () => {
    const { ws, after } = twoRuns();
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init', true);
    const names = (base: string | null) => [
      ...new Set(orderBoxes(boxes, 'change', changeOfBoxes(boxes, base)).map((b) => b.name)),
    ];
    expect(names(null)[0]).toBe('billing-py');
    // Against the slower run, billing-py is the largest speed-up: last.
    expect(names(after).at(-1)).toBe('billing-py');
    // Nothing to compare: name order.
    const pooled = computeBoxes(ws.state.datasets, ws.state.filters, 'init');
    expect(orderBoxes(pooled, 'change', changeOfBoxes(pooled, null)).map((b) => b.name)).toEqual(
      orderBoxes(pooled, 'name').map((b) => b.name),
    );
  });

  it('writes percentages with a real minus sign', () => {
    expect(percentText(-18.4)).toBe('−18%');
    expect(percentText(60.2)).toBe('+60%');
    expect(percentText(4.44)).toBe('+4.4%');
    expect(percentText(0.01)).toBe('0%');
  });

  it('copies the table with a dataset column and the change columns', () => {
    const { ws } = twoRuns();
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init', true);
    const changes = changesFromBase(boxes, datasetsOf(boxes)[0]!);
    const options = { boxes, baseline: null, stat: 'median' as const, unit: 'ms' as const, changes };
    const csv = tableAsCsv(options).trim().split('\n');
    expect(csv[0]!.split(',').slice(0, 4)).toEqual(['dataset', 'function', 'arch', 'memory_mb']);
    expect(csv[0]).toContain('change,change_percent,change_ci_low_percent,change_ci_high_percent');
    expect(csv[2]).toMatch(/^after,billing-py,arm64,512,.*slower/);
    expect(tableAsText(options)).toMatch(/after: billing-py · arm64 · 512 MB: \+\d+% \[.*\], slower/);
  });
});
