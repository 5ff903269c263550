import { describe, expect, it } from 'vitest';
import { boxStats } from '../../shared/stats/group-stats';
import type { Box } from '../../renderer/src/analysis/boxes';
import {
  buildFigure,
  PALETTE,
  screenFigure,
  type PointCloud,
} from '../../renderer/src/analysis/chart-figure';
import { paintPointClouds, type GraphDiv } from '../../renderer/src/analysis/point-canvas';
import { defaultChartSettings } from '../../renderer/src/state/workspace';

const THEME = { background: '#fff', text: '#000', muted: '#555', grid: '#ddd', palette: PALETTE };

function box(name: string, arch: string, memoryMB: number, values: number[]): Box {
  const sorted = [...values].sort((x, y) => x - y);
  return {
    key: `${name}|${arch}|${memoryMB}`,
    name,
    arch,
    memoryMB,
    stats: boxStats(sorted)!,
    values: sorted,
  };
}

const BOXES = [
  box('go', 'arm64', 128, [20, 22, 24, 26, 90]),
  box('node', 'arm64', 1024, [60, 70, 80, 85]),
  box('node', 'x86_64', 1024, [100, 110, 120, 130, 500]),
];

describe('the chart figure', () => {
  it('hovers each box with n, median, p90 and p99 on undrawn points along it, one trace per panel', () => {
    const figure = buildFigure(BOXES, defaultChartSettings(), THEME);
    const hover = figure.data.filter((t) => (t.meta as { hover?: string } | undefined)?.hover === 'boxes');
    // Panels 128 MB and 1024 MB.
    expect(hover.map((t) => t.xaxis)).toEqual(['x', 'x2']);
    expect(hover.every((t) => t.mode === 'none' && t.hoverinfo === 'text')).toBe(true);
    const x86 = BOXES[2]!.stats;
    expect(hover[1]!.y).toContain(x86.median);
    expect(hover[1]!.y).toContain(x86.whiskerHigh);
    const text = (hover[1]!.hovertext as string[]).find((t) => t.includes('x86_64'))!;
    expect(text).toContain(`n = ${x86.n}`);
    expect(text).toMatch(/median 120\.0 ms/);
    expect(text).toMatch(/p90 [\d.]+ ms<br>p99 [\d.]+ ms$/);
    // Twelve hover targets per box (its five statistics and seven between its whiskers), in its color:
    // arm64's always orange, x86_64's always blue.
    expect((hover[1]!.x as number[]).length).toBe(24);
    expect((hover[1]!.hoverlabel as { bgcolor: string[] }).bgcolor).toEqual([
      ...Array<string>(12).fill(PALETTE[1]!),
      ...Array<string>(12).fill(PALETTE[0]!),
    ]);
    const ys = (hover[1]!.y as number[]).slice(12, 24);
    expect(Math.min(...ys)).toBe(x86.whiskerLow);
    expect(Math.max(...ys)).toBe(x86.whiskerHigh);
    // No gap along the box wider than an eighth of it.
    const sorted = [...ys].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((y, i) => y - sorted[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual((x86.whiskerHigh - x86.whiskerLow) / 8 + 1e-9);
  });

  it("keeps a box's point hover texts for its metric only", () => {
    const texts = (metric: 'init' | 'maxmemory', showPoints: boolean) =>
      buildFigure(BOXES, { ...defaultChartSettings(), metric, showPoints }, THEME)
        .data.filter((t) => (t.meta as { points?: string } | undefined)?.points)
        .flatMap((t) => t.hovertext as string[]);
    for (const showPoints of [true, false]) {
      expect(texts('init', showPoints).every((t) => / ms<br>/.test(t))).toBe(true);
      // The same boxes under another metric (kept texts would say ms).
      expect(texts('maxmemory', showPoints).every((t) => / MB<br>/.test(t))).toBe(true);
    }
    // Every drawn value, or only the outliers, each its own text.
    expect(texts('init', false)).toHaveLength(2);
    expect(texts('init', true)).toHaveLength(14);
    expect(texts('init', false)).toHaveLength(2);
  });

  it('sets the y range itself: from zero with 5% air above the largest value, or around the values', () => {
    const fromZero = buildFigure(BOXES, defaultChartSettings(), THEME);
    expect((fromZero.layout.yaxis as { range: number[] }).range).toEqual([0, 500 * 1.05]);
    const free = buildFigure(BOXES, { ...defaultChartSettings(), yFromZero: false }, THEME);
    expect((free.layout.yaxis as { range: number[] }).range).toEqual([20 - 24, 500 + 24]);
    const log = buildFigure(BOXES, { ...defaultChartSettings(), logScale: true }, THEME);
    const range = (log.layout.yaxis as { range: number[] }).range;
    expect(range[0]).toBeCloseTo(Math.log10(16));
    expect(range[1]).toBeCloseTo(Math.log10(575));
  });

  it('keeps the markers in the figure (for images) and moves them to canvas clouds on screen', () => {
    for (const showPoints of [true, false]) {
      const figure = buildFigure(BOXES, { ...defaultChartSettings(), showPoints }, THEME);
      const markers = figure.data.filter((t) => (t.meta as { points?: string } | undefined)?.points);
      expect(markers.length).toBeGreaterThan(0);
      expect(markers.every((t) => t.mode === 'markers')).toBe(true);
      const screen = screenFigure(figure);
      const meta = (t: (typeof figure.data)[number]) =>
        t.meta as { labels?: string; hover?: string; targets?: boolean } | undefined;
      const hover = figure.data.filter((t) => meta(t)?.hover);
      // The boxes are handed over as they are, in their order; points, boxes' hover targets and n are not.
      const kept = figure.data.filter((t) => !markers.includes(t) && !hover.includes(t) && !meta(t)?.labels);
      expect(kept.every((t) => t.type === 'box')).toBe(true);
      expect(screen.data.slice(0, kept.length)).toEqual(kept);
      kept.forEach((t, i) => expect(screen.data[i]).toBe(t));
      // One undrawn trace of hover targets per panel (128 MB, 1024 MB): its points' and its boxes'.
      const targets = screen.data.slice(kept.length);
      expect(targets.map((t) => [t.xaxis, meta(t)?.targets])).toEqual([
        ['x', true],
        ['x2', true],
      ]);
      expect(targets.every((t) => t.mode === 'none' && t.hoverinfo === 'text' && !('marker' in t))).toBe(
        true,
      );
      for (const t of targets) {
        const mine = [...markers, ...hover].filter((m) => m.xaxis === t.xaxis);
        expect(t.y).toEqual(mine.flatMap((m) => m.y as number[]));
        expect(t.x).toEqual(mine.flatMap((m) => m.x as number[]));
        expect(t.hovertext).toEqual(mine.flatMap((m) => m.hovertext as string[]));
        // Each target's hover label in its box's color.
        expect((t.hoverlabel as { bgcolor: string[] }).bgcolor).toEqual(
          mine.flatMap((m) =>
            m.marker
              ? (m.x as number[]).map(() => (m.marker as { color: string }).color)
              : (m.hoverlabel as { bgcolor: string[] }).bgcolor,
          ),
        );
      }
      expect(screen.clouds.filter((c) => !c.text)).toEqual(
        markers.map((t) => {
          const marker = t.marker as { color: string; size: number; opacity: number };
          return {
            xaxis: t.xaxis,
            yaxis: t.yaxis,
            x: t.x,
            y: t.y,
            color: marker.color,
            size: marker.size,
            opacity: marker.opacity,
          };
        }),
      );
      // The boxes' n is written on the canvas too: one label per box, none left as SVG text.
      expect(screen.clouds.flatMap((c) => c.text ?? [])).toEqual(
        expect.arrayContaining(['n=5', 'n=4', 'n=5']),
      );
      expect(screen.clouds.flatMap((c) => c.text ?? [])).toHaveLength(3);
      expect(screen.data.some((t) => String(t.mode).includes('text'))).toBe(false);
      // The figure itself is untouched.
      expect(markers.every((t) => t.mode === 'markers')).toBe(true);
    }
    // Points off: only the outliers (90 of go, 500 of x86) are drawn.
    const outliers = screenFigure(
      buildFigure(BOXES, { ...defaultChartSettings(), showPoints: false }, THEME),
    );
    expect(outliers.clouds.filter((c) => !c.text).flatMap((c) => c.y)).toEqual([90, 500]);
  });
});

describe('the point canvas', () => {
  function fakeGraph() {
    const gd = document.createElement('div') as GraphDiv;
    const gl = document.createElement('div');
    gd.appendChild(gl);
    const axis = (offset: number, length: number, scale: number) => ({
      _offset: offset,
      _length: length,
      c2p: (v: number) => v * scale,
    });
    gd._fullLayout = {
      width: 400,
      height: 300,
      xaxis: axis(50, 100, 10),
      xaxis2: axis(200, 100, 10),
      yaxis: axis(20, 200, -1),
      _glcontainer: { node: () => gl },
    };
    return { gd, gl };
  }

  it("draws every point in its panel's scales, clipped to the panel, in Plotly's canvas layer", () => {
    const { gd, gl } = fakeGraph();
    const calls: string[] = [];
    const ctx = new Proxy(
      {},
      {
        get: (_, name: string) =>
          name === 'canvas' ? undefined : (...args: unknown[]) => calls.push(`${name}(${args.join(',')})`),
        set: (_, name: string, value: unknown) => (calls.push(`${name}=${String(value)}`), true),
      },
    );
    const canvas = document.createElement('canvas');
    canvas.getContext = (() => ctx) as unknown as HTMLCanvasElement['getContext'];
    const clouds: PointCloud[] = [
      { xaxis: 'x2', yaxis: 'y', x: [1, 2], y: [-100, -150], color: '#0072B2', size: 4, opacity: 0.5 },
      { xaxis: 'x9', yaxis: 'y', x: [1], y: [1], color: '#000', size: 4, opacity: 1 },
    ];
    paintPointClouds(gd, canvas, clouds);
    expect(canvas.parentNode).toBe(gl);
    expect(canvas.style.width).toBe('400px');
    expect(canvas.style.pointerEvents).toBe('none');
    expect(calls).toContain('clearRect(0,0,400,300)');
    // Panel x2 starts at 200 px, y at 20 px; the clip reaches a radius beyond the panel.
    expect(calls).toContain('rect(198,18,104,204)');
    expect(calls).toContain('fillStyle=#0072B2');
    expect(calls).toContain('globalAlpha=0.5');
    expect(calls.filter((c) => c.startsWith('arc('))).toEqual([
      `arc(210,120,2,0,${2 * Math.PI})`,
      `arc(220,170,2,0,${2 * Math.PI})`,
    ]);
    // One fill per dot, so overlaps darken as SVG markers do; the cloud of a panel that is gone draws nothing.
    expect(calls.filter((c) => c === 'fill()')).toHaveLength(2);
  });

  it('waits for Plotly to have drawn', () => {
    const canvas = document.createElement('canvas');
    paintPointClouds(document.createElement('div') as GraphDiv, canvas, []);
    expect(canvas.parentNode).toBeNull();
  });
});
