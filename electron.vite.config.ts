import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { preloadBootChunks } from './renderer/build/preload-boot-chunks';

export default defineConfig({
  main: {
    build: {
      // Bundled, not required from node_modules at start: resolving and reading their hundreds of
      // files took longer than compiling them (zod + kysely: ~0.5 s of the first answer, issue 17).
      externalizeDeps: { exclude: ['zod', 'kysely'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          web: resolve(__dirname, 'electron/web/start.ts'),
        },
        // A library loaded on first use (exceljs, pg) by require(), not import(): the kept compiled
        // code (electron/boot/code-cache.ts) cannot serve a file with import() on Node 20.
        output: { dynamicImportInCjs: false },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), preloadBootChunks()],
    build: {
      minify: true,
      // The CSP allows fonts and images from the app itself only: no data: URLs for small assets.
      assetsInlineLimit: 0,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
