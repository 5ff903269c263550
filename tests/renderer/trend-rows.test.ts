import { describe, expect, it } from 'vitest';
import { emptySample, type Sample } from '../../shared/sample';
import { importBaselineFile } from '../../renderer/src/import/baseline-import';
import { applyImportResults } from '../../renderer/src/state/import-actions';
import { createTestWorkspace } from '../../renderer/src/state/workspace';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { selectRows } from '../../renderer/src/analysis/selection';
import { datasetsAt, pickSeries, trendOf } from '../../renderer/src/analysis/trend-rows';
import { BANDS_UP_TO_LINES, lineColor, trendFigure } from '../../renderer/src/analysis/trend-figure';

const entry = (d: string, m: number, a: string, i: number[]) => ({
  r: `lambda-perf-x-zip-${m}-${a}`,
  p: 'zip',
  d,
  i,
  m,
  a,
  mu: 70,
  ad: 3,
  acd: 100,
});
const dayFile = (date: string, entries: object[]): string =>
  JSON.stringify({ metadata: { generatedAt: `${date}T14:00:00.000Z` }, runtimeData: entries });
const ten = (base: number) => Array.from({ length: 10 }, (_, k) => base + k);

/** Imports files as the app does (worker parse, then applyImportResults) into a fresh workspace. */
function workspaceWith(files: { name: string; text: string }[], own: Sample[] = []) {
  const ws = createTestWorkspace();
  applyImportResults(
    files.map((f) => {
      const r = importBaselineFile(f.text, f.name);
      return r.ok
        ? { ok: true as const, fileName: f.name, columns: r.columns, report: r.report }
        : { ok: false as const, fileName: f.name, error: r.error, report: r.report };
    }),
    ws,
  );
  if (own.length > 0) ws.addDataset({ name: 'my run', columns: columnsFromSamples(own), source: 'import' });
  return ws;
}
const selection = (ws: ReturnType<typeof createTestWorkspace>) =>
  selectRows(ws.state.datasets, ws.state.filters);

const ownSample = (timestamp: string, memoryMB: number, initMs: number): Sample => ({
  ...emptySample('api'),
  runtime: 'nodejs22.x',
  arch: 'arm64',
  memoryMB,
  initMs,
  durationMs: 5,
  billedMs: 6,
  timestamp,
});

describe('baseline import in the app', () => {
  it('names each day "public baseline YYYY-MM-DD" and names the file and what was expected when it is foreign', () => {
    const ws = workspaceWith([
      { name: '2026-01-02.json', text: dayFile('2026-01-02', [entry('nodejs22.x', 512, 'arm64', ten(100))]) },
      { name: 'package.json', text: '{"name": "x"}' },
    ]);
    expect(ws.state.datasets.map((d) => d.name)).toEqual(['public baseline 2026-01-02']);
    expect(ws.state.failures.map((f) => f.error)).toEqual([
      'package.json: expected an object with metadata and runtimeData (a maxday/lambda-perf daily file); found an object with keys name',
    ]);
  });
});

