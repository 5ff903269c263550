// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { builtinModules } from 'node:module';

// shared/ runs in the main process, the CLI, the renderer and a web worker: it must stay free of
// Electron, Node built-ins and the DOM so that every one of them can load it.
const nodeBuiltins = builtinModules.flatMap((m) => [m, `${m}/*`, `node:${m}`, `node:${m}/*`]);
const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'dist-cli/',
      'release/',
      'coverage/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ must not import Electron.' }],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ must not import Node built-ins.' },
            {
              group: ['electron/*', '../electron/*', '../../electron/*', '**/renderer/**'],
              message: 'shared/ is the bottom layer.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({ name, message: 'shared/ must not use the DOM.' })),
        { name: 'process', message: 'shared/ must not use Node globals.' },
        { name: 'Buffer', message: 'shared/ must not use Node globals.' },
      ],
    },
  },
  {
    // The only door to the system browser is electron/main/open-external.ts, which allows https: only.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,vue}'],
    ignores: ['electron/main/open-external.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='openExternal'][object.name='shell']",
          message: 'Use openExternal() from electron/main/open-external.ts.',
        },
      ],
    },
  },
  {
    // electron-builder's configuration and hooks, and the test stand-in for `electron`, are CommonJS.
    files: ['build/**/*.cjs', 'tests/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
