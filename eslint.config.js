// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The folder a file lives in tells what it may import (STYLE.md, "Layout"). */
const layer = (/** @type {string[]} */ forbidden) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: forbidden.map((group) => ({
        group: [group],
        message: 'This layer may not import that one.',
      })),
    },
  ],
});

const ioLibraries = [
  'kysely',
  'better-sqlite3',
  'pg',
  'fastify',
  'fastify-*',
  '@fastify/*',
  'react',
  'react-*',
  'node:*',
];

/**
 * The browser: no server code, the domain by its small subpaths only (`@kotei/domain/calendar` …), and API
 * types from the schema generated out of openapi.json (src/api), never the contracts' zod types.
 */
const browserLayer = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: '@kotei/domain',
          message: 'Import the domain by subpath: @kotei/domain/calendar, /codes, /status or /budget.',
        },
        {
          name: '@kotei/contracts',
          message: 'API types come from src/api/types (generated from openapi.json).',
        },
      ],
      patterns: [
        '@kotei/server',
        '@kotei/importers',
        '@kotei/reports',
        'kysely',
        'better-sqlite3',
        'fastify',
        'node:*',
      ].map((group) => ({ group: [group], message: 'This layer may not import that one.' })),
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'e2e/artifacts/**', 'bench/results/**', 'data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // A file a reader can hold in mind, a function they can read without scrolling. Tests (whose describe
    // blocks are lists of cases), message catalogues, generated types and landed migrations (frozen in time,
    // never edited) are exempt.
    files: ['packages/*/src/**/*.{ts,tsx}', 'bench/src/**/*.ts', 'e2e/support/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      '**/i18n/ja.ts',
      '**/i18n/en.ts',
      '**/*.d.ts',
      'packages/server/src/db/migrations/2026-11-24T0900_create_cycle.ts',
    ],
    rules: {
      'max-lines': ['error', { max: 500 }],
      'max-lines-per-function': ['error', { max: 120 }],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: layer(['@kotei/*', ...ioLibraries]),
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: layer(['@kotei/importers', '@kotei/reports', '@kotei/server', '@kotei/web', ...ioLibraries]),
  },
  {
    files: ['packages/importers/src/**/*.ts', 'packages/reports/src/**/*.ts'],
    rules: layer([
      '@kotei/server',
      '@kotei/web',
      'kysely',
      'better-sqlite3',
      'pg',
      'fastify',
      '@fastify/*',
      'react',
    ]),
  },
  {
    files: ['packages/server/src/**/*.ts'],
    rules: layer(['@kotei/web', 'react', 'react-*']),
  },
  {
    // Services hold rules and permissions: rows and their mapping to the model live beside the repositories.
    files: ['packages/server/src/services/**/*.ts'],
    rules: layer(['@kotei/web', 'react', 'react-*', '**/db/schema.js', '**/db/schema']),
  },
  {
    // Routes validate, authorize and call one service: they never reach a repository or the database.
    files: ['packages/server/src/http/**/*.ts'],
    rules: layer(['@kotei/web', 'react', 'react-*', '**/repositories/*', '**/db/schema.js', 'kysely']),
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...browserLayer,
    },
  },
  {
    // Migrations run against a schema-less Kysely on purpose: they are frozen and must not import app types.
    files: ['packages/server/src/db/migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
