import type { PlotLayout } from 'plotly.js-dist';
import type { ChartSettings } from '../state/workspace';
import type { Box } from './boxes';
import { PALETTE, PALETTE_DARK } from './chart-colors';
import { buildFigure, type ChartTheme, type Figure } from './chart-figure';
import { escapeMarkup } from './chart-labels';
import { estimateText, type ChartSize, type MeasureText } from './chart-layout';

export type ImageBackground = 'light' | 'dark';

/** What the export dialog asks for. */
export interface ChartExportOptions {
  format: 'png' | 'svg';
  width: number;
  height: number;
  /** PNG pixels per CSS pixel. */
  scale: number;
  fileName: string;
  background: ImageBackground;
  /** Save the statistics of the boxes shown as CSV too. */
  statsCsv: boolean;
}

/** The statistics CSV beside an image: `chart.png` → `chart.csv`. */
export function statsCsvName(imageName: string): string {
  return `${imageName.replace(/\.(png|svg)$/i, '')}.csv`;
}

/**
 * The image's colors, whatever the app's theme: a dark-theme user may want a light image for a blog post.
 * The same colors as the app's light and dark themes (styles.css).
 */
export const EXPORT_THEMES: Record<ImageBackground, ChartTheme> = {
  light: { background: '#ffffff', text: '#1d2433', muted: '#5b6475', grid: '#e3e6ec', palette: PALETTE },
  dark: { background: '#1b1f27', text: '#e6e9ef', muted: '#9aa3b3', grid: '#313845', palette: PALETTE_DARK },
};

const CAPTION_FONT_PX = 12;
const CAPTION_LINE_PX = 17;
/** Air between the value axis's title and the caption, and below the caption. */
const CAPTION_GAP_PX = 14;
const CAPTION_PAD_PX = 12;
/** The caption's left and right edge, in pixels from the image's sides. */
const CAPTION_SIDE_PX = 12;

/** A text broken at spaces into lines no wider than `width` (a word longer than that keeps its own line). */
export function wrapText(text: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface ExportFigure extends Figure {
  /** The image's height: the chart's and the caption's. */
  height: number;
}

/**
 * The figure of an exported image: the chart laid out for the image's size in the chosen colors, with the
 * caption under it (one annotation per line, in paper coordinates below the plot area, in a bottom margin
 * grown by the caption's height).
 */
export function exportFigure(
  boxes: readonly Box[],
  settings: ChartSettings,
  background: ImageBackground,
  caption: readonly string[],
  size: ChartSize,
  measure: MeasureText = estimateText,
): ExportFigure {
  const theme = EXPORT_THEMES[background];
  const width = size.width;
  const lines = caption.flatMap((c) => wrapText(c, width - 2 * CAPTION_SIDE_PX, measure));
  const captionPx = lines.length ? CAPTION_GAP_PX + lines.length * CAPTION_LINE_PX + CAPTION_PAD_PX : 0;
  // The caption takes its room from the chart: the image keeps the size asked for (unless the chart needs
  // more, as a horizontal chart of many functions does).
  const figure = buildFigure(boxes, settings, theme, { width, height: size.height - captionPx }, measure);
  const chartHeight = Math.max(size.height - captionPx, figure.plan.height);
  if (lines.length === 0)
    return { ...figure, layout: { ...figure.layout, width, height: chartHeight }, height: chartHeight };

  const height = chartHeight + captionPx;
  const layout: PlotLayout = { ...figure.layout, width, height };
  const margin = layout.margin as { l: number; r: number; t: number; b: number };
  const bottom = margin.b;
  const planned = figure.layout.height as number;
  const plotW = Math.max(width - margin.l - margin.r, 1);
  // The plot area keeps the height it has without the caption (the image may be taller than planned).
  const plotH = Math.max(chartHeight - margin.t - bottom, 1);
  layout.margin = { ...margin, b: bottom + captionPx };
  // Title and legend hang a fixed number of pixels from the top: keep those pixels.
  const title = figure.layout.title as { y?: number } | undefined;
  if (title?.y !== undefined) layout.title = { ...title, y: 1 - ((1 - title.y) * planned) / height };
  const legend = figure.layout.legend as { y?: number } | undefined;
  const plannedPlotH = Math.max(planned - margin.t - bottom, 1);
  if (legend?.y !== undefined) layout.legend = { ...legend, y: 1 + ((legend.y - 1) * plannedPlotH) / plotH };
  // Under the lowest panel's axis: a horizontal chart keeps its rows on top of a taller plot area.
  const contentBottom = Math.min(1, ...figure.plan.panels.map((p) => p.yDomain[0]));
  const annotations = [...((figure.layout.annotations as Record<string, unknown>[] | undefined) ?? [])];
  lines.forEach((text, i) => {
    const last = i === lines.length - 1;
    annotations.push({
      text: escapeMarkup(text),
      xref: 'paper',
      yref: 'paper',
      x: -(margin.l - CAPTION_SIDE_PX) / plotW,
      xanchor: 'left',
      y: contentBottom - (bottom + CAPTION_GAP_PX + i * CAPTION_LINE_PX) / plotH,
      yanchor: 'top',
      align: 'left',
      showarrow: false,
      font: { color: i === 0 ? theme.text : theme.muted, size: last ? CAPTION_FONT_PX - 1 : CAPTION_FONT_PX },
      // Found by the tests and by anyone reading the SVG.
      name: 'caption',
    });
  });
  layout.annotations = annotations;
  return { ...figure, layout, height };
}

/**
 * The export's layout with the screen's zoom of the value axis kept (every panel shares it). The image may
 * be laid out the other way round (horizontal boxes in a narrow image): the range goes from the screen's
 * value axis to the image's, never from a function axis (which would draw no box at all).
 */
export function withScreenZoom(
  layout: PlotLayout,
  imageHorizontal: boolean,
  screen: { horizontal: boolean; layout: PlotLayout },
): PlotLayout {
  const range = (screen.layout[screen.horizontal ? 'xaxis' : 'yaxis'] as { range?: unknown } | undefined)
    ?.range;
  if (!Array.isArray(range) || range.length !== 2) return layout;
  const valueAxis = imageHorizontal ? /^xaxis\d*$/ : /^yaxis\d*$/;
  const out: PlotLayout = { ...layout };
  for (const key of Object.keys(out))
    if (valueAxis.test(key)) out[key] = { ...(out[key] as object), range: [...(range as number[])] };
  return out;
}
