import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The browser takes only types from contracts and pure values from domain, straight from their sources.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@kotei/contracts': fromHere('../contracts/src/index.ts'),
      '@kotei/domain': fromHere('../domain/src/index.ts'),
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
