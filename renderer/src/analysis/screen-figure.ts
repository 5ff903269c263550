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

/**
 * The figure as the screen draws it: the jittered points and outliers become undrawn hover targets in
 * Plotly and are returned as clouds for a canvas. Plotly makes, styles (twice) and lays out one SVG element
 * per marker, about 70 µs each with the browser's share, which was most of a redraw; a canvas draws them in
 * a few milliseconds. Exported images use the figure itself, markers and all.
 */
export function screenFigure(figure: Pick<Figure, 'data'>): { data: PlotData[]; clouds: PointCloud[] } {
  const clouds: PointCloud[] = [];
  const data = figure.data.map((trace) => {
    const meta = trace.meta as { points?: string; labels?: 'right' | 'below' } | undefined;
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
      const { text: _text, textfont: _font, textposition: _position, ...rest } = trace;
      return { ...rest, mode: 'none' };
    }
    if (!meta?.points) return trace;
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
    const { marker: _drawn, ...rest } = trace;
    return { ...rest, mode: 'none', hoveron: 'points', hoverlabel: { bgcolor: marker.color } };
  });
  return { data, clouds };
}
