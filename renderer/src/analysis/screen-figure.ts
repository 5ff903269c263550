import type { PlotData } from 'plotly.js-dist';
import type { Figure } from './chart-figure';

/** Markers of one trace, to be drawn on a canvas over its panel. */
export interface PointCloud {
  /** Plotly's axis ids of the panel: x, x2, … and y, y2, … */
  xaxis: string;
  yaxis: string;
  x: readonly number[];
  y: readonly number[];
  color: string;
  /** Diameter in CSS pixels, as Plotly's marker.size. */
  size: number;
  opacity: number;
  /** Text to write at each position instead of a dot (a box's n), and on which side of it. */
  text?: readonly string[];
  anchor?: 'right' | 'below';
}

/** One panel's undrawn hover targets: its points' and its boxes', gathered into one trace. */
interface Targets {
  xaxis: string;
  yaxis: string;
  x: number[];
  y: number[];
  text: string[];
  color: string[];
}

type TraceMeta = { points?: string; labels?: 'right' | 'below'; hover?: string } | undefined;

/**
 * The figure as the screen draws it: the jittered points and outliers are painted on a canvas (returned as
 * clouds), as are the boxes' n. Plotly makes, styles (twice) and lays out one SVG element per marker, about
 * 70 µs each with the browser's share, which was most of a redraw; a canvas draws them in a few milliseconds.
 * What Plotly still needs of them, the hover targets of the points and of the boxes, becomes one undrawn
 * trace per panel: Plotly's work per redraw grows with the traces (defaults, calc, plot of each), and a panel
 * had one of points per color, one of targets along the boxes and one of the n. Exported images use the
 * figure itself, markers and all.
 */
export function screenFigure(figure: Pick<Figure, 'data'>): { data: PlotData[]; clouds: PointCloud[] } {
  const clouds: PointCloud[] = [];
  const data: PlotData[] = [];
  const targets = new Map<string, Targets>();
  const targetsOf = (trace: PlotData): Targets => {
    const xaxis = trace.xaxis as string;
    const yaxis = trace.yaxis as string;
    const key = `${xaxis} ${yaxis}`;
    let t = targets.get(key);
    if (!t) targets.set(key, (t = { xaxis, yaxis, x: [], y: [], text: [], color: [] }));
    return t;
  };
  const gather = (trace: PlotData, colorOf: (i: number) => string) => {
    const t = targetsOf(trace);
    const [x, y, text] = [trace.x as number[], trace.y as number[], trace.hovertext as string[]];
    for (let i = 0; i < x.length; i++) {
      t.x.push(x[i]!);
      t.y.push(y[i]!);
      t.text.push(text[i]!);
      t.color.push(colorOf(i));
    }
  };
  for (const trace of figure.data) {
    const meta = trace.meta as TraceMeta;
    if (meta?.labels) {
      // The boxes' n: one SVG text each in Plotly, a few fillText calls on the canvas.
      const font = trace.textfont as { color: string; size: number };
      clouds.push({
        xaxis: trace.xaxis as string,
        yaxis: trace.yaxis as string,
        x: trace.x as number[],
        y: trace.y as number[],
        color: font.color,
        size: font.size,
        opacity: 1,
        text: trace.text as string[],
        anchor: meta.labels,
      });
    } else if (meta?.points) {
      const marker = trace.marker as { color: string; size: number; opacity: number };
      clouds.push({
        xaxis: trace.xaxis as string,
        yaxis: trace.yaxis as string,
        x: trace.x as number[],
        y: trace.y as number[],
        color: marker.color,
        size: marker.size,
        opacity: marker.opacity,
      });
      gather(trace, () => marker.color);
    } else if (meta?.hover) {
      const colors = (trace.hoverlabel as { bgcolor: string[] }).bgcolor;
      gather(trace, (i) => colors[i]!);
    } else data.push(trace);
  }
  for (const t of targets.values())
    data.push({
      type: 'scatter',
      mode: 'none',
      hoveron: 'points',
      showlegend: false,
      xaxis: t.xaxis,
      yaxis: t.yaxis,
      x: t.x,
      y: t.y,
      hovertext: t.text,
      hoverinfo: 'text',
      hoverlabel: { bgcolor: t.color },
      meta: { targets: true },
    });
  return { data, clouds };
}
