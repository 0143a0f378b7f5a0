/**
 * The virtual board inside its worker: one interpreter at a time, the flash, the
 * simulated hardware, and the loop that feeds host bytes to the REPL. The worker
 * spends its life here, synchronously, either inside the interpreter or blocked
 * in `Atomics.wait`; only a soft reset awaits (loading a fresh interpreter).
 */
import { parentPort } from 'node:worker_threads';
import { Ctrl, ReplModeCode } from '../shared-channel';
import type { BoardWorkerData, BoardWorkerMessage } from '../worker-messages';
import { BoardInput } from './board-input';
import { BoardOutput } from './board-output';
import { BoardEvents } from './board-events';
import { createBridge, type BridgeHost } from './board-bridge';
import { FlashStore } from './flash-store';
import { HardwareModel } from './hardware/hardware-model';
import { loadInterpreter, type Interpreter } from './load-interpreter';
import { ReplDriver, type BoardEnvironment } from './repl-driver';
import { BOARD_SOURCE } from './python/board-source';
import { FLASH_VFS_SOURCE } from './python/flash-vfs-source';
import { FROZEN_VFS_SOURCE } from './python/frozen-vfs-source';
import { MACHINE_SOURCE } from './python/machine-source';
import { NEOPIXEL_SOURCE } from './python/neopixel-source';
import { TIME_SOURCE } from './python/time-source';

const CTRL_C = 3;
const SOFT_RESET_CAUSE = 5;
const WDT_RESET_CAUSE = 3;
/** How often (at most) simulated outputs go to the host while code runs. */
const HARDWARE_PUBLISH_MS = 20;
/** The board's Python modules, written to the interpreter's in-memory disk before setup. */
const PYTHON_MODULES: Record<string, string> = {
  '_vbflash.py': FLASH_VFS_SOURCE,
  '_vbtime.py': TIME_SOURCE,
  'machine.py': MACHINE_SOURCE,
  '_vbboard.py': BOARD_SOURCE,
  '_vbfrozen.py': FROZEN_VFS_SOURCE,
};
/** Modules a board has frozen in its firmware, importable from `.frozen` on `sys.path`. */
const FROZEN_MODULES: Record<string, string> = {
  'neopixel.py': NEOPIXEL_SOURCE,
};

type PyRunFile = (name: string) => string;

export class BoardRuntime implements BoardEnvironment, BridgeHost {
  readonly store: FlashStore;
  readonly hardware: HardwareModel;
  readonly events: BoardEvents;
  readonly output: BoardOutput;
  readonly input: BoardInput;
  readonly flashDir: string;
  resetCause: number;
  private readonly repl: ReplDriver;
  private interpreter: Interpreter | null = null;
  /** An interpreter set up ahead of need, while the worker waited to be activated. */
  private ready: Interpreter | null = null;
  private runFileProxy: PyRunFile | null = null;
  private arm: (() => void) | null = null;
  private dispatch: (() => void) | null = null;
  private armed = false;
  private interrupts = 0;
  private forceInterruptible = false;
  private lastCollect = 0;
  private lastPublish = 0;
  private outputCount = 0;

  constructor(private readonly data: BoardWorkerData) {
    this.flashDir = data.flashDir;
    this.resetCause = 1;
    this.store = new FlashStore(data.flashDir, data.flashSizeBytes);
    this.hardware = new HardwareModel(data.channel.hardwareIn);
    this.events = new BoardEvents(this.hardware);
    this.output = new BoardOutput(data.channel, data.outputCapacity, () => this.input.poll());
    this.input = new BoardInput(
      data.channel,
      () => this.isRunningCode(),
      () => this.interrupt(),
    );
    this.repl = new ReplDriver(this, this.output, data.channel.control);
  }

  /** Boots and serves the host forever. */
  async run(): Promise<never> {
    // Warm up while the host does not need this worker yet: an interpreter with the
    // board's modules installed (nothing touches the flash before it is used).
    this.ready = await this.start();
    this.post({ type: 'loaded' });
    const control = this.data.channel.control;
    // Not serving yet: the host's Ctrl-C watchdog must not take the wait for being stuck.
    Atomics.store(control, Ctrl.interpreterUp, 0);
    while (Atomics.load(control, Ctrl.activate) === 0) Atomics.wait(control, Ctrl.activate, 0);
    this.resetCause = Atomics.load(control, Ctrl.bootCause);
    const mode = Atomics.load(control, Ctrl.bootMode) === ReplModeCode.raw ? 'raw' : 'friendly';
    this.store.init();
    await this.repl.boot(Atomics.load(control, Ctrl.bootKind) === 1 ? 'recovered' : 'power-on', mode);
    await this.settleResets();
    this.post({ type: 'ready' });
    for (;;) {
      this.input.poll();
      let byte: number | undefined;
      while ((byte = this.input.take()) !== undefined) {
        this.repl.handle(byte);
        await this.settleResets();
        this.input.poll();
      }
      this.serviceIdle();
      this.input.waitForSignal(Math.min(1000, this.events.msUntilNext()));
    }
  }

  // ------------------------------------------------------------ BoardEnvironment

