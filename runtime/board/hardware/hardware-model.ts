/**
 * The virtual board's GPIO, ADC, PWM, I2C parts and NeoPixels as the `machine` module
 * sees them. Inputs the outside world drives (buttons, the potentiometer, the light
 * and climate sliders) come from the shared hardware-input array the host writes;
 * outputs (pin levels and roles, the LED, PWM, the OLED, NeoPixels) go to the host as
 * `HardwareOutputs`. Wiring: the potentiometer on GPIO34 and GP26, a light sensor on
 * GPIO35 and GP27, a TMP36 on GPIO36 and GP28, the LED on GPIO2.
 */
import { HwIn, SENSOR_AUTO } from '../../shared-channel';
import type { HardwareOutputs, PinRole } from '../../worker-messages';
import { AHT20_ADDRESS, Aht20Sensor, type Climate } from './aht20-sensor';
import {
  coreTemperatureU16,
  floatingU16,
  humidityPercent,
  lightU16,
  nowSeconds,
  potentiometerU16,
  temperatureC,
  tmp36U16,
} from './analog-signals';
import { I2cBus } from './i2c-bus';
import { NeoPixelStrips } from './neopixel-strip';
import { SSD1306_ADDRESS, Ssd1306Display } from './ssd1306-display';

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
  readonly oled = new Ssd1306Display();
  readonly i2c: I2cBus;
  private readonly strips = new NeoPixelStrips();
  private readonly pins = new Map<number, PinState>();
  private readonly pwm = new Map<number, { freq: number; duty: number }>();
  /** Pins an ADC or an I2C bus took over, for the host's drawing. */
  private readonly roles = new Map<number, PinRole>();
  private changed = false;

  constructor(private readonly hardwareIn: Int32Array) {
    this.i2c = new I2cBus({ [AHT20_ADDRESS]: new Aht20Sensor(() => this.climate()), [SSD1306_ADDRESS]: this.oled });
    this.oled.onChange = () => (this.changed = true);
  }

  /** The room as the AHT20 and the TMP36 feel it: the host's sliders, or the simulated drift. */
  climate(): Climate {
    const t = nowSeconds();
    const celsius = this.hardwareIn[HwIn.temperature] ?? SENSOR_AUTO;
    const humidity = this.hardwareIn[HwIn.humidity] ?? SENSOR_AUTO;
    return {
      celsius: celsius === SENSOR_AUTO ? temperatureC(t) : celsius / 100,
      humidity: humidity === SENSOR_AUTO ? humidityPercent(t) : humidity / 100,
    };
  }

  /** An ADC or I2C bus now uses `pin`. */
  pinRole(pin: number, role: PinRole): void {
    if (pin < 0) return;
    this.roles.set(pin, role);
    this.changed = true;
  }

  /** `machine.bitstream`: the bytes reach whatever listens on the pin (a NeoPixel strip). */
  bitstream(pin: number, data: Uint8Array): void {
    if (this.strips.receive(pin, data)) this.changed = true;
  }

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
    const level = this.level(pin, this.pin(pin));
    this.countRead(pin);
    return level;
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
      if (state.irqTrigger) this.countRead(pin);
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
    if (LIGHT_PINS.has(source)) {
      const light = this.hardwareIn[HwIn.light] ?? SENSOR_AUTO;
      return light === SENSOR_AUTO ? lightU16(t) : potentiometerU16(light);
    }
    if (TMP36_PINS.has(source)) return tmp36U16(this.climate().celsius);
    const state = this.pins.get(source);
    if (state && isOutput(state.mode)) return state.out ? 65535 : 0;
    return floatingU16();
  }

  pwmSet(pin: number, freq: number, duty: number): void {
    const previous = this.pwm.get(pin);
    if (previous?.freq === freq && previous.duty === duty) return;
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
    this.roles.clear();
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
    const modes: Record<string, PinRole> = {};
    for (const [pin, state] of this.pins) if (state.mode !== -1) modes[String(pin)] = isOutput(state.mode) ? 'out' : 'in';
    for (const [pin, role] of this.roles) modes[String(pin)] = role;
    for (const pin of this.pwm.keys()) modes[String(pin)] = 'pwm';
    const outputs: HardwareOutputs = { pins, led, pwm, modes, neopixels: this.strips.snapshot() };
    // The display's 1 KiB picture travels only when it changed.
    if (this.oled.takeDirty()) outputs.oled = this.oled.picture();
    return outputs;
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

  /** Tells the host the program has seen the pin's level (after reading it: see `HwIn.firstPinRead`). */
  private countRead(pin: number): void {
    if (pin >= 0 && pin < HwIn.pinCount) Atomics.add(this.hardwareIn, HwIn.firstPinRead + pin, 1);
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
