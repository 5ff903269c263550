import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, rmdirSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(root, 'dist-cli', 'coldstart.cjs');
const LOCK = join(root, 'dist-cli.build-lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the CLI (`node build/build-cli.mjs`) when dist-cli/coldstart.cjs is missing or older than the
 * sources. Test files run in parallel: a directory lock makes sure only one of them builds at a time.
 */
export function ensureBuiltCli(): string {
  const stale = (): boolean =>
    !existsSync(CLI) ||
    statSync(CLI).mtimeMs <
      Math.max(newestSource(join(root, 'electron')), newestSource(join(root, 'shared')));
  if (!stale()) return CLI;
  for (let waited = 0; ; waited += 50) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 60_000) rmdirSync(LOCK); // a builder that died; take over
      sleepSync(50);
    }
  }
  try {
    if (stale())
      execFileSync(process.execPath, [join(root, 'build', 'build-cli.mjs')], { cwd: root, stdio: 'pipe' });
  } finally {
    rmdirSync(LOCK);
  }
  return CLI;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `coldstart` with these arguments and environment (nothing of this process's AWS setup leaks in). */
export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd: string = root): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, env: { PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
