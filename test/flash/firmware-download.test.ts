/**
 * The board list's releases and firmware downloads, from a local HTTP server started
 * here: the page parsed into releases and cached with its date, a good download,
 * a checksum mismatch, a truncated file, and a server that stops answering.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestStable, parseBoardPage } from '../../main/flash/board-page';
import { FirmwareCatalogStore } from '../../main/flash/firmware-catalog';
import { downloadFirmware } from '../../main/flash/firmware-download';
import { DownloadError, FlashFileError } from '../../main/flash/flash-errors';
import type { FirmwareBoard } from '../../preload/contract-types';
import { buildUf2, UF2_FAMILIES } from '../../main/flash/uf2';
import { knownPayload } from './fake-drive';
import { boardPageHtml, startFirmwareServer, type FirmwareServer } from './firmware-server';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function serve(...args: Parameters<typeof startFirmwareServer>): Promise<FirmwareServer> {
  const server = await startFirmwareServer(...args);
  cleanups.push(() => server.close());
  return server;
}

const PICO_FILES = ['RPI_PICO-20250415-v1.25.0.uf2', 'RPI_PICO-20241129-v1.24.1.uf2', 'RPI_PICO-20250809-v1.26.0-preview.12.gabc123.uf2'];
const uf2 = buildUf2(knownPayload(3000), { familyId: UF2_FAMILIES.rp2040, baseAddr: 0x10000000 });
const pico = (site: string, releases = parseBoardPage(boardPageHtml('RPI_PICO', PICO_FILES), `${site}/download/RPI_PICO/`, 'RPI_PICO', 'uf2')): FirmwareBoard => ({
  id: 'RPI_PICO',
  family: 'rp2040',
  name: 'Raspberry Pi Pico',
  fileType: 'uf2',
  offset: 0,
  pageUrl: `${site}/download/RPI_PICO/`,
  releases,
});

describe('board pages', () => {
  it('lists the releases newest first, with variants, and picks the latest stable one', () => {
    const html = boardPageHtml('ESP32_GENERIC', [
      'ESP32_GENERIC-20241129-v1.24.1.bin',
      'ESP32_GENERIC-SPIRAM-20241129-v1.24.1.bin',
      'ESP32_GENERIC-20250415-v1.25.0.bin',
      'ESP32_GENERIC_S3-20250415-v1.25.0.bin',
    ]);
    const releases = parseBoardPage(html, 'https://micropython.org/download/ESP32_GENERIC/', 'ESP32_GENERIC', 'bin');
    expect(releases.map((r) => `${r.version}/${r.variant || '-'}/${r.date}`)).toEqual(['1.25.0/-/2025-04-15', '1.24.1/-/2024-11-29', '1.24.1/SPIRAM/2024-11-29']);
    expect(releases[0]?.url).toBe('https://micropython.org/resources/firmware/ESP32_GENERIC-20250415-v1.25.0.bin');
    const picoReleases = parseBoardPage(boardPageHtml('RPI_PICO', PICO_FILES), 'https://micropython.org/download/RPI_PICO/', 'RPI_PICO', 'uf2');
    expect(picoReleases[0]?.preview).toBe(true);
    expect(latestStable(picoReleases)?.version).toBe('1.25.0');
  });

  it('refreshes the shipped list from the site, caches it with the date, and keeps the cache when offline', async () => {
    const server = await serve({ '/download/RPI_PICO/': boardPageHtml('RPI_PICO', PICO_FILES) }, {});
    const userDataDir = await mkdtemp(join(tmpdir(), 'mpstudio-catalog-'));
    cleanups.push(() => rm(userDataDir, { recursive: true, force: true }));
    const store = new FirmwareCatalogStore({ userDataDir, site: server.site });
    expect((await store.load()).refreshedAt).toBeNull();
    const fresh = await store.refresh();
    expect(fresh.refreshedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(fresh.boards.find((b) => b.id === 'RPI_PICO')?.releases).toHaveLength(3);
    expect(fresh.refreshError).toMatch(/^13 of 14 board pages could not be read \(/);
    expect(server.requests).toContain('/download/ESP32_GENERIC/');

    await server.close();
    const offline = await store.refresh();
    expect(offline.refreshError).toMatch(/Could not read the releases/);
    expect(offline.refreshedAt).toBe(fresh.refreshedAt);
    expect(offline.boards.find((b) => b.id === 'RPI_PICO')?.releases).toHaveLength(3);
  });
});

describe('firmware downloads', () => {
  it('downloads, compares the published SHA-256 and checks the UF2', async () => {
    const server = await serve({}, { [PICO_FILES[0]!]: { bytes: uf2, sha256: 'right' } });
    const board = pico(server.site);
    const steps: string[] = [];
    const got = await downloadFirmware(board, latestStable(board.releases)!, (p) => steps.push(p.step));
    expect(Buffer.from(got.bytes).equals(Buffer.from(uf2))).toBe(true);
    expect(got.checksumCompared).toBe(true);
    expect(steps[0]).toBe('download');
    expect(steps.at(-1)).toBe('verify');
  });

  it('refuses a file whose published checksum does not match', async () => {
    const server = await serve({}, { [PICO_FILES[0]!]: { bytes: uf2, sha256: 'wrong' } });
    const board = pico(server.site);
    const error = await downloadFirmware(board, latestStable(board.releases)!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as Error).message).toMatch(/does not match its published checksum/);
  });

  it('refuses a download that is not a whole UF2 file, even without a checksum', async () => {
    const server = await serve({}, { [PICO_FILES[0]!]: { bytes: uf2.subarray(0, 1024) } });
    const board = pico(server.site);
    await expect(downloadFirmware(board, latestStable(board.releases)!)).rejects.toBeInstanceOf(FlashFileError);
  });

  it('gives up on a server that stops answering midway, and says so', async () => {
    const server = await serve({}, { [PICO_FILES[0]!]: { bytes: uf2, stallAfter: 1000 } });
    const board = pico(server.site);
    const started = Date.now();
    const error = await downloadFirmware(board, latestStable(board.releases)!, undefined, { idleTimeoutMs: 800 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as Error).message).toMatch(/stopped answering \(nothing for 1 s\)/);
    expect((error as DownloadError).hint).toMatch(/Use a local file/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('what main agrees to fetch', () => {
  it('refuses a release URL that is not in the board list', async () => {
    const { FlashService } = await import('../../main/flash/flash-service');
    const userDataDir = await mkdtemp(join(tmpdir(), 'mpstudio-catalog-'));
    cleanups.push(() => rm(userDataDir, { recursive: true, force: true }));
    const service = new FlashService({ catalog: new FirmwareCatalogStore({ userDataDir }), mounts: async () => [] });
    const error = await service
      .install({ firmware: { source: 'release', boardId: 'RPI_PICO', url: 'http://127.0.0.1:1/anything.uf2' }, target: { kind: 'drive', path: userDataDir } })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('http://127.0.0.1:1/anything.uf2 is not a release of RPI_PICO in the board list.');
  });
});
