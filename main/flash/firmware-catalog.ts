/**
 * The list of boards Install MicroPython offers: shipped in resources/, with each
 * board's releases read from its micropython.org page when online and cached in the
 * user-data folder with the date, so the list still works offline.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import shipped from '../../resources/micropython-boards.json' with { type: 'json' };
import type { FirmwareBoard, FirmwareCatalog, FirmwareRelease } from '../../preload/contract-types';
import { parseBoardPage } from './board-page';
import { fetchBytes } from './http-fetch';

export const MICROPYTHON_SITE = 'https://micropython.org';
const CACHE_FILE = 'firmware-catalog.json';
/** Board pages fetched at once: polite to the server, quick enough for ~15 boards. */
const PARALLEL_FETCHES = 4;

const releaseSchema = v.object({ version: v.string(), date: v.string(), variant: v.string(), url: v.string(), preview: v.boolean() });
const cacheSchema = v.object({ refreshedAt: v.string(), releases: v.record(v.string(), v.array(releaseSchema)) });

export function shippedBoards(): FirmwareBoard[] {
  return shipped.boards.map((b) => ({ ...b, family: b.family as FirmwareBoard['family'], fileType: b.fileType as FirmwareBoard['fileType'], releases: [] }));
}

export interface CatalogOptions {
  userDataDir: string;
  /** Replaces https://micropython.org in page URLs; tests point it at their own server. */
  site?: string;
}

export class FirmwareCatalogStore {
  #options: CatalogOptions;

  constructor(options: CatalogOptions) {
    this.#options = options;
  }

  get #cachePath(): string {
    return join(this.#options.userDataDir, CACHE_FILE);
  }

  pageUrl(board: FirmwareBoard): string {
    const site = this.#options.site;
    return site ? board.pageUrl.replace(MICROPYTHON_SITE, site.replace(/\/$/, '')) : board.pageUrl;
  }

  /** The shipped boards with the cached releases, if any. */
  async load(): Promise<FirmwareCatalog> {
    const boards = shippedBoards();
    try {
      const parsed = v.safeParse(cacheSchema, JSON.parse(await readFile(this.#cachePath, 'utf8')));
      if (!parsed.success) return { boards, refreshedAt: null };
      for (const board of boards) board.releases = parsed.output.releases[board.id] ?? [];
      return { boards, refreshedAt: parsed.output.refreshedAt };
    } catch {
      return { boards, refreshedAt: null };
    }
  }

  /** Reads every board's page; keeps the cache (and says why) when the site cannot be read. */
  async refresh(): Promise<FirmwareCatalog> {
    const boards = shippedBoards();
    const releases: Record<string, FirmwareRelease[]> = {};
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < boards.length) {
        const board = boards[next++] as FirmwareBoard;
        try {
          const url = this.pageUrl(board);
          const html = new TextDecoder().decode(await fetchBytes(url, { idleTimeoutMs: 10_000 }));
          releases[board.id] = parseBoardPage(html, url, board.id, board.fileType);
        } catch (error) {
          failures.push(`${board.id}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_FETCHES }, worker));
    if (Object.values(releases).every((r) => r.length === 0)) {
      const cached = await this.load();
      return { ...cached, refreshError: `Could not read the releases from micropython.org (${failures[0] ?? 'no board page listed any file'}).` };
    }
    const refreshedAt = new Date().toISOString();
    await mkdir(dirname(this.#cachePath), { recursive: true });
    await writeFile(this.#cachePath, JSON.stringify({ refreshedAt, releases }, null, 1));
    for (const board of boards) board.releases = releases[board.id] ?? [];
    const refreshError = failures.length > 0 ? `${failures.length} of ${boards.length} board pages could not be read (${failures[0]}).` : undefined;
    return { boards, refreshedAt, ...(refreshError && { refreshError }) };
  }
}
