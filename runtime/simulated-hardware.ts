/**
 * The virtual board's simulated hardware as the host sees it: what the outside world
 * drives (buttons, the potentiometer, sensor sliders), kept here and copied into the
 * running worker's shared inputs, and what the program last drove (pins, LED, PWM, OLED,
 * NeoPixels), as the worker reports it. It outlives workers: a replacement (hard reset,
 * stuck code) boots with the same inputs.
 */
import { EventEmitter } from 'node:events';
import type { OledState, VirtualHardwareState, VirtualSensor } from '../preload/contract-types';
import type { BoardWorkerHandle } from './board-worker-handle';
import { Ctrl, HARDWARE_SLOTS, HwIn, SENSOR_AUTO, createHardwareInputs, signalWorker } from './shared-channel';
import { PinHold } from './pin-hold';
import type { HardwareOutputs } from './worker-messages';

export class SimulatedHardware {
  /** The inputs a worker boots with (and the host's copy of the running worker's). */
  readonly inputs = createHardwareInputs(new Int32Array(HARDWARE_SLOTS));
  private readonly emitter = new EventEmitter();
  private outputs: HardwareOutputs = { pins: {}, led: 0, pwm: {}, modes: {}, neopixels: {} };
  private oled: OledState | null = null;
  private readonly pins = new PinHold({
    reads: (pin) => {
      const worker = this.worker();
      return worker ? { worker, count: Atomics.load(worker.channel.hardwareIn, HwIn.firstPinRead + pin) } : null;
    },
    setLevel: (pin, level) => this.setInput(HwIn.firstPin + pin, level),
  });

  /** `worker`: the running worker, or null between workers. */
  constructor(private readonly worker: () => BoardWorkerHandle | null) {}

  /** The simulated hardware as the host shows it. */
  get state(): VirtualHardwareState {
    const pins = { ...this.outputs.pins };
    for (let pin = 0; pin < HwIn.pinCount; pin++) {
      const level = this.inputs[pin]!;
      if (level >= 0 && !(String(pin) in pins)) pins[String(pin)] = level;
    }
    const sensor = (slot: number, scale: number) => (this.inputs[slot] === SENSOR_AUTO ? null : this.inputs[slot]! / scale);
    return {
      pins,
      led: this.outputs.led,
      potentiometer: this.inputs[HwIn.potentiometer]!,
      pwm: { ...this.outputs.pwm },
      modes: { ...this.outputs.modes },
      light: sensor(HwIn.light, 1),
      temperature: sensor(HwIn.temperature, 100),
      humidity: sensor(HwIn.humidity, 100),
      oled: this.oled,
      neopixels: { ...this.outputs.neopixels },
    };
  }

  /** What the worker reports the program drove. */
  driven(outputs: HardwareOutputs): void {
    this.outputs = outputs;
    if (outputs.oled) {
      const { on, contrast, frame } = outputs.oled;
      this.oled = { on, contrast, frame: Buffer.from(frame).toString('base64') };
    }
    this.emitter.emit('state', this.state);
  }

  /** Drives an input pin from outside (a button), or lets it go with `null` once the program saw it (pin-hold.ts). */
  setPin(pin: number, level: 0 | 1 | null): void {
    if (level === null) this.pins.release(pin);
    else this.pins.drive(pin, level);
  }

  setPotentiometer(position: number): void {
    this.setInput(HwIn.potentiometer, Math.max(0, Math.min(65535, Math.round(position))));
  }

  /** Sets a sensor slider (light 0..65535, temperature °C, humidity %), or back to automatic with null. */
  setSensor(sensor: VirtualSensor, value: number | null): void {
    const slot = HwIn[sensor];
    if (value === null) this.setInput(slot, SENSOR_AUTO);
    else if (sensor === 'light') this.setInput(slot, Math.max(0, Math.min(65535, Math.round(value))));
    else this.setInput(slot, Math.round(Math.max(sensor === 'temperature' ? -40 : 0, Math.min(sensor === 'temperature' ? 85 : 100, value)) * 100));
  }

  /** Calls `listener` whenever the simulated hardware changes; returns an unsubscribe function. */
  onStateChanged(listener: (state: VirtualHardwareState) => void): () => void {
    this.emitter.on('state', listener);
    return () => this.emitter.off('state', listener);
  }

  private setInput(slot: number, value: number): void {
    this.inputs[slot] = value;
    const worker = this.worker();
    if (worker) {
      Atomics.store(worker.channel.hardwareIn, slot, value);
      Atomics.add(worker.control, Ctrl.hardwareSeq, 1);
      signalWorker(worker.control);
    }
    this.emitter.emit('state', this.state);
  }
}
