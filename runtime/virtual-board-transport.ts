/**
 * The virtual board as a `Transport`: bytes in, bytes out, exactly like a serial
 * port, with the real MicroPython interpreter running in a worker thread so the
 * main process never blocks. The host side adds what a worker cannot do for
 * itself: it restarts a worker stuck in a loop that never calls out (Ctrl-C could
 * not reach it), performs hard resets, and paces bytes at an optional baud rate.
 */
import { EventEmitter } from 'node:events';
import { BoardDisconnectedError } from '../main/board/errors';
import type { Transport, TransportCloseReason, TransportEvents } from '../main/board/transport';
import type { VirtualHardwareState, VirtualSensor } from '../preload/contract-types';
import { BoardWorkerHandle, waitAsync } from './board-worker-handle';
import {
  Ctrl,
  OUTPUT_RING_BYTES,
  ReplModeCode,
  pushInput,
  signalWorker,
} from './shared-channel';
import { SimulatedHardware } from './simulated-hardware';
import { UartPacer, PACING_SLICE_BYTES } from './uart-pacer';
import type { BoardWorkerMessage } from './worker-messages';

export interface VirtualBoardOptions {
  /** Host folder that holds the board's files. */
  flashDir: string;
  /** Flash size; default 2 MiB. */
  flashSizeBytes?: number;
  /** Paces bytes both ways like a UART at this speed; default: as fast as the machine. */
  baudRate?: number;
  /**
   * Output the board may run ahead of the host before it blocks: default 64 KiB, or
   * 128 bytes (a UART FIFO) when paced. Small for a pty, so Ctrl-C is not followed
   * by a long tail of stale output.
   */
  outputBufferBytes?: number;
}

export const DEFAULT_FLASH_BYTES = 2 * 1024 * 1024;
const CTRL_C = 0x03;
/**
 * How long Ctrl-C may wait for the worker to notice it. A worker that called out
 * to the host in that time took it; one that did not is stuck in pure computation.
 */
export const INTERRUPT_GRACE_MS = 600;
/** A UART transmit FIFO's worth of output, for paced links. */
const PACED_OUTPUT_CAPACITY = 128;
const POWER_ON = 1;
const HARD_RESET = 2;
/** Output kept for the first `data` listener, so the boot banner is not lost. */
const EARLY_OUTPUT_LIMIT = 64 * 1024;

export const RESTART_MESSAGE =
  'KeyboardInterrupt: the program never gave the virtual board a chance to stop it, ' +
  'so its interpreter was restarted (files are kept, variables are lost)';

