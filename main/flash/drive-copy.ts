/**
 * Copies a firmware file onto a bootloader drive, in chunks with progress, and checks
 * it byte for byte. A drive that goes away before the last byte is reported as such.
 *
 * On a real BOOTSEL or DAPLink drive the board flashes and resets as soon as the last
 * block arrives, so the drive may vanish before it can be read back: that outcome is
 * `verified: 'board-restarted'`, not a failure. A drive that is still there is read
 * back and compared.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DriveVanishedError, VerifyFailedError } from './flash-errors';

/** UF2 loaders take whole 512-byte blocks; 64 blocks per write keeps progress smooth. */
const CHUNK_BYTES = 32 * 1024;

export interface DriveCopyResult {
  path: string;
  verified: 'read-back' | 'board-restarted';
}

export interface DriveCopyOptions {
  /** A file on the drive that shows it is still mounted (INFO_UF2.TXT or DETAILS.TXT). */
  markerFile: string;
  onProgress?: (written: number, total: number) => void;
}

async function stillMounted(drive: string, marker: string): Promise<boolean> {
  try {
    await stat(join(drive, marker));
    return true;
  } catch {
    return false;
  }
}

export async function copyToDrive(drive: string, fileName: string, bytes: Uint8Array, options: DriveCopyOptions): Promise<DriveCopyResult> {
  const target = join(drive, fileName);
  const vanished = (written: number, cause?: unknown) =>
    new DriveVanishedError(`The drive ${drive} went away after ${written} of ${bytes.length} bytes: the firmware was not installed.`, { cause });
  if (!(await stillMounted(drive, options.markerFile))) throw vanished(0);
  let handle;
  try {
    handle = await open(target, 'w');
  } catch (error) {
    throw vanished(0, error);
  }
  let written = 0;
  try {
    while (written < bytes.length) {
      const chunk = bytes.subarray(written, written + CHUNK_BYTES);
      await handle.write(chunk, 0, chunk.length, written);
      written += chunk.length;
      // A deleted or unmounted folder can keep accepting writes to an orphaned file;
      // the marker file tells whether the drive itself is still there.
      if (!(await stillMounted(drive, options.markerFile))) throw vanished(written);
      options.onProgress?.(written, bytes.length);
    }
    await handle.sync();
  } catch (error) {
    if (error instanceof DriveVanishedError) throw error;
    throw vanished(written, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
  if (!(await stillMounted(drive, options.markerFile))) return { path: target, verified: 'board-restarted' };
  let back: Uint8Array;
  try {
    back = await readFile(target);
  } catch {
    return { path: target, verified: 'board-restarted' };
  }
  const firstDifference = findDifference(bytes, back);
  if (firstDifference !== -1) {
    throw new VerifyFailedError(
      back.length !== bytes.length
        ? `The drive holds ${back.length} bytes of the ${bytes.length} written.`
        : `The copy on the drive differs from the file at byte ${firstDifference}.`,
    );
  }
  return { path: target, verified: 'read-back' };
}

function findDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}
