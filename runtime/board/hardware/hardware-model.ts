/**
 * The virtual board's GPIO, ADC and PWM as the `machine` module sees them. Inputs
 * the outside world drives (buttons, the potentiometer) come from the shared
 * hardware-input array the host writes; outputs (pin levels, the LED, PWM) go to
 * the host as `HardwareOutputs`. Wiring: the potentiometer on GPIO34 and GP26, a
 * light sensor on GPIO35 and GP27, a TMP36 on GPIO36 and GP28, the LED on GPIO2.
 */
import { HwIn } from '../../shared-channel';
import type { HardwareOutputs } from '../../worker-messages';
import {
  coreTemperatureU16,
  floatingU16,
  lightU16,
  nowSeconds,
  potentiometerU16,
  tmp36U16,
} from './analog-signals';
import { I2cBus } from './i2c-bus';

export const LED_PIN = 2;
const POTENTIOMETER_PINS = new Set([34, 26]);
const LIGHT_PINS = new Set([35, 27]);
const TMP36_PINS = new Set([36, 28]);
/** `ADC(4)` on a Pico: the chip's own temperature sensor. */
export const CORE_TEMPERATURE_SOURCE = -1;

const MODE_OUT = 3;
const MODE_OPEN_DRAIN = 7;
const PULL_UP = 2;
const PULL_DOWN = 1;
const IRQ_RISING = 1;
const IRQ_FALLING = 2;

interface PinState {
  mode: number;
  pull: number;
  out: number;
  irqTrigger: number;
  lastLevel: number;
}

export class HardwareModel {
  readonly i2c = new I2cBus();
  private readonly pins = new Map<number, PinState>();
  private readonly pwm = new Map<number, { freq: number; duty: number }>();
  private changed = false;

  constructor(private readonly hardwareIn: Int32Array) {}

  pinMode(pin: number, mode: number, pull: number): void {
    const state = this.pin(pin);
    if (mode !== -1) state.mode = mode;
    if (pull !== -1) state.pull = pull;
    state.lastLevel = this.level(pin, state);
    this.changed = true;
  }

  pinWrite(pin: number, value: number): void {
    const state = this.pin(pin);
    state.out = value ? 1 : 0;
    if (state.mode === -1) state.mode = MODE_OUT;
    this.pwm.delete(pin);
    this.changed = true;
  }

  pinRead(pin: number): number {
    return this.level(pin, this.pin(pin));
  }

  /** The level the pin drives, for `toggle()`. */
  pinOut(pin: number): number {
    return this.pin(pin).out;
  }

  pinIrq(pin: number, trigger: number): void {
    const state = this.pin(pin);
    state.irqTrigger = trigger;
    state.lastLevel = this.level(pin, state);
  }

  pinIrqTrigger(pin: number): number {
    return this.pins.get(pin)?.irqTrigger ?? 0;
  }

  /** Pins whose level changed in a direction their `irq` waits for, since the last call. */
  takeEdges(): number[] {
    const edges: number[] = [];
    for (const [pin, state] of this.pins) {
      const level = this.level(pin, state);
      if (level === state.lastLevel) continue;
      const rising = level > state.lastLevel;
      state.lastLevel = level;
      this.changed = true;
      if (state.irqTrigger & (rising ? IRQ_RISING : IRQ_FALLING)) edges.push(pin);
    }
    return edges;
  }

  adcRead(source: number): number {
    const t = nowSeconds();
    if (source === CORE_TEMPERATURE_SOURCE) return coreTemperatureU16(t);
    const driven = this.hardwareIn[HwIn.firstPin + source] ?? -1;
    if (driven >= 0) return driven ? 65535 : 0;
    if (POTENTIOMETER_PINS.has(source)) return potentiometerU16(this.hardwareIn[HwIn.potentiometer] ?? 0);
    if (LIGHT_PINS.has(source)) return lightU16(t);
    if (TMP36_PINS.has(source)) return tmp36U16(t);
    const state = this.pins.get(source);
    if (state && isOutput(state.mode)) return state.out ? 65535 : 0;
    return floatingU16();
  }

  pwmSet(pin: number, freq: number, duty: number): void {
    this.pwm.set(pin, { freq, duty });
    const state = this.pin(pin);
    state.mode = MODE_OUT;
    this.changed = true;
  }

  pwmOff(pin: number): void {
    if (this.pwm.delete(pin)) this.changed = true;
  }

  /** Everything back to inputs, as after a reset. */
  reset(): void {
    this.pins.clear();
    this.pwm.clear();
    this.changed = true;
  }

  /** The outputs, when they changed since the last call. */
  takeOutputs(): HardwareOutputs | null {
    if (!this.changed) return null;
    this.changed = false;
    const pins: Record<string, number> = {};
    for (const [pin, state] of this.pins) pins[String(pin)] = this.level(pin, state);
    const pwm: Record<string, { freq: number; duty: number }> = {};
    for (const [pin, setting] of this.pwm) pwm[String(pin)] = { ...setting };
    const led = this.pins.has(LED_PIN) ? this.level(LED_PIN, this.pins.get(LED_PIN)!) : 0;
    return { pins, led, pwm };
  }

  private pin(pin: number): PinState {
    let state = this.pins.get(pin);
    if (!state) {
      state = { mode: -1, pull: -1, out: 0, irqTrigger: 0, lastLevel: 0 };
      this.pins.set(pin, state);
      state.lastLevel = this.level(pin, state);
    }
    return state;
  }

  private level(pin: number, state: PinState): number {
    if (isOutput(state.mode) && !(state.mode === MODE_OPEN_DRAIN && state.out === 1)) return state.out;
    const driven = this.hardwareIn[HwIn.firstPin + pin] ?? -1;
    if (driven >= 0) return driven;
    if (state.pull === PULL_UP || state.mode === MODE_OPEN_DRAIN) return 1;
    if (state.pull === PULL_DOWN) return 0;
    return 0;
  }
}

function isOutput(mode: number): boolean {
  return mode === MODE_OUT || mode === MODE_OPEN_DRAIN;
}
