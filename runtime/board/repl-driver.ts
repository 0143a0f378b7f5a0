/**
 * Feeds the interpreter's event-driven REPL one byte at a time and adds what the
 * WebAssembly build leaves out: raw-paste with flow control (its own hangs), soft
 * reset with boot.py and main.py, and the board's name in the banner. It tracks
 * the REPL mode so a restarted worker can come back in the same one.
 */
import { Ctrl, ReplModeCode } from '../shared-channel';
import type { BootKind } from '../worker-messages';
import type { BoardOutput } from './board-output';
import type { Interpreter } from './load-interpreter';

const CTRL_A = 0x01; // enter raw REPL; in raw mode, re-enter (or finish a raw-paste request)
const CTRL_B = 0x02; // leave raw REPL / print the banner
const CTRL_C = 0x03; // clear the line / abort a raw-paste
const CTRL_D = 0x04; // soft reset on an empty line / end of raw input
const CTRL_E = 0x05; // paste mode; in raw mode the start of a raw-paste request
const RAW_PASTE_KIND = 0x41; // 'A': the only raw-paste variant MicroPython defines
/** What `replProcessChar` answers when the REPL wants a soft reset (Ctrl-D, SystemExit). */
const SOFT_RESET_REQUEST = 0x100;

/** Bytes the host may send per raw-paste window: what an ESP32 advertises. */
export const RAW_PASTE_WINDOW = 256;

const BUILD_BOARD_NAME = 'JS with Emscripten';
export const BOARD_NAME = 'MicroPython Studio virtual board with WebAssembly';
const RAW_BANNER = 'raw REPL; CTRL-B to exit\r\n';

export type ReplMode = 'friendly' | 'raw';

/** What the driver needs from the rest of the board. */
export interface BoardEnvironment {
  /** A fresh interpreter with the board's modules installed and its flash mounted. */
  start(): Promise<Interpreter>;
  /** Runs a flash file as a board does at boot. `soft-reset` when it raised SystemExit. */
  runFile(name: string): 'done' | 'missing' | 'soft-reset';
  /** Before a soft reset: close files (saving them), stop timers, release pins. */
  shutdown(): void;
}

interface RawPaste {
  source: number[];
  sinceGrant: number;
}

export class ReplDriver {
  private interpreter: Interpreter | null = null;
  private mode: ReplMode = 'friendly';
  private rawLength = 0;
  private rawFirst = -1;
  private rawSecond = -1;
  private paste: RawPaste | null = null;
  private resetRequested = false;
  /** Coming back after the host ended a stuck worker: the host already printed the news. */
  private recovering = false;

  constructor(
    private readonly environment: BoardEnvironment,
    private readonly output: BoardOutput,
    private readonly control: Int32Array,
  ) {}

  get resetPending(): boolean {
    return this.resetRequested;
  }

  /** Brings the board up and prints its first prompt. */
  async boot(kind: BootKind, mode: ReplMode): Promise<void> {
    this.setMode(mode);
    this.recovering = kind === 'recovered';
    await this.startInterpreter(kind === 'power-on');
    this.recovering = false;
  }

  /** One byte from the host. */
  handle(byte: number): void {
    if (this.paste) {
      this.handlePasteByte(this.paste, byte);
      return;
    }
    if (this.mode === 'raw') {
      if (byte === CTRL_A && this.rawLength === 2 && this.rawFirst === CTRL_E && this.rawSecond === RAW_PASTE_KIND) {
        this.startRawPaste();
        return;
      }
      this.handleRawByte(byte);
      return;
    }
    if (byte === CTRL_A) {
      const text = this.output.capture(() => this.feed(byte));
      if (text.includes(RAW_BANNER)) this.enterRaw();
      this.output.sendText(text);
      return;
    }
    if (byte === CTRL_B) {
      this.output.sendText(this.output.capture(() => this.feed(byte)).replace(BUILD_BOARD_NAME, BOARD_NAME));
      return;
    }
    this.feed(byte);
  }

  /** Replaces the interpreter with a fresh one, keeping the files, as Ctrl-D does on a board. */
  async softReset(): Promise<void> {
    this.resetRequested = false;
    this.paste = null;
    this.environment.shutdown();
    this.output.sendText('MPY: soft reboot\r\n');
    await this.startInterpreter(true);
  }

