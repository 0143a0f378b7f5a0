/**
 * Install MicroPython, as one service for the app and the CLI: the board list, the
 * bootloader drives (watched, so a BOOTSEL drive that appears can be offered), and
 * `install`, which runs download → verify → (erase) → write → verify → reset and
 * reports each step.
 */
import type { BootDriveInfo, FirmwareBoard, FirmwareCatalog, FlashProgress, FlashResult } from '../../preload/contract-types';
import { describeDrive, findBootDrives } from './boot-drives';
import { flashEsp } from './esp/esp-flasher';
import type { FirmwareCatalogStore } from './firmware-catalog';
import { downloadFirmware } from './firmware-download';
import { checkFirmwareFile, firmwareTypeOf } from './firmware-check';
import { DriveNotFoundError, FlashError, FlashFileError } from './flash-errors';
import type { InstallRequest } from './install-request';
import { installToDrive } from './install-to-drive';
import { basename } from 'node:path';
import type { MountLister } from './mount-points';

/** How often mounted volumes are checked for a bootloader drive. */
const DRIVE_POLL_MS = 1500;

export interface FlashServiceOptions {
  catalog: FirmwareCatalogStore;
  mounts: MountLister;
  /** Frees a serial port the app holds before esptool opens it. */
  releasePort?: (path: string) => Promise<void>;
  /** Stub baud rate for esptool; tests keep 115200. */
  espBaudRate?: number;
}

export class FlashService {
  #options: FlashServiceOptions;
  #running = false;

  constructor(options: FlashServiceOptions) {
    this.#options = options;
  }

  catalog(): Promise<FirmwareCatalog> {
    return this.#options.catalog.load();
  }

  refreshCatalog(): Promise<FirmwareCatalog> {
    return this.#options.catalog.refresh();
  }

  drives(): Promise<BootDriveInfo[]> {
    return findBootDrives(this.#options.mounts);
  }

  /** Calls `listener` with the drive list whenever it changes; returns the stop function. */
  watchDrives(listener: (drives: BootDriveInfo[]) => void, intervalMs = DRIVE_POLL_MS): () => void {
    let last = '';
    const poll = async () => {
      const drives = await this.drives();
      const key = JSON.stringify(drives.map((d) => d.path));
      if (key !== last) {
        last = key;
        listener(drives);
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async install(request: InstallRequest, progress: (p: FlashProgress) => void = () => undefined): Promise<FlashResult> {
    if (this.#running) throw new FlashError('An install is already running.', 'Wait for it to finish.', 'busy');
    this.#running = true;
    try {
      const { fileName, bytes, board } = await this.#firmware(request, progress);
      const type = firmwareTypeOf(fileName);
      if (request.target.kind === 'drive') {
        const drive = await describeDrive({ path: request.target.path, label: basename(request.target.path) });
        if (!drive) throw new DriveNotFoundError(`${request.target.path} is not a bootloader drive (it has no INFO_UF2.TXT or DETAILS.TXT).`);
        const result = await installToDrive(drive, fileName, bytes, progress);
        return { target: result.path, verified: result.verified };
      }
      if (type !== 'bin') {
        throw new FlashFileError(`${fileName} is copied through a drive, not over a serial port.`, 'Choose the board\'s drive (BOOTSEL or MICROBIT) as the target.');
      }
      progress({ step: 'verify', message: `Checking ${fileName}` });
      checkFirmwareFile('bin', bytes);
      await this.#options.releasePort?.(request.target.path);
      await flashEsp({
        path: request.target.path,
        image: bytes,
        offset: board?.offset ?? 'auto',
        ...(board && { family: board.family }),
        erase: request.target.erase,
        ...(this.#options.espBaudRate && { baudRate: this.#options.espBaudRate }),
        progress,
      });
      return { target: request.target.path, verified: 'md5' };
    } finally {
      this.#running = false;
    }
  }

  async #firmware(request: InstallRequest, progress: (p: FlashProgress) => void): Promise<{ fileName: string; bytes: Uint8Array; board?: FirmwareBoard }> {
    if (request.firmware.source === 'file') return { fileName: request.firmware.name, bytes: request.firmware.bytes };
    const { boardId, url } = request.firmware;
    const catalog = await this.#options.catalog.load();
    const board = catalog.boards.find((b) => b.id === boardId);
    const release = board?.releases.find((r) => r.url === url);
    if (!board || !release) {
      throw new FlashError(`${url} is not a release of ${boardId} in the board list.`, 'Refresh the board list, then pick the version again.', 'invalid-argument');
    }
    const downloaded = await downloadFirmware(board, release, progress);
    return { fileName: downloaded.fileName, bytes: downloaded.bytes, board };
  }
}