export class VirtualBoardTransport implements Transport {
  readonly description = 'virtual board';
  private readonly emitter = new EventEmitter();
  private handle: BoardWorkerHandle | null = null;
  /** A warm worker waiting to replace the active one (hard reset, stuck code). */
  private standby: BoardWorkerHandle | null = null;
  private open = true;
  private writeChain: Promise<void> = Promise.resolve();
  private readonly sendPacer: UartPacer | null;
  private readonly receivePacer: UartPacer | null;
  private earlyOutput: Uint8Array[] | null = [];
  private heldInReset = false;
  /** Set while the reader asked to pause (flow control); resolves when it resumes. */
  private outputPaused: { promise: Promise<void>; resume: () => void } | null = null;
  private markLoaded!: () => void; // Declared before `loaded`, whose initializer sets it.
  /** Resolves once the first worker's interpreter has loaded, or the board closed first. */
  readonly loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));
  /** Workers whose interpreter has loaded (a standby may load long before it serves). */
  private readonly loadedWorkers = new WeakSet<BoardWorkerHandle>();
  /** Buttons, sliders and what the program drove: kept across workers. */
  private readonly hardware = new SimulatedHardware(() => this.handle);

  constructor(private readonly options: Required<Pick<VirtualBoardOptions, 'flashDir' | 'flashSizeBytes'>> & VirtualBoardOptions) {
    this.sendPacer = options.baudRate ? new UartPacer(options.baudRate) : null;
    this.receivePacer = options.baudRate ? new UartPacer(options.baudRate) : null;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Starts the first worker: a power-on boot. */
  start(): void {
    this.spawn('power-on', 'friendly', POWER_ON);
  }

  /**
   * Loads an interpreter now for a `start` expected soon (the app opening on the virtual
   * board): loading is most of a connect, and it overlaps the window's own loading.
   * No program runs and no file of the flash is read or written until `start`.
   */
  warmUp(): void {
    if (this.open && !this.handle && !this.standby) this.standby = this.createWorker();
  }

  /** True once a warmed-up interpreter has loaded and waits for `start`. */
  get warm(): boolean {
    return this.standby !== null && this.loadedWorkers.has(this.standby);
  }

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    this.emitter.on(event, listener);
    if (event === 'data' && this.earlyOutput) {
      const early = this.earlyOutput;
      this.earlyOutput = null;
      for (const chunk of early) (listener as TransportEvents['data'])(chunk);
    }
    return this;
  }

  off<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    this.emitter.off(event, listener);
    return this;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (!this.open) return Promise.reject(new BoardDisconnectedError('The virtual board is closed.'));
    const copy = Uint8Array.from(bytes);
    const done = this.writeChain.then(() => this.send(copy));
    this.writeChain = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.resumeOutput();
    const handle = this.handle;
    const standby = this.standby;
    this.handle = null;
    this.standby = null;
    await Promise.all([handle?.terminate(), standby?.terminate()]);
    this.markLoaded();
    this.emitter.emit('close', { kind: 'closed' } satisfies TransportCloseReason);
  }

  /** RTS held high keeps the board in reset, as the auto-reset circuit of an ESP32 board does. */
  async setSignals(signals: { dtr?: boolean; rts?: boolean }): Promise<void> {
    if (signals.rts === true && !this.heldInReset) {
      this.heldInReset = true;
      await this.endWorker();
    } else if (signals.rts === false && this.heldInReset) {
      this.heldInReset = false;
      this.spawn('power-on', 'friendly', HARD_RESET);
    }
  }

  /** Presses the reset button: the worker is replaced, files stay, RAM is gone. */
  async hardReset(): Promise<void> {
    await this.endWorker();
    this.spawn('power-on', 'friendly', HARD_RESET);
  }

  /**
   * Flow control, like a UART's CTS line: while paused, no output is delivered and
   * the board blocks once its buffer is full. For readers that fall behind (a pty).
   */
  pauseOutput(): void {
    if (this.outputPaused) return;
    let resume = () => {};
    const promise = new Promise<void>((resolve) => (resume = resolve));
    this.outputPaused = { promise, resume };
  }

  resumeOutput(): void {
    const paused = this.outputPaused;
    this.outputPaused = null;
    paused?.resume();
  }

  /** The simulated hardware as the host shows it (simulated-hardware.ts). */
  get state(): VirtualHardwareState {
    return this.hardware.state;
  }

  setPin(pin: number, level: 0 | 1 | null): void {
    this.hardware.setPin(pin, level);
  }

  setPotentiometer(position: number): void {
    this.hardware.setPotentiometer(position);
  }

  setSensor(sensor: VirtualSensor, value: number | null): void {
    this.hardware.setSensor(sensor, value);
  }

  onStateChanged(listener: (state: VirtualHardwareState) => void): () => void {
    return this.hardware.onStateChanged(listener);
  }

  // ------------------------------------------------------------ internals

  private spawn(boot: 'power-on' | 'recovered', replMode: 'friendly' | 'raw', resetCause: number): void {
    if (!this.open) return;
    const handle = this.standby ?? this.createWorker();
    this.standby = null;
    handle.activate({ boot, replMode, resetCause, hardwareIn: this.hardware.inputs });
    this.handle = handle;
    if (this.loadedWorkers.has(handle)) this.markLoaded();
  }

  private createWorker(): BoardWorkerHandle {
    const handle: BoardWorkerHandle = new BoardWorkerHandle({
      flashDir: this.options.flashDir,
      flashSizeBytes: this.options.flashSizeBytes,
      // Paced, the board may run only a FIFO's worth ahead of the wire, as with a real UART.
      outputCapacity: Math.min(
        OUTPUT_RING_BYTES,
        this.options.outputBufferBytes ?? (this.receivePacer ? PACED_OUTPUT_CAPACITY : OUTPUT_RING_BYTES),
      ),
      outputSlice: this.receivePacer ? PACING_SLICE_BYTES : undefined,
      onOutput: (bytes) => this.deliver(bytes),
      onMessage: (message) => {
        if (message.type === 'loaded') this.loadedWorkers.add(handle);
        if (this.handle === handle) this.onWorkerMessage(message);
        else if (this.standby === handle && message.type === 'fatal') {
          // A replacement that failed to load is not one: the next start makes another.
          this.standby = null;
          void handle.terminate();
        }
      },
      onLost: (cause) => {
        if (this.handle === handle) this.lose(cause);
        else if (this.standby === handle) this.standby = null;
      },
    });
    return handle;
  }

  private async endWorker(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.terminate();
  }

  private onWorkerMessage(message: BoardWorkerMessage): void {
    switch (message.type) {
      case 'hardware':
        this.hardware.driven(message.outputs);
        break;
      case 'hard-reset':
        this.handle?.drainOutput();
        void this.endWorker().then(() => this.spawn('power-on', 'friendly', message.cause));
        break;
      case 'fatal':
        this.lose(new Error(message.message));
        break;
      case 'loaded':
        this.markLoaded();
        break;
      case 'ready':
        // Warm a replacement now that the board is up, not while it boots.
        if (this.open && !this.standby) this.standby = this.createWorker();
        break;
    }
  }

  private async deliver(bytes: Uint8Array): Promise<void> {
    while (this.outputPaused && this.open) await this.outputPaused.promise;
    if (this.receivePacer) await this.receivePacer.transmit(bytes.length);
    this.emitData(bytes);
  }

  private emitData(bytes: Uint8Array): void {
    if (!this.open) return;
    if (this.earlyOutput) {
      const size = this.earlyOutput.reduce((sum, chunk) => sum + chunk.length, 0);
      if (size + bytes.length <= EARLY_OUTPUT_LIMIT) this.earlyOutput.push(bytes);
      return;
    }
    this.emitter.emit('data', bytes);
  }

  private async send(bytes: Uint8Array): Promise<void> {
    const step = this.sendPacer ? PACING_SLICE_BYTES : bytes.length;
    for (let offset = 0; offset < bytes.length; offset += step) {
      const slice = bytes.subarray(offset, offset + step);
      if (this.sendPacer) await this.sendPacer.transmit(slice.length);
      await this.pushToWorker(slice);
    }
  }

  /** Puts bytes in the worker's ring, waiting for room; arms the Ctrl-C watchdog. */
  private async pushToWorker(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      if (!this.open) throw new BoardDisconnectedError('The virtual board is closed.');
      const handle = this.handle;
      if (!handle) {
        // Held in reset or between workers: the bytes go nowhere, as on a board in reset.
        return;
      }
      const taken = pushInput(handle.channel, bytes.subarray(offset));
      if (taken > 0) {
        const sent = bytes.subarray(offset, offset + taken);
        offset += taken;
        signalWorker(handle.control);
        if (sent.includes(CTRL_C)) this.watchInterrupt(handle, Atomics.load(handle.control, Ctrl.inWrite));
        continue;
      }
      const read = Atomics.load(handle.control, Ctrl.inRead);
      const waiting = waitAsync(handle.control, Ctrl.inRead, read, 100);
      if (waiting.async) await waiting.value;
    }
  }

  /**
   * After a Ctrl-C: if the worker has not taken it within the grace time, it is
   * stuck in code that never calls out. End it and start a fresh interpreter in
   * the same REPL mode, with a message where the traceback would be.
   */
  private watchInterrupt(handle: BoardWorkerHandle, writtenUpTo: number): void {
    const control = handle.control;
    const heartbeat = Atomics.load(control, Ctrl.heartbeat);
    setTimeout(() => {
      if (this.handle !== handle) return;
      const taken = ((Atomics.load(control, Ctrl.inRead) - writtenUpTo) | 0) >= 0;
      // Loading an interpreter (boot, soft reset) or busy feeding the REPL is not being
      // stuck: look again later, until the worker has the byte. Code that never calls out
      // moves neither, even when it took the Ctrl-C into its queue just before it started
      // (a Stop right after Run): taken, but never acted on, so that counts as stuck too.
      if (Atomics.load(control, Ctrl.interpreterUp) === 0 || Atomics.load(control, Ctrl.heartbeat) !== heartbeat) {
        if (!taken) this.watchInterrupt(handle, writtenUpTo);
        return;
      }
      const raw = Atomics.load(control, Ctrl.replMode) === ReplModeCode.raw;
      const running = Atomics.load(control, Ctrl.running) === 1;
      handle.drainOutput();
      void this.endWorker().then(() => {
        const text = raw && running ? `\x04${RESTART_MESSAGE}\r\n\x04` : `\r\n${RESTART_MESSAGE}\r\n`;
        this.emitData(new TextEncoder().encode(text));
        this.spawn('recovered', raw ? 'raw' : 'friendly', HARD_RESET);
      });
    }, INTERRUPT_GRACE_MS);
  }

  private lose(cause: Error): void {
    if (!this.open) return;
    this.open = false;
    this.resumeOutput();
    void this.handle?.terminate();
    void this.standby?.terminate();
    this.handle = null;
    this.standby = null;
    this.markLoaded();
    this.emitter.emit('close', { kind: 'lost', cause } satisfies TransportCloseReason);
  }
}
