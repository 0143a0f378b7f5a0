/**
 * Where the virtual board's worker entry lives, in the one place that knows. From
 * source (vitest, tsx, web mode) it is the .ts file next to this one, bundled on the
 * fly by esbuild (or, failing that, loaded through tsx); in a bundle it is the
 * `virtual-board-worker` file that scripts/build-node.mjs writes next to it (or one
 * folder up, from a shared chunk). Inside a packaged app that file is unpacked from
 * app.asar: a worker thread is started from the copy on disk.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerEntry {
  /** A file URL, or (from source) a small script that registers tsx first. */
  script: URL | string;
  /** True when `script` is code for `new Worker(code, { eval: true })`. */
  eval: boolean;
}

const ENTRY_NAME = 'virtual-board-worker';

interface EsbuildApi {
  buildSync(options: Record<string, unknown>): { outputFiles?: Array<{ text: string }> };
}

let bundledFromSource: URL | null = null;

/**
 * From source, bundles the worker once per process with esbuild (which tsx brings)
 * into node_modules/.cache, named by content: a bundled worker starts in tens of
 * milliseconds where tsx inside a worker takes over a second.
 */
function bundleFromSource(moduleUrl: string): URL | null {
  if (bundledFromSource) return bundledFromSource;
  try {
    const esbuild = createRequire(moduleUrl)('esbuild') as EsbuildApi;
    const entry = fileURLToPath(new URL(`./${ENTRY_NAME}.ts`, moduleUrl));
    const result = esbuild.buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      // The interpreter finds its .wasm next to its own module: leave it in node_modules.
      external: ['@micropython/micropython-webassembly-pyscript'],
      logLevel: 'silent',
    });
    const text = result.outputFiles?.[0]?.text;
    if (!text) return null;
    // Inside the project, so the external package resolves from its node_modules.
    const cacheDir = join(dirname(entry), '..', 'node_modules', '.cache', 'mpstudio');
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, `${ENTRY_NAME}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      // Test files run in parallel processes: write beside, then rename into place.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, text);
      renameSync(partial, file);
    }
    bundledFromSource = pathToFileURL(file);
    return bundledFromSource;
  } catch {
    return null;
  }
}

export function resolveWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (moduleUrl.endsWith('.ts')) {
    const bundled = bundleFromSource(moduleUrl);
    if (bundled) return { script: bundled, eval: false };
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
    for (const extension of ['.mjs', '.cjs', '.js']) {
      const file = join(dir, ENTRY_NAME + extension);
      for (const candidate of [unpackedTwin(file), file]) {
        if (candidate && existsSync(candidate)) return { script: pathToFileURL(candidate), eval: false };
      }
    }
  }
  throw new Error(`the virtual board's worker (${ENTRY_NAME}) is missing next to ${here}`);
}

/**
 * The on-disk copy of a file that electron-builder unpacked from app.asar (asarUnpack):
 * Node's worker threads and ES module loader read the real file system, not the archive.
 */
export function unpackedTwin(file: string): string | null {
  const marker = `${sep}app.asar${sep}`;
  const at = file.lastIndexOf(marker);
  return at < 0 ? null : `${file.slice(0, at)}${sep}app.asar.unpacked${sep}${file.slice(at + marker.length)}`;
}
