import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their sources, so a unit test never needs a build first: each entry of
// a package's "exports" (`@kotei/domain`, `@kotei/domain/calendar` …) maps its dist file to its source. Each
// alias matches its whole specifier, so `@kotei/domain/calendar` is not read as `@kotei/domain` plus a path.
const source = (path: string): string => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));
const alias = ['domain', 'contracts', 'importers', 'reports', 'server'].flatMap((name) => {
  const { exports } = JSON.parse(readFileSync(source(`${name}/package.json`), 'utf8')) as {
    exports: Record<string, { import: string }>;
  };
  return Object.entries(exports).map(([subpath, target]) => ({
    find: new RegExp(`^@kotei/${name}${subpath.slice(1)}$`),
    replacement: source(`${name}/${target.import.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')}`),
  }));
});

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.medium.test.ts', '**/node_modules/**', '**/dist/**'],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'medium',
          include: ['packages/*/src/**/*.medium.test.ts'],
          // Starts one throwaway PostgreSQL cluster; fails (never skips) when PostgreSQL is missing.
          globalSetup: ['packages/server/src/testing/postgres.global-setup.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          testTimeout: 60_000,
          // A suite's set-up (the sample's import, several sign-ins) outlasts 10 s on a busy shared machine.
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
