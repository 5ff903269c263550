import { describe, expect, it } from 'vitest';
import { boxStats } from '../../shared/stats/group-stats';
import { emptySample, type Sample } from '../../shared/sample';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { computeBoxes, type Box } from '../../renderer/src/analysis/boxes';
import { logTicks, valueRange } from '../../renderer/src/analysis/chart-axes';
import {
  ARCH_ORDER,
  colorOf,
  MEMORY_ORDER,
  PALETTE,
  UNKNOWN_COLOR,
} from '../../renderer/src/analysis/chart-colors';
import { emptyChartReason } from '../../renderer/src/analysis/chart-empty';
import { buildFigure, type Figure } from '../../renderer/src/analysis/chart-figure';
import { escapeMarkup, tickLabel } from '../../renderer/src/analysis/chart-labels';
import { planChart } from '../../renderer/src/analysis/chart-layout';
import {
  compareNames,
  filterBoxes,
  functionOrder,
  matchesSearch,
  orderBoxes,
} from '../../renderer/src/analysis/group-order';
import {
  createTestWorkspace,
  defaultChartSettings,
  type ChartSettings,
} from '../../renderer/src/state/workspace';
import { seededRandom } from '../random';

const THEME = { background: '#fff', text: '#000', muted: '#555', grid: '#ddd', palette: PALETTE };

function box(name: string, arch: string, memoryMB: number | null, values: number[]): Box {
  const sorted = [...values].sort((x, y) => x - y);
  return {
    key: `${name}|${arch}|${memoryMB ?? 'unknown'}`,
    name,
    arch,
    memoryMB,
    stats: boxStats(sorted)!,
    values: sorted,
  };
}

/** Every text a figure hands Plotly as markup. */
function markupTexts(figure: Figure): string[] {
  const texts: string[] = [];
  for (const t of figure.data) {
    if (typeof t.name === 'string') texts.push(t.name);
    for (const key of ['hovertext', 'text'] as const) {
      const v = t[key];
      if (Array.isArray(v)) texts.push(...(v as string[]));
    }
  }
  for (const [key, value] of Object.entries(figure.layout)) {
    if (/^(x|y)axis/.test(key))
      texts.push(...(((value as { ticktext?: string[] }).ticktext ?? []) as string[]));
  }
  const layout = figure.layout as { annotations: { text: string }[]; title: { text: string } };
  texts.push(...layout.annotations.map((a) => a.text), layout.title.text);
  return texts;
}

describe('names reach Plotly as text, never as markup', () => {
  const names = ['<a href="https://x">x</a>', '<b>bold</b>', 'fish & chips'];
  const boxes = names.map((n, i) => box(n, 'x86_64', 1024, [10 + i, 12 + i, 14 + i, 90]));

  it('escapes tick labels, box and point hover, legend and panel titles', () => {
    for (const showPoints of [true, false]) {
      const figure = buildFigure(boxes, { ...defaultChartSettings(), showPoints }, THEME);
      const texts = markupTexts(figure).join('\n');
      expect(texts).not.toMatch(/<a[\s>]/);
      expect(texts).not.toContain('<b>bold');
      expect(texts).not.toContain('fish & chips');
      expect(texts).toContain('&lt;a href="https://x"&gt;x&lt;/a&gt;');
      expect(texts).toContain('&lt;b&gt;bold&lt;/b&gt;');
      expect(texts).toContain('fish &amp; chips');
      // The app's own markup still works: the name in bold in the box's hover.
      expect(texts).toContain('<b>&lt;b&gt;bold&lt;/b&gt;</b>');
    }
  });

  it('cuts long names with an ellipsis and keeps them whole in the hover', () => {
    const long = 'quarkus-native-java21-provided.al2023-image';
    expect(tickLabel(long)).toBe(`${long.slice(0, 31)}…`);
    expect(tickLabel('<b>')).toBe(escapeMarkup('<b>'));
    const figure = buildFigure([box(long, 'arm64', 512, [1, 2, 3])], defaultChartSettings(), THEME);
    expect(markupTexts(figure).some((t) => t.includes(`<b>${long}</b>`))).toBe(true);
  });
});

