/**
 * What the transport hands the board's worker at start-up, and the messages the
 * worker posts back. The host never posts to a running board worker: it talks
 * through the shared channel (see shared-channel.ts).
 */
import type { SharedChannel } from './shared-channel';

/** How the worker should come up. */
export type BootKind =
  /** Power-on: banner after boot.py and main.py. */
  | 'power-on'
  /**
   * After the host ended a worker stuck in code that never calls out: no boot.py or
   * main.py (they may be what got stuck), and the REPL mode the old worker was in.
   */
  | 'recovered';

export interface BoardWorkerData {
  role: 'board';
  channel: SharedChannel;
  flashDir: string;
  flashSizeBytes: number;
  /** Output bytes the board may have in flight before it waits for the host. */
  outputCapacity: number;
}

/** How the host wakes a warm worker (written to the shared control slots). */
export interface BootParameters {
  boot: BootKind;
  /** REPL mode to come up in, for `recovered`. */
  replMode: 'friendly' | 'raw';
  resetCause: number;
  /** Hardware inputs to carry over (potentiometer, driven pins). */
  hardwareIn: Int32Array;
}

export interface LintWorkerData {
  role: 'lint';
}

export type WorkerData = BoardWorkerData | LintWorkerData;

/** What a pin is used as, for the host's drawing. */
export type PinRole = 'in' | 'out' | 'pwm' | 'adc' | 'i2c';

/** The simulated outputs the host shows: driven pin levels, LED, PWM and parts. */
export interface HardwareOutputs {
  pins: Record<string, number>;
  led: number;
  pwm: Record<string, { freq: number; duty: number }>;
  modes: Record<string, PinRole>;
  /** Pin → colours (`#rrggbb`) of the NeoPixel strip on that pin. */
  neopixels: Record<string, string[]>;
  /** The OLED, only when its picture changed since the last message. */
  oled?: { on: boolean; contrast: number; frame: Uint8Array };
}

export type BoardWorkerMessage =
  /** The interpreter is loaded (the slow part of a start, seconds on a loaded host); the board boots next. */
  | { type: 'loaded' }
  /** The board finished booting and waits at its first prompt. */
  | { type: 'ready' }
  /** Simulated outputs changed. */
  | { type: 'hardware'; outputs: HardwareOutputs }
  /** `machine.reset()`: the host ends this worker and boots a fresh one. */
  | { type: 'hard-reset'; cause: number }
  /** Something broke inside the worker itself (not in user code). */
  | { type: 'fatal'; message: string };

/** Requests to and answers from the lint worker, which does read messages. */
export interface LintRequest {
  id: number;
  source: string;
}
export interface LintAnswer {
  id: number;
  diagnostics: Array<{ line: number; column?: number; message: string }>;
  /** Set when the checker itself failed (not the source). */
  error?: string;
}
