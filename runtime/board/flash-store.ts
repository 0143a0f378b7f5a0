/**
 * The virtual board's flash: a folder on the host. Files being written live in a
 * staging folder and replace the real file with one rename when closed, so killing
 * the app or the worker never leaves a half-written file. Space is counted in 4 KiB
 * blocks like LittleFS on an ESP32, and a write that does not fit fails with ENOSPC
 * leaving the old file as it was. Errors are the errno numbers an ESP32 reports.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export const Errno = {
  ENOENT: 2,
  EIO: 5,
  EBADF: 9,
  EACCES: 13,
  EEXIST: 17,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  ENOSPC: 28,
  ENOTEMPTY: 39,
} as const;

export const BLOCK_BYTES = 4096;
/** Blocks LittleFS keeps for itself (its two superblocks). */
const RESERVED_BLOCKS = 2;
const NAME_MAX = 255;
/** Where files being written wait; hidden from the board's listings. */
export const STAGING_NAME = '.mpstudio-staging';

const S_IFDIR = 0x4000;
const S_IFREG = 0x8000;

export class FlashError extends Error {
  constructor(
    readonly errno: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FlashError';
  }
}

export interface OpenMode {
  read: boolean;
  write: boolean;
  append: boolean;
  truncate: boolean;
  create: boolean;
  exclusive: boolean;
}

interface Handle {
  fd: number;
  hostPath: string;
  /** Set for writable handles: the staging copy that replaces `hostPath` on close. */
  stagingPath?: string;
  append: boolean;
  position: number;
  size: number;
  /** Blocks the file had when opened (counted until the new version lands). */
  committedSize: number;
}

const blocksFor = (size: number) => Math.max(1, Math.ceil(size / BLOCK_BYTES));

export class FlashStore {
  private readonly handles = new Map<number, Handle>();
  private nextHandle = 1;
  private usedBlocks = 0;
  private readonly stagingDir: string;

  constructor(
    readonly root: string,
    readonly sizeBytes: number,
  ) {
    this.stagingDir = path.join(root, STAGING_NAME);
  }

  get totalBlocks(): number {
    return Math.floor(this.sizeBytes / BLOCK_BYTES);
  }

  /** Creates the folder if needed and throws away staging files a crash left behind. */
  init(): void {
    fs.mkdirSync(this.root, { recursive: true });
    fs.rmSync(this.stagingDir, { recursive: true, force: true });
    fs.mkdirSync(this.stagingDir, { recursive: true });
    this.usedBlocks = this.countBlocks();
  }

  /** Maps an absolute board path to the host, refusing anything that would leave the folder. */
  hostPath(boardPath: string): string {
    if (boardPath.includes('\0')) throw new FlashError(Errno.EINVAL, 'path contains NUL');
    const parts: string[] = [];
    for (const part of boardPath.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop();
      else if (part.length > NAME_MAX) throw new FlashError(Errno.EINVAL, 'name too long');
      else parts.push(part);
    }
    if (parts[0] === STAGING_NAME) throw new FlashError(Errno.EACCES, 'reserved name');
    return path.join(this.root, ...parts);
  }

  stat(boardPath: string): { mode: number; size: number; mtime: number } {
    const st = this.hostStat(this.hostPath(boardPath));
    return { mode: st.isDirectory() ? S_IFDIR : S_IFREG, size: st.isDirectory() ? 0 : st.size, mtime: Math.floor(st.mtimeMs / 1000) };
  }

  list(boardPath: string): Array<{ name: string; dir: boolean; size: number }> {
    const dir = this.hostPath(boardPath);
    if (!this.hostStat(dir).isDirectory()) throw new FlashError(Errno.ENOTDIR, 'not a directory');
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    return entries
      .filter((e) => !(dir === this.root && e.name === STAGING_NAME))
      .filter((e) => e.isDirectory() || e.isFile())
      .map((e) => ({
        name: e.name,
        dir: e.isDirectory(),
        size: e.isFile() ? this.hostStat(path.join(dir, e.name)).size : 0,
      }));
  }

  mkdir(boardPath: string): void {
    const target = this.hostPath(boardPath);
    if (target === this.root) throw new FlashError(Errno.EEXIST, 'exists');
    this.requireParentDir(target);
    this.reserve(1);
    try {
      fs.mkdirSync(target);
    } catch (error) {
      throw toFlashError(error);
    }
    this.usedBlocks += 1;
  }