describe('trend rows', () => {
  const files = ['2026-01-01', '2026-01-02', '2026-01-03'].map((date, k) => ({
    name: `${date}.json`,
    text: dayFile(date, [
      entry('nodejs22.x', 512, 'arm64', ten(100 + k * 10)),
      entry('python3.13', 128, 'x86_64', ten(50)),
    ]),
  }));

  it('puts one line per function × arch × memory, a point per day with the median and its 95% CI', () => {
    const trend = trendOf(selection(workspaceWith(files)), 'init');
    expect(trend.series.map((s) => s.label)).toEqual([
      'nodejs22.x · arm64 · 512 MB',
      'python3.13 · x86_64 · 128 MB',
    ]);
    const node = trend.series[0]!;
    expect(node.days.map((d) => [d.day, d.n, d.median])).toEqual([
      ['2026-01-01', 10, 104.5],
      ['2026-01-02', 10, 114.5],
      ['2026-01-03', 10, 124.5],
    ]);
    // n = 10: the 2nd to the 9th value (shared/stats/quantile-ci.ts); the p90 needs 36 for an interval.
    expect(node.days[0]!.ci).toEqual([101, 108]);
    expect(node.days[0]!.p90).toBeCloseTo(108.1, 10);
    expect(node.days[0]!.p90Ci).toBeNull();
    expect(trend.changes).toEqual([]);
  });

  it('follows the filters: a hidden day is left out', () => {
    const ws = workspaceWith(files);
    ws.toggleHidden('hiddenDatasets', ws.state.datasets[1]!.id, true);
    const days = trendOf(selection(ws), 'init').series[0]!.days.map((d) => d.day);
    expect(days).toEqual(['2026-01-01', '2026-01-03']);
  });

  it("dates the user's own samples by their timestamps and marks where a function's memory changed", () => {
    const own = [
      ...ten(300).map((v) => ownSample('2026-01-01T10:00:00.000Z', 512, v)),
      ...ten(200).map((v) => ownSample('2026-01-02T23:59:00.000Z', 1024, v)),
      ownSample('', 1024, 1),
    ];
    const trend = trendOf(selection(workspaceWith(files, own)), 'init');
    const api = trend.series.filter((s) => s.name === 'api');
    expect(api.map((s) => [s.label, s.own, s.days.map((d) => d.day)])).toEqual([
      ['api · arm64 · 512 MB', true, ['2026-01-01']],
      ['api · arm64 · 1024 MB', true, ['2026-01-02']],
    ]);
    expect(trend.undated).toBe(1);
    expect(trend.changes).toEqual([
      {
        day: '2026-01-02',
        name: 'api',
        text: 'api: was nodejs22.x arm64 512 MB; now nodejs22.x arm64 1024 MB',
      },
    ]);
    // The user's own lines come first by default; a search picks among all.
    expect(pickSeries(trend.series, '', 10).map((s) => s.name)).toEqual(['api', 'api']);
    expect(pickSeries(trend.series, 'python', 10).map((s) => s.name)).toEqual(['python3.13']);
    expect(pickSeries(trend.series, '', 1)).toHaveLength(1);
  });

  it('without own data shows the first N lines by name', () => {
    const trend = trendOf(selection(workspaceWith(files)), 'init');
    expect(pickSeries(trend.series, '', 1).map((s) => s.name)).toEqual(['nodejs22.x']);
  });

  it('finds the datasets behind a point', () => {
    const ws = workspaceWith(files, [ownSample('2026-01-02T10:00:00.000Z', 512, 100)]);
    const sel = selection(ws);
    const byName = (n: string) => ws.state.datasets.find((d) => d.name === n)!.id;
    expect(datasetsAt(sel, 'nodejs22.x', '2026-01-02')).toEqual([byName('public baseline 2026-01-02')]);
    expect(datasetsAt(sel, 'api', '2026-01-02')).toEqual([byName('my run')]);
    expect(datasetsAt(sel, 'api', '2026-01-03')).toEqual([]);
  });
});

