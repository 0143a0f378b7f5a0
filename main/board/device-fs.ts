/**
 * The board's file system, built on `exec` alone the way mpremote builds its own:
 * list, read, write (atomic where the firmware can rename), mkdir, remove, rename,
 * stat, space and hash. Flat file systems (micro:bit) get what each operation can
 * honestly do there, or a NotSupportedError that says why.
 */
import type { FsEntry, FsSpace } from '../../preload/contract-types';
import type { BoardSession } from './board-session';
import { BoardExecError, BoardFsError, DiskFullError, NotSupportedError, TransferCancelledError, TransferDamagedError } from './errors';
import { PROBE_SOURCE, parseProbe, type BoardFsFeatures } from './fs-capabilities';
import { downloadStreamed } from './fs-download-streamed';
import { downloadBytes, hashOnBoard, hashOnHost, sha256Hex } from './fs-download';
import { basenameOf, boardSidePath, dirnameOf, joinBoardPath, normalizeBoardPath } from './fs-paths';
import { chooseUploadStrategy, uploadBytes, type UploadStrategy } from './fs-upload';
import { uploadWindowed } from './fs-upload-windowed';
import { parseBytesRepr, pyStr } from './python-literal';

export interface TransferOptions {
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  signal?: AbortSignal | undefined;
  strategy?: UploadStrategy;
}

const S_IFDIR = 0x4000;

export class DeviceFs {
  #session: BoardSession;
  #features: Promise<BoardFsFeatures> | null = null;

  constructor(session: BoardSession) {
    this.#session = session;
  }

