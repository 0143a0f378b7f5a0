/**
 * The app's one virtual board: makes its transports for the connection manager (with
 * the flash folder from the settings, or `<userData>/virtual-board/flash`), keeps what
 * the user set on its simulated hardware (potentiometer, sensors, driven pins) across
 * resets and reconnects, remembers its wiring, and passes its state on to the UI at
 * most once per frame.
 */
import { join } from 'node:path';
import type { BoardWiring, VirtualBoardState, VirtualHardwareState, VirtualSensor } from '../../preload/contract-types';
import { POTENTIOMETER_DEFAULT } from '../../runtime/shared-channel';
import { warmVirtualBoard, type WarmVirtualBoard } from '../../runtime/start-virtual-board';
import type { VirtualBoardTransport } from '../../runtime/virtual-board-transport';
import { coalesce } from './state-coalescer';
import { WiringStore } from './wiring-store';

export interface VirtualBoardHostOptions {
  userDataDir: string;
  /** The user's chosen flash folder; empty for the default. Read at each connect. */
  flashFolder(): string;
  /** Called when the simulated hardware changed, at most 60 times a second. */
  onStateChanged(state: VirtualBoardState): void;
}

/** A board warmed for the app's start but not connected by then is ended: it holds an interpreter's memory. */
const WARM_BOARD_UNUSED_MS = 30_000;

export function defaultFlashDir(userDataDir: string): string {
  return join(userDataDir, 'virtual-board', 'flash');
}

export class VirtualBoardHost {
  private current: VirtualBoardTransport | null = null;
  /** An interpreter loading ahead of the first connect (`prepare`). */
  private warm: WarmVirtualBoard | null = null;
  private potentiometer = POTENTIOMETER_DEFAULT;
  private readonly sensors: Record<VirtualSensor, number | null> = { light: null, temperature: null, humidity: null };
  private readonly drivenPins = new Map<number, 0 | 1>();
  private readonly wiringStore: WiringStore;
  private readonly updates;

  constructor(private readonly options: VirtualBoardHostOptions) {
    this.wiringStore = new WiringStore(options.userDataDir);
    this.updates = coalesce<void>(() => options.onStateChanged(this.state()));
  }

  /** The flash folder the next connection uses. */
  flashDir(): string {
    return this.options.flashFolder() || defaultFlashDir(this.options.userDataDir);
  }

  /**
   * Starts loading an interpreter now, for a connect expected soon: the app opening on the
   * virtual board, which otherwise waits for it after the window has loaded.
   */
  prepare(): void {
    if (this.warm || this.current) return;
    const warm = warmVirtualBoard({ flashDir: this.flashDir() });
    this.warm = warm;
    setTimeout(() => {
      if (this.warm === warm) void this.dropWarm();
    }, WARM_BOARD_UNUSED_MS).unref();
  }

  /** True while a board warmed by `prepare` waits for its connect. */
  get prepared(): boolean {
    return this.warm !== null;
  }

  /** Ends a warmed board that was not used (quit). */
  async dispose(): Promise<void> {
    await this.dropWarm();
  }

  /** The factory the connection manager calls for `{ kind: 'virtual' }`. */
  readonly createTransport = async (): Promise<VirtualBoardTransport> => {
    const flashDir = this.flashDir();
    // A board warmed for another folder (the setting changed meanwhile) is not this one.
    if (this.warm && this.warm.flashDir !== flashDir) await this.dropWarm();
    const board = this.warm ?? warmVirtualBoard({ flashDir });
    this.warm = null;
    const transport = await board.start();
    transport.setPotentiometer(this.potentiometer);
    for (const [sensor, value] of Object.entries(this.sensors)) transport.setSensor(sensor as VirtualSensor, value);
    for (const [pin, level] of this.drivenPins) transport.setPin(pin, level);
    transport.onStateChanged(() => this.changed());
    transport.on('close', () => {
      if (this.current === transport) {
        this.current = null;
        this.changed();
      }
    });
    this.current = transport;
    return transport;
  };

  state(): VirtualBoardState {
    return { ...this.hardware(), wiring: this.wiringStore.get(this.flashDir()) };
  }

  /** Drives a pin from outside (a button), or lets it go with null. */
  setPin(pin: number, level: 0 | 1 | null): void {
    if (level === null) this.drivenPins.delete(pin);
    else this.drivenPins.set(pin, level);
    if (this.current) this.current.setPin(pin, level);
    else this.changed();
  }

  setPotentiometer(position: number): void {
    this.potentiometer = position;
    if (this.current) this.current.setPotentiometer(position);
    else this.changed();
  }

  setSensor(sensor: VirtualSensor, value: number | null): void {
    this.sensors[sensor] = value;
    if (this.current) this.current.setSensor(sensor, value);
    else this.changed();
  }

  async setWiring(wiring: BoardWiring): Promise<void> {
    const previous = this.wiringStore.get(this.flashDir());
    // A button moved elsewhere no longer holds its old pin down.
    if (previous.button !== wiring.button && this.drivenPins.has(previous.button)) this.setPin(previous.button, null);
    await this.wiringStore.set(this.flashDir(), wiring);
    this.changed();
  }

  private async dropWarm(): Promise<void> {
    const warm = this.warm;
    this.warm = null;
    await warm?.discard();
  }

  private changed(): void {
    this.updates.push();
  }

  private hardware(): VirtualHardwareState {
    if (this.current) return this.current.state;
    const pins: Record<string, number> = {};
    for (const [pin, level] of this.drivenPins) pins[String(pin)] = level;
    return { pins, led: 0, potentiometer: this.potentiometer, pwm: {}, modes: {}, ...this.sensors, oled: null, neopixels: {} };
  }
}
