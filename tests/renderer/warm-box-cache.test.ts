import { describe, expect, it, vi } from 'vitest';
import type * as PointSourcesModule from '../../renderer/src/analysis/point-sources';
import { emptySample, type Sample } from '../../shared/sample';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { computeBoxes } from '../../renderer/src/analysis/boxes';
import { buildFigure, PALETTE } from '../../renderer/src/analysis/chart-figure';
import { metricInfo } from '../../renderer/src/analysis/metrics';
import { createTestWorkspace, defaultChartSettings } from '../../renderer/src/state/workspace';

const looked = vi.hoisted(() => ({ boxes: [] as string[] }));
vi.mock('../../renderer/src/analysis/point-sources', async (original) => {
  const real = await original<typeof PointSourcesModule>();
  return {
    ...real,
    pointSources: (...args: Parameters<typeof real.pointSources>) => {
      looked.boxes.push(args[0].key);
      return real.pointSources(...args);
    },
  };
});
const { warmBox } = await import('../../renderer/src/analysis/box-texts');
const { pointsPerBox } = await import('../../renderer/src/analysis/chart-traces');

const THEME = { background: '#fff', text: '#000', muted: '#555', grid: '#ddd', palette: PALETTE };

describe('a box warmed ahead of its draw', () => {
  it.each([true, false])('is drawn without looking up its points again (points shown: %s)', (showPoints) => {
    const ws = createTestWorkspace();
    const samples: Sample[] = Array.from({ length: 120 }, (_, i) => ({
      ...emptySample(`fn-${i % 3}`),
      arch: 'arm64',
      memoryMB: 512,
      // Every box has outliers, so points are drawn with or without the jittered points.
      initMs: i % 40 === 0 ? 5000 : 100 + i,
      durationMs: 5,
      billedMs: 5,
      requestId: `req-${i}`,
    }));
    ws.addDataset({ name: 'run', source: 'import', columns: columnsFromSamples(samples) });
    const boxes = computeBoxes(ws.state.datasets, ws.state.filters, 'init');
    const settings = { ...defaultChartSettings(), showPoints };
    looked.boxes.length = 0;
    for (const b of boxes.slice(0, 2)) warmBox(b, settings, metricInfo('init'), pointsPerBox(boxes.length));
    expect(looked.boxes).toEqual(boxes.slice(0, 2).map((b) => b.key));
    looked.boxes.length = 0;
    buildFigure(boxes, settings, THEME);
    // Only the box not warmed is looked up by the draw.
    expect(looked.boxes).toEqual([boxes[2]!.key]);
  });
});
