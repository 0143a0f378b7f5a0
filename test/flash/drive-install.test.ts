/**
 * Installing through a FAKE bootloader drive (a temp folder with INFO_UF2.TXT or
 * DETAILS.TXT): drive detection from an injected mount list, the family check before
 * any byte is copied, a full copy verified byte for byte, and a drive that vanishes.
 */
import { rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBootDrives } from '../../main/flash/boot-drives';
import { copyToDrive } from '../../main/flash/drive-copy';
import { DriveVanishedError, WrongFamilyError } from '../../main/flash/flash-errors';
import { installToDrive } from '../../main/flash/install-to-drive';
import { fixedMountLister, parseProcMounts } from '../../main/flash/mount-points';
import { buildUf2, UF2_FAMILIES } from '../../main/flash/uf2';
import { knownPayload, makeFakeDrive, type FakeDrive } from './fake-drive';

const drives: FakeDrive[] = [];
afterEach(async () => {
  for (const d of drives.splice(0)) await d.remove();
});
async function drive(label?: 'RPI-RP2' | 'RP2350' | 'MICROBIT'): Promise<FakeDrive> {
  const d = await makeFakeDrive(label);
  drives.push(d);
  return d;
}

describe('drive detection', () => {
  it('reads FAT mount points from /proc/mounts, with escaped spaces', () => {
    const text = [
      '/dev/sda1 / ext4 rw 0 0',
      '/dev/sdb1 /media/ann/RPI-RP2 vfat rw,nosuid 0 0',
      '/dev/sdc /media/ann/MICRO\\040BIT vfat rw 0 0',
      'tmpfs /run tmpfs rw 0 0',
    ].join('\n');
    expect(parseProcMounts(text)).toEqual([
      { path: '/media/ann/RPI-RP2', label: 'RPI-RP2' },
      { path: '/media/ann/MICRO BIT', label: 'MICRO BIT' },
    ]);
  });

  it('finds RP2040, RP2350 and micro:bit drives among the mounts, and skips other folders', async () => {
    const rp2040 = await drive('RPI-RP2');
    const rp2350 = await drive('RP2350');
    const microbit = await drive('MICROBIT');
    const found = await findBootDrives(fixedMountLister([rp2040.path, '/nonexistent/USB', rp2350.path, microbit.path, '/tmp']));
    expect(found.map((d) => [d.label, d.kind, d.fileType, d.boardId])).toEqual([
      ['RPI-RP2', 'rp2040', 'uf2', 'RPI-RP2'],
      ['RP2350', 'rp2350', 'uf2', 'RP2350'],
      ['MICROBIT', 'microbit', 'hex', '9904'],
    ]);
  });
});

describe('installing through a drive', () => {
  it('copies a UF2 built from a known payload and reads it back byte for byte', async () => {
    const d = await drive('RPI-RP2');
    const [info] = await findBootDrives(fixedMountLister([d.path]));
    const uf2 = buildUf2(knownPayload(150_000), { familyId: UF2_FAMILIES.rp2040, baseAddr: 0x10000000 });
    const steps: string[] = [];
    const result = await installToDrive(info!, 'RPI_PICO-test.uf2', uf2, (p) => steps.push(p.step));
    expect(result.verified).toBe('read-back');
    expect(Buffer.from(await readFile(join(d.path, 'RPI_PICO-test.uf2'))).equals(Buffer.from(uf2))).toBe(true);
    expect(steps[0]).toBe('verify');
    expect(steps.slice(-2)).toEqual(['verify', 'reset']);
    expect(steps).toContain('write');
    expect(steps.at(-1)).toBe('reset');
  });

  it('refuses an RP2350 file on an RP2040 drive before copying a byte', async () => {
    const d = await drive('RPI-RP2');
    const [info] = await findBootDrives(fixedMountLister([d.path]));
    const uf2 = buildUf2(knownPayload(5000), { familyId: UF2_FAMILIES.rp2350ArmSecure, baseAddr: 0x10000000 });
    const error = await installToDrive(info!, 'RPI_PICO2.uf2', uf2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongFamilyError);
    expect((error as Error).message).toMatch(/is for rp2350ArmSecure, but the drive RPI-RP2 is an RP2040/);
    expect((await readdir(d.path)).sort()).toEqual(['INDEX.HTM', 'INFO_UF2.TXT']);
  });

  it('refuses a truncated UF2 and a .uf2 on a micro:bit drive', async () => {
    const rp = await drive('RPI-RP2');
    const mb = await drive('MICROBIT');
    const [rpInfo, mbInfo] = await findBootDrives(fixedMountLister([rp.path, mb.path]));
    const uf2 = buildUf2(knownPayload(5000), { familyId: UF2_FAMILIES.rp2040, baseAddr: 0x10000000 });
    await expect(installToDrive(rpInfo!, 'cut.uf2', uf2.subarray(0, 2048))).rejects.toThrow(/truncated/);
    await expect(installToDrive(mbInfo!, 'pico.uf2', uf2)).rejects.toThrow(/MICROBIT takes .hex files/);
  });

  it('copies a .hex onto a micro:bit drive', async () => {
    const mb = await drive('MICROBIT');
    const [info] = await findBootDrives(fixedMountLister([mb.path]));
    const hex = new TextEncoder().encode(':020000040000FA\n:10000000000102030405060708090A0B0C0D0E0F78\n:00000001FF\n');
    await expect(installToDrive(info!, 'micropython.hex', hex)).resolves.toMatchObject({ verified: 'read-back' });
  });

  it('says the drive vanished when it goes away midway, with how far it got', async () => {
    const d = await drive('RPI-RP2');
    const bytes = knownPayload(512 * 400);
    let removed = false;
    const error = await copyToDrive(d.path, 'fw.uf2', bytes, {
      markerFile: 'INFO_UF2.TXT',
      onProgress: (written) => {
        // The board is unplugged after the first chunk: the whole mount goes.
        if (!removed && written > 0) {
          removed = true;
          rmSync(d.path, { recursive: true, force: true });
        }
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriveVanishedError);
    expect((error as Error).message).toMatch(/went away after \d+ of 204800 bytes/);
    expect((error as DriveVanishedError).hint).toMatch(/Plug the board in again/);
  });
});
