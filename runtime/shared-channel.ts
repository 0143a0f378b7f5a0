/**
 * The shared memory between the transport (main thread) and the board's worker.
 * The worker spends its life inside the interpreter or blocked in `Atomics.wait`,
 * so it never reads `postMessage`: everything the host tells it travels here.
 * Board output goes the other way by `postMessage`, which a busy worker can send.
 */

/** Indices into the control `Int32Array`. */
export const Ctrl = {
  /** Total bytes the host has put into the input ring (wraps at 2^31, compared by difference). */
  inWrite: 0,
  /** Total bytes the worker has taken out of the input ring. */
  inRead: 1,
  /** Bumped by the host on anything the worker should look at; the worker waits on it. */
  signal: 2,
  /** Bumped by the worker whenever it gets a chance to look around (hooks, idle loop). */
  heartbeat: 3,
  /** Total bytes the worker has put into the output ring. */
  outWrite: 4,
  /** 1 while the worker runs user code, 0 while it waits at a prompt. */
  running: 5,
  /** The REPL mode the worker is in: see `ReplModeCode`. */
  replMode: 6,
  /** Bumped by the host when it changes simulated inputs (pins, potentiometer). */
  hardwareSeq: 7,
  /** Total bytes the host has taken out of the output ring. */
  outRead: 8,
  /** 1 while the host sleeps waiting for output, so the worker knows to wake it. */
  outWaiting: 9,
  /** 1 once the worker's interpreter is up; 0 while it loads one (boot, soft reset). */
  interpreterUp: 10,
  /**
   * Workers start warm and wait: the host sets the boot slots below, then this to 1.
   * So a replacement worker (stuck code, hard reset) is ready in milliseconds.
   */
  activate: 11,
  /** 0 power-on (boot.py, main.py), 1 recovered (neither). */
  bootKind: 12,
  /** A `ReplModeCode`. */
  bootMode: 13,
  /** What `machine.reset_cause()` answers: 1 power-on, 2 hard reset, 3 watchdog, 4 deep sleep. */
  bootCause: 14,
} as const;
export const CONTROL_SLOTS = 15;

export const ReplModeCode = { friendly: 0, raw: 1 } as const;

/** Indices into the hardware-input `Int32Array`: what the outside world drives. */
export const HwIn = {
  /** Pin levels driven from outside, one slot per GPIO; -1 means nobody drives it. */
  firstPin: 0,
  pinCount: 64,
  /** Potentiometer position 0..65535. */
  potentiometer: 64,
  /** Light sensor 0..65535, or `SENSOR_AUTO` for the one-minute day cycle. */
  light: 65,
  /** AHT20 temperature in hundredths of a degree Celsius, or `SENSOR_AUTO` for the room's drift. */
  temperature: 66,
  /** AHT20 relative humidity in hundredths of a percent, or `SENSOR_AUTO`. */
  humidity: 67,
  /**
   * One counter per GPIO, bumped by the worker each time the program reads the pin
   * (`Pin.value()`, or an IRQ looking for its edge): the host keeps a tapped button
   * down until the program has looked at it.
   */
  firstPinRead: 68,
} as const;
export const HARDWARE_SLOTS = HwIn.firstPinRead + HwIn.pinCount;
export const POTENTIOMETER_DEFAULT = 32768;
/** A sensor slot nobody set: the sensor follows its simulated signal. */
export const SENSOR_AUTO = -0x80000000;

/** A fresh hardware-input array: no pin driven, potentiometer centred, sensors automatic. */
export function createHardwareInputs(target: Int32Array = new Int32Array(new SharedArrayBuffer(HARDWARE_SLOTS * 4))): Int32Array {
  target.fill(-1, HwIn.firstPin, HwIn.firstPin + HwIn.pinCount);
  target[HwIn.potentiometer] = POTENTIOMETER_DEFAULT;
  target[HwIn.light] = SENSOR_AUTO;
  target[HwIn.temperature] = SENSOR_AUTO;
  target[HwIn.humidity] = SENSOR_AUTO;
  return target;
}

/** Input ring size: a generous UART receive buffer; the host waits when it is full. */
export const INPUT_RING_BYTES = 64 * 1024;

/** Output ring size. The board blocks when it is full, as on a full UART transmit buffer. */
export const OUTPUT_RING_BYTES = 64 * 1024;

export interface SharedChannel {
  control: Int32Array;
  inputRing: Uint8Array;
  outputRing: Uint8Array;
  hardwareIn: Int32Array;
}

export function createSharedChannel(): SharedChannel {
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  const inputRing = new Uint8Array(new SharedArrayBuffer(INPUT_RING_BYTES));
  const outputRing = new Uint8Array(new SharedArrayBuffer(OUTPUT_RING_BYTES));
  const hardwareIn = createHardwareInputs();
  return { control, inputRing, outputRing, hardwareIn };
}

/** Wakes the worker if it is waiting. */
export function signalWorker(control: Int32Array): void {
  Atomics.add(control, Ctrl.signal, 1);
  Atomics.notify(control, Ctrl.signal);
}

/** Bytes written and not yet read, safe across the 2^31 wrap of the counters. */
export function pendingInput(control: Int32Array): number {
  return (Atomics.load(control, Ctrl.inWrite) - Atomics.load(control, Ctrl.inRead)) | 0;
}

/**
 * Host side: copies as much of `bytes` as fits into the ring and returns how many
 * bytes it took. Single producer, single consumer: only the host writes `inWrite`.
 */
export function pushInput(channel: SharedChannel, bytes: Uint8Array): number {
  const { control, inputRing } = channel;
  const free = inputRing.length - pendingInput(control);
  const count = Math.min(free, bytes.length);
  let write = Atomics.load(control, Ctrl.inWrite);
  for (let i = 0; i < count; i++) {
    inputRing[(write >>> 0) % inputRing.length] = bytes[i]!;
    write = (write + 1) | 0;
  }
  Atomics.store(control, Ctrl.inWrite, write);
  return count;
}

/** Worker side: takes every byte waiting in the ring. */
export function drainInput(channel: SharedChannel): Uint8Array {
  const { control, inputRing } = channel;
  const count = pendingInput(control);
  if (count <= 0) return EMPTY;
  const out = new Uint8Array(count);
  let read = Atomics.load(control, Ctrl.inRead);
  for (let i = 0; i < count; i++) {
    out[i] = inputRing[(read >>> 0) % inputRing.length]!;
    read = (read + 1) | 0;
  }
  Atomics.store(control, Ctrl.inRead, read);
  // The host may be waiting for room in the ring.
  Atomics.notify(control, Ctrl.inRead);
  return out;
}

const EMPTY = new Uint8Array(0);

/** Host side: takes up to `max` bytes the board has sent, and frees their room in the ring. */
export function takeOutput(channel: SharedChannel, max = Infinity): Uint8Array {
  const { control, outputRing } = channel;
  const write = Atomics.load(control, Ctrl.outWrite);
  let read = Atomics.load(control, Ctrl.outRead);
  const count = Math.min(max, (write - read) | 0);
  if (count <= 0) return EMPTY;
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = outputRing[(read >>> 0) % outputRing.length]!;
    read = (read + 1) | 0;
  }
  Atomics.store(control, Ctrl.outRead, read);
  // The board may be waiting for room.
  Atomics.notify(control, Ctrl.outRead);
  return out;
}
