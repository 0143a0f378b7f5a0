/**
 * `npm run dist:check` (which `npm test` runs before the test files) on the package it
 * built: it passes, the package is lean, and it fails with a clear message when a file
 * the app loads is left out of app.asar or left inside it where it must be on disk.
 */
import asar from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_CHECK, PACKAGE_RESOURCES, ensurePackage, inspect } from '../support/packaged-app';

const work = mkdtempSync(join(tmpdir(), 'mpstudio-dist-check-'));

beforeAll(() => ensurePackage(), 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the package's resources, changed by `damage`, then checked by the real script. */
async function checkDamaged(name: string, damage: (resources: string) => unknown) {
  const resources = join(work, name);
  cpSync(PACKAGE_RESOURCES, resources, { recursive: true });
  await damage(resources);
  return spawnSync(process.execPath, [DIST_CHECK, '--inspect', resources], { encoding: 'utf8' });
}

describe('dist:check', () => {
  it('finds everything the bundles load, and what must be on disk unpacked', () => {
    const { problems, required } = inspect();
    expect(problems).toEqual([]);
    const paths = [...required.keys()];
    // Derived from the bundles' own references, not listed by hand:
    expect(paths).toContain('out/preload/index.cjs');
    expect(paths).toContain('out/renderer/index.html');
    expect(paths.some((p) => /^out\/renderer\/assets\/index-.*\.js$/.test(p))).toBe(true);
    const onDisk = paths.filter((p) => required.get(p)?.onDisk);
    expect(onDisk).toContain('out/main/virtual-board-worker.mjs');
    expect(onDisk).toContain('node_modules/@micropython/micropython-webassembly-pyscript/micropython.wasm');
    expect(onDisk.some((p) => /bindings-cpp\/prebuilds\/linux-x64\/.*\.node$/.test(p))).toBe(true);
  });

  it('ships neither esbuild nor tsx', () => {
    const listing = asar.listPackage(join(PACKAGE_RESOURCES, 'app.asar'), { isPack: false });
    expect(listing.filter((p) => /node_modules[\\/](esbuild|tsx|@esbuild)[\\/]/.test(p))).toEqual([]);
  });

  it('fails, naming the file and why it is needed, when the preload is left out', async () => {
    const run = await checkDamaged('no-preload', (resources) => {
      const extracted = join(work, 'no-preload-extracted');
      asar.extractAll(join(resources, 'app.asar'), extracted);
      rmSync(join(extracted, 'out', 'preload', 'index.cjs'));
      // Repacked with the same files unpacked, so the preload is the only difference.
      const onDisk = [...inspect().required].filter(([, f]) => f.onDisk).map(([p]) => p.split('/').pop());
      return asar.createPackageWithOptions(extracted, join(resources, 'app.asar'), { unpack: `**/{${onDisk.join(',')}}` });
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('missing: out/preload/index.cjs (named by out/main/index.cjs)');
  });

  it('fails when the worker is left out of the files unpacked on disk', async () => {
    const run = await checkDamaged('no-unpacked-worker', (resources) => rmSync(join(resources, 'app.asar.unpacked', 'out', 'main', 'virtual-board-worker.mjs')));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('missing: out/main/virtual-board-worker.mjs (the worker out/main/index.cjs starts)');
    expect(run.stderr).toContain('Fix "files", "asarUnpack" or "extraResources" in electron-builder.yml');
  });

  it('fails when the examples File → Examples reads are not beside app.asar', async () => {
    const run = await checkDamaged('no-examples', (resources) => rmSync(join(resources, 'examples', 'blink.py')));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing: examples\/blink\.py \(extraResources from .*resources[\\/]examples\)/);
  });

  it('fails when the interpreter is packed inside app.asar, where its worker cannot import it', async () => {
    const run = await checkDamaged('wasm-inside', async (resources) => {
      const extracted = join(work, 'wasm-inside-extracted');
      asar.extractAll(join(resources, 'app.asar'), extracted);
      rmSync(join(resources, 'app.asar.unpacked'), { recursive: true });
      // Everything on disk as before except the interpreter package.
      await asar.createPackageWithOptions(extracted, join(resources, 'app.asar'), { unpack: '**/{*.node,virtual-board-worker.mjs}' });
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('inside app.asar but must be on disk (asarUnpack): node_modules/@micropython/micropython-webassembly-pyscript/micropython.wasm');
  });
});
