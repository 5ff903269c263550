import type { PointCloud } from './screen-figure';

/** The parts of Plotly's graph div the canvas reads: not in Plotly's public API, but what its own GL traces use. */
interface PlotlyAxis {
  _offset: number;
  _length: number;
  c2p(value: number): number;
}
interface FullLayout {
  width: number;
  height: number;
  _glcontainer?: { node(): HTMLElement | null };
  [axis: string]: unknown;
}
export type GraphDiv = HTMLElement & { _fullLayout?: FullLayout };

/**
 * Draws the clouds on a canvas in Plotly's layer for canvases (between the plot's SVG and the one holding
 * legend, annotations and hover labels), in each panel's current axis scales, clipped to the panel (plus
 * a dot's radius, as SVG markers at the edge show whole). Call it after every Plotly draw and relayout.
 * A chart drawn in part (see chart-window.ts) passes the band of its pixels that is drawn: the canvas covers
 * only that, not the whole 4,000-pixel-tall chart, whose canvas took longer to clear than the dots to paint.
 */
export function paintPointClouds(
  gd: GraphDiv,
  canvas: HTMLCanvasElement,
  clouds: readonly PointCloud[],
  band: { top: number; bottom: number } | null = null,
): void {
  const full = gd._fullLayout;
  const container = full?._glcontainer?.node();
  if (!full || !container) return;
  if (canvas.parentNode !== container) container.appendChild(canvas);
  const ratio = window.devicePixelRatio || 1;
  const { width } = full;
  const top = band ? Math.max(0, Math.floor(band.top)) : 0;
  const height = band ? Math.max(1, Math.min(full.height, Math.ceil(band.bottom)) - top) : full.height;
  Object.assign(canvas.style, {
    position: 'absolute',
    top: `${top}px`,
    left: '0',
    width: `${width}px`,
    height: `${height}px`,
    pointerEvents: 'none',
  });
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, -top * ratio);
  ctx.clearRect(0, top, width, height);
  for (const cloud of clouds) {
    const xa = full[`xaxis${cloud.xaxis.slice(1)}`] as PlotlyAxis | undefined;
    const ya = full[`yaxis${cloud.yaxis.slice(1)}`] as PlotlyAxis | undefined;
    if (!xa || !ya) continue;
    const r = cloud.size / 2;
    ctx.save();
    ctx.beginPath();
    // Text may reach past the panel's edge by a label's width (into the gap between panels).
    const [extraX, extraY] = cloud.text ? (cloud.anchor === 'right' ? [36, 0] : [0, 14]) : [0, 0];
    ctx.rect(xa._offset - r, ya._offset - r, xa._length + 2 * r + extraX, ya._length + 2 * r + extraY);
    ctx.clip();
    ctx.fillStyle = cloud.color;
    ctx.globalAlpha = cloud.opacity;
    if (cloud.text) {
      writeLabels(ctx, cloud, xa, ya);
      ctx.restore();
      continue;
    }
    for (let i = 0; i < cloud.x.length; i++) {
      const px = xa._offset + xa.c2p(cloud.x[i]!);
      const py = ya._offset + ya.c2p(cloud.y[i]!);
      if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
      // One fill per dot, so overlapping dots darken each other as SVG markers do.
      ctx.beginPath();
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
  }
}

/** A cloud's text beside its positions: right of a horizontal box's end, under a vertical box's low end. */
function writeLabels(ctx: CanvasRenderingContext2D, cloud: PointCloud, xa: PlotlyAxis, ya: PlotlyAxis): void {
  const text = cloud.text ?? [];
  ctx.font = `${cloud.size}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  const right = cloud.anchor === 'right';
  ctx.textAlign = right ? 'left' : 'center';
  ctx.textBaseline = right ? 'middle' : 'top';
  for (let i = 0; i < text.length; i++) {
    const px = xa._offset + xa.c2p(cloud.x[i]!);
    const py = ya._offset + ya.c2p(cloud.y[i]!);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    ctx.fillText(text[i]!, right ? px + 4 : px, right ? py : py + 3);
  }
}
