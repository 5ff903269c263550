import { reactive } from 'vue';
import { api } from '../api';

export const theme = reactive<{ dark: boolean }>({ dark: false });

export function applyTheme(dark: boolean): void {
  theme.dark = dark;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Asks main for the stored preference; without the shell, follows the system. */
export async function initTheme(): Promise<() => void> {
  const info = await api.getAppInfo().catch(() => null);
  applyTheme(info ? info.dark : window.matchMedia?.('(prefers-color-scheme: dark)').matches === true);
  return api.onThemeChanged(applyTheme);
}

export async function toggleTheme(): Promise<void> {
  const next = !theme.dark;
  applyTheme(next);
  const answer = await api.setThemePreference(next ? 'dark' : 'light').catch(() => null);
  if (answer) applyTheme(answer.dark);
}
