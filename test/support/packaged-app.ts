/**
 * The package `npm run dist:check` builds (dist/check), for the tests that look inside
 * it: built again only when missing or older than the app's bundle.
 */
import asar from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inspectPackage, type Inspection } from '../../scripts/package-check/inspect-package.mjs';
import { repoRoot } from './web-app';

export const PACKAGE_RESOURCES = join(repoRoot, 'dist', 'check', 'linux-unpacked', 'resources');
export const DIST_CHECK = join(repoRoot, 'scripts', 'dist-check.mjs');

export function ensurePackage(): void {
  const archive = join(PACKAGE_RESOURCES, 'app.asar');
  const bundle = join(repoRoot, 'out', 'main', 'index.cjs');
  if (existsSync(archive) && statSync(archive).mtimeMs >= statSync(bundle).mtimeMs) return;
  const run = spawnSync(process.execPath, [DIST_CHECK], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run dist:check failed:\n${run.stdout}\n${run.stderr}`);
}

export function inspect(resourcesDir = PACKAGE_RESOURCES): Inspection {
  const devDependencies = Object.keys((JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: object }).devDependencies);
  return inspectPackage(resourcesDir, { platform: 'linux', arch: 'x64', devDependencies });
}

/**
 * Lays the package out under `dir/resources` as Node can run it: app.asar extracted
 * into a folder of that name, and app.asar.unpacked beside it. The files that must be
 * loaded from disk are then taken out of the extracted archive, as Electron's worker
 * threads and ES module loader cannot read inside app.asar: they must be found unpacked.
 * Native addons stay: Electron's `process.dlopen` redirects an unpacked addon's archive
 * path to its copy on disk by itself, which plain Node would not. The extra resources
 * beside app.asar (the examples) come along.
 */
export function layOutPackage(dir: string): string {
  const resources = join(dir, 'resources');
  const extracted = join(resources, 'app.asar');
  asar.extractAll(join(PACKAGE_RESOURCES, 'app.asar'), extracted);
  cpSync(join(PACKAGE_RESOURCES, 'app.asar.unpacked'), `${extracted}.unpacked`, { recursive: true });
  for (const extra of ['examples', 'stubs']) cpSync(join(PACKAGE_RESOURCES, extra), join(resources, extra), { recursive: true });
  for (const [path, file] of inspect().required) {
    if (file.onDisk && !path.endsWith('.node')) rmSync(join(extracted, path), { force: true });
  }
  return extracted;
}
