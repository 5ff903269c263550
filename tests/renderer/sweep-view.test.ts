import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import Papa from 'papaparse';
import { emptySample, type Sample } from '../../shared/sample';
import { memorySweep } from '../../shared/stats/memory-sweep';
import { sweepCsv } from '../../renderer/src/analysis/sweep-table';
import { sweepFigure } from '../../renderer/src/analysis/sweep-figure';

// The chart itself is drawn in Chromium (e2e); here Plotly only has to be there.
vi.mock('plotly.js-dist', () => ({ default: { react: vi.fn(async () => undefined), purge: vi.fn() } }));
const { default: SweepView } = await import('../../renderer/src/components/SweepView.vue');

const theme = { text: '#000', grid: '#eee', background: '#fff', palette: ['#111', '#222'] };
const rows = (name: string, memoryMB: number, initMs: number, n = 8): Sample[] =>
  Array.from({ length: n }, (_, i) => ({
    ...emptySample(name),
    arch: 'x86_64' as const,
    memoryMB,
    initMs: initMs + i,
    durationMs: 10 + i,
    billedMs: Math.ceil(initMs + i + 10 + i),
  }));
const samples = [
  ...rows('=cmd|calc', 128, 400),
  ...rows('=cmd|calc', 1024, 150),
  ...rows('<b>x</b>', 512, 100),
];

describe('sweep figure', () => {
  it('draws markers with interval bars at the measured sizes only, names escaped', () => {
    const series = memorySweep([...samples, ...rows('<b>x</b>', 2048, 90)], [1]);
    const { data, layout } = sweepFigure(series, 'total', theme);
    expect(data.map((d) => d.mode)).toEqual(['markers', 'markers']);
    const tagged = data.find((d) => String(d.name).includes('&lt;b&gt;'));
    expect(tagged?.x).toEqual(['512 MB', '2048 MB']);
    expect((layout.xaxis as { categoryarray: string[] }).categoryarray).toEqual([
      '128 MB',
      '512 MB',
      '1024 MB',
      '2048 MB',
    ]);
    const err = (data[0] as { error_y: { array: number[]; arrayminus: number[] } }).error_y;
    expect(err.array.every((v) => v > 0)).toBe(true);
  });
});

describe('sweep CSV', () => {
  it('writes one row per size with intervals and picks, and a name a spreadsheet would run is neutralised', () => {
    const csv = sweepCsv(memorySweep(samples, [1, 0.05]), [1, 0.05]);
    const parsed = Papa.parse<string[]>(csv.trim(), { delimiter: ';' }).data;
    expect(parsed[0]).toContain('TotalCiLow');
    expect(parsed[0]).toContain('CostPerMillionAt5PctCold');
    expect(parsed).toHaveLength(3);
    expect(parsed[1]![0]).toBe("'=cmd|calc");
    expect(parsed[1]![2]).toBe('128');
  });
});

describe('SweepView', () => {
  it('says what is missing when no function has two memory sizes', () => {
    const w = mount(SweepView, { props: { samples: rows('api', 128, 100), dark: false } });
    expect(w.get('[data-testid=sweep-empty]').text()).toContain('two memory sizes');
  });
  it('lists each measured size with its median and interval', () => {
    const w = mount(SweepView, { props: { samples, dark: false } });
    const row = w.get('[data-row="=cmd|calc (x86_64)|1024"]');
    expect(row.text()).toContain('1024 MB');
    expect(row.text()).toMatch(/\d+\.\d \[\d+\.\d, \d+\.\d\]/);
    expect(w.get('[data-testid=sweep-rule]').text()).toContain('nothing is interpolated');
  });
});
