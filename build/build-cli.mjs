// Builds the `coldstart` CLI into CommonJS files (dist-cli/coldstart.cjs and the thread it reads big CSV files with). Runs on `npm install`
// (the `prepare` script), so `npx coldstart` works in a fresh clone without a separate build step.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: [new URL('../electron/cli/bin.ts', import.meta.url).pathname],
  outfile: new URL('../dist-cli/coldstart.cjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  banner: { js: '#!/usr/bin/env node' },
  define: { __COLDSTART_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

// The thread that reads the later part of a big CSV file (electron/cli/csv-parts.ts), beside the CLI.
await build({
  entryPoints: [new URL('../electron/cli/csv-part-worker.ts', import.meta.url).pathname],
  outfile: new URL('../dist-cli/csv-part-worker.cjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

await (await import('node:fs/promises')).chmod(new URL('../dist-cli/coldstart.cjs', import.meta.url), 0o755);
