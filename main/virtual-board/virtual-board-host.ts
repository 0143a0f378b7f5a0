/**
 * The app's one virtual board: makes its transports for the connection manager (with
 * the flash folder from the settings, or `<userData>/virtual-board/flash`), and keeps
 * what the user set on its simulated hardware (potentiometer, driven pins) across
 * resets and reconnects, so the UI can show and change it at any time.
 */
import { join } from 'node:path';
import type { VirtualBoardState } from '../../preload/contract-types';
import { POTENTIOMETER_DEFAULT } from '../../runtime/shared-channel';
import { createVirtualBoardTransport, type VirtualBoardTransport } from '../../runtime/virtual-board-transport';

export interface VirtualBoardHostOptions {
  userDataDir: string;
  /** The user's chosen flash folder; empty for the default. Read at each connect. */
  flashFolder(): string;
  /** Called whenever the simulated hardware changes. */
  onStateChanged(state: VirtualBoardState): void;
}

export function defaultFlashDir(userDataDir: string): string {
  return join(userDataDir, 'virtual-board', 'flash');
}

export class VirtualBoardHost {
  private current: VirtualBoardTransport | null = null;
  private potentiometer = POTENTIOMETER_DEFAULT;
  private readonly drivenPins = new Map<number, 0 | 1>();

  constructor(private readonly options: VirtualBoardHostOptions) {}

  /** The flash folder the next connection uses. */
  flashDir(): string {
    return this.options.flashFolder() || defaultFlashDir(this.options.userDataDir);
  }

  /** The factory the connection manager calls for `{ kind: 'virtual' }`. */
  readonly createTransport = async (): Promise<VirtualBoardTransport> => {
    const transport = await createVirtualBoardTransport({ flashDir: this.flashDir() });
    transport.setPotentiometer(this.potentiometer);
    for (const [pin, level] of this.drivenPins) transport.setPin(pin, level);
    transport.onStateChanged((state) => this.options.onStateChanged(state));
    transport.on('close', () => {
      if (this.current === transport) {
        this.current = null;
        this.options.onStateChanged(this.state());
      }
    });
    this.current = transport;
    return transport;
  };

  state(): VirtualBoardState {
    if (this.current) return this.current.state;
    const pins: Record<string, number> = {};
    for (const [pin, level] of this.drivenPins) pins[String(pin)] = level;
    return { pins, led: 0, potentiometer: this.potentiometer, pwm: {} };
  }

  setPin(pin: number, level: 0 | 1): void {
    this.drivenPins.set(pin, level);
    if (this.current) this.current.setPin(pin, level);
    else this.options.onStateChanged(this.state());
  }

  setPotentiometer(position: number): void {
    this.potentiometer = position;
    if (this.current) this.current.setPotentiometer(position);
    else this.options.onStateChanged(this.state());
  }
}