describe('trend figure', () => {
  it('draws a band (high, then low back) under each line, escapes names, marks changes of shown functions', () => {
    const series = [
      {
        key: 'k',
        label: '<b>x</b> · arm64 · 512 MB',
        name: '<b>x</b>',
        runtime: null,
        arch: 'arm64',
        memoryMB: 512,
        own: true,
        days: [
          { day: '2026-01-01', n: 10, median: 5, ci: [4, 6] as [number, number], p90: 6, p90Ci: null },
          { day: '2026-01-02', n: 3, median: 7, ci: null, p90: 8, p90Ci: null },
          { day: '2026-01-03', n: 10, median: 8, ci: [7, 9] as [number, number], p90: 9, p90Ci: null },
        ],
      },
    ];
    const changes = [
      { day: '2026-01-03', name: '<b>x</b>', text: 'changed' },
      { day: '2026-01-02', name: 'other', text: 'hidden' },
    ];
    const theme = { text: '#000', grid: '#eee', background: '#fff', palette: ['#112233'] };
    const { data, layout } = trendFigure(series, changes, 'ms', 'Init duration', theme);
    expect(data.map((d) => d.fill ?? d.mode)).toEqual(['toself', 'lines+markers']);
    expect(data[0]!.x).toEqual(['2026-01-01', '2026-01-03', '2026-01-03', '2026-01-01'].map(Date.parse));
    expect(data[0]!.y).toEqual([6, 9, 7, 4]);
    expect(data[0]!.fillcolor).toBe('rgba(17, 34, 51, 0.1)');
    expect(data[1]!.name).toBe('&lt;b&gt;x&lt;/b&gt; · arm64 · 512 MB');
    expect(data[1]!.customdata).toEqual([
      [10, '4.0–6.0'],
      [3, 'too few samples'],
      [10, '7.0–9.0'],
    ]);
    expect((layout.shapes as { x0: string }[]).map((s) => s.x0)).toEqual(['2026-01-03']);
  });

  it('leaves the markers out of a line of more than two months of days', () => {
    const days = (n: number) =>
      Array.from({ length: n }, (_, k) => ({
        day: new Date(Date.UTC(2026, 0, 1 + k)).toISOString().slice(0, 10),
        n: 10,
        median: 5,
        ci: null,
        p90: 6,
        p90Ci: null,
      }));
    const line = (n: number) => ({
      key: `k${n}`,
      label: `f${n}`,
      name: `f${n}`,
      runtime: null,
      arch: null,
      memoryMB: null,
      own: false,
      days: days(n),
    });
    const theme = { text: '#000', grid: '#eee', background: '#fff', palette: ['#112233'] };
    const { data } = trendFigure([line(62), line(63)], [], 'ms', 'Init duration', theme);
    expect(data.map((d) => d.mode)).toEqual(['lines+markers', 'lines']);
    // The p90 lines alike (a year of them with markers was thousands of SVG elements).
    const p90 = trendFigure([line(62), line(63)], [], 'ms', 'Init duration', theme, true).data;
    expect(p90.filter((d) => (d.meta as { p90?: boolean }).p90).map((d) => d.mode)).toEqual([
      'lines+markers',
      'lines',
    ]);
  });
});

describe('trend figure with many lines, some hidden', () => {
  const theme = {
    text: '#000',
    grid: '#eee',
    background: '#fff',
    palette: ['#111111', '#222222', '#333333'],
  };
  const line = (k: number) => ({
    key: `k${k}`,
    label: `f${k}`,
    name: `f${k}`,
    runtime: null,
    arch: null,
    memoryMB: null,
    own: false,
    days: [
      { day: '2026-01-01', n: 10, median: k, ci: [k - 1, k + 1] as [number, number], p90: k, p90Ci: null },
    ],
  });

  it('draws bands up to BANDS_UP_TO_LINES lines, none above, and no Plotly legend', () => {
    const ten = trendFigure(
      Array.from({ length: BANDS_UP_TO_LINES }, (_, k) => line(k)),
      [],
      'ms',
      'Init',
      theme,
    );
    expect(ten.data.filter((d) => d.fill === 'toself')).toHaveLength(BANDS_UP_TO_LINES);
    expect(ten.layout.showlegend).toBe(false);
    const many = trendFigure(
      Array.from({ length: BANDS_UP_TO_LINES + 1 }, (_, k) => line(k)),
      [],
      'ms',
      'Init',
      theme,
    );
    expect(many.data.filter((d) => d.fill === 'toself')).toHaveLength(0);
    expect(many.data).toHaveLength(BANDS_UP_TO_LINES + 1);
  });

  it('leaves hidden lines out, the others keep their index and color; bands come back under the limit', () => {
    const series = Array.from({ length: BANDS_UP_TO_LINES + 1 }, (_, k) => line(k));
    const { data } = trendFigure(series, [], 'ms', 'Init', theme, false, new Set(['k0']));
    // One hidden: ten lines drawn, so with their bands again.
    expect(data.filter((d) => d.fill === 'toself')).toHaveLength(BANDS_UP_TO_LINES);
    const lines = data.filter((d) => d.fill !== 'toself');
    expect(lines.map((d) => (d.meta as { series: number }).series)).toEqual(
      Array.from({ length: BANDS_UP_TO_LINES }, (_, k) => k + 1),
    );
    expect(lines.map((d) => (d.line as { color: string }).color).slice(0, 3)).toEqual([
      lineColor(theme, 1),
      lineColor(theme, 2),
      lineColor(theme, 3),
    ]);
    expect(lineColor(theme, 3)).toBe('#111111');
  });
});

