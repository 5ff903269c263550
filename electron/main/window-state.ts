import { join } from 'node:path';
import { z } from 'zod';
import type { Rectangle } from 'electron';
import { readJsonFile, writeJsonFile } from './json-file';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from './window-options';

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = (min: number) => z.number().int().min(min).max(100_000);

export const WindowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: size(MIN_WINDOW_SIZE.width),
  height: size(MIN_WINDOW_SIZE.height),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export type RestoredBounds = Partial<Pick<Rectangle, 'x' | 'y'>> & Pick<Rectangle, 'width' | 'height'>;

export const windowStateFile = (userDataDir: string): string => join(userDataDir, 'window-state.json');

export const loadWindowState = (userDataDir: string): Promise<WindowState | null> =>
  readJsonFile(windowStateFile(userDataDir), WindowStateSchema);

export const saveWindowState = (userDataDir: string, state: WindowState): Promise<void> =>
  writeJsonFile(windowStateFile(userDataDir), WindowStateSchema.parse(state));

const overlap = (a: Rectangle, b: Rectangle): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * The bounds to open with: the remembered ones while a good part of the window (its title bar included) is on
 * a screen that exists now; otherwise the remembered size, clamped to the largest screen, placed by the OS.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rectangle[]): RestoredBounds {
  if (!saved) return { ...DEFAULT_WINDOW_SIZE };
  const titleBar: Rectangle = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
  const visible = workAreas.some(
    (area) => overlap(area, saved) >= 0.5 * saved.width * saved.height || overlap(area, titleBar) >= 100 * 40,
  );
  if (visible) return { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  const widest = workAreas.reduce((w, a) => Math.max(w, a.width), 0) || saved.width;
  const tallest = workAreas.reduce((h, a) => Math.max(h, a.height), 0) || saved.height;
  return {
    width: Math.max(MIN_WINDOW_SIZE.width, Math.min(saved.width, widest)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.min(saved.height, tallest)),
  };
}
