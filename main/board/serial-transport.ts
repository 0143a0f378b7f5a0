/**
 * `SerialTransport`: the Transport over a serial port (serialport 13), for USB boards
 * and pseudo-terminals alike. It also notices a link that goes away silently: a cut
 * pty raises no event at all (shared/TESTING.md), so a liveness probe checks the link
 * every few hundred milliseconds and reports `lost` well within a second.
 */
import { EventEmitter } from 'node:events';
import { existsSync, realpathSync, statSync, readFileSync, write as fsWrite } from 'node:fs';
import { SerialPort } from 'serialport';
import type { Transport, TransportCloseReason, TransportEvents } from './transport';
import { BoardDisconnectedError, PortAccessError, PortBusyError, PortNotFoundError, BoardError } from './errors';

/** How often the link is checked while open. Keeps "rejects within 1 s of a cut" with margin. */
const LIVENESS_INTERVAL_MS = 200;
const EMPTY = Buffer.alloc(0);

export interface SerialTransportOptions {
  path: string;
  baudRate?: number;
}

/** Opens a serial port and resolves once it is open, or rejects with a typed error. */
export async function openSerialTransport(options: SerialTransportOptions): Promise<SerialTransport> {
  const port = new SerialPort({ path: options.path, baudRate: options.baudRate ?? 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((err) => (err ? reject(classifyOpenError(options.path, err)) : resolve()));
  });
  return new SerialTransport(port, options.path);
}

export class SerialTransport extends EventEmitter implements Transport {
  readonly description: string;
  /** A pseudo-terminal takes modem-line settings and drops them: nothing is wired to a reset. */
  readonly resetLines: boolean;
  #port: SerialPort;
  #open = true;
  #timer: NodeJS.Timeout;
  #probing = false;
  /** Rejects each write still waiting when the link ends: see `write`. */
  #pendingWrites = new Set<(err: Error) => void>();

  constructor(port: SerialPort, path: string) {
    super();
    this.description = path;
    this.resetLines = !isPseudoTerminal(path);
    this.#port = port;
    port.on('data', (chunk: Buffer) => {
      if (this.#open) this.emit('data', new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
    port.on('error', (err) => this.#lost(err));
    port.on('close', (err?: Error | null) => this.#lost(err ?? new Error('port closed')));
    this.#timer = setInterval(() => this.#probe(), LIVENESS_INTERVAL_MS);
    this.#timer.unref();
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /**
   * Resolves once the bytes are written and drained; rejects once the link is gone. While
   * serialport closes a port (it does so by itself when a read fails, as on a cut pty) and
   * after, it holds back writes and drains "until the port opens again" and never calls
   * back: an upload cut mid-frame then waited forever. So a port that is closing takes no
   * write, and every write still waiting is rejected when the link ends.
   */
  write(bytes: Uint8Array): Promise<void> {
    if (!this.#open || !this.#port.isOpen) return Promise.reject(new BoardDisconnectedError(`${this.description} is closed.`));
    return new Promise((resolve, reject) => {
      const fail = (err: Error): void => {
        this.#pendingWrites.delete(fail);
        reject(err instanceof BoardDisconnectedError ? err : new BoardDisconnectedError(`Lost the link to ${this.description}.`, err));
      };
      this.#pendingWrites.add(fail);
      this.#port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (err) => {
        if (err) {
          this.#lost(err);
          fail(err);
          return;
        }
        this.#port.drain((drainErr) => {
          if (drainErr || !this.#open) return fail(drainErr ?? new Error('port closed'));
          this.#pendingWrites.delete(fail);
          resolve();
        });
      });
    });
  }

  async setSignals(signals: { dtr?: boolean; rts?: boolean }): Promise<void> {
    if (!this.#open) throw new BoardDisconnectedError();
    await new Promise<void>((resolve, reject) => this.#port.set(signals, (err) => (err ? reject(err) : resolve())));
  }

  async close(): Promise<void> {
    if (!this.#open) return;
    this.#finish({ kind: 'closed' });
    await new Promise<void>((resolve) => {
      if (!this.#port.isOpen) return resolve();
      this.#port.close(() => resolve());
    });
  }

  /**
   * A zero-length write sends nothing to the board but fails with EIO once the other
   * end of a pty is gone; a vanished device node means a USB unplug.
   */
  #probe(): void {
    if (!this.#open || this.#probing) return;
    // Only device paths can vanish from the file system (Windows' COM3 is not a path).
    if (this.description.startsWith('/') && !existsSync(this.description)) {
      this.#lost(new Error(`${this.description} no longer exists`));
      return;
    }
    const fd = (this.#port.port as { fd?: number | null } | undefined)?.fd;
    if (typeof fd !== 'number') return;
    this.#probing = true;
    fsWrite(fd, EMPTY, 0, 0, (err) => {
      this.#probing = false;
      if (err && err.code !== 'EAGAIN' && err.code !== 'EINTR') this.#lost(err);
    });
  }

  #lost(cause: Error): void {
    if (!this.#open) return;
    this.#finish({ kind: 'lost', cause });
    if (this.#port.isOpen) this.#port.close(() => undefined);
  }

  #finish(reason: TransportCloseReason): void {
    this.#open = false;
    clearInterval(this.#timer);
    const lost = new BoardDisconnectedError(reason.kind === 'lost' ? `Lost the link to ${this.description}.` : `${this.description} was closed.`, reason.kind === 'lost' ? reason.cause : undefined);
    for (const fail of [...this.#pendingWrites]) fail(lost);
    this.emit('close', reason);
  }

  override on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    return super.on(event, listener);
  }
  override off<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    return super.off(event, listener);
  }
}

/** Turns serialport's open failures into errors a user can act on. */
export function classifyOpenError(path: string, err: Error): BoardError {
  const text = `${(err as NodeJS.ErrnoException).code ?? ''} ${err.message}`;
  if (/ENOENT|No such file/i.test(text)) return new PortNotFoundError(path, err);
  if (/EACCES|Permission denied/i.test(text)) return new PortAccessError(path, groupOf(path), err);
  if (/EBUSY|Cannot lock port|Resource temporarily unavailable|Resource busy/i.test(text)) return new PortBusyError(path, err);
  return new BoardDisconnectedError(`Could not open ${path}: ${err.message}`, err);
}

/** The name of the group that owns a device node (often `dialout` or `uucp`), if readable. */
export function groupOf(path: string): string | undefined {
  try {
    const gid = statSync(path).gid;
    const line = readFileSync('/etc/group', 'utf8')
      .split('\n')
      .find((entry) => entry.split(':')[2] === String(gid));
    return line?.split(':')[0] || undefined;
  } catch {
    return undefined;
  }
}

/** A pseudo-terminal's slave side (Linux /dev/pts/N, macOS /dev/ttysNNN), also behind a symlink such as socat's. */
function isPseudoTerminal(path: string): boolean {
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // Not resolvable: judge by the name given.
  }
  return /^\/dev\/(pts\/\d|ttys\d)/.test(real);
}
