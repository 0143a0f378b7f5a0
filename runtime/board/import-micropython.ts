/**
 * Loads the MicroPython WebAssembly build. It is an ES module with top-level await,
 * so only `import()` can load it, and the app's CommonJS bundle would rewrite a
 * plain `import()` into `require()`: the call is kept out of the bundler's sight,
 * with the file resolved from this module so the working directory does not matter.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

type MicroPythonPackage = typeof import('@micropython/micropython-webassembly-pyscript');

const PACKAGE = '@micropython/micropython-webassembly-pyscript';
const dynamicImport = new Function('url', 'return import(url)') as (url: string) => Promise<MicroPythonPackage>;

let loaded: Promise<MicroPythonPackage> | null = null;

export function importMicroPython(): Promise<MicroPythonPackage> {
  loaded ??= dynamicImport(pathToFileURL(createRequire(import.meta.url).resolve(PACKAGE)).href);
  return loaded;
}
