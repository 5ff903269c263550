import { join } from 'node:path';
import { z } from 'zod';
import { ThemePreferenceSchema, type ThemePreference } from '../../shared/ipc/contract';
import { readJsonFile, writeJsonFile } from './json-file';

/** The user's app preferences (not AWS settings: those stay in ~/.aws). */
export const SettingsSchema = z.object({
  themePreference: ThemePreferenceSchema,
  /** https endpoint origins the user allowed in main's native dialog (electron/main/endpoint-policy.ts). */
  allowedEndpoints: z.array(z.string()).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { themePreference: 'system', allowedEndpoints: [] };

export const settingsFile = (userDataDir: string): string => join(userDataDir, 'settings.json');

export async function loadSettings(userDataDir: string): Promise<Settings> {
  return (
    (await readJsonFile(settingsFile(userDataDir), SettingsSchema)) ?? {
      ...DEFAULT_SETTINGS,
      allowedEndpoints: [],
    }
  );
}

export async function saveThemePreference(
  userDataDir: string,
  themePreference: ThemePreference,
): Promise<void> {
  const current = await loadSettings(userDataDir);
  await writeJsonFile(settingsFile(userDataDir), { ...current, themePreference });
}

/** Only main calls this, after the user said yes in a native dialog: the renderer cannot write settings. */
export async function allowEndpoint(userDataDir: string, origin: string): Promise<void> {
  const current = await loadSettings(userDataDir);
  if (current.allowedEndpoints.includes(origin)) return;
  await writeJsonFile(settingsFile(userDataDir), {
    ...current,
    allowedEndpoints: [...current.allowedEndpoints, origin],
  });
}