describe('fixed colors', () => {
  const boxColor = (figure: Figure, key: string): string => {
    const trace = figure.data.find(
      (t) => t.type === 'box' && (t.meta as { boxKeys: string[] }).boxKeys.includes(key),
    )!;
    return (trace.line as { color: string }).color;
  };

  it('an arch keeps its color when an unknown arch appears, in the documented order', () => {
    const x86 = box('api', 'x86_64', 1024, [1, 2, 3]);
    const arm = box('api', 'arm64', 1024, [1, 2, 3]);
    const unknown = box('api', 'unknown', 1024, [1, 2, 3]);
    const alone = buildFigure([arm], defaultChartSettings(), THEME);
    const all = buildFigure([unknown, arm, x86], defaultChartSettings(), THEME);
    expect(boxColor(alone, arm.key)).toBe(PALETTE[1]);
    expect(boxColor(all, arm.key)).toBe(PALETTE[1]);
    expect(boxColor(all, x86.key)).toBe(PALETTE[0]);
    expect(boxColor(all, unknown.key)).toBe(UNKNOWN_COLOR);
    expect(ARCH_ORDER).toEqual(['x86_64', 'arm64']);
    // The legend lists them by name, as the groups are ordered; their colors do not depend on it.
    const legend = all.data.filter((t) => t.type === 'box' && t.showlegend).map((t) => t.name);
    expect(legend).toEqual(['arm64', 'unknown arch', 'x86_64']);
  });

  it('a memory size keeps its color when another size (or a live run) appears', () => {
    const byMemory: ChartSettings = { ...defaultChartSettings(), colorBy: 'memory' };
    const m1024 = box('api', 'x86_64', 1024, [1, 2, 3]);
    const before = buildFigure([m1024], byMemory, THEME);
    const after = buildFigure(
      [box('api', 'x86_64', 128, [1, 2]), m1024, box('api', 'x86_64', 3008, [4, 5])],
      byMemory,
      THEME,
    );
    expect(boxColor(before, m1024.key)).toBe(boxColor(after, m1024.key));
    expect(boxColor(after, m1024.key)).toBe(PALETTE[MEMORY_ORDER.indexOf(1024)]);
    // A size outside the documented list still gets one color, the same every time.
    expect(colorOf('memory', 1769)).toBe(colorOf('memory', 1769));
    expect(colorOf('memory', null)).toBe(UNKNOWN_COLOR);
  });
});

describe('the shared group order', () => {
  it('compares names numerically: python3.9 before python3.10, nodejs18.x before nodejs22.x', () => {
    const names = [
      'python3.10',
      'nodejs22.x',
      'python3.9',
      'nodejs18.x',
      'Python3.11',
      'java8.al2',
      'java17',
    ];
    expect([...names].sort(compareNames)).toEqual([
      'java8.al2',
      'java17',
      'nodejs18.x',
      'nodejs22.x',
      'python3.9',
      'python3.10',
      'Python3.11',
    ]);
  });

  it('orders by median or p90 (fastest first), then arch and memory within a function', () => {
    const boxes = [
      box('slow', 'arm64', 128, [300, 310, 320]),
      box('slow', 'x86_64', 128, [200, 210, 220]),
      box('fast', 'x86_64', 1024, [10, 20, 30]),
      box('fast', 'x86_64', 128, [10, 20, 30]),
      box('tail', 'x86_64', 128, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1000]),
    ];
    expect(functionOrder(boxes, 'name')).toEqual(['fast', 'slow', 'tail']);
    expect(functionOrder(boxes, 'median')).toEqual(['tail', 'fast', 'slow']);
    expect(functionOrder(boxes, 'p90')).toEqual(['fast', 'tail', 'slow']);
    expect(orderBoxes(boxes, 'median').map((b) => b.key)).toEqual([
      'tail|x86_64|128',
      'fast|x86_64|128',
      'fast|x86_64|1024',
      'slow|arm64|128',
      'slow|x86_64|128',
    ]);
  });

  it('finds groups by every word of a search, and keeps the top or bottom N by median', () => {
    const boxes = [
      box('python3.12-zip', 'arm64', 1024, [50]),
      box('python3.12-zip', 'x86_64', 1024, [60]),
      box('nodejs20.x-zip', 'arm64', 1024, [40]),
      box('nodejs20.x-zip', 'arm64', 128, [400]),
    ];
    expect(matchesSearch(boxes[0]!, 'PYTHON')).toBe(true);
    expect(filterBoxes(boxes, 'arm64 1024', null).map((b) => b.key)).toEqual([
      'python3.12-zip|arm64|1024',
      'nodejs20.x-zip|arm64|1024',
    ]);
    expect(filterBoxes(boxes, '', { end: 'top', n: 2 }).map((b) => b.stats.median)).toEqual([60, 400]);
    expect(filterBoxes(boxes, 'zip', { end: 'bottom', n: 1 }).map((b) => b.stats.median)).toEqual([40]);
    expect(filterBoxes(boxes, 'ruby', null)).toEqual([]);
  });
});

