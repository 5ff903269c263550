import { describe, expect, it } from 'vitest';
import { emptySample, type Metric, type Sample } from '../../shared/sample';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { computeBoxes, type Box } from '../../renderer/src/analysis/boxes';
import { captionFacts, captionLines } from '../../renderer/src/analysis/chart-caption';
import { PALETTE, PALETTE_DARK } from '../../renderer/src/analysis/chart-colors';
import { buildFigure } from '../../renderer/src/analysis/chart-figure';
import {
  EXPORT_THEMES,
  exportFigure,
  statsCsvName,
  withScreenZoom,
  wrapText,
} from '../../renderer/src/analysis/chart-export';
import { estimateText } from '../../renderer/src/analysis/chart-layout';
import { metricInfo } from '../../renderer/src/analysis/metrics';
import { createTestWorkspace, defaultChartSettings, type Filters } from '../../renderer/src/state/workspace';
import { seededRandom } from '../random';

const noFilters = (): Filters => ({
  hiddenDatasets: new Set(),
  hiddenFunctions: new Set(),
  hiddenArchs: new Set(),
  hiddenMemories: new Set(),
});

/** `n` cold starts of one function (seeded values), at one a day from `day` on, or without times. */
function coldStarts(name: string, n: number, day: string | null, seed: number): Sample[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => ({
    ...emptySample(name),
    arch: 'arm64' as const,
    memoryMB: 512,
    initMs: 100 + Math.round(random() * 400),
    durationMs: 5,
    billedMs: 6,
    timestamp: day === null ? null : new Date(Date.parse(day) + i * 3_600_000).toISOString(),
  }));
}

function boxesOf(datasets: Record<string, Sample[]>, metric: Metric = 'init'): Box[] {
  const ws = createTestWorkspace();
  for (const [name, samples] of Object.entries(datasets))
    ws.addDataset({ name, source: 'import', columns: columnsFromSamples(samples) });
  return computeBoxes(ws.state.datasets, noFilters(), metric);
}

describe('the caption of an exported chart', () => {
  it('states the metric and its meaning, n per box, sources, the dates of the samples and the version', () => {
    // A warm start three weeks later: not in an Init duration box, so not in the date range either.
    const warm = { ...coldStarts('api', 1, '2026-12-20T00:00:00Z', 9)[0]!, initMs: null };
    const boxes = boxesOf({
      'speed-arm-512': [...coldStarts('api', 12, '2026-11-28T22:00:00Z', 1), warm],
      'prod <eu>': coldStarts('worker', 8, '2026-11-29T06:00:00Z', 2),
    });
    expect(captionLines(captionFacts(boxes), metricInfo('init'), '0.1.0')).toEqual([
      "Init duration (ms): the INIT phase of a cold start, from the REPORT's Init Duration; cold starts only",
      'n = 8–12 per box, 20 samples in all',
      'Data: speed-arm-512, prod <eu>',
      'Samples from 2026-11-28 to 2026-11-29 (UTC)',
      'Made with Cold Start Lab 0.1.0',
    ]);
    // Duration counts the warm start: its day ends the range.
    const all = captionFacts(
      boxesOf({ a: [...coldStarts('api', 12, '2026-11-28T22:00:00Z', 1), warm] }, 'duration'),
    );
    expect(captionLines(all, metricInfo('duration'), null).slice(1)).toEqual([
      'n = 13',
      'Data: a',
      'Samples from 2026-11-28 to 2026-12-20 (UTC)',
      'Made with Cold Start Lab',
    ]);
  });

  it('says one n when every box has it, shortens many sources and says when dates are unknown', () => {
    const datasets: Record<string, Sample[]> = {};
    for (const [i, name] of ['a', 'b', 'c', 'd', 'e'].entries())
      datasets[`run-${name}`] = coldStarts(`fn-${name}`, 10, null, i + 1);
    const lines = captionLines(captionFacts(boxesOf(datasets)), metricInfo('init'), '1.2.3');
    expect(lines.slice(1, 4)).toEqual([
      'n = 10 per box, 50 samples in all',
      'Data: run-a, run-b, run-c +2 more',
      'Sample dates unknown (the files have no timestamps)',
    ]);
    const some = boxesOf({
      x: coldStarts('a', 3, '2026-11-30T10:00:00Z', 1),
      y: coldStarts('b', 2, null, 2),
    });
    expect(captionLines(captionFacts(some), metricInfo('init'), null)[3]).toBe(
      'Samples from 2026-11-30 (UTC); 2 without a timestamp',
    );
  });

  it('defines every metric with its unit', () => {
    const facts = captionFacts([]);
    for (const metric of ['init', 'duration', 'total', 'billed', 'maxmemory'] as const) {
      const [first] = captionLines(facts, metricInfo(metric), null);
      expect(first).toMatch(
        metric === 'maxmemory' ? /^Max memory used \(MB\): .{20,}/ : /^\S.* \(ms\): .{20,}/,
      );
    }
    expect(captionLines(facts, metricInfo('init'), null)[1]).toBe('no samples');
  });
});

