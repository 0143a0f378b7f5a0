import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// main and preload are Node-side bundles; the preload must be CommonJS because a
// sandboxed renderer cannot load an ES module preload.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The virtual board's worker is bundled apart, self-contained (scripts/build-node.mjs).
        input: { index: resolve('main/electron/main.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else in.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    build: {
      // electron-vite leaves the renderer unminified; minified, the page parses its
      // script in about half the time, which the window's start waits for.
      minify: true,
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
