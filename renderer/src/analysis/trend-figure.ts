import type { PlotData, PlotLayout } from 'plotly.js-dist';
import { escapeMarkup as plotlyText } from './chart-labels';
import { minSamplesForQuantileCi } from '../../../shared/stats/quantile-ci';
import type { TrendChange, TrendDay, TrendSeries } from './trend-rows';

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
 * A day as Plotly's date axis holds it (milliseconds, UTC): given as text, Plotly parsed every point's date on
 * each redraw, most of a year of 50 lines' calc. Hover and click still read the day (Plotly writes it back).
 */
const dayMs = (d: TrendDay): number => Date.parse(d.day);
/**
 * A line of more days than this is drawn without a marker per day: a year of 50 lines was 18,000 SVG markers,
 * most of a redraw, and too dense to tell apart anyway. Hover and click still find each day on the line.
 */
export const MARKERS_UP_TO_DAYS = 62;

/** The color of the i-th line of the shown ones, in the figure and in the view's legend. */
export const lineColor = (theme: Pick<TrendTheme, 'palette'>, i: number): string =>
  theme.palette[i % theme.palette.length] as string;

/**
 * Above this many lines the 95% intervals are not drawn as bands: fifty translucent bands cover one another
 * (nothing reads through them) and were a third of a redraw. Each point's hover still gives its interval.
 */
export const BANDS_UP_TO_LINES = 10;

const ci = (c: [number, number] | null): string =>
  c === null ? 'too few samples' : `${c[0].toFixed(1)}–${c[1].toFixed(1)}`;

/** Below this many samples a day's p90 has no 95% interval (quantile-ci.ts): (0.9)ⁿ must be ≤ 2.5%. */
export const P90_CI_MIN_SAMPLES = minSamplesForQuantileCi(0.9);

/**
 * A line's interval as a band: high along the days that have one, low back, filled. Days without one are left
 * out rather than drawn with a band the data do not hold; null when no day has one.
 */
function band(
  s: TrendSeries,
  i: number,
  color: string,
  interval: (d: TrendDay) => [number, number] | null,
  what: string,
  alpha: number,
): PlotData | null {
  const banded = s.days.filter((d) => interval(d) !== null);
  if (banded.length === 0) return null;
  return {
    type: 'scatter',
    mode: 'lines',
    x: [...banded.map(dayMs), ...banded.map(dayMs).reverse()],
    y: [
      ...banded.map((d) => (interval(d) as [number, number])[1]),
      ...banded.map((d) => (interval(d) as [number, number])[0]).reverse(),
    ],
    fill: 'toself',
    fillcolor: translucent(color, alpha),
    line: { width: 0, color },
    hoverinfo: 'skip',
    showlegend: false,
    legendgroup: s.key,
    name: plotlyText(`${s.label} ${what} 95% CI`),
    meta: { band: i },
  };
}

/**
 * The trend as a Plotly figure of the series not `hidden` (by key; each keeps its color): per line its
 * median's 95% interval as a band drawn first (up to BANDS_UP_TO_LINES lines), then the medians as a line
 * with markers. With `showP90`, each line also gets its p90 as a dashed line (same color, hidden with
 * it) over its own band where a day has 36 samples or more; below that the p90 is drawn without
 * a band and its hover says there are too few samples. Each median and p90 trace carries its series index in
 * `meta`, so a click says which line and day. Configuration changes of the shown functions are dotted
 * vertical lines with the change as hover text.
 */
export function trendFigure(
  series: readonly TrendSeries[],
  changes: readonly TrendChange[],
  unit: string,
  metricLabel: string,
  theme: TrendTheme,
  showP90 = false,
  hidden: ReadonlySet<string> = new Set(),
): { data: PlotData[]; layout: PlotLayout } {
  const data: PlotData[] = [];
  const tooFewForP90 = `too few samples (${P90_CI_MIN_SAMPLES} needed)`;
  const drawn = series.filter((s) => !hidden.has(s.key));
  const bands = drawn.length <= BANDS_UP_TO_LINES;
  series.forEach((s, i) => {
    if (hidden.has(s.key)) return;
    const color = lineColor(theme, i);
    const markers = s.days.length <= MARKERS_UP_TO_DAYS;
    const x = s.days.map(dayMs);
    const medianBand = bands ? band(s, i, color, (d) => d.ci, 'median', 0.1) : null;
    if (medianBand) data.push(medianBand);
    // Fainter: where the two bands overlap, the median's stays the one that reads.
    const p90Band = bands && showP90 ? band(s, i, color, (d) => d.p90Ci, 'p90', 0.06) : null;
    if (p90Band) data.push(p90Band);
    data.push({
      type: 'scatter',
      mode: markers ? 'lines+markers' : 'lines',
      name: plotlyText(s.label),
      legendgroup: s.key,
      x,
      y: s.days.map((d) => d.median),
      line: { color, width: 2 },
      marker: { color, size: 6 },
      customdata: s.days.map((d) => [d.n, ci(d.ci)]),
      hovertemplate:
        `${plotlyText(s.label)}<br>%{x}: median %{y:.1f} ${unit}<br>95% CI %{customdata[1]} ${unit}` +
        `<br>n = %{customdata[0]}<extra></extra>`,
      meta: { series: i },
    });
    if (showP90)
      data.push({
        type: 'scatter',
        // As the median's line: a year of 10 lines' p90 markers were 3,650 SVG elements, most of the redraw.
        mode: markers ? 'lines+markers' : 'lines',
        name: plotlyText(`${s.label} p90`),
        legendgroup: s.key,
        showlegend: false,
        x,
        y: s.days.map((d) => d.p90),
        line: { color, width: 1.5, dash: 'dash' },
        marker: { color, size: 5, symbol: 'diamond-open' },
        customdata: s.days.map((d) => [d.n, d.p90Ci ? `${ci(d.p90Ci)} ${unit}` : tooFewForP90]),
        hovertemplate:
          `${plotlyText(s.label)}<br>%{x}: p90 %{y:.1f} ${unit}<br>95% CI %{customdata[1]}` +
          `<br>n = %{customdata[0]}<extra></extra>`,
        meta: { series: i, p90: true },
      });
  });
  const shownNames = new Set(drawn.map((s) => s.name));
  const days = [...new Set(drawn.flatMap((s) => s.days.map((d) => d.day)))].sort();
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
      title: { text: `${metricLabel} (${unit}), ${showP90 ? 'median and p90 (dashed)' : 'median'}` },
      rangemode: 'tozero',
      gridcolor: theme.grid,
    },
    // The legend is the view's own list (TrendView): Plotly's measured and laid out 50 entries on every redraw.
    showlegend: false,
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