describe('the figure of an exported image', () => {
  const boxes = boxesOf({
    '<b>prod</b>': coldStarts('api', 12, '2026-11-28T22:00:00Z', 1),
    b: coldStarts('worker', 8, '2026-11-29T06:00:00Z', 2),
  });
  const settings = { ...defaultChartSettings(), colorBy: 'arch' as const };
  const caption = captionLines(captionFacts(boxes), metricInfo('init'), '0.1.0');
  const captionOf = (layout: Record<string, unknown>) =>
    (layout.annotations as { name?: string; text: string; x: number; y: number }[]).filter(
      (a) => a.name === 'caption',
    );

  it('keeps the size asked for and puts the caption, escaped, under the plot area from its left edge', () => {
    const size = { width: 1200, height: 700 };
    const plain = buildFigure(boxes, settings, EXPORT_THEMES.light, size);
    const fig = exportFigure(boxes, settings, 'light', caption, size);
    expect(fig.height).toBe(700);
    expect(fig.layout.height).toBe(700);
    const margin = fig.layout.margin as { l: number; r: number; t: number; b: number };
    const plainMargin = plain.layout.margin as typeof margin;
    const captionPx = margin.b - plainMargin.b;
    // Five lines of 17 px and some air.
    expect(captionPx).toBeGreaterThanOrEqual(5 * 17);
    expect(captionPx).toBeLessThan(5 * 17 + 40);
    const lines = captionOf(fig.layout);
    expect(lines.map((a) => a.text)).toEqual([
      caption[0],
      caption[1],
      'Data: &lt;b&gt;prod&lt;/b&gt;, b',
      caption[3],
      caption[4],
    ]);
    // In pixels from the image's top: below the plot area and the axis title, in order, inside the image.
    const plotH = 700 - margin.t - margin.b;
    const plotW = 1200 - margin.l - margin.r;
    const tops = lines.map((a) => 700 - margin.b - a.y * plotH);
    expect(tops[0]).toBeGreaterThan(700 - margin.b + plainMargin.b);
    expect(tops.at(-1)! + 17).toBeLessThanOrEqual(700);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    for (const a of lines) expect(margin.l + a.x * plotW).toBeCloseTo(12, 6);
    // The title stays 26 px from the top although the figure was planned shorter.
    const title = fig.layout.title as { y: number };
    expect((1 - title.y) * 700).toBeCloseTo(26, 6);
  });

  it('is light or dark as asked, whatever the screen shows', () => {
    for (const [background, palette] of [
      ['light', PALETTE],
      ['dark', PALETTE_DARK],
    ] as const) {
      const fig = exportFigure(boxes, settings, background, caption, { width: 900, height: 500 });
      expect(fig.layout.paper_bgcolor).toBe(EXPORT_THEMES[background].background);
      expect(fig.layout.plot_bgcolor).toBe(EXPORT_THEMES[background].background);
      const arm = fig.data.find((t) => t.type === 'box' && t.name === 'arm64')!;
      // arm64 is the palette's second color.
      expect((arm.line as { color: string }).color).toBe(palette[1]);
      expect(captionOf(fig.layout).map((a) => (a as { font?: { color: string } }).font?.color)).toContain(
        EXPORT_THEMES[background].muted,
      );
    }
    expect(EXPORT_THEMES.light.background).toBe('#ffffff');
  });

  it('wraps a caption line wider than a narrow image', () => {
    const fig = exportFigure(boxes, settings, 'light', caption, { width: 320, height: 500 });
    const lines = captionOf(fig.layout);
    expect(lines.length).toBeGreaterThan(caption.length);
    for (const a of lines) expect(estimateText(a.text)).toBeLessThanOrEqual(320 - 24);
    expect(lines.map((a) => a.text).join(' ')).toContain("from the REPORT's Init Duration");
    expect(wrapText('aa bb cc', estimateText('aa bb') + 1, estimateText)).toEqual(['aa bb', 'cc']);
    expect(wrapText('averyveryverylongword x', 10, estimateText)).toEqual(['averyveryverylongword', 'x']);
  });

  it('gives a log axis ticks people read without guessing: 1, 2, 5, 10, 20, 50, 100 ms', () => {
    const wide = boxesOf({ a: coldStarts('api', 20, null, 3) }).map((b) => ({
      ...b,
      stats: { ...b.stats, min: 1.5, max: 4000 },
    }));
    const fig = exportFigure(wide, { ...settings, logScale: true }, 'light', caption, {
      width: 1200,
      height: 900,
    });
    const axis = fig.layout.yaxis as { type: string; tickvals: number[]; ticktext: string[] };
    expect(axis.type).toBe('log');
    expect(axis.ticktext).toEqual(['2', '5', '10', '20', '50', '100', '200', '500', '1000', '2000']);
    expect(axis.tickvals).toEqual([2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]);
  });

  // Three long names in four panels: horizontal boxes in a narrow image, vertical on a wide screen.
  const panels = boxesOf({
    fleet: [128, 512, 1024, 1769].flatMap((memoryMB, m) =>
      ['orders-api-handler', 'payments-webhook', 'inventory-sync'].flatMap((name, k) =>
        coldStarts(name, 6, null, 10 * m + k + 1).map((s) => ({ ...s, memoryMB })),
      ),
    ),
  });

  it('puts the caption right under the lowest panel of a horizontal chart, whatever room is left', () => {
    const fig = exportFigure(panels, settings, 'light', caption, { width: 1000, height: 620 });
    expect(fig.plan.horizontal).toBe(true);
    const margin = fig.layout.margin as { t: number; b: number };
    const plotH = 620 - margin.t - margin.b;
    const lowest = Math.min(...fig.plan.panels.map((p) => p.yDomain[0]));
    const lines = captionOf(fig.layout);
    // The bottom margin without the caption (14 px air, 17 px a line, 12 px below).
    const plainB = margin.b - (14 + lines.length * 17 + 12);
    expect(plainB).toBe(48);
    // Its first line is the axis's tick labels and title (the plain bottom margin) and 14 px below the panel.
    expect(lowest).toBeGreaterThan(0.2);
    const first = lines[0]!;
    expect((lowest - first.y) * plotH).toBeCloseTo(plainB + 14, 6);
  });

  it("keeps the screen's zoom of the value axis, also when the image turns the boxes the other way", () => {
    const image = exportFigure(panels, settings, 'light', [], { width: 420, height: 700 });
    const screen = buildFigure(panels, settings, EXPORT_THEMES.light, { width: 1200, height: 700 });
    expect([image.plan.horizontal, screen.plan.horizontal]).toEqual([true, false]);
    const zoomed = { ...screen.layout, yaxis: { ...(screen.layout.yaxis as object), range: [150, 300] } };
    const layout = withScreenZoom(image.layout, true, { horizontal: false, layout: zoomed });
    const axes = Object.keys(layout).filter((k) => /^[xy]axis/.test(k));
    for (const key of axes) {
      const range = (layout[key] as { range: number[] }).range;
      // Values along x: zoomed; the functions along y keep their slots.
      if (key.startsWith('x')) expect(range).toEqual([150, 300]);
      else expect(range).toEqual((image.layout[key] as { range: number[] }).range);
    }
    // Not zoomed: the screen's range is the image's own.
    const same = withScreenZoom(image.layout, true, { horizontal: false, layout: screen.layout });
    expect((same.xaxis as { range: number[] }).range).toEqual(
      (image.layout.xaxis as { range: number[] }).range,
    );
  });

  it('names the statistics CSV after the image', () => {
    expect(statsCsvName('coldstart-init-by-runtime.png')).toBe('coldstart-init-by-runtime.csv');
    expect(statsCsvName('chart.SVG')).toBe('chart.csv');
    expect(statsCsvName('chart')).toBe('chart.csv');
  });
});
