import type { ColorBy } from '../state/workspace';
import { UNKNOWN } from './selection';

/**
 * Colorblind-safe (Okabe–Ito, then Paul Tol's muted scheme for the sizes beyond seven), readable on light and
 * dark backgrounds. A value's color comes from the value itself (see colorOf), never from its position among
 * the values shown, so x86_64 or 1024 MB keep their color in every view, in exports and during a live run.
 */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#882255',
  '#44AA99',
  '#332288',
  '#AA4499',
  '#117733',
];
/** The same colors in the same order, with the dark blues swapped for lighter ones on dark backgrounds. */
export const PALETTE_DARK = [
  '#56B4E9',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#0072B2',
  '#D55E00',
  '#F0E442',
  '#C2577F',
  '#44AA99',
  '#8877DD',
  '#AA4499',
  '#33AA55',
];
/** An unknown arch or memory size: grey in both themes. */
export const UNKNOWN_COLOR = '#999999';

/** The documented color order of architectures: x86_64 first (blue), arm64 second (orange). */
export const ARCH_ORDER = ['x86_64', 'arm64'] as const;
/**
 * The documented color order of memory sizes: Lambda's common sizes, smallest first. A size not listed takes
 * the color its value picks from the palette (the same every time, though it may share one with a listed size).
 */
export const MEMORY_ORDER = [128, 256, 512, 1024, 1536, 2048, 3008, 4096, 5120, 6144, 8192, 10240] as const;

/**
 * Where a value of the color dimension sits in the palette; null for an unknown value (grey). A dataset's
 * value is its place among the open datasets (not the shown ones): hiding one, filtering or a live run's
 * new samples never change another's color, and two open datasets never share one (up to twelve).
 */
export function paletteIndex(colorBy: ColorBy, value: string | number | null): number | null {
  if (value === null || value === UNKNOWN) return null;
  if (colorBy === 'dataset') return Number(value) % PALETTE.length;
  if (colorBy === 'arch') {
    const i = (ARCH_ORDER as readonly string[]).indexOf(String(value));
    return i >= 0 ? i : ARCH_ORDER.length + (hash(String(value)) % (PALETTE.length - ARCH_ORDER.length));
  }
  const memoryMB = Number(value);
  const i = (MEMORY_ORDER as readonly number[]).indexOf(memoryMB);
  return i >= 0 ? i : Math.abs(Math.round(memoryMB)) % PALETTE.length;
}

/** The color of an arch (`x86_64`), a memory size (`1024`) or a dataset (its index) in the given palette. */
export function colorOf(
  colorBy: ColorBy,
  value: string | number | null,
  palette: readonly string[] = PALETTE,
): string {
  const i = paletteIndex(colorBy, value);
  return i === null ? UNKNOWN_COLOR : palette[i % palette.length]!;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}
