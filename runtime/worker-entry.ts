/**
 * Where the virtual board's worker entry lives, in the one place that knows. From
 * source (vitest, tsx, web mode) it is the .ts file next to this one, loaded
 * through tsx; in the app's bundle it is the extra `virtual-board-worker` output
 * that electron-vite writes next to the main bundle.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerEntry {
  /** A file URL, or (from source) a small script that registers tsx first. */
  script: URL | string;
  /** True when `script` is code for `new Worker(code, { eval: true })`. */
  eval: boolean;
}

const ENTRY_NAME = 'virtual-board-worker';

export function resolveWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (moduleUrl.endsWith('.ts')) {
    // Node 20 does not pass `--import tsx` hooks on to workers: register them inside.
    // `require.resolve` finds the CommonJS build; its ES module twin sits beside it.
    const tsxApiCjs = createRequire(moduleUrl).resolve('tsx/esm/api');
    const tsxApi = pathToFileURL(tsxApiCjs.replace(/\.cjs$/, '.mjs')).href;
    const entry = new URL(`./${ENTRY_NAME}.ts`, moduleUrl).href;
    const script = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    return { script, eval: true };
  }
  const here = dirname(fileURLToPath(moduleUrl));
  // Shared code may land in a chunks/ folder below the entries.
  for (const dir of [here, join(here, '..')]) {
    for (const extension of ['.cjs', '.js', '.mjs']) {
      const file = join(dir, ENTRY_NAME + extension);
      if (existsSync(file)) return { script: pathToFileURL(file), eval: false };
    }
  }
  throw new Error(`the virtual board's worker (${ENTRY_NAME}) is missing next to ${here}`);
}
