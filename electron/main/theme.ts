import type { NativeTheme } from 'electron';
import type { ThemePreference } from '../../shared/ipc/contract';

export interface ThemeController {
  preference(): ThemePreference;
  dark(): boolean;
  /** Applies and remembers the preference; resolves to whether the app is now dark. */
  set(preference: ThemePreference): Promise<boolean>;
  /** Light ↔ dark (leaving "follow the system"), for the View menu. */
  toggle(): Promise<boolean>;
}

type ThemeSource = Pick<NativeTheme, 'themeSource' | 'shouldUseDarkColors' | 'on'>;

/**
 * Dark and light follow the OS (`system`) unless the user picks one; Chromium applies it to
 * `prefers-color-scheme` in the renderer, and `onChange` tells the renderer too (themeChanged).
 */
export function createThemeController(
  nativeTheme: ThemeSource,
  initial: ThemePreference,
  persist: (preference: ThemePreference) => Promise<void>,
  onChange: (dark: boolean) => void,
): ThemeController {
  let current = initial;
  nativeTheme.themeSource = initial;
  nativeTheme.on('updated', () => onChange(nativeTheme.shouldUseDarkColors));
  const set = async (preference: ThemePreference): Promise<boolean> => {
    current = preference;
    nativeTheme.themeSource = preference;
    await persist(preference);
    return nativeTheme.shouldUseDarkColors;
  };
  return {
    preference: () => current,
    dark: () => nativeTheme.shouldUseDarkColors,
    set,
    toggle: () => set(nativeTheme.shouldUseDarkColors ? 'light' : 'dark'),
  };
}
