import { describe, expect, it } from 'vitest';
import { boxStats } from '../../shared/stats/group-stats';
import type { Box } from '../../renderer/src/analysis/boxes';
import { PALETTE } from '../../renderer/src/analysis/chart-colors';
import { buildFigure } from '../../renderer/src/analysis/chart-figure';
import { planChart } from '../../renderer/src/analysis/chart-layout';
import { slotWindow, windowCovers } from '../../renderer/src/analysis/chart-window';
import { defaultChartSettings } from '../../renderer/src/state/workspace';
import { seededRandom } from '../random';

const THEME = { background: '#fff', text: '#000', muted: '#555', grid: '#ddd', palette: PALETTE };
const SIZE = { width: 1280, height: 700 };

/** 80 functions × 2 archs × 4 memory sizes (4 panels when colored by arch), 12 values each. */
function manyBoxes(): Box[] {
  const next = seededRandom(80);
  const boxes: Box[] = [];
  for (let f = 0; f < 80; f++)
    for (const arch of ['x86_64', 'arm64'])
      for (const memoryMB of [128, 512, 1024, 1769]) {
        const values = Array.from({ length: 12 }, () => Math.round(100 + next() * 900)).sort((a, b) => a - b);
        const name = `runtime-${String(f).padStart(2, '0')}`;
        boxes.push({
          key: `${name}|${arch}|${memoryMB}`,
          name,
          arch,
          memoryMB,
          stats: boxStats(values)!,
          values,
        });
      }
  return boxes;
}

const boxes = manyBoxes();
const settings = defaultChartSettings();
const plan = planChart(boxes, settings, SIZE);
const drawnSlots = (drawn: readonly boolean[]) => drawn.flatMap((d, i) => (d ? [i] : []));

describe('a long horizontal chart draws the rows near its view', () => {
  it('lays 80 functions out taller than the view, in one row of 4 panels', () => {
    expect(plan.horizontal).toBe(true);
    expect(plan.rows).toBe(1);
    expect(plan.height).toBeGreaterThan(2 * SIZE.height);
  });

  it('draws the slots within the margin of the view, and says which pixels they cover', () => {
    const window = slotWindow(plan, 0, 600, 300)!;
    // Slots start below the title band (margin.t); 900 px reach to slot (900 - t) / slotPx.
    const last = Math.ceil((900 - plan.margin.t) / plan.slotPx) - 1;
    expect(drawnSlots(window.drawn)).toEqual(Array.from({ length: last + 1 }, (_, i) => i));
    expect(window.coveredTop).toBe(0);
    expect(window.coveredBottom).toBe(900);
    expect(windowCovers(window, 200, 600)).toBe(true);
    expect(windowCovers(window, 301, 600)).toBe(false);

    const middle = slotWindow(plan, 1200, 600, 300)!;
    const first = Math.floor((900 - plan.margin.t) / plan.slotPx);
    expect(drawnSlots(middle.drawn)[0]).toBe(first);
    expect(windowCovers(middle, 899, 600)).toBe(false);
  });

  it('draws everything when the view and its margin hold the whole chart, or the chart is vertical', () => {
    expect(slotWindow(plan, 0, plan.height, 0)).toBeNull();
    const few = boxes.filter((b) => b.name < 'runtime-03');
    expect(slotWindow(planChart(few, settings, { width: 1920, height: 1080 }), 0, 800, 400)).toBeNull();
  });

  it('builds boxes and tick labels of the drawn slots only, with the whole chart’s layout and counts', () => {
    const whole = buildFigure(boxes, settings, THEME, SIZE);
    const part = buildFigure(boxes, settings, THEME, SIZE, undefined, (p) => slotWindow(p, 0, 600, 300));
    const drawn = drawnSlots(part.window!.drawn);
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(80);
    expect(part.layout.height).toBe(whole.layout.height);
    expect(part.boxCount).toBe(640);
    expect([part.pointsDrawn, part.pointsTotal]).toEqual([whole.pointsDrawn, whole.pointsTotal]);
    const yaxis = part.layout.yaxis as { tickvals: number[]; ticktext: string[]; range: number[] };
    expect(yaxis.tickvals).toEqual(drawn);
    expect(yaxis.ticktext[0]).toBe('runtime-00');
    expect(yaxis.range).toEqual((whole.layout.yaxis as { range: number[] }).range);
    const positions = part.data
      .filter((t) => t.type === 'box')
      .flatMap((t) => (t.y as number[]).map(Math.round));
    expect(positions.length).toBe(drawn.length * 8);
    expect(new Set(positions)).toEqual(new Set(drawn));
  });

  it('keeps a legend entry for a color none of whose boxes is drawn, its box off the function axis', () => {
    // arm64 only for the last 10 functions: out of a window at the chart's top.
    const some = boxes.filter((b) => b.arch === 'x86_64' || b.name >= 'runtime-70');
    // [name, legend only?] of every legend entry, by name (Plotly orders them by legendrank).
    const legend = (fig: ReturnType<typeof buildFigure>) =>
      fig.data
        .filter((t) => t.showlegend)
        .map((t) => [t.name, (t.meta as { legendOnly?: boolean }).legendOnly ?? false])
        .sort();
    const whole = buildFigure(some, settings, THEME, SIZE);
    expect(legend(whole)).toEqual([
      ['arm64', false],
      ['x86_64', false],
    ]);
    const part = buildFigure(some, settings, THEME, SIZE, undefined, (p) => slotWindow(p, 0, 600, 300));
    expect(legend(part)).toEqual([
      ['arm64', true],
      ['x86_64', false],
    ]);
    const off = part.data.find((t) => (t.meta as { legendOnly?: boolean }).legendOnly)!;
    const range = (part.layout.yaxis as { range: number[] }).range;
    expect((off.y as number[])[0]).toBeLessThan(Math.min(...range));
  });
});
