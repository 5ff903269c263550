import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_WINDOW_SIZE } from '../../electron/main/window-options';
import {
  loadWindowState,
  restoreBounds,
  saveWindowState,
  windowStateFile,
} from '../../electron/main/window-state';
import { allowEndpoint, loadSettings, saveThemePreference, settingsFile } from '../../electron/main/settings';
import { createThemeController } from '../../electron/main/theme';

const screenArea = { x: 0, y: 0, width: 1920, height: 1080 };
const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: false };

describe('window state', () => {
  it('round-trips through window-state.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldstart-ws-'));
    expect(await loadWindowState(dir)).toBeNull();
    await saveWindowState(dir, saved);
    expect(await loadWindowState(dir)).toEqual(saved);
  });

  it('ignores a corrupt or out-of-range file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldstart-ws-'));
    writeFileSync(windowStateFile(dir), '{"x": 1, ');
    expect(await loadWindowState(dir)).toBeNull();
    writeFileSync(windowStateFile(dir), JSON.stringify({ ...saved, width: 10 }));
    expect(await loadWindowState(dir)).toBeNull();
    writeFileSync(windowStateFile(dir), JSON.stringify({ ...saved, x: '100' }));
    expect(await loadWindowState(dir)).toBeNull();
  });

  it('opens where it was while that is on a screen', () => {
    expect(restoreBounds(saved, [screenArea])).toEqual({ x: 100, y: 80, width: 1200, height: 800 });
  });

  it('lets the OS place it when its screen is gone, keeping a size that fits', () => {
    const onLostScreen = { ...saved, x: 3000, width: 2500, height: 1400 };
    expect(restoreBounds(onLostScreen, [screenArea])).toEqual({ width: 1920, height: 1080 });
  });

  it('uses the default size the first time', () => {
    expect(restoreBounds(null, [screenArea])).toEqual(DEFAULT_WINDOW_SIZE);
  });
});

describe('settings and theme', () => {
  it('defaults to following the system and remembers a choice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldstart-settings-'));
    expect(await loadSettings(dir)).toEqual({ themePreference: 'system', allowedEndpoints: [] });
    await saveThemePreference(dir, 'dark');
    expect(JSON.parse(readFileSync(settingsFile(dir), 'utf8'))).toEqual({
      themePreference: 'dark',
      allowedEndpoints: [],
    });
    expect(await loadSettings(dir)).toEqual({ themePreference: 'dark', allowedEndpoints: [] });
    writeFileSync(settingsFile(dir), JSON.stringify({ themePreference: 'purple' }));
    expect(await loadSettings(dir)).toEqual({ themePreference: 'system', allowedEndpoints: [] });
  });

  it('remembers allowed endpoints (an older settings file has none) next to the theme', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldstart-settings-'));
    writeFileSync(settingsFile(dir), JSON.stringify({ themePreference: 'dark' }));
    await allowEndpoint(dir, 'https://lambda.example.com');
    await allowEndpoint(dir, 'https://lambda.example.com');
    await saveThemePreference(dir, 'light');
    expect(await loadSettings(dir)).toEqual({
      themePreference: 'light',
      allowedEndpoints: ['https://lambda.example.com'],
    });
  });

  it('applies the preference to nativeTheme, persists it and reports OS changes', async () => {
    const nativeTheme = Object.assign(new EventEmitter(), {
      themeSource: 'system',
      shouldUseDarkColors: false,
    });
    const persist = vi.fn(async () => undefined);
    const onChange = vi.fn();
    const theme = createThemeController(nativeTheme as never, 'light', persist, onChange);
    expect(nativeTheme.themeSource).toBe('light');
    nativeTheme.shouldUseDarkColors = true;
    expect(await theme.set('dark')).toBe(true);
    expect(nativeTheme.themeSource).toBe('dark');
    expect(persist).toHaveBeenCalledWith('dark');
    expect(theme.preference()).toBe('dark');
    await theme.toggle();
    expect(nativeTheme.themeSource).toBe('light');
    nativeTheme.emit('updated');
    expect(onChange).toHaveBeenCalledWith(true);
  });
});
