#!/usr/bin/env node
// Bundles the Node-side programs that run without Electron, so they start from plain
// JavaScript instead of compiling TypeScript with tsx on every run (issue 12):
//   out/cli/      `mpstudio` and web mode (ES modules sharing chunks), and their board worker;
//   out/main/virtual-board-worker.mjs  the desktop app's board worker, one self-contained
//                 file: it is unpacked from app.asar (see electron-builder.yml), and a file
//                 on disk cannot load chunks that stay inside the archive.
// `npm run build` runs this after electron-vite (which empties out/main first); `npm install`
// runs it through `prepare`, so a fresh checkout's `npx mpstudio` is fast at once.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const worker = join(root, 'runtime', 'virtual-board-worker.ts');
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules: serialport's native binding and the interpreter's
  // .wasm are found next to their own modules.
  packages: 'external',
  logLevel: 'warning',
};

const started = performance.now();
// Chunk names carry content hashes: clear out/cli so no stale chunk lingers.
rmSync(join(root, 'out', 'cli'), { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: {
      mpstudio: join(root, 'main', 'cli', 'mpstudio.ts'),
      'web-cli': join(root, 'main', 'web', 'web-cli.ts'),
      'virtual-board-worker': worker,
    },
    outdir: join(root, 'out', 'cli'),
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  build({ ...common, entryPoints: [worker], outfile: join(root, 'out', 'main', 'virtual-board-worker.mjs') }),
]);
console.log(`Node bundles built in ${Math.round(performance.now() - started)} ms (out/cli, out/main/virtual-board-worker.mjs)`);
