/**
 * The local mirror: a copy of every board file ever opened or saved, kept per board
 * in the user-data folder so that a dead or wiped board never takes the user's code
 * with it. Contents are stored once per SHA-256 (`blobs/`), and an index per board
 * names the last few versions of each path. Board paths never become host file
 * names, so no name a board allows can escape the mirror folder.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from '../local/atomic-write';
import { join } from 'node:path';
import type { MirrorBoard, MirrorFile } from '../../preload/contract-types';
import { UserFacingError } from '../services/user-facing-error';

/** Versions kept per path: the newest first. */
export const MAX_VERSIONS = 10;

interface Version {
  sha256: string;
  size: number;
  savedAt: number;
}

interface BoardIndex {
  boardId: string;
  label: string;
  files: Record<string, Version[]>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const writeAtomically = (file: string, data: string | Uint8Array): Promise<void> => writeFileAtomic(file, data);

export class MirrorStore {
  /** One queue per board, so two saves never interleave their index updates. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  private dirOf(boardId: string): string {
    return join(this.root, createHash('sha256').update(boardId).digest('hex').slice(0, 24));
  }

  private async loadIndex(boardId: string): Promise<BoardIndex> {
    try {
      const parsed = JSON.parse(await readFile(join(this.dirOf(boardId), 'index.json'), 'utf8')) as BoardIndex;
      if (parsed.boardId === boardId && parsed.files && typeof parsed.files === 'object') return parsed;
    } catch {
      // No mirror for this board yet, or a damaged index: start afresh (blobs stay).
    }
    return { boardId, label: boardId, files: Object.create(null) as Record<string, Version[]> };
  }

  private serialise<T>(boardId: string, job: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(boardId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(job);
    this.queues.set(boardId, next);
    return next;
  }

  /** Keeps `bytes` as the newest version of `path` on `boardId`. */
  record(boardId: string, label: string, path: string, bytes: Uint8Array): Promise<void> {
    return this.serialise(boardId, async () => {
      const dir = this.dirOf(boardId);
      const blobs = join(dir, 'blobs');
      await mkdir(blobs, { recursive: true });
      const hash = sha256(bytes);
      await writeAtomically(join(blobs, hash), bytes);
      const index = await this.loadIndex(boardId);
      index.label = label || index.label;
      const versions = (index.files[path] ?? []).filter((v) => v.sha256 !== hash);
      versions.unshift({ sha256: hash, size: bytes.byteLength, savedAt: Date.now() });
      index.files[path] = versions.slice(0, MAX_VERSIONS);
      await writeAtomically(join(dir, 'index.json'), JSON.stringify(index));
      await this.dropUnusedBlobs(dir, index);
    });
  }

  /**
   * Files the board renamed or moved: the copies of `from`, and of everything under it
   * when it is a folder, move to the new path (merged with any copies already there).
   * True when something moved.
   */
  move(boardId: string, from: string, to: string): Promise<boolean> {
    return this.serialise(boardId, async () => {
      const index = await this.loadIndex(boardId);
      let moved = false;
      for (const path of Object.keys(index.files)) {
        if (path !== from && !path.startsWith(`${from}/`)) continue;
        const target = to + path.slice(from.length);
        const merged = [...(index.files[path] ?? []), ...(index.files[target] ?? [])].sort((a, b) => b.savedAt - a.savedAt);
        index.files[target] = merged.filter((v, i) => merged.findIndex((w) => w.sha256 === v.sha256) === i).slice(0, MAX_VERSIONS);
        delete index.files[path];
        moved = true;
      }
      if (moved) await writeAtomically(join(this.dirOf(boardId), 'index.json'), JSON.stringify(index));
      return moved;
    });
  }

  private async dropUnusedBlobs(dir: string, index: BoardIndex): Promise<void> {
    const used = new Set(Object.values(index.files).flatMap((vs) => vs.map((v) => v.sha256)));
    for (const name of await readdir(join(dir, 'blobs'))) {
      if (/^[0-9a-f]{64}$/.test(name) && !used.has(name)) await rm(join(dir, 'blobs', name), { force: true });
    }
  }

  async boards(): Promise<MirrorBoard[]> {
    let dirs: string[];
    try {
      dirs = await readdir(this.root);
    } catch {
      return [];
    }
    const out: MirrorBoard[] = [];
    for (const dir of dirs) {
      try {
        const index = JSON.parse(await readFile(join(this.root, dir, 'index.json'), 'utf8')) as BoardIndex;
        const versions = Object.values(index.files);
        out.push({
          boardId: index.boardId,
          label: index.label,
          files: versions.length,
          lastSavedAt: Math.max(0, ...versions.map((vs) => vs[0]?.savedAt ?? 0)),
        });
      } catch {
        // Not a mirror folder, or a damaged one: leave it out of the list.
      }
    }
    return out.sort((a, b) => b.lastSavedAt - a.lastSavedAt);
  }

  async list(boardId: string): Promise<MirrorFile[]> {
    const index = await this.loadIndex(boardId);
    return Object.entries(index.files)
      .filter(([, vs]) => vs.length > 0)
      .map(([path, vs]) => ({ path, size: vs[0]!.size, savedAt: vs[0]!.savedAt, sha256: vs[0]!.sha256, versions: vs.length - 1 }))
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  /** The newest copy of `path`; the hash is checked so a damaged copy is never restored silently. */
  async read(boardId: string, path: string): Promise<Uint8Array<ArrayBuffer>> {
    const index = await this.loadIndex(boardId);
    const latest = index.files[path]?.[0];
    if (!latest) throw new UserFacingError('not-found', `The mirror has no copy of "${path}" for this board.`);
    const bytes = new Uint8Array(await readFile(join(this.dirOf(boardId), 'blobs', latest.sha256)));
    if (sha256(bytes) !== latest.sha256) {
      throw new UserFacingError('internal', `The mirrored copy of "${path}" is damaged on disk.`);
    }
    return bytes;
  }
}