  private async startInterpreter(runBootFiles: boolean): Promise<void> {
    this.interpreter = null;
    this.interpreter = await this.environment.start();
    if (runBootFiles && !this.runBootFiles()) {
      // boot.py or main.py asked for a soft reset: the loop will do it.
      return;
    }
    const mp = this.interpreter.mp;
    const banner = this.output.capture(() => mp.replInit());
    if (this.mode === 'raw') {
      // The REPL always starts friendly; step into raw mode without the friendly banner.
      this.output.capture(() => mp.replProcessChar(CTRL_A));
      this.enterRaw();
      // After a stuck exec the host closed the exchange; only the prompt is missing.
      this.output.sendText(this.recovering ? '>' : RAW_BANNER + '>');
    } else {
      this.output.sendText(banner.replace(/^\r\n/, '').replace(BUILD_BOARD_NAME, BOARD_NAME));
    }
  }

  /** boot.py always, main.py only when the board comes up friendly. False when one asked for a reset. */
  private runBootFiles(): boolean {
    this.setRunning(true);
    try {
      if (this.environment.runFile('boot.py') === 'soft-reset') return this.requestReset();
      if (this.mode === 'friendly' && this.environment.runFile('main.py') === 'soft-reset') return this.requestReset();
      return true;
    } finally {
      this.setRunning(false);
    }
  }

  private requestReset(): false {
    this.resetRequested = true;
    return false;
  }

  private handleRawByte(byte: number): void {
    if (byte === CTRL_B) {
      this.setMode('friendly');
      this.output.sendText(this.output.capture(() => this.feed(byte)).replace(BUILD_BOARD_NAME, BOARD_NAME));
      return;
    }
    if (byte === CTRL_A || byte === CTRL_C || byte === CTRL_D) {
      this.rawLength = 0;
      this.rawFirst = -1;
      this.rawSecond = -1;
    } else {
      if (this.rawLength === 0) this.rawFirst = byte;
      else if (this.rawLength === 1) this.rawSecond = byte;
      this.rawLength++;
    }
    this.feed(byte);
  }

  /** `\x05A\x01` at the raw prompt: answer `R\x01` and the window, then collect the source. */
  private startRawPaste(): void {
    // The REPL holds `\x05A` in its line buffer; Ctrl-C clears it silently in raw mode.
    this.feed(CTRL_C);
    this.rawLength = 0;
    this.paste = { source: [], sinceGrant: 0 };
    this.output.sendRaw([0x52, 0x01, RAW_PASTE_WINDOW & 0xff, RAW_PASTE_WINDOW >> 8]);
  }

  private handlePasteByte(paste: RawPaste, byte: number): void {
    if (byte === CTRL_D) {
      this.paste = null;
      this.output.sendRaw([CTRL_D]); // acknowledges the end of the source
      for (const b of paste.source) this.feed(b);
      // The raw REPL says OK when it starts running; raw-paste mode does not.
      this.output.swallow('OK');
      this.feed(CTRL_D);
      return;
    }
    if (byte === CTRL_C) {
      // What a board prints when its source reader sees Ctrl-C: end-of-source, then
      // the KeyboardInterrupt as the program's error, then the raw prompt.
      this.paste = null;
      this.output.sendRaw([CTRL_D]);
      this.output.sendText('\x04KeyboardInterrupt: \r\n\x04>');
      return;
    }
    paste.source.push(byte);
    if (++paste.sinceGrant === RAW_PASTE_WINDOW) {
      paste.sinceGrant = 0;
      this.output.sendRaw([0x01]); // one more window
    }
  }

  private feed(byte: number): void {
    const interpreter = this.interpreter;
    if (!interpreter) return;
    this.setRunning(true);
    // Alive: the host's Ctrl-C watchdog looks for this between its checks.
    Atomics.add(this.control, Ctrl.heartbeat, 1);
    let answer: number;
    try {
      answer = interpreter.mp.replProcessChar(byte);
    } finally {
      this.setRunning(false);
    }
    if (answer === SOFT_RESET_REQUEST) this.resetRequested = true;
  }

  private enterRaw(): void {
    this.setMode('raw');
    this.rawLength = 0;
  }

  private setMode(mode: ReplMode): void {
    this.mode = mode;
    Atomics.store(this.control, Ctrl.replMode, ReplModeCode[mode]);
  }

  private setRunning(running: boolean): void {
    Atomics.store(this.control, Ctrl.running, running ? 1 : 0);
  }
}
