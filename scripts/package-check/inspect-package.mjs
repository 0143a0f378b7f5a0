// Inspects a packaged app (electron-builder's `dir` output): lists app.asar with
// @electron/asar, derives what the app loads at run time (required-files.mjs), and
// reports each required file that is missing, or inside the archive where it must be
// on disk, and each development-only package that was shipped.
import asar from '@electron/asar';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join as joinNative } from 'node:path';
import {
  Requirements,
  join,
  packageEntryCandidates,
  packageNames,
  packageOf,
  pageReferences,
  relativeReferences,
} from './required-files.mjs';

const BUNDLE_DIRS = ['out/main', 'out/preload'];
const PAGE = 'out/renderer/index.html';

function folderSize(dir) {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(joinNative(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

/**
 * @param {string} resourcesDir the package's resources folder (holding app.asar)
 * @param {{ platform: string, arch: string, devDependencies: string[], extraResources?: Array<{ from: string, to: string }> }} target
 *   the platform the package is for, the project's development-only packages, and the folders
 *   electron-builder.yml copies beside app.asar (`from` a folder of the checkout, `to` one in resources/)
 */
export function inspectPackage(resourcesDir, target) {
  const archive = joinNative(resourcesDir, 'app.asar');
  const unpackedDir = `${archive}.unpacked`;
  if (!existsSync(archive)) return { problems: [`${archive} is missing: the package has no app.asar.`], required: new Map(), sizes: null };
  const listing = new Set(asar.listPackage(archive, { isPack: false }).map((path) => path.replace(/^[\\/]/, '').replaceAll('\\', '/')));
  const has = (path) => listing.has(path);
  // An unpacked file missing from disk reads as empty here and is reported below.
  const read = (path) => {
    try {
      return asar.extractFile(archive, path).toString('utf8');
    } catch {
      return '';
    }
  };
  const isUnpacked = (path) => !!asar.statFile(archive, path, false)?.unpacked;
  const manifest = JSON.parse(read('package.json'));
  const dependencyNames = new Set(Object.keys(manifest.dependencies ?? {}));
  const required = new Requirements();
  const problems = [];

  // The entry point, then every bundle, and what each names.
  required.add(manifest.main, 'package.json "main"');
  const bundles = [...listing].filter((path) => BUNDLE_DIRS.some((dir) => path.startsWith(`${dir}/`)) && /\.[cm]?js$/.test(path));
  const packagesFrom = new Map();
  for (const bundle of bundles) {
    const code = read(bundle);
    const dir = bundle.slice(0, bundle.lastIndexOf('/'));
    for (const ref of relativeReferences(code)) required.add(join(dir, ref), `named by ${bundle}`);
    // A sibling bundle named by its base name is started as a worker thread: from disk.
    for (const sibling of bundles) {
      const base = sibling.slice(sibling.lastIndexOf('/') + 1).replace(/\.[cm]?js$/, '');
      if (sibling !== bundle && sibling.startsWith(`${dir}/`) && code.includes(`"${base}"`)) {
        required.add(sibling, `the worker ${bundle} starts`, true);
      }
    }
    for (const name of packageNames(code, dependencyNames)) packagesFrom.set(name, [...(packagesFrom.get(name) ?? []), bundle]);
  }

  // The page and what it loads.
  required.add(PAGE, 'the window loads it');
  if (has(PAGE)) {
    const pending = [PAGE];
    while (pending.length) {
      const file = pending.pop();
      const dir = file.slice(0, file.lastIndexOf('/'));
      for (const ref of pageReferences(read(file))) {
        const path = join(dir, ref);
        if (!required.files.has(path)) {
          required.add(path, `referenced by ${file}`);
          if (/\.(?:css|html)$/.test(path) && has(path)) pending.push(path);
        }
      }
    }
  }

  // Packages, from each bundle's names down the production dependency tree.
  const seen = new Set();
  const visit = (name, from, fromDir, onDisk) => {
    const candidates = [];
    for (let dir = fromDir; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
      candidates.push(join(dir, 'node_modules', name));
      if (!dir) break;
    }
    const dir = candidates.find((candidate) => has(`${candidate}/package.json`));
    if (!dir) return required.add(`node_modules/${name}/package.json`, `package "${name}", loaded by ${from}`, onDisk);
    const key = `${dir}|${onDisk}`;
    if (seen.has(key)) return;
    seen.add(key);
    const pkg = JSON.parse(read(`${dir}/package.json`));
    const entries = packageEntryCandidates(pkg).map((entry) => join(dir, entry));
    const entry = entries.find(has) ?? entries[0];
    required.add(entry, `entry of "${name}", loaded by ${from}`, onDisk);
    if (has(entry) && /\.[cm]?js$/.test(entry)) {
      // A file the module names next to itself (the interpreter's .wasm) is read from disk.
      for (const match of read(entry).matchAll(/["']([\w.-]+\.wasm)["']/g)) {
        required.add(join(entry, '..', match[1]), `loaded by ${entry}`, true);
      }
    }
    const deps = { ...pkg.dependencies };
    for (const optional of Object.keys(pkg.optionalDependencies ?? {})) delete deps[optional];
    // A native addon: node-gyp-build loads prebuilds/<platform>-<arch>/*.node, which must be on disk.
    if ('node-gyp-build' in deps) {
      const prefix = `${dir}/prebuilds/${target.platform}-${target.arch}/`;
      const addon = [...listing].find((path) => path.startsWith(prefix) && path.endsWith('.node'));
      required.add(addon ?? `${prefix}*.node`, `native binding of "${name}" for ${target.platform}-${target.arch}`, true);
    }
    for (const dep of Object.keys(deps)) visit(dep, `"${name}"`, dir, false);
  };
  for (const [name, from] of packagesFrom) {
    // A package loaded by a bundle that runs from disk (the worker) is loaded from disk too.
    const onDisk = from.some((bundle) => required.files.get(bundle)?.onDisk);
    visit(packageOf(name), from.join(', '), from[0].slice(0, from[0].lastIndexOf('/')), onDisk);
  }

  for (const [path, { reason, onDisk }] of required.files) {
    const unpacked = has(path) && isUnpacked(path);
    if (!has(path) || (unpacked && !existsSync(joinNative(unpackedDir, path)))) problems.push(`missing: ${path} (${reason})`);
    else if (onDisk && !unpacked) {
      problems.push(`inside app.asar but must be on disk (asarUnpack): ${path} (${reason})`);
    }
  }
  // Development-only packages have no business in the package.
  for (const dev of target.devDependencies) {
    if (has(`node_modules/${dev}/package.json`)) problems.push(`development-only package shipped: node_modules/${dev}`);
  }
  // Files the app reads from beside the archive (the examples): each one the checkout has.
  for (const { from, to } of target.extraResources ?? []) {
    if (!existsSync(from)) continue;
    for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const relative = joinNative(entry.parentPath ?? entry.path, entry.name).slice(from.length + 1);
      if (!existsSync(joinNative(resourcesDir, to, relative))) problems.push(`missing: ${to}/${relative.replaceAll('\\', '/')} (extraResources from ${from})`);
    }
  }
  const sizes = { asar: statSync(archive).size, unpacked: folderSize(unpackedDir) };
  return { problems, required: required.files, sizes };
}
