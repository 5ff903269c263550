import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable npm installed, or null. Found the way node_modules/electron/index.js finds it, but
 * without requiring that module: where the binary is missing it tries to download it, which cannot work offline.
 */
export function electronBinary(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = join(repoRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : null;
  return binary && existsSync(binary) ? binary : null;
}