describe('layouts from 1 to 1,000 groups', () => {
  const settings = defaultChartSettings();

  it('draws few short names as vertical boxes, side by side', () => {
    const boxes = ['go', 'node', 'py'].map((n) => box(n, 'x86_64', 1024, [1, 2, 3]));
    const plan = planChart(boxes, settings, { width: 1100, height: 560 });
    expect(plan.horizontal).toBe(false);
    expect(plan.height).toBe(560);
  });

  it('turns horizontal when the labels do not fit, and grows with the groups (it scrolls)', () => {
    const next = seededRandom(7);
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        box(`function-with-a-long-name-${i}`, i % 2 ? 'arm64' : 'x86_64', [128, 512, 1024, 2048][i % 4]!, [
          next() * 100,
          next() * 100,
        ]),
      );
    const small = planChart(many(40), settings, { width: 1000, height: 500 });
    const large = planChart(many(1000), settings, { width: 1000, height: 500 });
    expect(small.horizontal).toBe(true);
    expect(large.horizontal).toBe(true);
    expect(large.height).toBeGreaterThan(small.height);
    // Every function's slot is tall enough for a line of 12 px text.
    expect(large.slotPx).toBeGreaterThanOrEqual(18);
    // Panels too narrow side by side wrap into rows.
    const narrow = planChart(many(40), settings, { width: 560, height: 500 });
    expect(narrow.rows).toBeGreaterThan(1);
    expect(narrow.panels.every((p) => p.xDomain[0] >= 0 && p.xDomain[1] <= 1)).toBe(true);
  });
});

describe('log axes', () => {
  it('ticks at 1, 2, 5 × 10ⁿ written in full, or decades when the axis is short', () => {
    const range = valueRange([box('a', 'x86_64', 128, [20, 40, 500])], { logScale: true, yFromZero: true });
    const wide = logTicks(range, 600);
    expect(wide.tickvals).toEqual([20, 50, 100, 200, 500]);
    expect(wide.ticktext).toEqual(['20', '50', '100', '200', '500']);
    const short = logTicks([0, 5], 100);
    expect(short.ticktext).toEqual(['1', '100', '10000']);
    expect(logTicks([-1, 1], 400).ticktext).toEqual(['0.1', '0.2', '0.5', '1', '2', '5', '10']);
  });
});

describe('empty charts say what is missing', () => {
  const base = { groups: 4, boxes: 4, shown: 4, metric: 'init' as const, search: '' };
  it('names the missing column, the filters or the search', () => {
    expect(emptyChartReason(base)).toBeNull();
    expect(emptyChartReason({ ...base, boxes: 0, shown: 0, metric: 'maxmemory' })).toContain(
      'no Max memory used values',
    );
    expect(emptyChartReason({ ...base, boxes: 0, shown: 0 })).toContain('warm starts');
    expect(emptyChartReason({ ...base, groups: 0, boxes: 0, shown: 0 })).toContain(
      'No samples match the filters',
    );
    expect(emptyChartReason({ ...base, shown: 0, search: ' ruby ' })).toBe(
      'No group matches "ruby": change or clear the search.',
    );
  });
});

describe('a point hover says where its value came from', () => {
  it('names the value with unit, function, arch, memory, dataset, RequestId and timestamp', () => {
    const ws = createTestWorkspace();
    const samples: Sample[] = [120, 80, 100, 95].map((initMs, i) => ({
      ...emptySample('api'),
      arch: 'arm64',
      memoryMB: 512,
      initMs,
      durationMs: 5,
      billedMs: 5,
      // The last sample has no request id nor time: the hover leaves them out.
      requestId: i < 3 ? `req-${i}` : null,
      timestamp: i < 3 ? `2026-11-2${i}T10:00:00.000Z` : null,
    }));
    // Another function's rows first: a box's rows are not the dataset's first rows.
    const other: Sample[] = [70, 130].map((initMs) => ({
      ...emptySample('web'),
      arch: 'arm64',
      memoryMB: 512,
      initMs,
      durationMs: 5,
      billedMs: 5,
      requestId: `web-${initMs}`,
    }));
    ws.addDataset({
      name: 'prod <eu>',
      source: 'import',
      columns: columnsFromSamples([...other, ...samples]),
    });
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init');
    const figure = buildFigure(boxes, defaultChartSettings(), THEME);
    const points = figure.data.find((t) => (t.meta as { points?: string } | undefined)?.points)!;
    const texts = points.hovertext as string[];
    const at = (value: number) => texts[(points.y as number[]).indexOf(value)]!;
    expect(at(80)).toBe(
      '80.00 ms<br>api<br>arm64 · 512 MB<br>dataset prod &lt;eu&gt;<br>RequestId req-1<br>2026-11-21T10:00:00.000Z',
    );
    expect(at(95)).toBe('95.00 ms<br>api<br>arm64 · 512 MB<br>dataset prod &lt;eu&gt;');
  });
});
