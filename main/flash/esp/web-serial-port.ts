/**
 * A Web Serial–style port (what esptool-js's `Transport` drives) over the main
 * process's `serialport`: `open`, `readable`/`writable` streams, `setSignals`,
 * `setBaudRate` (so a baud change does not reopen the port) and `close`.
 * It only moves bytes and lines; the ROM loader protocol stays in esptool-js.
 */
import { SerialPort } from 'serialport';
import { classifyOpenError } from '../../board/serial-transport';

/** Web Serial's names for the modem lines esptool-js sets. */
export interface WebSerialSignals {
  dataTerminalReady?: boolean;
  requestToSend?: boolean;
  break?: boolean;
}

export interface SignalRecord {
  dtr?: boolean;
  rts?: boolean;
  brk?: boolean;
  /** False when the port has no modem lines (a pseudo-terminal): nothing reached the chip. */
  applied: boolean;
}

export class NodeWebSerialPort {
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  /** Every signal change asked for, in order: for diagnostics and tests. */
  readonly signalLog: SignalRecord[] = [];
  readonly path: string;
  #port: SerialPort | null = null;
  #info: { usbVendorId?: number; usbProductId?: number };

  constructor(path: string, info: { usbVendorId?: number; usbProductId?: number } = {}) {
    this.path = path;
    this.#info = info;
  }

  getInfo(): { usbVendorId?: number; usbProductId?: number } {
    return this.#info;
  }

  async open(options: { baudRate: number }): Promise<void> {
    if (this.#port) throw new Error(`${this.path} is already open`);
    const port = new SerialPort({ path: this.path, baudRate: options.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(classifyOpenError(this.path, err)) : resolve())));
    this.#port = port;
    this.readable = new ReadableStream<Uint8Array>({
      start: (controller) => {
        port.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
        port.once('close', () => {
          try {
            controller.close();
          } catch {
            // Already closed or cancelled.
          }
        });
        port.once('error', (err) => controller.error(err));
      },
      cancel: () => {
        port.removeAllListeners('data');
      },
    });
    this.writable = new WritableStream<Uint8Array>({
      write: (chunk) =>
        new Promise<void>((resolve, reject) => {
          port.write(Buffer.from(chunk), (err) => {
            if (err) return reject(err);
            port.drain((drainErr) => (drainErr ? reject(drainErr) : resolve()));
          });
        }),
    });
  }

  async setSignals(signals: WebSerialSignals): Promise<void> {
    const port = this.#requireOpen();
    const wanted: { dtr?: boolean; rts?: boolean; brk?: boolean } = {};
    if (signals.dataTerminalReady !== undefined) wanted.dtr = signals.dataTerminalReady;
    if (signals.requestToSend !== undefined) wanted.rts = signals.requestToSend;
    if (signals.break !== undefined) wanted.brk = signals.break;
    try {
      await new Promise<void>((resolve, reject) => port.set(wanted, (err) => (err ? reject(err) : resolve())));
      this.signalLog.push({ ...wanted, applied: true });
    } catch (error) {
      // A pseudo-terminal (and some CDC ports) has no modem lines: the ioctl fails with
      // ENOTTY. The chip then cannot be reset into its loader by DTR/RTS, only by its
      // BOOT button; carry on, and the sync tells whether it is listening.
      if (!/Inappropriate ioctl|ENOTTY/i.test((error as Error).message)) throw error;
      this.signalLog.push({ ...wanted, applied: false });
    }
  }

  /** Changes the baud rate in place (esptool-js prefers this to closing and reopening). */
  async setBaudRate(baudRate: number): Promise<void> {
    const port = this.#requireOpen();
    await new Promise<void>((resolve, reject) => port.update({ baudRate }, (err) => (err ? reject(err) : resolve())));
  }

  async close(): Promise<void> {
    const port = this.#port;
    this.#port = null;
    this.readable = null;
    this.writable = null;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  #requireOpen(): SerialPort {
    if (!this.#port) throw new Error(`${this.path} is not open`);
    return this.#port;
  }
}
