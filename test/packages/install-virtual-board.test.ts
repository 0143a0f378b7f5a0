/**
 * mip install, list and remove on the engine level against the real virtual board (WASM
 * MicroPython behind BoardSession and DeviceFs), from a local test index: dependencies two
 * levels deep, the .mpy variant for the board's ABI, source with --no-mpy, a package in
 * folders, and every failure leaving the board as it was.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { DeviceFs } from '../../main/board/device-fs';
import { installPackages } from '../../main/packages/install-packages';
import { listInstalled } from '../../main/packages/list-installed';
import { PackageIntegrityError, PackageNetworkError, PackageNotFoundError } from '../../main/packages/package-errors';
import { removePackage } from '../../main/packages/remove-package';
import type { FileProgress } from '../../main/packages/write-plan';
import { createVirtualBoardTransport } from '../../runtime/start-virtual-board';
import { startPackageIndex, startSilentServer, type PackageIndexServer } from '../support/package-index';

describe('mip on the virtual board', () => {
  let base: string;
  let index: PackageIndexServer;
  let session: BoardSession;
  let fs: DeviceFs;
  const names = async (dir = '/lib'): Promise<string[]> => ((await fs.stat(dir)) ? (await fs.list(dir, true)).map((e) => e.path) : []);

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpstudio-mip-'));
    index = await startPackageIndex();
    session = await BoardSession.open(await createVirtualBoardTransport({ flashDir: join(base, 'flash') }));
    fs = new DeviceFs(session);
  });
  afterAll(async () => {
    await session?.close();
    await index?.close();
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('installs a package with two levels of dependencies, the .mpy variant where the index has one, and it runs', async () => {
    const files: FileProgress[] = [];
    const result = await installPackages(session, fs, ['mpst_greet'], { index: index.url, onFile: (p) => files.push(p) });
    expect(result.target).toMatchObject({ dir: '/lib', mpy: '6', flat: false });
    expect(result.written.sort()).toEqual(['/lib/mpst_base.mpy', '/lib/mpst_fmt.py', '/lib/mpst_greet.py']);
    expect(index.requests).toContain('/package/6/mpst_greet/latest.json');
    expect(files.filter((f) => f.status === 'installed').map((f) => f.path)).toHaveLength(3);
    const out = await session.execText("import mpst_greet, mpst_base\nprint(mpst_greet.greet('bob'), mpst_base.KIND)");
    expect(out.trim()).toBe('*HELLO BOB* mpy');
  });

  it('skips files the board already has (same hash) and records what it installed', async () => {
    const files: FileProgress[] = [];
    const again = await installPackages(session, fs, ['mpst_greet'], { index: index.url, onFile: (p) => files.push(p) });
    expect(again.written).toEqual([]);
    expect(files.map((f) => f.status)).toEqual(['exists', 'exists', 'exists']);
    const listing = await listInstalled(session, fs);
    expect(listing.recorded.map((p) => `${p.name} ${p.version} ${p.requested}`)).toEqual(['mpst_base 1.0.0 false', 'mpst_fmt 0.3.0 false', 'mpst_greet 1.0.0 true']);
  });

  it('installs source files with --no-mpy', async () => {
    const result = await installPackages(session, fs, ['mpst_base'], { index: index.url, mpy: false });
    expect(result.written).toEqual(['/lib/mpst_base.py']);
    expect(index.requests).toContain('/package/py/mpst_base/latest.json');
  });

  it('installs a package that lives in folders, then removes it and its empty folder', async () => {
    await installPackages(session, fs, ['mpst_tree@2.0.0'], { index: index.url });
    expect(await names()).toContain('/lib/mpst_tree/leaf.py');
    const out = await session.execText('import mpst_tree\nprint(mpst_tree.leaf())');
    expect(out.trim()).toBe('leaf:*HELLO TREE*');
    const removed = await removePackage(session, fs, 'mpst_tree');
    expect(removed.removedFiles.sort()).toEqual(['/lib/mpst_tree/__init__.py', '/lib/mpst_tree/leaf.py']);
    expect(await names()).not.toContain('/lib/mpst_tree');
    expect((await listInstalled(session, fs)).recorded.map((p) => p.name)).not.toContain('mpst_tree');
  });

  it('refuses a file whose bytes do not match its hash, writing nothing', async () => {
    const before = await names();
    await expect(installPackages(session, fs, ['mpst_tampered'], { index: index.url })).rejects.toThrow(PackageIntegrityError);
    expect(await names()).toEqual(before);
  });

  it('refuses a package whose file is missing from the index, writing nothing', async () => {
    const before = await names();
    await expect(installPackages(session, fs, ['mpst_missing'], { index: index.url })).rejects.toThrow(/File not found in the index: mpst_absent\.py/);
    expect(await names()).toEqual(before);
    await expect(installPackages(session, fs, ['no_such_pkg'], { index: index.url })).rejects.toThrow(PackageNotFoundError);
  });

  it('says so, promptly, when the index does not answer', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      await expect(installPackages(session, fs, ['mpst_greet'], { index: silent.url, http: { timeoutMs: 700 } })).rejects.toThrow(PackageNetworkError);
      expect(Date.now() - started).toBeLessThan(5000); // two attempts of 0.7 s, plus the board probe
    } finally {
      await silent.close();
    }
    await expect(installPackages(session, fs, ['mpst_greet'], { index: 'http://127.0.0.1:1/pi' })).rejects.toThrow(/Connection refused/);
  });

  it('a Cancel midway removes what this install created and leaves no temporary file', async () => {
    const before = await names();
    const controller = new AbortController();
    const install = installPackages(session, fs, ['mpst_big'], {
      index: index.url,
      signal: controller.signal,
      onFile: (p) => {
        if (p.path === '/lib/mpst_big.py' && p.bytesDone > 2000) controller.abort();
      },
    });
    await expect(install).rejects.toThrow(/cancel/i);
    expect(await names()).toEqual(before);
  });

  it('a board without room for the package gets none of it', async () => {
    const small = await BoardSession.open(await createVirtualBoardTransport({ flashDir: join(base, 'small'), flashSizeBytes: 24 * 1024 }));
    try {
      const smallFs = new DeviceFs(small);
      await expect(installPackages(small, smallFs, ['mpst_big'], { index: index.url })).rejects.toMatchObject({ code: 'disk-full' });
      expect(await smallFs.stat('/lib/mpst_big_a.py')).toBeNull();
      expect(await smallFs.stat('/lib/mpst_big.py')).toBeNull();
    } finally {
      await small.close();
    }
  });
});
