import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import electron from 'vite-plugin-electron/simple';
import { CONTENT_SECURITY_POLICY } from './shared/csp';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

// Everything the desktop app needs at run time is built here: the renderer (dist/), the main process
// (dist-electron/main.js, ESM) and the sandboxed preload (dist-electron/preload.cjs, one CommonJS file,
// because a sandboxed preload cannot require anything but a few Electron modules).
const electronBuild = () =>
  electron({
    main: {
      entry: fromRoot('electron/main/main.ts'),
      vite: {
        build: {
          outDir: fromRoot('dist-electron'),
          emptyOutDir: false,
          rollupOptions: { external: ['electron'] },
        },
      },
    },
    preload: {
      input: fromRoot('electron/preload/preload.ts'),
      vite: {
        build: {
          outDir: fromRoot('dist-electron'),
          emptyOutDir: false,
          rollupOptions: {
            external: ['electron'],
            output: { format: 'cjs', entryFileNames: 'preload.cjs' },
          },
        },
      },
    },
  });

// The built renderer carries the CSP as a meta tag (the dev server does not: its HMR needs a websocket).
const cspMetaTag = (): Plugin => ({
  name: 'coldstart-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      // frame-ancestors only works as a header (main sends it); in a meta tag Chromium logs an error.
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content: CONTENT_SECURITY_POLICY.replace(/;\s*frame-ancestors [^;]*/, ''),
      },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig(async () => ({
  root: fromRoot('renderer'),
  base: './',
  build: {
    outDir: fromRoot('dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
  },
  worker: { format: 'es' as const },
  plugins: [vue(), cspMetaTag(), ...(process.env.VITEST ? [] : await electronBuild())],
  test: {
    root: repoRoot,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          root: repoRoot,
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/renderer/**', 'tests/bench/**', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          root: repoRoot,
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // `npm run bench` only: speed and memory figures are reported here, never asserted in `npm test`.
        extends: true,
        test: {
          name: 'bench',
          root: repoRoot,
          environment: 'node',
          include: ['tests/bench/**/*.bench.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
}));
