/**
 * One running board worker as the host sees it: the thread, its shared channel and
 * its messages. The transport replaces the handle when the board is reset hard or
 * has to be restarted, so each handle lives exactly as long as its worker.
 */
import { Worker } from 'node:worker_threads';
import { Ctrl, HARDWARE_SLOTS, ReplModeCode, createSharedChannel, takeOutput, type SharedChannel } from './shared-channel';
import { resolveWorkerEntry } from './worker-entry';
import type { BoardWorkerData, BoardWorkerMessage, BootParameters } from './worker-messages';

/** `Atomics.waitAsync` (Node 16+) is newer than the ES2023 library types. */
export const waitAsync = (
  Atomics as unknown as {
    waitAsync(array: Int32Array, index: number, value: number, timeout: number): { async: boolean; value: Promise<unknown> | string };
  }
).waitAsync;

export interface WorkerHandleOptions {
  flashDir: string;
  flashSizeBytes: number;
  outputCapacity: number;
  onMessage(message: BoardWorkerMessage): void;
  /**
   * Bytes the board sent. Resolve when they are delivered: the ring's room (and so
   * the board's pace) follows the host's.
   */
  onOutput(bytes: Uint8Array): void | Promise<void>;
  /** At most this many bytes per `onOutput` call (a pacing slice). */
  outputSlice?: number;
  /** The worker died on its own (not by `terminate`). */
  onLost(cause: Error): void;
}

export class BoardWorkerHandle {
  readonly channel: SharedChannel;
  private readonly worker: Worker;
  private ended = false;

  constructor(private readonly options: WorkerHandleOptions) {
    this.channel = createSharedChannel();
    const data: BoardWorkerData = {
      role: 'board',
      channel: this.channel,
      flashDir: options.flashDir,
      flashSizeBytes: options.flashSizeBytes,
      outputCapacity: options.outputCapacity,
    };
    const entry = resolveWorkerEntry();
    this.worker = new Worker(entry.script, { workerData: data, eval: entry.eval });
    this.worker.on('message', (message: BoardWorkerMessage) => {
      if (!this.ended) options.onMessage(message);
    });
    this.worker.on('error', (error) => {
      if (!this.ended) {
        this.ended = true;
        options.onLost(error);
      }
    });
    this.worker.on('exit', (code) => {
      if (!this.ended) {
        this.ended = true;
        options.onLost(new Error(`the virtual board's worker exited with code ${code}`));
      }
    });
    void this.pumpOutput();
  }

  get control(): Int32Array {
    return this.channel.control;
  }

  /** Wakes the warm worker: it boots as told (it may still be loading; it will look). */
  activate(parameters: BootParameters): void {
    const control = this.control;
    this.channel.hardwareIn.set(parameters.hardwareIn.subarray(0, HARDWARE_SLOTS));
    Atomics.store(control, Ctrl.bootKind, parameters.boot === 'recovered' ? 1 : 0);
    Atomics.store(control, Ctrl.bootMode, ReplModeCode[parameters.replMode]);
    Atomics.store(control, Ctrl.bootCause, parameters.resetCause);
    Atomics.store(control, Ctrl.activate, 1);
    Atomics.notify(control, Ctrl.activate);
  }

  /** Hands every byte still in the output ring to `onOutput` now (before ending the worker). */
  drainOutput(): void {
    const bytes = takeOutput(this.channel);
    if (bytes.length > 0) void this.options.onOutput(bytes);
  }

  /** Reads the output ring for as long as the worker lives, sleeping when it is empty. */
  private async pumpOutput(): Promise<void> {
    const control = this.control;
    const slice = this.options.outputSlice ?? Infinity;
    while (!this.ended) {
      const bytes = takeOutput(this.channel, slice);
      if (bytes.length > 0) {
        await this.options.onOutput(bytes);
        // Let timers and I/O run between chunks while the board prints fast.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      Atomics.store(control, Ctrl.outWaiting, 1);
      const write = Atomics.load(control, Ctrl.outWrite);
      if (write === Atomics.load(control, Ctrl.outRead)) {
        const waiting = waitAsync(control, Ctrl.outWrite, write, 500);
        if (waiting.async) await waiting.value;
      }
      Atomics.store(control, Ctrl.outWaiting, 0);
    }
  }

  /** Ends the worker. Messages it posted after this are ignored. */
  async terminate(): Promise<void> {
    this.ended = true;
    await this.worker.terminate();
  }
}
