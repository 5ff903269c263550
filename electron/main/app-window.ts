import { BrowserWindow, screen } from 'electron';
import { existsSync } from 'node:fs';
import { appPaths } from './app-paths';
import { log } from './logging';
import { windowOptions } from './window-options';
import { loadWindowState, restoreBounds, saveWindowState } from './window-state';

/**
 * The one window, opened where it was last closed; its bounds are saved when it closes.
 * `url` is app://coldstart/index.html, or the Vite dev server in development.
 */
export async function createMainWindow(
  userDataDir: string,
  url: string,
  dark: boolean,
): Promise<BrowserWindow> {
  const saved = await loadWindowState(userDataDir);
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow(
    windowOptions({
      preloadPath: appPaths.preload,
      bounds,
      dark,
      ...(existsSync(appPaths.icon) ? { iconPath: appPaths.icon } : {}),
    }),
  );
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    saveWindowState(userDataDir, { x, y, width, height, maximized: window.isMaximized() }).catch((error) =>
      log.warn('could not save the window state', error),
    );
  });
  await window.loadURL(url);
  return window;
}