  /** What the firmware can do; probed once per connection (and stale temporaries removed). */
  features(): Promise<BoardFsFeatures> {
    // A link cut mid-upload leaves a partial temporary file behind; on a 15 KB flash that
    // matters. (A comprehension's names are its own: no global is left to fragment a small heap.)
    const staleTemps = (path: string, listing: string) =>
      `[os.remove(${path}) for n in ${listing} if n.startswith(${pyStr(TEMP_PREFIX)}) and n.endswith('.tmp')]`;
    this.#features ??= (async () => {
      if ((await this.#session.detectRawPaste()).kind === 'supported') {
        // A board with raw-paste has the heap for both in one command, the folder question answered on the board.
        return parseProbe(await this.#session.execText(`${PROBE_SOURCE}\nimport os\n${staleTemps("('/'+n if hasattr(os,'mkdir') else n)", "(os.listdir('/') if hasattr(os,'mkdir') else os.listdir())")}`));
      }
      // Small heaps (the micro:bit): the probe alone, then the clean-up for the file system it found.
      const features = parseProbe(await this.#session.execText(PROBE_SOURCE));
      await this.#session.execText(`import os\n${staleTemps(features.folders ? "'/'+n" : 'n', features.folders ? "os.listdir('/')" : 'os.listdir()')}`);
      return features;
    })();
    this.#features.catch(() => (this.#features = null));
    return this.#features;
  }

  async list(path: string, recursive = false): Promise<FsEntry[]> {
    const f = await this.features();
    const dir = normalizeBoardPath(path);
    if (!f.folders) {
      if (dir !== '/') throw new NotSupportedError("This board's file system is flat: there are no folders to list.");
      const out = await this.#fsExec(dir, `import os\n[print(repr(bytes(n,'utf8')),1,os.size(n) if hasattr(os,'size') else 0) for n in os.listdir()]`);
      return parseListing(out, '/');
    }
    const sizeOf = f.ilistdir ? `_e[3] if len(_e)>3 else 0` : '0';
    const source = f.ilistdir
      ? `import os\ndef _l(p,r):\n for _e in os.ilistdir(p):\n  _q=(p if p!='/' else '')+'/'+_e[0]\n  _d=_e[1]==${S_IFDIR}\n  print(repr(bytes(_q,'utf8')),0 if _d else 1,${sizeOf})\n  if r and _d:\n   _l(_q,r)\n_l(${pyStr(dir)},${recursive ? 'True' : 'False'})\ndel _l`
      : `import os\ndef _l(p,r):\n for _n in os.listdir(p):\n  _q=(p if p!='/' else '')+'/'+_n\n  _s=os.stat(_q)\n  _d=_s[0]&${S_IFDIR}!=0\n  print(repr(bytes(_q,'utf8')),0 if _d else 1,_s[6])\n  if r and _d:\n   _l(_q,r)\n_l(${pyStr(dir)},${recursive ? 'True' : 'False'})\ndel _l`;
    return parseListing(await this.#fsExec(dir, source), null);
  }

  async stat(path: string): Promise<FsEntry | null> {
    const f = await this.features();
    const normal = normalizeBoardPath(path);
    if (normal === '/') return { path: '/', name: '', type: 'dir', size: 0 };
    if (!f.folders) {
      if (normal.lastIndexOf('/') > 0) return null;
      const name = normal.slice(1);
      const out = await this.#session.execText(`import os\nprint(os.size(${pyStr(name)}) if ${pyStr(name)} in os.listdir() else -1)`);
      const size = Number(out.trim());
      return size < 0 ? null : { path: normal, name, type: 'file', size };
    }
    const out = await this.#session.execText(`import os\ntry:\n _s=os.stat(${pyStr(normal)})\n print(_s[0]&${S_IFDIR}!=0,_s[6])\n del _s\nexcept OSError:\n print('missing')`);
    const [isDir, size] = out.trim().split(/\s+/);
    if (isDir === 'missing') return null;
    return { path: normal, name: basenameOf(normal), type: isDir === 'True' ? 'dir' : 'file', size: Number(size) || 0 };
  }

  async read(path: string, options: TransferOptions = {}): Promise<Uint8Array> {
    const f = await this.features();
    const entry = await this.stat(path);
    if (!entry) throw new BoardFsError('not-found', `No such file on the board: ${path}`, path);
    if (entry.type === 'dir') throw new BoardFsError('invalid-argument', `${path} is a folder, not a file.`, path);
    const target = boardSidePath(path, !f.folders);
    const onProgress = (done: number): void => options.onProgress?.(Math.min(done, entry.size), entry.size);
    if (f.hashlib && f.stdinBuffer && !f.microbitUart) {
      const piece = (f.freeMemory ?? 0) > 64 * 1024 ? 4096 : 512;
      try {
        return await this.#mapFsErrors(path, () => downloadStreamed(this.#session, target, { piece, signal: options.signal, onProgress }));
      } catch (err) {
        // Damaged on the way (or a board that changes bytes in its output): read it again the slow, plain-text way.
        if (!(err instanceof TransferDamagedError) || !this.#session.isOpen) throw err;
      }
    }
    return await this.#mapFsErrors(path, () => downloadBytes(this.#session, target, { signal: options.signal, onProgress }));
  }

  /**
   * Replaces `path` with `data`. The bytes go to a temporary file that is verified
   * (size and hash) before it takes the old file's place, so a failed or cancelled
   * write leaves the old file as it was.
   */
  async write(path: string, data: Uint8Array, options: TransferOptions = {}): Promise<void> {
    const f = await this.features();
    const target = boardSidePath(path, !f.folders);
    const paste = this.#session.rawPaste;
    if ((options.strategy ?? chooseUploadStrategy(f, paste)) === 'windowed' && paste.kind === 'supported') {
      // Raw-paste lets two windows be unread: the board grants a second one right after it
      // announces the size (MicroPython 1.29 under QEMU sends `R\x01`, `\x80\x00`, then `\x01`).
      await this.#writeWindowed(path, f, target, data, 2 * paste.windowSize, options);
      return;
    }
    const existing = await this.stat(path);
    if (existing?.type === 'dir') throw new BoardFsError('already-exists', `${path} is a folder.`, path);
    // A new file needs no temporary: on failure the partial file is simply removed.
    const temp = existing ? tempNameFor(target, !f.folders) : target;
    const progress = (done: number): void => options.onProgress?.(done, data.length);
    for (let attempt = 1; ; attempt++) {
      progress(0);
      try {
        const receipt = await this.#mapFsErrors(path, () => uploadBytes(this.#session, f, temp, data, { onProgress: progress, signal: options.signal, strategy: options.strategy }));
        options.signal?.throwIfAborted();
        await this.#verify(path, f, temp, data, receipt.byteSumChecked);
        break;
      } catch (err) {
        if (this.#session.isOpen) await this.#session.exec(`import os\ntry:\n os.remove(${pyStr(temp)})\nexcept OSError:\n pass`).catch(() => undefined);
        if (options.signal?.aborted && !(err instanceof TransferCancelledError)) throw new TransferCancelledError(undefined, err);
        // Bytes lost or damaged on a link without flow control, or a starved host: one more try.
        if (attempt < 2 && err instanceof BoardFsError && (err.code === 'timeout' || err.code === 'internal') && this.#session.isOpen) continue;
        throw err;
      }
    }
    // The verified temporary file now takes the old one's place. Should that fail on a
    // flat file system (no rename, so it is a copy), the error says what happened.
    if (temp !== target) await this.#replace(path, f, temp, target);
  }

  /**
   * The windowed upload checks the file and puts it in place in the same board command,
   * so a write is one command: no stat, verify or rename round trips of its own.
   */
  async #writeWindowed(path: string, f: BoardFsFeatures, target: string, data: Uint8Array, window: number, options: TransferOptions): Promise<void> {
    const temp = tempNameFor(target, !f.folders);
    // Frames of 1 KB keep the sum trailer's cost at 0.4%; small heaps get smaller frames.
    const frameSize = (f.freeMemory ?? 0) > 64 * 1024 ? 1024 : 256;
    const progress = (done: number): void => options.onProgress?.(done, data.length);
    for (let attempt = 1; ; attempt++) {
      progress(0);
      try {
        await this.#mapFsErrors(path, () => uploadWindowed(this.#session, temp, target, data, { window, frameSize, onProgress: progress, signal: options.signal }));
        return;
      } catch (err) {
        if (options.signal?.aborted && !(err instanceof TransferCancelledError)) throw new TransferCancelledError(undefined, err);
        // The whole file arrived damaged though its frames checked out: one more try.
        if (attempt < 2 && err instanceof TransferDamagedError && !err.persistent && this.#session.isOpen) continue;
        throw err;
      }
    }
  }

  async mkdir(path: string): Promise<void> {
    const f = await this.features();
    if (!f.folders) throw new NotSupportedError("This board's file system is flat (the firmware has no os.mkdir): folders cannot be made.");
    const dir = normalizeBoardPath(path);
    await this.#fsExec(dir, `import os\nos.mkdir(${pyStr(dir)})`);
  }

  /** Removes a file, or a folder (with `recursive`, everything in it). */
  async remove(path: string, recursive = false): Promise<void> {
    const f = await this.features();
    const target = boardSidePath(path, !f.folders);
    if (!f.folders) {
      await this.#fsExec(path, `import os\nos.remove(${pyStr(target)})`);
      return;
    }
    const source = recursive
      ? `import os\ndef _r(p):\n if os.stat(p)[0]&${S_IFDIR}:\n  for _n in os.listdir(p):\n   _r(p+'/'+_n)\n  os.rmdir(p)\n else:\n  os.remove(p)\n_r(${pyStr(target)})\ndel _r`
      : `import os\nif os.stat(${pyStr(target)})[0]&${S_IFDIR}:\n os.rmdir(${pyStr(target)})\nelse:\n os.remove(${pyStr(target)})`;
    await this.#fsExec(path, source);
  }

  /** Renames; on firmware without os.rename a file is copied on the board, then the original removed. */
  async rename(from: string, to: string): Promise<void> {
    const f = await this.features();
    const a = boardSidePath(from, !f.folders);
    const b = boardSidePath(to, !f.folders);
    if (f.rename) {
      await this.#fsExec(from, `import os\nos.rename(${pyStr(a)},${pyStr(b)})`);
      return;
    }
    if (await this.stat(to)) throw new BoardFsError('already-exists', `${to} already exists.`, to);
    await this.#fsExec(from, `import os\n${copySource(a, b)}\nos.remove(${pyStr(a)})`);
  }

  async space(): Promise<FsSpace> {
    const f = await this.features();
    if (!f.statvfs) throw new NotSupportedError('This firmware has no os.statvfs, so it cannot report free space.');
    const out = await this.#session.execText(`import os\n_s=os.statvfs('/')\nprint(_s[0]*_s[2],_s[0]*_s[3])\ndel _s`);
    const [total, free] = out.trim().split(/\s+/).map(Number);
    return { total: total ?? 0, free: free ?? 0 };
  }

  /** sha256 of the file's content, hex: on the board when it has hashlib, else by reading it back. */
  async hash(path: string, options: TransferOptions = {}): Promise<string> {
    const f = await this.features();
    if (f.hashlib) {
      const entry = await this.stat(path);
      if (!entry) throw new BoardFsError('not-found', `No such file on the board: ${path}`, path);
      return (await this.#mapFsErrors(path, () => hashOnBoard(this.#session, f, boardSidePath(path, !f.folders)))).hex;
    }
    return sha256Hex(await this.read(path, options));
  }

  // ------------------------------------------------------------------ internals

  /**
   * Size always; content by sha256 on boards with hashlib (fast, in C). Elsewhere the
   * upload's own byte-sum checks stand in, since Adler-32 in Python on a 16 MHz board is slow.
   */
  async #verify(path: string, f: BoardFsFeatures, temp: string, data: Uint8Array, byteSumChecked: boolean): Promise<void> {
    const sizeSource = f.size && !f.stat ? `import os\nprint(os.size(${pyStr(temp)}))` : `import os\nprint(os.stat(${pyStr(temp)})[6])`;
    const size = Number((await this.#session.execText(sizeSource)).trim());
    if (size !== data.length) throw new BoardFsError('internal', `Upload of ${path} arrived incomplete (${size} of ${data.length} bytes); the old file is unchanged.`, path);
    if (!f.hashlib && byteSumChecked) return;
    const onBoard = await hashOnBoard(this.#session, f, temp);
    if (onBoard.hex !== hashOnHost(data, onBoard.algorithm)) throw new BoardFsError('internal', `Upload of ${path} arrived corrupted; the old file is unchanged.`, path);
  }

  /** Puts the verified temporary file in the target's place. */
  async #replace(path: string, f: BoardFsFeatures, temp: string, target: string): Promise<void> {
    if (f.rename) {
      // Some ports refuse to rename over an existing file: remove it first then.
      await this.#fsExec(path, `import os\ntry:\n os.rename(${pyStr(temp)},${pyStr(target)})\nexcept OSError:\n os.remove(${pyStr(target)})\n os.rename(${pyStr(temp)},${pyStr(target)})`);
      return;
    }
    // No rename (micro:bit): the copy runs on the board in one command, so a cut link cannot
    // interrupt it. It needs room for a second copy of the new content once the old file is
    // gone; when that runs out (only when the new file is larger), we say exactly that.
    try {
      const [t, n] = [pyStr(temp), pyStr(target)];
      await this.#fsExec(path, `import os\nos.remove(${n})\ntry:\n ${copySource(temp, target).replace(/\n/g, '\n ')}\nexcept OSError:\n try:\n  _d.close()\n  os.remove(${n})\n except Exception:\n  pass\n raise\nos.remove(${t})`);
    } catch (err) {
      if (err instanceof DiskFullError) {
        throw new BoardFsError('disk-full', `Not enough space to put ${path} in place on this flat file system (it needs room for the new content twice); the old file had to be removed first and is gone.`, path, err);
      }
      throw err;
    }
  }

  async #fsExec(path: string, source: string): Promise<string> {
    return this.#mapFsErrors(path, () => this.#session.execText(source, { timeoutMs: 30_000 }));
  }

  /** Board OSErrors become errors a user can act on. */
  async #mapFsErrors<T>(path: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof BoardExecError) || err.exceptionType !== 'OSError') throw err;
      if (err.errno === 28) throw new DiskFullError(path, err);
      if (err.errno === 2) throw new BoardFsError('not-found', `No such file or folder on the board: ${path}`, path, err);
      if (err.errno === 17) throw new BoardFsError('already-exists', `${path} already exists on the board.`, path, err);
      if (err.errno === 21) throw new BoardFsError('already-exists', `${path} is a folder.`, path, err);
      if (err.errno === 39) throw new BoardFsError('invalid-argument', `The folder ${path} is not empty.`, path, err);
      if (err.errno === 110) throw new BoardFsError('timeout', `The board stopped receiving ${path}; the old file is unchanged.`, path, err);
      throw err;
    }
  }
}

function copySource(from: string, to: string): string {
  return `_s=open(${pyStr(from)},'rb')\n_d=open(${pyStr(to)},'wb')\nwhile 1:\n _c=_s.read(256)\n if not _c:\n  break\n _d.write(_c)\n_d.close()\n_s.close()\ndel _s,_d,_c`;
}

/** Temporary upload files are named `.mpst-XXXXXX.tmp`. */
const TEMP_PREFIX = '.mpst-';

function tempNameFor(target: string, flat: boolean): string {
  const tag = `${TEMP_PREFIX}${Math.random().toString(36).slice(2, 8)}.tmp`;
  return flat ? tag : joinBoardPath(dirnameOf(target), tag);
}

/** Parses `b'path' <0 dir|1 file> size` lines. `prefix` is prepended to bare names (flat listings). */
function parseListing(output: string, prefix: string | null): FsEntry[] {
  const entries: FsEntry[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^(b(['"]).*\2) (\d) (\d+)$/.exec(line.trim());
    if (!match) continue;
    const raw = parseBytesRepr(match[1] as string);
    if (!raw) continue;
    const name = new TextDecoder().decode(raw);
    const path = prefix === null ? name : joinBoardPath(prefix, name);
    entries.push({ path, name: basenameOf(path), type: match[3] === '0' ? 'dir' : 'file', size: Number(match[4]) });
  }
  return entries.sort((x, y) => x.path.localeCompare(y.path));
}

