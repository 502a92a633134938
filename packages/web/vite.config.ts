import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The browser takes its API types from the generated schema (src/api) and pure values from the domain, straight
// from its sources: each entry of the domain's "exports" (`@kotei/domain/calendar` …) maps its dist file to
// its source, matched as a whole specifier so that a subpath is never read as the barrel plus a path.
const sourceAliases = (name: string) => {
  const { exports } = JSON.parse(readFileSync(fromHere(`../${name}/package.json`), 'utf8')) as {
    exports: Record<string, { import: string }>;
  };
  return Object.entries(exports).map(([subpath, target]) => ({
    find: new RegExp(`^@kotei/${name}${subpath.slice(1)}$`),
    replacement: fromHere(
      `../${name}/${target.import.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')}`,
    ),
  }));
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: sourceAliases('domain'),
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
