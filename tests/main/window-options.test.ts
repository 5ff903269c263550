import { describe, expect, it } from 'vitest';
import { MIN_WINDOW_SIZE, backgroundColor, windowOptions } from '../../electron/main/window-options';

describe('windowOptions', () => {
  const options = windowOptions({
    preloadPath: '/app/dist-electron/preload.cjs',
    bounds: { x: 10, y: 20, width: 1000, height: 700 },
    dark: true,
  });

  it('isolates and sandboxes the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it('uses the preload as one CommonJS bundle', () => {
    expect(options.webPreferences?.preload).toMatch(/\.cjs$/);
  });

  it('opens hidden at the given bounds with a minimum size and the theme background', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height);
    expect(options.backgroundColor).toBe(backgroundColor(true));
    expect(backgroundColor(false)).not.toBe(backgroundColor(true));
  });

  it('sets an icon only when given one', () => {
    expect(options).not.toHaveProperty('icon');
    const withIcon = windowOptions({
      preloadPath: '/p.cjs',
      bounds: { width: 900, height: 600 },
      dark: false,
      iconPath: '/icon.png',
    });
    expect(withIcon.icon).toBe('/icon.png');
    expect(withIcon).not.toHaveProperty('x');
  });
});