  async start(): Promise<Interpreter> {
    const ready = this.ready;
    this.ready = null;
    if (ready) {
      this.interpreterUp();
      return ready;
    }
    this.interpreter = null;
    this.runFileProxy = null;
    // Loading is not being stuck: the host's Ctrl-C watchdog waits while this is 0.
    Atomics.store(this.data.channel.control, Ctrl.interpreterUp, 0);
    const interpreter = await this.loadFresh();
    const { mp } = interpreter;
    mp.FS.mkdir('/_vboard');
    for (const [name, source] of Object.entries(PYTHON_MODULES)) mp.FS.writeFile(`/_vboard/${name}`, source);
    mp.FS.mkdir('/_vboard/frozen');
    for (const [name, source] of Object.entries(FROZEN_MODULES)) mp.FS.writeFile(`/_vboard/frozen/${name}`, source);
    mp.registerJsModule('_vboard', createBridge(this));
    this.interpreter = interpreter;
    mp.runPython("import sys\nsys.path.insert(0, '/_vboard')\nimport _vbboard\n_vbboard.setup()\ndel sys\n");
    const board = mp.pyimport('_vbboard') as { run_file: PyRunFile };
    this.runFileProxy = (name) => board.run_file(name);
    this.interpreterUp();
    return interpreter;
  }

  /**
   * Serving from now on. The heartbeat moves with it: the host's Ctrl-C watchdog compares
   * heartbeats taken 600 ms apart, and one taken while the interpreter still loaded must
   * not count against a board that came up a moment before the check.
   */
  private interpreterUp(): void {
    const control = this.data.channel.control;
    Atomics.add(control, Ctrl.heartbeat, 1);
    Atomics.store(control, Ctrl.interpreterUp, 1);
  }

  runFile(name: string): 'done' | 'missing' | 'soft-reset' {
    const runFile = this.runFileProxy;
    if (!runFile) return 'missing';
    this.forceInterruptible = true;
    try {
      const result = runFile(name);
      return result === 'soft-reset' ? 'soft-reset' : result === 'missing' ? 'missing' : 'done';
    } catch {
      // Only a KeyboardInterrupt landing after run_file's own handler gets here.
      return 'done';
    } finally {
      this.forceInterruptible = false;
    }
  }

  shutdown(): void {
    this.store.closeAll(true);
    this.events.reset();
    this.hardware.reset();
    this.publishHardware(true);
    this.armed = false;
    this.resetCause = SOFT_RESET_CAUSE;
  }

  // ------------------------------------------------------------ BridgeHost

  memory(): Uint8Array {
    if (!this.interpreter) throw new Error('no interpreter');
    return this.interpreter.memory();
  }

  service(): void {
    this.input.poll();
    const now = performance.now();
    if (now - this.lastCollect < 1) return;
    this.lastCollect = now;
    if (this.events.watchdogExpired()) this.hardReset(WDT_RESET_CAUSE);
    if (this.events.collect() && !this.armed && this.arm && this.isRunningCode()) {
      this.armed = true;
      this.arm();
    }
    this.publishHardware(false);
  }

  interruptCount(): number {
    return this.interrupts;
  }

  callbacksArmed(): boolean {
    return this.armed;
  }

  disarm(): void {
    this.armed = false;
  }

  runCallbacksNow(): void {
    const dispatch = this.dispatch;
    if (!dispatch) return;
    try {
      dispatch();
    } catch {
      // A Ctrl-C that landed inside a callback: raise it in the code that slept.
      this.interrupt();
    }
  }

  setCallbacks(arm: () => void, dispatch: () => void): void {
    this.arm = arm;
    this.dispatch = dispatch;
  }

  waitForSignal(ms: number): void {
    this.input.waitForSignal(ms);
  }

  takeInput(): number | undefined {
    return this.input.take();
  }

  hardReset(cause: number): never {
    this.post({ type: 'hard-reset', cause });
    // The host ends this worker; nothing may run meanwhile.
    const never = new Int32Array(new SharedArrayBuffer(4));
    for (;;) Atomics.wait(never, 0, 0);
  }

  // ------------------------------------------------------------ internals

  private loadFresh(): Promise<Interpreter> {
    return loadInterpreter({
      onOutput: (byte) => this.onOutput(byte),
      readStdin: (target) => this.readStdin(target),
      stdinReady: () => {
        this.service();
        return this.input.size > 0;
      },
    });
  }

  private async settleResets(): Promise<void> {
    while (this.repl.resetPending) await this.repl.softReset();
  }

  /** Timers and pin interrupts while the board waits at its prompt. */
  private serviceIdle(): void {
    if (this.events.watchdogExpired()) this.hardReset(WDT_RESET_CAUSE);
    if (this.events.collect() && this.dispatch) {
      this.forceInterruptible = true;
      try {
        this.dispatch();
      } catch {
        // _dispatch prints its callbacks' errors itself; a late Ctrl-C ends up here.
      } finally {
        this.forceInterruptible = false;
        this.armed = false;
      }
    }
    this.publishHardware(true);
  }

  private onOutput(byte: number): void {
    Atomics.add(this.data.channel.control, Ctrl.heartbeat, 1);
    this.output.printed(byte);
    if ((++this.outputCount & 31) === 0 || byte === 10) this.service();
  }

  private readStdin(target: Uint8Array): number | 'interrupted' {
    const interrupts = this.interrupts;
    for (;;) {
      this.service();
      if (this.interrupts !== interrupts) return 'interrupted';
      if (this.input.size > 0) return this.input.takeInto(target);
      this.input.waitForSignal(Math.min(50, this.events.msUntilNext() + 0.05));
    }
  }

  private isRunningCode(): boolean {
    const interpreter = this.interpreter;
    if (!interpreter) return false;
    return this.forceInterruptible || interpreter.mp._module._mp_hal_get_interrupt_char() === CTRL_C;
  }

  private interrupt(): void {
    this.interpreter?.mp._module._mp_sched_keyboard_interrupt();
    this.interrupts++;
  }

  private publishHardware(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastPublish < HARDWARE_PUBLISH_MS) return;
    const outputs = this.hardware.takeOutputs();
    if (!outputs) return;
    this.lastPublish = now;
    this.post({ type: 'hardware', outputs });
  }

  private post(message: BoardWorkerMessage): void {
    parentPort?.postMessage(message);
  }
}
