/**
 * `mpstudio flash`: installs MicroPython from a shell, like the app's dialog.
 *   flash --list                      the known boards and their latest releases
 *   flash FILE|BOARD[@VERSION] [--drive DIR] [--port P] [--erase]
 * A .uf2/.hex goes through the board's bootloader drive (found by itself, or --drive),
 * a .bin through esptool over the serial port (--port, or mpstudio's own --port).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { FlashProgress } from '../../../preload/contract-types';
import { FirmwareCatalogStore } from '../../flash/firmware-catalog';
import { firmwareTypeOf } from '../../flash/firmware-check';
import { DriveNotFoundError, FlashError } from '../../flash/flash-errors';
import { FlashService } from '../../flash/flash-service';
import type { InstallRequest } from '../../flash/install-request';
import { systemMountLister } from '../../flash/mount-points';
import { pickRelease } from '../../flash/pick-release';
import { defaultUserDataDir } from '../../paths/user-data-dir';
import { EXIT, UsageError, type CliCommand } from '../command-registry';
import type { CliContext } from '../cli-context';

function parse(args: string[]): { spec?: string; drive?: string; port?: string; erase: boolean; list: boolean } {
  const out: { spec?: string; drive?: string; port?: string; erase: boolean; list: boolean } = { erase: false, list: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--list') out.list = true;
    else if (arg === '--erase') out.erase = true;
    else if (arg === '--drive' || arg === '--port') {
      const value = args[++i];
      if (!value) throw new UsageError(`${arg} needs a value`);
      out[arg === '--drive' ? 'drive' : 'port'] = value;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (out.spec) throw new UsageError('one firmware at a time');
    else out.spec = arg;
  }
  if (!out.list && !out.spec) throw new UsageError('name a firmware file or a board');
  return out;
}

function store(): FirmwareCatalogStore {
  // MPSTUDIO_FIRMWARE_SITE: tests point the download pages at their own server.
  return new FirmwareCatalogStore({ userDataDir: defaultUserDataDir(), ...(process.env.MPSTUDIO_FIRMWARE_SITE && { site: process.env.MPSTUDIO_FIRMWARE_SITE }) });
}

async function list(ctx: CliContext): Promise<number> {
  const catalog = await store().refresh();
  if (catalog.refreshError) ctx.err.write(`${catalog.refreshError}\n`);
  ctx.out.write(`Releases as of ${catalog.refreshedAt ?? 'never (offline, no cache)'}\n`);
  const width = Math.max(...catalog.boards.map((b) => b.id.length));
  for (const board of catalog.boards) {
    const latest = board.releases.find((r) => !r.preview && r.variant === '') ?? board.releases[0];
    const release = latest ? `v${latest.version} (${latest.date})` : '-';
    ctx.out.write(`${board.id.padEnd(width)}  .${board.fileType}  ${release.padEnd(22)}  ${board.name}\n`);
  }
  return EXIT.ok;
}

/** Prints each step once, and the write's progress in tenths. */
function printer(err: NodeJS.WritableStream): (p: FlashProgress) => void {
  let last = '';
  return (p) => {
    const tenth = p.total ? Math.floor(((p.done ?? 0) / p.total) * 10) : -1;
    const line = `${p.message}${tenth >= 0 && p.step !== 'download' ? ` ${tenth * 10}%` : ''}`;
    if (line !== last) err.write(`${line}\n`);
    last = line;
  };
}

export const flashCommand: CliCommand = {
  name: 'flash',
  usage: 'flash FILE|BOARD[@VERSION] [--drive DIR] [--port P] [--erase] | flash --list',
  summary: 'install MicroPython: a .uf2/.hex via the board\'s drive, a .bin via esptool',
  needsBoard: false,
  async run(ctx, args) {
    const options = parse(args);
    if (options.list) return list(ctx);
    const spec = options.spec as string;
    const catalogStore = store();
    const service = new FlashService({ catalog: catalogStore, mounts: systemMountLister });
    try {
      let firmware: InstallRequest['firmware'];
      let type = firmwareTypeOf(spec);
      if (existsSync(spec)) {
        firmware = { source: 'file', name: basename(spec), bytes: new Uint8Array(await readFile(resolve(spec))) };
      } else {
        let catalog = await catalogStore.load();
        if (catalog.boards.every((b) => b.releases.length === 0)) catalog = await catalogStore.refresh();
        const { board, release } = pickRelease(catalog, spec);
        firmware = { source: 'release', boardId: board.id, url: release.url };
        type = board.fileType;
        ctx.err.write(`${board.name}: MicroPython v${release.version}${release.variant ? ` (${release.variant})` : ''} of ${release.date}\n`);
      }
      if (!type) throw new UsageError(`${spec} is not a .uf2, .hex or .bin file`);
      let target: InstallRequest['target'];
      if (type === 'bin') {
        const port = options.port ?? ctx.port;
        if (!port) throw new UsageError('a .bin is flashed over a serial port: pass --port PATH');
        target = { kind: 'serial', path: port, erase: options.erase };
      } else {
        const drive = options.drive ?? (await findDrive(service, type));
        target = { kind: 'drive', path: drive };
      }
      const result = await service.install({ firmware, target }, printer(ctx.err));
      ctx.out.write(`Installed on ${result.target} (${result.verified === 'read-back' ? 'read back and compared' : result.verified === 'md5' ? 'checked by MD5' : 'the board restarted'})\n`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof FlashError)) throw error;
      ctx.err.write(`mpstudio flash: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
      return EXIT.failed;
    }
  },
};

async function findDrive(service: FlashService, type: 'uf2' | 'hex'): Promise<string> {
  const drives = (await service.drives()).filter((d) => d.fileType === type);
  if (drives.length === 1) return (drives[0] as { path: string }).path;
  if (drives.length === 0) {
    throw new DriveNotFoundError(
      `No ${type === 'uf2' ? 'BOOTSEL (RPI-RP2 or RP2350)' : 'MICROBIT'} drive is mounted.`,
      type === 'uf2' ? undefined : 'Plug the micro:bit in with its USB cable; a drive called MICROBIT appears.',
    );
  }
  throw new DriveNotFoundError(`${drives.length} bootloader drives are mounted: ${drives.map((d) => d.path).join(', ')}.`, 'Pick one with --drive DIR.');
}
