import type { PlotData, PlotLayout } from 'plotly.js-dist';
import { escapeMarkup as plotlyText } from './chart-labels';
import type { TrendChange, TrendSeries } from './trend-rows';

export interface TrendTheme {
  text: string;
  grid: string;
  background: string;
  palette: readonly string[];
}

/** `#rrggbb` at an opacity, for a band that shows its line through it. */
function translucent(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return color;
  return `rgba(${parseInt(m[1] as string, 16)}, ${parseInt(m[2] as string, 16)}, ${parseInt(m[3] as string, 16)}, ${alpha})`;
}

const DAY_MS = 86_400_000;
/**
 * A line of more days than this is drawn without a marker per day: a year of 50 lines was 18,000 SVG markers,
 * most of a redraw, and too dense to tell apart anyway. Hover and click still find each day on the line.
 */
export const MARKERS_UP_TO_DAYS = 62;

const ci = (c: [number, number] | null): string =>
  c === null ? 'too few samples' : `${c[0].toFixed(1)}–${c[1].toFixed(1)}`;

/**
 * The trend as a Plotly figure: per line its 95% interval as a band (high along the days, low back, filled)
 * drawn first, then the medians as a line with markers. Days without an interval (fewer than 6 samples)
 * leave the band out there rather than drawing one the data do not hold. Each median trace carries its
 * series index in `meta`, so a click says which line and day. Configuration changes of the shown functions
 * are dotted vertical lines with the change as hover text.
 */
export function trendFigure(
  series: readonly TrendSeries[],
  changes: readonly TrendChange[],
  unit: string,
  metricLabel: string,
  theme: TrendTheme,
): { data: PlotData[]; layout: PlotLayout } {
  const data: PlotData[] = [];
  series.forEach((s, i) => {
    const color = theme.palette[i % theme.palette.length] as string;
    const banded = s.days.filter((d) => d.ci !== null);
    if (banded.length > 0)
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: [...banded.map((d) => d.day), ...banded.map((d) => d.day).reverse()],
        y: [
          ...banded.map((d) => (d.ci as [number, number])[1]),
          ...banded.map((d) => (d.ci as [number, number])[0]).reverse(),
        ],
        fill: 'toself',
        fillcolor: translucent(color, 0.1),
        line: { width: 0, color },
        hoverinfo: 'skip',
        showlegend: false,
        legendgroup: s.key,
        name: plotlyText(`${s.label} 95% CI`),
        meta: { band: i },
      });
    data.push({
      type: 'scatter',
      mode: s.days.length > MARKERS_UP_TO_DAYS ? 'lines' : 'lines+markers',
      name: plotlyText(s.label),
      legendgroup: s.key,
      x: s.days.map((d) => d.day),
      y: s.days.map((d) => d.median),
      line: { color, width: 2 },
      marker: { color, size: 6 },
      customdata: s.days.map((d) => [d.n, ci(d.ci)]),
      hovertemplate:
        `${plotlyText(s.label)}<br>%{x}: median %{y:.1f} ${unit}<br>95% CI %{customdata[1]} ${unit}` +
        `<br>n = %{customdata[0]}<extra></extra>`,
      meta: { series: i },
    });
  });
  const shownNames = new Set(series.map((s) => s.name));
  const days = [...new Set(series.flatMap((s) => s.days.map((d) => d.day)))].sort();
  const first = Date.parse(days[0] ?? '');
  const span = (Date.parse(days[days.length - 1] ?? '') - first) / DAY_MS;
  const marked = changes.filter((c) => shownNames.has(c.name));
  const layout: PlotLayout = {
    paper_bgcolor: theme.background,
    plot_bgcolor: theme.background,
    font: { color: theme.text, size: 12 },
    margin: { l: 64, r: 16, t: 24, b: 48 },
    hovermode: 'closest',
    // Days are the unit: Plotly would label a short range by the hour.
    xaxis: {
      type: 'date',
      title: { text: 'Day (UTC)' },
      gridcolor: theme.grid,
      tickformat: '%b %-d, %Y',
      ...(span < 14 ? { dtick: DAY_MS } : {}),
      ...(span === 0 ? { range: [first - DAY_MS, first + DAY_MS] } : {}),
    },
    yaxis: {
      title: { text: `${metricLabel} (${unit}), median` },
      rangemode: 'tozero',
      gridcolor: theme.grid,
    },
    legend: { orientation: 'h', y: -0.2 },
    showlegend: true,
    shapes: marked.map((c) => ({
      type: 'line',
      xref: 'x',
      yref: 'paper',
      x0: c.day,
      x1: c.day,
      y0: 0,
      y1: 1,
      line: { color: theme.text, width: 1, dash: 'dot' },
    })),
    annotations: marked.map((c) => ({
      x: c.day,
      xref: 'x',
      y: 1,
      yref: 'paper',
      yanchor: 'bottom',
      text: 'config changed',
      hovertext: plotlyText(c.text),
      showarrow: false,
      font: { size: 10, color: theme.text },
    })),
  };
  return { data, layout };
}
