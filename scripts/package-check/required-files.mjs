// What a packaged app loads at run time, derived from the packaged files themselves
// (the bundles, the page, the packages' own package.json), never from a hand-kept list:
//   - every file a bundle names relative to itself (`__dirname, "../preload/index.cjs"`,
//     `require("./chunks/x.cjs")`), and a sibling bundle it names (the board worker);
//   - every file the page references (`src`, `href`, CSS `url()`);
//   - every package a bundle requires, imports or resolves by name, with its entry file
//     and, recursively, the entries of its production dependencies;
//   - what must sit on disk outside app.asar (see `onDisk` below).
import { builtinModules } from 'node:module';
import { posix } from 'node:path';

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** A reason, kept with each required path so a failure says why the file is needed. */
export class Requirements {
  constructor() {
    this.files = new Map();
  }
  add(path, reason, onDisk = false) {
    const known = this.files.get(path);
    if (known) known.onDisk ||= onDisk;
    else this.files.set(path, { reason, onDisk });
  }
}

/** Bare package names a bundle loads: require/import/import() and names it resolves itself. */
export function packageNames(code, dependencyNames) {
  const names = new Set();
  const patterns = [/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g, /\bfrom\s*["']([^"'./][^"']*)["']/g, /\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) names.add(match[1]);
  // A name kept out of the bundler's sight (createRequire(...).resolve(PACKAGE)) is still a literal.
  for (const match of code.matchAll(/["']((?:@[\w.-]+\/)?[\w.-]+)["']/g)) if (dependencyNames.has(match[1])) names.add(match[1]);
  return [...names].map(packageOf).filter((name) => !BUILTINS.has(name) && name !== 'electron');
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Files a bundle names relative to its own folder. */
export function relativeReferences(code) {
  const found = new Set();
  for (const match of code.matchAll(/(?:__dirname|import\.meta\.dirname)\s*,\s*["']([^"']+)["']/g)) found.add(match[1]);
  for (const match of code.matchAll(/(?:\brequire\(|\bfrom\s*|\bimport\()\s*["'](\.{1,2}\/[^"']+)["']/g)) found.add(match[1]);
  return [...found];
}

/** Files the page loads: script/link/img attributes in HTML, url() in CSS. */
export function pageReferences(text) {
  const found = new Set();
  for (const match of text.matchAll(/\b(?:src|href)=["']([^"'#?]+)["']/g)) found.add(match[1]);
  for (const match of text.matchAll(/url\(\s*["']?([^"')#?]+)["']?\s*\)/g)) found.add(match[1]);
  return [...found].filter((ref) => !/^(?:[a-z]+:|\/\/|#)/i.test(ref));
}

/** Where a package's `exports`/`main` may point, for Node's conditions: the first that exists is its entry. */
export function packageEntryCandidates(manifest) {
  let target = manifest.exports;
  if (target && typeof target === 'object' && '.' in target) target = target['.'];
  for (let depth = 0; target && typeof target === 'object' && depth < 5; depth++) {
    target = target.node ?? target.require ?? target.import ?? target.default;
  }
  const entry = (typeof target === 'string' ? target : (manifest.main ?? 'index.js')).replace(/\/$/, '');
  return [entry, `${entry}.js`, `${entry}/index.js`];
}

export const join = (...parts) => posix.normalize(posix.join(...parts));
