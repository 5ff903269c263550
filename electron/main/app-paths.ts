import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist-electron/, where main.js and preload.cjs are built; the renderer is built to dist/ beside it. */
const builtDir = dirname(fileURLToPath(import.meta.url));

export const appPaths = {
  preload: join(builtDir, 'preload.cjs'),
  renderer: join(builtDir, '..', 'dist'),
  /** The window icon on Linux and Windows (packaged: listed in electron-builder's `files`). */
  icon: join(builtDir, '..', 'build', 'icons', '512x512.png'),
} as const;

/** Where runs, settings and window state live: Electron's userData (the CLI's default), or COLDSTART_STATE_DIR. */
export const resolveStateDir = (userData: string, env: NodeJS.ProcessEnv): string =>
  env.COLDSTART_STATE_DIR || userData;

export const PROJECT_URL = 'https://github.com/coldstartlab/cold-start-lab';
