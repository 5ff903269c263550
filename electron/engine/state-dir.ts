import { homedir } from 'node:os';
import { join } from 'node:path';

/** productName in package.json: Electron's app.getPath('userData') ends in it, so the app and the CLI share runs. */
export const APP_DIR_NAME = 'Cold Start Lab';

/**
 * The platform's application-data directory, the same one Electron's `app.getPath('userData')` gives:
 * `%APPDATA%` on Windows, `~/Library/Application Support` on macOS, `$XDG_CONFIG_HOME` or `~/.config` elsewhere.
 */
export function defaultStateDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

/** `--state-dir`, else COLDSTART_STATE_DIR, else the platform default. */
export function resolveStateDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag || env.COLDSTART_STATE_DIR || defaultStateDir(env);
}