describe('trend figure with the p90', () => {
  const theme = { text: '#000', grid: '#eee', background: '#fff', palette: ['#112233'] };
  const day = (d: string, n: number, p90: number, p90Ci: [number, number] | null) => ({
    day: d,
    n,
    median: p90 / 2,
    ci: [p90 / 2 - 1, p90 / 2 + 1] as [number, number],
    p90,
    p90Ci,
  });
  const series = (days: ReturnType<typeof day>[]) => [
    {
      key: 'k',
      label: 'api · arm64 · 512 MB',
      name: 'api',
      runtime: null,
      arch: 'arm64',
      memoryMB: 512,
      own: true,
      days,
    },
  ];

  it('draws no p90 unless asked', () => {
    const { data, layout } = trendFigure(
      series([day('2026-01-01', 40, 20, [18, 24])]),
      [],
      'ms',
      'Init',
      theme,
    );
    expect(data.map((d) => d.name)).toEqual(['api · arm64 · 512 MB median 95% CI', 'api · arm64 · 512 MB']);
    expect((layout.yaxis as { title: { text: string } }).title.text).toBe('Init (ms), median');
  });

  it('draws the p90 dashed over its band on days of 36 samples or more, none on the others', () => {
    const days = [
      day('2026-01-01', 40, 20, [18, 24]),
      day('2026-01-02', 10, 30, null),
      day('2026-01-03', 36, 22, [19, 25]),
    ];
    const { data, layout } = trendFigure(series(days), [], 'ms', 'Init', theme, true);
    expect(data.map((d) => d.name)).toEqual([
      'api · arm64 · 512 MB median 95% CI',
      'api · arm64 · 512 MB p90 95% CI',
      'api · arm64 · 512 MB',
      'api · arm64 · 512 MB p90',
    ]);
    const [, band, , p90] = data as [unknown, (typeof data)[number], unknown, (typeof data)[number]];
    expect(band.x).toEqual(['2026-01-01', '2026-01-03', '2026-01-03', '2026-01-01'].map(Date.parse));
    expect(band.y).toEqual([24, 25, 19, 18]);
    expect(band.fillcolor).toBe('rgba(17, 34, 51, 0.06)');
    expect(p90.y).toEqual([20, 30, 22]);
    expect((p90.line as { dash: string }).dash).toBe('dash');
    expect(p90.showlegend).toBe(false);
    expect(p90.legendgroup).toBe('k');
    expect(p90.meta).toEqual({ series: 0, p90: true });
    expect(p90.customdata).toEqual([
      [40, '18.0–24.0 ms'],
      [10, 'too few samples (36 needed)'],
      [36, '19.0–25.0 ms'],
    ]);
    expect((layout.yaxis as { title: { text: string } }).title.text).toBe(
      'Init (ms), median and p90 (dashed)',
    );
  });

  it('draws the p90 without a band when no day has 36 samples', () => {
    const { data } = trendFigure(series([day('2026-01-01', 10, 20, null)]), [], 'ms', 'Init', theme, true);
    expect(data.map((d) => d.name)).toEqual([
      'api · arm64 · 512 MB median 95% CI',
      'api · arm64 · 512 MB',
      'api · arm64 · 512 MB p90',
    ]);
  });
});
