import { join } from 'node:path';
import { z } from 'zod';
import { ThemePreferenceSchema, type ThemePreference } from '../../shared/ipc/contract';
import { readJsonFile, writeJsonFile } from './json-file';

/** The user's app preferences (not AWS settings: those stay in ~/.aws). */
export const SettingsSchema = z.object({ themePreference: ThemePreferenceSchema });
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { themePreference: 'system' };

export const settingsFile = (userDataDir: string): string => join(userDataDir, 'settings.json');

export async function loadSettings(userDataDir: string): Promise<Settings> {
  return (await readJsonFile(settingsFile(userDataDir), SettingsSchema)) ?? { ...DEFAULT_SETTINGS };
}

export async function saveThemePreference(
  userDataDir: string,
  themePreference: ThemePreference,
): Promise<void> {
  const current = await loadSettings(userDataDir);
  await writeJsonFile(settingsFile(userDataDir), { ...current, themePreference });
}
