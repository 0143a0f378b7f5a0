/**
 * Package install time against the time its files' bytes alone take, in the same run:
 * - bytes alone: the files' total size at 115200 baud (11.5 KB/s), and, measured, the
 *   engine's plain verified `fs.write` of the same files (no download, no checks, no record);
 * - install: `installPackages` from a local test index (host download and hash checks,
 *   board probe, on-board hash of existing files, folders, atomic writes, the record).
 * Packages: mpst_greet (3 small files, dependencies two deep) and mpst_big (2 files, 20 KB).
 * Boards: the virtual board at 115200 baud, and the modern firmware under QEMU when present.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { BoardSession } from '../main/board/board-session';
import { DeviceFs } from '../main/board/device-fs';
import type { Transport } from '../main/board/transport';
import { installPackages } from '../main/packages/install-packages';
import { createVirtualBoardTransport } from '../runtime/start-virtual-board';
import { startPackageIndex, type PackageIndexServer } from '../test/support/package-index';
import { MODERN_FIRMWARE, openModernTransport, startQemuModern } from '../test/support/qemu-modern';

const BAUD_BYTES_PER_SECOND = 115200 / 10;

async function measure(label: string, transport: Transport, index: PackageIndexServer): Promise<void> {
  // Generous: on a loaded shared host the first prompt can take a while.
  const session = await BoardSession.open(transport, { connectTimeoutMs: 30_000 });
  try {
    const fs = new DeviceFs(session);
    await fs.features();
    for (const packageName of ['mpst_greet', 'mpst_big']) await measureOne(label, session, fs, index, packageName, `/plain-${packageName}`);
  } finally {
    await session.close();
  }
}

async function measureOne(label: string, session: BoardSession, fs: DeviceFs, index: PackageIndexServer, packageName: string, dir: string): Promise<void> {
  {
    // The files as the index serves them, for the plain writes that go first (so the board's
    // warm-up, e.g. its first hashlib import, is charged to the reference, not to the install).
    const { resolvePlan } = await import('../main/packages/resolve-plan');
    const { httpGet } = await import('../main/packages/http-get');
    const target = await (await import('../main/packages/board-target')).probeBoardTarget(session, fs, { mpy: true });
    const files = (await resolvePlan([packageName], { index: index.url, mpy: target.mpy, get: httpGet })).files;
    const bytes = files.reduce((sum, f) => sum + f.data.length, 0);
    await fs.mkdir(dir).catch(() => undefined);
    let t = performance.now();
    for (const file of files) await fs.write(`${dir}/${file.path.replace(/\//g, '_')}`, file.data);
    const writeSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await installPackages(session, fs, [packageName], { index: index.url });
    const installSeconds = (performance.now() - t) / 1000;
    const wire = bytes / BAUD_BYTES_PER_SECOND;
    console.log(
      `${label} ${packageName}: ${files.length} files, ${bytes} bytes | install ${installSeconds.toFixed(2)} s | plain fs.write of the same files ${writeSeconds.toFixed(2)} s | bytes alone at 115200 baud ${wire.toFixed(2)} s | install ÷ plain writes ${(installSeconds / writeSeconds).toFixed(2)}× | install ÷ bytes alone ${(installSeconds / wire).toFixed(1)}×`,
    );
  }
}

const index = await startPackageIndex();
const base = await mkdtemp(join(tmpdir(), 'mpstudio-bench-mip-'));
try {
  await measure('virtual board (115200 baud)', await createVirtualBoardTransport({ flashDir: join(base, 'flash'), baudRate: 115200 }), index);
  if (existsSync(MODERN_FIRMWARE)) {
    const qemu = await startQemuModern();
    try {
      await measure('modern firmware (QEMU, ~10 KB/s UART)', await openModernTransport(qemu), index);
    } finally {
      await qemu.kill();
    }
  } else console.log(`modern firmware: skipped (no image at ${MODERN_FIRMWARE})`);
} finally {
  await index.close();
  await rm(base, { recursive: true, force: true });
}
