import type { PlotData, PlotLayout } from 'plotly.js-dist';
import type { SweepSeries } from '../../../shared/stats/memory-sweep';
import { escapeMarkup } from './chart-labels';

export type SweepMetric = 'init' | 'duration' | 'total';

export const SWEEP_METRIC_LABELS: Record<SweepMetric, string> = {
  init: 'Init duration (ms)',
  duration: 'Duration (ms)',
  total: 'Init + duration (ms)',
};

export interface SweepTheme {
  text: string;
  grid: string;
  background: string;
  palette: readonly string[];
}

export const seriesLabel = (s: Pick<SweepSeries, 'name' | 'arch'>): string =>
  s.arch ? `${s.name} (${s.arch})` : s.name;

/**
 * The sweep as a Plotly figure: memory sizes on the x axis as categories (only the sizes measured: nothing
 * is drawn between them, no line suggests values that were never measured), per function a marker at each
 * median with its 95% interval as an error bar, offset a little per function so the bars do not cover
 * each other.
 */
export function sweepFigure(
  series: readonly SweepSeries[],
  metric: SweepMetric,
  theme: SweepTheme,
): { data: PlotData[]; layout: PlotLayout } {
  const sizes = [...new Set(series.flatMap((s) => s.points.map((p) => p.memoryMB)))].sort((a, b) => a - b);
  const data: PlotData[] = series.map((s, i) => {
    const est = s.points.map((p) => p[metric]);
    return {
      type: 'scatter',
      mode: 'markers',
      name: escapeMarkup(seriesLabel(s)),
      x: s.points.map((p) => `${p.memoryMB} MB`),
      y: est.map((e) => e.median),
      marker: { size: 9, color: theme.palette[i % theme.palette.length] },
      error_y: {
        type: 'data',
        symmetric: false,
        array: est.map((e) => (e.ci ? e.ci[1] - e.median : 0)),
        arrayminus: est.map((e) => (e.ci ? e.median - e.ci[0] : 0)),
        thickness: 1.5,
        width: 5,
      },
      customdata: s.points.map((p, k) => [
        p.n,
        est[k]!.ci ? `${est[k]!.ci![0].toFixed(1)}–${est[k]!.ci![1].toFixed(1)} ms` : 'too few samples',
      ]),
      hovertemplate:
        `${escapeMarkup(seriesLabel(s))}<br>%{x}: median %{y:.1f} ms<br>95% interval %{customdata[1]}` +
        `<br>n = %{customdata[0]}<extra></extra>`,
      offsetgroup: String(i),
    };
  });
  const layout: PlotLayout = {
    paper_bgcolor: theme.background,
    plot_bgcolor: theme.background,
    font: { color: theme.text, size: 12 },
    margin: { l: 64, r: 16, t: 16, b: 48 },
    scattermode: 'group',
    xaxis: {
      type: 'category',
      categoryorder: 'array',
      categoryarray: sizes.map((m) => `${m} MB`),
      title: { text: 'Memory size' },
      gridcolor: theme.grid,
    },
    yaxis: { title: { text: SWEEP_METRIC_LABELS[metric] }, rangemode: 'tozero', gridcolor: theme.grid },
    legend: { orientation: 'h', y: -0.2 },
    showlegend: true,
  };
  return { data, layout };
}