  /** LittleFS removes files and empty folders alike, for both `remove` and `rmdir`. */
  remove(boardPath: string): void {
    const target = this.hostPath(boardPath);
    if (target === this.root) throw new FlashError(Errno.EACCES, 'cannot remove the root');
    const st = this.hostStat(target);
    try {
      if (st.isDirectory()) fs.rmdirSync(target);
      else fs.unlinkSync(target);
    } catch (error) {
      throw toFlashError(error);
    }
    this.usedBlocks -= st.isDirectory() ? 1 : blocksFor(st.size);
  }

  rename(fromPath: string, toPath: string): void {
    const from = this.hostPath(fromPath);
    const to = this.hostPath(toPath);
    const source = this.hostStat(from);
    this.requireParentDir(to);
    const existing = this.tryStat(to);
    if (existing && existing.isDirectory() !== source.isDirectory()) {
      throw new FlashError(existing.isDirectory() ? Errno.EISDIR : Errno.ENOTDIR, 'type mismatch');
    }
    try {
      fs.renameSync(from, to);
    } catch (error) {
      throw toFlashError(error);
    }
    if (existing) this.usedBlocks -= existing.isDirectory() ? 1 : blocksFor(existing.size);
  }

  /** `os.statvfs` as LittleFS on an ESP32 answers it. */
  statvfs(): number[] {
    const free = Math.max(0, this.totalBlocks - this.usedBlocks);
    return [BLOCK_BYTES, BLOCK_BYTES, this.totalBlocks, free, free, 0, 0, 0, 0, NAME_MAX];
  }

  open(boardPath: string, mode: OpenMode): number {
    const hostPath = this.hostPath(boardPath);
    const existing = this.tryStat(hostPath);
    if (existing?.isDirectory()) throw new FlashError(Errno.EISDIR, 'is a directory');
    if (existing && mode.exclusive) throw new FlashError(Errno.EEXIST, 'exists');
    if (!existing && !mode.create) throw new FlashError(Errno.ENOENT, 'no such file');
    if (!existing) this.requireParentDir(hostPath);
    const committedSize = existing?.size ?? 0;
    let handle: Handle;
    if (!mode.write) {
      handle = { fd: fs.openSync(hostPath, 'r'), hostPath, append: false, position: 0, size: committedSize, committedSize };
    } else {
      const stagingPath = path.join(this.stagingDir, randomBytes(8).toString('hex'));
      const keep = existing && !mode.truncate;
      if (keep) fs.copyFileSync(hostPath, stagingPath);
      const size = keep ? committedSize : 0;
      if (!existing) {
        // Opening creates the file at once, empty, as LittleFS does.
        this.reserve(1);
        fs.writeFileSync(hostPath, '');
        this.usedBlocks += 1;
      }
      // The staging copy takes its own blocks: the old version stays until it lands.
      this.reserve(blocksFor(size));
      this.usedBlocks += blocksFor(size);
      handle = {
        fd: fs.openSync(stagingPath, keep ? 'r+' : 'w+'),
        hostPath,
        stagingPath,
        append: mode.append,
        position: mode.append ? size : 0,
        size,
        committedSize,
      };
    }
    const id = this.nextHandle++;
    this.handles.set(id, handle);
    return id;
  }

  read(id: number, target: Uint8Array): number {
    const handle = this.handle(id);
    const count = fs.readSync(handle.fd, target, 0, target.length, handle.position);
    handle.position += count;
    return count;
  }

  /** Bytes between the position and the end, so a whole read allocates once. */
  remaining(id: number): number {
    const handle = this.handle(id);
    return Math.max(0, handle.size - handle.position);
  }

  write(id: number, data: Uint8Array): number {
    const handle = this.handle(id);
    if (!handle.stagingPath) throw new FlashError(Errno.EBADF, 'file not open for writing');
    if (handle.append) handle.position = handle.size;
    const newSize = Math.max(handle.size, handle.position + data.length);
    // The old version stays counted until the new one lands, as in copy-on-write LittleFS.
    this.reserve(blocksFor(newSize) - blocksFor(handle.size));
    fs.writeSync(handle.fd, data, 0, data.length, handle.position);
    this.usedBlocks += blocksFor(newSize) - blocksFor(handle.size);
    handle.position += data.length;
    handle.size = newSize;
    return data.length;
  }

