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
import { createVirtualBoardTransport, type VirtualBoardTransport } from '../../runtime/virtual-board-transport';
import { coalesce } from './state-coalescer';
import { WiringStore } from './wiring-store';

export interface VirtualBoardHostOptions {
  userDataDir: string;
  /** The user's chosen flash folder; empty for the default. Read at each connect. */
  flashFolder(): string;
  /** Called when the simulated hardware changed, at most 60 times a second. */
  onStateChanged(state: VirtualBoardState): void;
}

export function defaultFlashDir(userDataDir: string): string {
  return join(userDataDir, 'virtual-board', 'flash');
}

export class VirtualBoardHost {
  private current: VirtualBoardTransport | null = null;
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

  /** The factory the connection manager calls for `{ kind: 'virtual' }`. */
  readonly createTransport = async (): Promise<VirtualBoardTransport> => {
    const transport = await createVirtualBoardTransport({ flashDir: this.flashDir() });
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
