// Builds the `coldstart` CLI into CommonJS files: dist-cli/coldstart.cjs and, beside it, the thread it reads the
// later part of a big CSV file with (electron/cli/csv-parts.ts). Runs on `npm install` (the `prepare` script), so
// `npx coldstart` works in a fresh clone without a separate build step.
import { build } from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const path = (relative) => new URL(relative, import.meta.url).pathname;
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: [path('../electron/cli/bin.ts')],
  outfile: path('../dist-cli/coldstart.cjs'),
  banner: { js: '#!/usr/bin/env node' },
  define: { __COLDSTART_VERSION__: JSON.stringify(pkg.version) },
});
await build({
  ...common,
  entryPoints: [path('../electron/cli/csv-part-worker.ts')],
  outfile: path('../dist-cli/csv-part-worker.cjs'),
});

await chmod(path('../dist-cli/coldstart.cjs'), 0o755);