  seek(id: number, offset: number, whence: number): number {
    const handle = this.handle(id);
    const base = whence === 0 ? 0 : whence === 1 ? handle.position : handle.size;
    handle.position = Math.max(0, base + offset);
    return handle.position;
  }

  /** Makes written data visible under the real name now (the file stays open). */
  flush(id: number): void {
    const handle = this.handle(id);
    if (!handle.stagingPath) return;
    const old = handle.committedSize >= 0 ? blocksFor(handle.committedSize) : 0;
    this.reserve(blocksFor(handle.size) - old);
    const copy = `${handle.stagingPath}.flush`;
    fs.copyFileSync(handle.stagingPath, copy);
    this.commit(handle, copy, true);
  }

  close(id: number): void {
    const handle = this.handles.get(id);
    if (!handle) return;
    this.handles.delete(id);
    fs.closeSync(handle.fd);
    if (handle.stagingPath) this.commit(handle, handle.stagingPath, false);
  }

  /** Closes every handle: saving writes (soft reset), or dropping them (power loss). */
  closeAll(save: boolean): void {
    for (const [id, handle] of [...this.handles]) {
      if (save) {
        try {
          this.close(id);
        } catch {
          // A file whose folder vanished is lost, as it would be on a board.
        }
      } else {
        this.handles.delete(id);
        fs.closeSync(handle.fd);
        if (handle.stagingPath) {
          fs.rmSync(handle.stagingPath, { force: true });
          this.usedBlocks -= blocksFor(handle.size);
        }
      }
    }
  }

  /**
   * Renames a staged copy over the real file. `keepsStaging` when the handle goes on
   * writing to its staging file (flush), which then counts as an extra version.
   */
  private commit(handle: Handle, stagedCopy: string, keepsStaging: boolean): void {
    try {
      fs.renameSync(stagedCopy, handle.hostPath);
    } catch (error) {
      fs.rmSync(stagedCopy, { force: true });
      if (!keepsStaging) this.usedBlocks -= blocksFor(handle.size);
      throw toFlashError(error);
    }
    if (handle.committedSize >= 0) this.usedBlocks -= blocksFor(handle.committedSize);
    if (keepsStaging) this.usedBlocks += blocksFor(handle.size);
    handle.committedSize = handle.size;
  }

  private reserve(blocks: number): void {
    if (blocks > 0 && this.usedBlocks + blocks > this.totalBlocks) {
      throw new FlashError(Errno.ENOSPC, 'no space left on the flash');
    }
  }

  private handle(id: number): Handle {
    const handle = this.handles.get(id);
    if (!handle) throw new FlashError(Errno.EBADF, 'file is closed');
    return handle;
  }

  private requireParentDir(hostPath: string): void {
    const parent = this.tryStat(path.dirname(hostPath));
    if (!parent) throw new FlashError(Errno.ENOENT, 'no such directory');
    if (!parent.isDirectory()) throw new FlashError(Errno.ENOTDIR, 'not a directory');
  }

  private hostStat(hostPath: string): fs.Stats {
    const st = this.tryStat(hostPath);
    if (!st) throw new FlashError(Errno.ENOENT, 'no such file or directory');
    return st;
  }

  private tryStat(hostPath: string): fs.Stats | undefined {
    return fs.statSync(hostPath, { throwIfNoEntry: false });
  }

  private countBlocks(): number {
    let blocks = RESERVED_BLOCKS;
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (dir === this.root && entry.name === STAGING_NAME) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          blocks += 1;
          walk(full);
        } else if (entry.isFile()) {
          blocks += blocksFor(fs.statSync(full).size);
        }
      }
    };
    walk(this.root);
    return blocks;
  }
}

function toFlashError(error: unknown): FlashError {
  const code = (error as NodeJS.ErrnoException).code;
  const errno =
    code === 'ENOENT' ? Errno.ENOENT
    : code === 'EEXIST' ? Errno.EEXIST
    : code === 'ENOTDIR' ? Errno.ENOTDIR
    : code === 'EISDIR' ? Errno.EISDIR
    : code === 'ENOTEMPTY' ? Errno.ENOTEMPTY
    : code === 'ENOSPC' ? Errno.ENOSPC
    : code === 'EACCES' || code === 'EPERM' ? Errno.EACCES
    : Errno.EIO;
  return new FlashError(errno, (error as Error).message, { cause: error });
}
