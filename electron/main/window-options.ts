import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the preload bundle (dist-electron/preload.cjs). */
  preloadPath: string;
  /** Remembered or default bounds; x/y absent lets the OS place the window. */
  bounds: Partial<Pick<Rectangle, 'x' | 'y'>> & Pick<Rectangle, 'width' | 'height'>;
  dark: boolean;
  /** Window icon (Linux and Windows; macOS takes the bundle's). */
  iconPath?: string;
}

export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;

/** Matches the renderer's background so the window does not flash white before the first paint. */
export const backgroundColor = (dark: boolean): string => (dark ? '#1b1d22' : '#ffffff');

/**
 * The one window's options. The renderer gets no Node, no Electron, a sandboxed preload that only bridges the
 * named IPC functions, and the web's own isolation: everything else it needs it asks main for.
 */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Cold Start Lab',
    show: false,
    backgroundColor: backgroundColor(input.dark),
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click would otherwise try to open a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
